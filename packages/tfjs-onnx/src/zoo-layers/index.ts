/** genzoo's custom tfjs layers; importing this module registers them with tfjs serialization. */
export {
  ConditionalBatchNormalization,
  conditionalBatchNormalization,
  type ConditionalBatchNormalizationArgs,
  type Conditioning,
} from './conditional-batch-normalization.js';
export { PixelNormalization, pixelNormalization, type PixelNormalizationArgs } from './pixel-normalization.js';
export { SelfAttention2D, selfAttention2D, type SelfAttention2DArgs } from './self-attention-2d.js';
export {
  SpectralNormalization,
  spectralNormalization,
  SPECTRAL_NORM_WRAPPABLE,
  type SpectralNormalizationArgs,
} from './spectral-normalization.js';
