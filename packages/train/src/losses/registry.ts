import { minimaxLoss, nonSaturatingLoss } from './cross-entropy-losses.js';
import { hingeLoss, leastSquaresLoss, wassersteinLoss } from './critic-losses.js';
import { F_GAN_LOSSES } from './f-gan-loss.js';
import type { GanLoss } from './gan-loss.js';

/** Every adversarial loss `--loss` accepts, by name. */
export const GAN_LOSSES: ReadonlyMap<string, GanLoss> = new Map(
  [nonSaturatingLoss, minimaxLoss, wassersteinLoss, hingeLoss, leastSquaresLoss, ...F_GAN_LOSSES].map((loss) => [loss.name, loss]),
);

/** Default adversarial loss of the zoo's GANs. */
export const DEFAULT_GAN_LOSS = 'non-saturating';

/** Looks a loss up, with a one-line error listing the known ones. */
export function getGanLoss(name: string): GanLoss {
  const loss = GAN_LOSSES.get(name);
  if (loss === undefined) throw new Error(`unknown loss '${name}' (expected one of ${[...GAN_LOSSES.keys()].join(', ')})`);
  return loss;
}
