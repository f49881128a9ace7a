import { attr } from '../ir/attributes.js';
import { OnnxDataType } from '../onnx/data-type.js';
import { registerLayerConverter } from '../convert/registry.js';
import { first } from './layer-utils.js';

/** Registers Embedding (indices are truncated to integers like tfjs's cast to int32). */
export function registerEmbeddingLayers(): void {
  registerLayerConverter('Embedding', {
    check: (config) => (config['maskZero'] ? ['option maskZero=true (masking) is not supported'] : []),
    convert(ctx, call) {
      const x = first(call);
      const table = ctx.weight(call.layer, 'embeddings');
      const indices = ctx.op('Cast', [ctx.logical(x)], { to: attr.int(OnnxDataType.INT64) }, `${call.name}_indices`);
      const weights = ctx.constFloat(`${call.name}_embeddings`, table.data, table.shape);
      return [{ name: ctx.op('Gather', [weights, indices], { axis: attr.int(0) }, call.name), perm: null }];
    },
  });
}
