import { registerConditionalBatchNormalizationConverter } from './conditional-batch-normalization-converter.js';
import { registerPixelNormalizationConverter } from './pixel-normalization-converter.js';
import { registerSelfAttention2DConverter } from './self-attention-2d-converter.js';
import { registerSpectralNormalizationConverter } from './spectral-normalization-converter.js';

/** Registers the converters of the genzoo custom layers. */
export function registerZooLayerConverters(): void {
  registerSpectralNormalizationConverter();
  registerPixelNormalizationConverter();
  registerConditionalBatchNormalizationConverter();
  registerSelfAttention2DConverter();
}
