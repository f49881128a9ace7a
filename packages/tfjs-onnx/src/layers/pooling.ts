import { attr } from '../ir/attributes.js';
import { configString, configTuple, type LayerConfig } from '../convert/config.js';
import { registerLayerConverter } from '../convert/registry.js';
import { forwardPads } from './conv-padding.js';
import { checkDataFormat, spatialInput } from './spatial-input.js';

function checkPooling(config: LayerConfig): string[] {
  const issues = checkDataFormat(config);
  const padding = configString(config, 'padding', 'valid');
  if (padding !== 'same' && padding !== 'valid') issues.push(`option padding='${padding}' is not supported`);
  return issues;
}

function pooling(opType: 'MaxPool' | 'AveragePool', spatialRank: number) {
  return {
    check: checkPooling,
    convert: (ctx: Parameters<typeof spatialInput>[0], call: Parameters<typeof spatialInput>[1]) => {
      const input = spatialInput(ctx, call, spatialRank);
      const kernel = configTuple(call.config, 'poolSize', spatialRank, 2);
      const strides = call.config['strides'] == null ? kernel : configTuple(call.config, 'strides', spatialRank, 1);
      const padding = configString(call.config, 'padding', 'valid');
      const pads = forwardPads(padding, input.spatial, kernel, strides, new Array<number>(spatialRank).fill(1));
      // AveragePool's default count_include_pad=0 matches TensorFlow's 'same' averaging.
      const attrs = { kernel_shape: attr.ints(kernel), strides: attr.ints(strides), pads: attr.ints(pads) };
      return [{ name: ctx.op(opType, [input.name], attrs, call.name), perm: input.outPerm }];
    },
  };
}

function globalPooling(opType: 'GlobalMaxPool' | 'GlobalAveragePool', spatialRank: number) {
  return {
    check: (config: LayerConfig) => [
      ...checkDataFormat(config),
      ...(config['keepDims'] ? ['option keepDims=true is not supported'] : []),
    ],
    convert: (ctx: Parameters<typeof spatialInput>[0], call: Parameters<typeof spatialInput>[1]) => {
      const input = spatialInput(ctx, call, spatialRank);
      const pooled = ctx.op(opType, [input.name], {}, `${call.name}_pool`);
      return [{ name: ctx.op('Flatten', [pooled], { axis: attr.int(1) }, call.name), perm: null }];
    },
  };
}

/** Registers Max/AveragePooling1D/2D and GlobalMax/AveragePooling1D/2D. */
export function registerPoolingLayers(): void {
  registerLayerConverter('MaxPooling1D', pooling('MaxPool', 1));
  registerLayerConverter('MaxPooling2D', pooling('MaxPool', 2));
  registerLayerConverter('AveragePooling1D', pooling('AveragePool', 1));
  registerLayerConverter('AveragePooling2D', pooling('AveragePool', 2));
  registerLayerConverter('GlobalMaxPooling1D', globalPooling('GlobalMaxPool', 1));
  registerLayerConverter('GlobalMaxPooling2D', globalPooling('GlobalMaxPool', 2));
  registerLayerConverter('GlobalAveragePooling1D', globalPooling('GlobalAveragePool', 1));
  registerLayerConverter('GlobalAveragePooling2D', globalPooling('GlobalAveragePool', 2));
}
