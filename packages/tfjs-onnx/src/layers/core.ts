import { attr } from '../ir/attributes.js';
import { configString } from '../convert/config.js';
import { channelsFirstPerm, invertPerm, physicalAxis } from '../convert/layout.js';
import { registerLayerConverter } from '../convert/registry.js';
import { checkActivation, emitActivation } from './activation-functions.js';
import { first } from './layer-utils.js';

/** Registers InputLayer, Dense, Activation, the Dropout family, Flatten, Reshape, Permute, RepeatVector. */
export function registerCoreLayers(): void {
  registerLayerConverter('InputLayer', {
    convert(_ctx, call) {
      throw new Error(`input layer '${call.layer.name}' is not bound to a graph input`);
    },
  });

  registerLayerConverter('Dense', {
    check: (config) => checkActivation(configString(config, 'activation', 'linear')),
    convert(ctx, call) {
      const x = first(call);
      const rank = x.shape.length;
      const kernel = ctx.weight(call.layer, 'kernel');
      const bias = ctx.optionalWeight(call.layer, 'bias');
      const w = ctx.constFloat(`${call.name}_kernel`, kernel.data, kernel.shape);
      const b = bias ? ctx.constFloat(`${call.name}_bias`, bias.data, bias.shape) : null;
      const input = ctx.logical(x);
      let y: string;
      if (rank === 2) {
        y = ctx.op('Gemm', b ? [input, w, b] : [input, w], {}, `${call.name}_gemm`);
      } else {
        y = ctx.op('MatMul', [input, w], {}, `${call.name}_matmul`);
        if (b) y = ctx.op('Add', [y, b], {}, `${call.name}_bias_add`);
      }
      const activation = configString(call.config, 'activation', 'linear');
      return [{ name: emitActivation(ctx, activation, y, rank - 1, call.name), perm: null }];
    },
  });

  registerLayerConverter('Activation', {
    check: (config) => checkActivation(configString(config, 'activation', 'linear')),
    convert(ctx, call) {
      const x = first(call);
      const axis = physicalAxis(x.perm, -1, x.shape.length);
      return [{ name: emitActivation(ctx, configString(call.config, 'activation', 'linear'), x.name, axis, call.name), perm: x.perm }];
    },
  });

  for (const className of ['Dropout', 'SpatialDropout1D', 'GaussianNoise', 'GaussianDropout', 'AlphaDropout']) {
    registerLayerConverter(className, {
      convert: (_ctx, call) => [{ name: first(call).name, perm: first(call).perm }],
    });
  }

  registerLayerConverter('Flatten', {
    check: (config) => {
      const format = configString(config, 'dataFormat', 'channelsLast');
      return format === 'channelsLast' || format === 'channelsFirst' ? [] : [`option dataFormat='${format}' is not supported`];
    },
    convert(ctx, call) {
      const x = first(call);
      if (x.shape.length <= 2) return [{ name: ctx.logical(x), perm: null }];
      const channelsFirst = configString(call.config, 'dataFormat', 'channelsLast') === 'channelsFirst';
      const input = channelsFirst ? ctx.toLayout(x, channelsFirstPerm(x.shape.length)) : ctx.logical(x);
      return [{ name: ctx.op('Flatten', [input], { axis: attr.int(1) }, call.name), perm: null }];
    },
  });

  registerLayerConverter('Reshape', {
    convert(ctx, call) {
      const target = call.config['targetShape'] as number[];
      const shape = ctx.constInt64(`${call.name}_shape`, [0, ...target]);
      return [{ name: ctx.op('Reshape', [ctx.logical(first(call)), shape], {}, call.name), perm: null }];
    },
  });

  // Permute only relabels axes: the physical tensor is reused with a new layout, so it costs
  // nothing unless a consumer needs a specific order.
  registerLayerConverter('Permute', {
    convert(_ctx, call) {
      const x = first(call);
      const rank = x.shape.length;
      const outToIn = [0, ...(call.config['dims'] as number[])];
      const inToOut = invertPerm(outToIn);
      const inPerm = x.perm ?? Array.from({ length: rank }, (_, i) => i);
      return [{ name: x.name, perm: inPerm.map((axis) => inToOut[axis]!) }];
    },
  });

  registerLayerConverter('RepeatVector', {
    convert(ctx, call) {
      const n = call.config['n'] as number;
      const x = first(call);
      const expanded = ctx.op('Reshape', [ctx.logical(x), ctx.constInt64(`${call.name}_shape`, [0, 1, -1])], {}, `${call.name}_unsqueezed`);
      const target = ctx.constInt64(`${call.name}_repeats`, [1, n, 1]);
      return [{ name: ctx.op('Expand', [expanded, target], {}, call.name), perm: null }];
    },
  });
}
