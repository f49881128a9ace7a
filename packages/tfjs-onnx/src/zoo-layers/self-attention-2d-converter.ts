import { attr } from '../ir/attributes.js';
import type { ConversionContext } from '../convert/conversion-context.js';
import { channelsFirstPerm } from '../convert/layout.js';
import { registerLayerConverter, type LayerCall } from '../convert/registry.js';
import { transposeData } from '../convert/transpose-data.js';
import { first } from '../layers/layer-utils.js';

/** W·x + b on [batch, C, N] positions: a tfjs [C, out] kernel becomes the left factor [out, C]. */
function project(ctx: ConversionContext, call: LayerCall, positions: string, which: 'query' | 'key' | 'value'): string {
  const kernel = ctx.weight(call.layer, `${which}Kernel`);
  const w = transposeData(kernel.data, kernel.shape, [1, 0]);
  const product = ctx.op('MatMul', [ctx.constFloat(`${call.name}_${which}_kernel`, w.data, w.shape), positions], {}, `${call.name}_${which}_matmul`);
  const bias = ctx.optionalWeight(call.layer, `${which}Bias`);
  if (!bias) return product;
  const b = ctx.constFloat(`${call.name}_${which}_bias`, bias.data, [bias.data.length, 1]);
  return ctx.op('Add', [product, b], {}, `${call.name}_${which}`);
}

/**
 * Registers SelfAttention2D on the channels-first tensor: positions X = [batch, C, N], projections
 * F, G, H = W·X + b, attention transposed Aᵀ = softmax over axis 1 of Gᵀ·F ([batch, N_key, N_query]),
 * O = H·Aᵀ, y = x + γ·O. The one Transpose (of G, C/8 × N) is inherent to the attention product.
 */
export function registerSelfAttention2DConverter(): void {
  registerLayerConverter('SelfAttention2D', {
    convert(ctx, call) {
      const x = first(call);
      if (x.shape.length !== 4) throw new Error(`expects an NHWC input, got rank ${x.shape.length}`);
      const [, height, width, channels] = x.shape;
      if (height == null || width == null || channels == null) throw new Error('height, width and channels of the input must be known');
      const input = ctx.channelsFirst(x);
      const positions = ctx.op('Reshape', [input, ctx.constInt64(`${call.name}_positions_shape`, [0, channels, height * width])], {}, `${call.name}_positions`);
      const query = project(ctx, call, positions, 'query');
      const key = project(ctx, call, positions, 'key');
      const value = project(ctx, call, positions, 'value');
      const keyT = ctx.op('Transpose', [key], { perm: attr.ints([0, 2, 1]) }, `${call.name}_key_t`);
      const scores = ctx.op('MatMul', [keyT, query], {}, `${call.name}_scores_t`);
      const attention = ctx.op('Softmax', [scores], { axis: attr.int(1) }, `${call.name}_attention_t`);
      const attended = ctx.op('MatMul', [value, attention], {}, `${call.name}_attended`);
      const image = ctx.op('Reshape', [attended, ctx.constInt64(`${call.name}_image_shape`, [0, channels, height, width])], {}, `${call.name}_attended_image`);
      const gamma = ctx.weight(call.layer, 'gamma');
      const scaled = ctx.op('Mul', [image, ctx.constFloat(`${call.name}_gamma`, gamma.data, [])], {}, `${call.name}_scaled`);
      return [{ name: ctx.op('Add', [input, scaled], {}, call.name), perm: channelsFirstPerm(4) }];
    },
  });
}
