import { attr } from '../ir/attributes.js';
import { configBool, configNumber } from '../convert/config.js';
import { physicalAxis } from '../convert/layout.js';
import { registerLayerConverter } from '../convert/registry.js';
import { channelDims, first } from './layer-utils.js';

/** Registers BatchNormalization (inference form) and LayerNormalization. */
export function registerNormalizationLayers(): void {
  registerLayerConverter('BatchNormalization', {
    check(config) {
      const axis = config['axis'];
      return typeof axis === 'number' || axis === undefined ? [] : [`option axis=${JSON.stringify(axis)} is not supported`];
    },
    convert(ctx, call) {
      const x = first(call);
      const rank = x.shape.length;
      const axis = physicalAxis(x.perm, configNumber(call.config, 'axis', -1), rank);
      const epsilon = configNumber(call.config, 'epsilon', 1e-3);
      const mean = ctx.weight(call.layer, 'movingMean').data;
      const variance = ctx.weight(call.layer, 'movingVariance').data;
      const gamma = configBool(call.config, 'scale', true) ? ctx.optionalWeight(call.layer, 'gamma')?.data : undefined;
      const beta = configBool(call.config, 'center', true) ? ctx.optionalWeight(call.layer, 'beta')?.data : undefined;
      // Inference BN is the affine map x·s + t per channel; Mul/Add fold into a preceding conv later.
      const channels = mean.length;
      const s = new Float32Array(channels);
      const t = new Float32Array(channels);
      for (let c = 0; c < channels; c++) {
        s[c] = (gamma ? gamma[c]! : 1) / Math.sqrt(variance[c]! + epsilon);
        t[c] = (beta ? beta[c]! : 0) - mean[c]! * s[c]!;
      }
      const dims = channelDims(channels, axis, rank);
      const scaled = ctx.op('Mul', [x.name, ctx.constFloat(`${call.name}_scale`, s, dims)], {}, `${call.name}_mul`);
      return [{ name: ctx.op('Add', [scaled, ctx.constFloat(`${call.name}_shift`, t, dims)], {}, call.name), perm: x.perm }];
    },
  });

  registerLayerConverter('LayerNormalization', {
    convert(ctx, call) {
      const x = first(call);
      const rank = x.shape.length;
      const rawAxis = call.config['axis'] ?? -1;
      const axes = (Array.isArray(rawAxis) ? (rawAxis as number[]) : [rawAxis as number]).map((a) => (a < 0 ? a + rank : a)).sort();
      const firstAxis = axes[0]!;
      if (axes.some((a, i) => a !== firstAxis + i) || axes[axes.length - 1] !== rank - 1) {
        throw new Error(`option axis=${JSON.stringify(rawAxis)} is not supported (only trailing axes)`);
      }
      const epsilon = configNumber(call.config, 'epsilon', 1e-3);
      const paramShape = axes.map((a) => x.shape[a] as number);
      const size = paramShape.reduce((a, b) => a * b, 1);
      const gamma = configBool(call.config, 'scale', true) ? ctx.weight(call.layer, 'gamma').data : new Float32Array(size).fill(1);
      const beta = configBool(call.config, 'center', true) ? ctx.weight(call.layer, 'beta').data : null;
      const input = ctx.logical(x);
      const g = ctx.constFloat(`${call.name}_gamma`, gamma, paramShape);
      const b = beta ? ctx.constFloat(`${call.name}_beta`, beta, paramShape) : null;
      if (ctx.opset >= 17) {
        const attrs = { axis: attr.int(firstAxis), epsilon: attr.float(epsilon) };
        return [{ name: ctx.op('LayerNormalization', b ? [input, g, b] : [input, g], attrs, call.name), perm: null }];
      }
      const reduce = { axes: attr.ints(axes), keepdims: attr.int(1) };
      const mean = ctx.op('ReduceMean', [input], reduce, `${call.name}_mean`);
      const centered = ctx.op('Sub', [input, mean], {}, `${call.name}_centered`);
      const variance = ctx.op('ReduceMean', [ctx.op('Mul', [centered, centered], {}, `${call.name}_sq`)], reduce, `${call.name}_var`);
      const std = ctx.op('Sqrt', [ctx.op('Add', [variance, ctx.scalar(`${call.name}_eps`, epsilon)], {}, `${call.name}_var_eps`)], {}, `${call.name}_std`);
      const scaled = ctx.op('Mul', [ctx.op('Div', [centered, std], {}, `${call.name}_normed`), g], {}, `${call.name}_scaled`);
      return [{ name: b ? ctx.op('Add', [scaled, b], {}, call.name) : scaled, perm: null }];
    },
  });
}
