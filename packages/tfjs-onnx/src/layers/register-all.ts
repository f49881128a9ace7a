import { registerActivationLayers } from './activations.js';
import { registerConvolutionalLayers } from './convolutional.js';
import { registerCoreLayers } from './core.js';
import { registerEmbeddingLayers } from './embeddings.js';
import { registerMergeLayers } from './merge.js';
import { registerNormalizationLayers } from './normalization.js';
import { registerPoolingLayers } from './pooling.js';
import { registerSpatialLayers } from './spatial.js';
import { registerZooLayerConverters } from '../zoo-layers/register-zoo-converters.js';

let registered = false;

/** Registers every built-in layer converter (idempotent). */
export function registerAllLayerConverters(): void {
  if (registered) return;
  registered = true;
  registerCoreLayers();
  registerActivationLayers();
  registerConvolutionalLayers();
  registerNormalizationLayers();
  registerMergeLayers();
  registerPoolingLayers();
  registerSpatialLayers();
  registerEmbeddingLayers();
  registerZooLayerConverters();
}
