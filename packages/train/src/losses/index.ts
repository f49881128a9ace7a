export type { GanLoss, DiscriminatorLossOptions } from './gan-loss.js';
export { minimaxLoss, nonSaturatingLoss } from './cross-entropy-losses.js';
export { wassersteinLoss, hingeLoss, leastSquaresLoss } from './critic-losses.js';
export { F_DIVERGENCES, type FDivergence } from './f-divergences.js';
export { fGanLoss, F_GAN_LOSSES } from './f-gan-loss.js';
export { GAN_LOSSES, DEFAULT_GAN_LOSS, getGanLoss } from './registry.js';
