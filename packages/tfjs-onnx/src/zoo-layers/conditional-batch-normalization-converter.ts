import { configNumber, configString } from '../convert/config.js';
import { channelsFirstPerm, physicalAxis } from '../convert/layout.js';
import { registerLayerConverter } from '../convert/registry.js';
import type { TensorRef } from '../convert/tensor-ref.js';
import { channelDims } from '../layers/layer-utils.js';

/**
 * Registers ConditionalBatchNormalization: the moving-statistics normalization is a constant
 * per-channel Mul/Add (which folds into a preceding conv), then γ(c) and β(c) are Gemms on the
 * condition, reshaped to broadcast over the channel axis of x's layout.
 */
export function registerConditionalBatchNormalizationConverter(): void {
  registerLayerConverter('ConditionalBatchNormalization', {
    check(config) {
      const conditioning = configString(config, 'conditioning', 'onehot');
      return conditioning === 'onehot' || conditioning === 'embedding' ? [] : [`option conditioning='${conditioning}' is not supported`];
    },
    convert(ctx, call) {
      if (call.inputs.length !== 2) throw new Error(`expects [features, condition], got ${call.inputs.length} inputs`);
      const [x, c] = call.inputs as [TensorRef, TensorRef];
      const rank = x.shape.length;
      // Images go channels-first, as the next conv wants them: right after a Dense → Reshape the
      // Transpose this needs is then absorbed into the Dense weights. Per-sample γ/β are reshaped
      // with a leading 0 (copy the batch), so batch must be physical axis 0.
      const input =
        rank === 4 && !x.perm
          ? { ...x, name: ctx.channelsFirst(x), perm: channelsFirstPerm(4) }
          : x.perm && x.perm[0] !== 0
            ? { ...x, name: ctx.logical(x), perm: null }
            : x;
      const axis = physicalAxis(input.perm, -1, rank);
      const epsilon = configNumber(call.config, 'epsilon', 1e-3);
      const mean = ctx.weight(call.layer, 'movingMean').data;
      const variance = ctx.weight(call.layer, 'movingVariance').data;
      const channels = mean.length;
      const scale = new Float32Array(channels);
      const shift = new Float32Array(channels);
      for (let ch = 0; ch < channels; ch++) {
        scale[ch] = 1 / Math.sqrt(variance[ch]! + epsilon);
        shift[ch] = -mean[ch]! * scale[ch]!;
      }
      const dims = channelDims(channels, axis, rank);
      const scaled = ctx.op('Mul', [input.name, ctx.constFloat(`${call.name}_scale`, scale, dims)], {}, `${call.name}_mul`);
      const normalized = ctx.op('Add', [scaled, ctx.constFloat(`${call.name}_shift`, shift, dims)], {}, `${call.name}_normalized`);

      const condition = ctx.logical(c);
      const gammaTable = ctx.weight(call.layer, 'gammaKernel');
      const betaTable = ctx.weight(call.layer, 'betaKernel');
      const gammaInputs = [condition, ctx.constFloat(`${call.name}_gamma_kernel`, gammaTable.data, gammaTable.shape)];
      if (configString(call.config, 'conditioning', 'onehot') === 'embedding') {
        gammaInputs.push(ctx.constFloat(`${call.name}_gamma_offset`, new Float32Array(channels).fill(1), [channels]));
      }
      let gamma = ctx.op('Gemm', gammaInputs, {}, `${call.name}_gamma`);
      const betaKernel = ctx.constFloat(`${call.name}_beta_kernel`, betaTable.data, betaTable.shape);
      let beta = ctx.op('Gemm', [condition, betaKernel], {}, `${call.name}_beta`);
      if (rank > 2) {
        const shape = ctx.constInt64(`${call.name}_broadcast_shape`, [0, ...Array.from({ length: rank - 1 }, (_, i) => (i + 1 === axis ? channels : 1))]);
        gamma = ctx.op('Reshape', [gamma, shape], {}, `${call.name}_gamma_broadcast`);
        beta = ctx.op('Reshape', [beta, shape], {}, `${call.name}_beta_broadcast`);
      }
      const modulated = ctx.op('Mul', [normalized, gamma], {}, `${call.name}_modulated`);
      return [{ name: ctx.op('Add', [modulated, beta], {}, call.name), perm: input.perm }];
    },
  });
}
