import { attr } from '../ir/attributes.js';
import { OnnxDataType } from '../onnx/data-type.js';
import { numberToFloat16Bits } from '../onnx/tensor-bytes.js';
import type { IrGraph } from '../ir/types.js';

/** Initializers smaller than this stay float32 (scalars and small constants gain nothing). */
const MIN_ELEMENTS = 64;

/**
 * Stores float32 weights as float16 initializers followed by a Cast back to float32, so the
 * file shrinks by half while the computation stays float32.
 */
export function storeWeightsAsFloat16(graph: IrGraph): void {
  const casts = [];
  for (const init of [...graph.initializers.values()]) {
    if (init.elemType !== 'float32' || init.data.length < MIN_ELEMENTS) continue;
    const source = init.data as Float32Array;
    const half = new Uint16Array(source.length);
    for (let i = 0; i < source.length; i++) half[i] = numberToFloat16Bits(source[i]!);
    const halfName = `${init.name}_fp16`;
    graph.initializers.delete(init.name);
    graph.initializers.set(halfName, { name: halfName, elemType: 'float16', dims: init.dims, data: half });
    casts.push({
      name: `${init.name}_cast`,
      opType: 'Cast',
      inputs: [halfName],
      outputs: [init.name],
      attributes: { to: attr.int(OnnxDataType.FLOAT) },
    });
  }
  graph.nodes.unshift(...casts);
}
