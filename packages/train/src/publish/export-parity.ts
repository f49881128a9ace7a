import * as tf from '@tensorflow/tfjs';
import { OrtAdapter, tensor, type GraphSpec, type TensorData } from '@genzoo/node';

/** Largest |tfjs − onnxruntime| the export accepts. */
export const PARITY_TOLERANCE = 1e-4;

/** Converts NHWC ↔ NCHW for image tensors, since tfjs works NHWC and our graphs take NCHW. */
function toOnnxLayout(value: tf.Tensor, spec: GraphSpec['inputs'][number]): tf.Tensor {
  return spec.layout === 'NCHW' && value.rank === 4 ? tf.transpose(value, [0, 3, 1, 2]) : value;
}

/**
 * A batch for one input as the runtimes feed it: one-hot rows cycling through the classes for a `label` input (a
 * Gaussian "label" drives conditional batch norm far outside anything a caller can feed, and the float32 rounding of
 * those huge activations with it), seeded standard-normal values for every other input.
 */
export function parityInput(shape: number[], spec: GraphSpec['inputs'][number] | undefined): tf.Tensor {
  if (spec?.role === 'label' && shape.length === 2) {
    const [batch, classes] = shape as [number, number];
    return tf.tidy(() => tf.oneHot(tf.tensor1d(Array.from({ length: batch }, (_, row) => row % classes), 'int32'), classes).toFloat());
  }
  return tf.randomNormal(shape, 0, 1, 'float32', 7);
}

/**
 * Runs the tfjs model and the exported graph (onnxruntime-node, cpu) on the same batch of the inputs it is made for
 * and returns the largest absolute difference over all outputs.
 * @throws when the difference exceeds {@link PARITY_TOLERANCE}: a wrong graph never ships.
 */
export async function measureExportParity(model: tf.LayersModel, onnx: Uint8Array, spec: GraphSpec, batch = 8): Promise<number> {
  const session = await new OrtAdapter().createSession(onnx, 'cpu');
  try {
    const inputs = model.inputs.map((input, index) => parityInput([batch, ...input.shape.slice(1).map((dim) => dim ?? 1)], spec.inputs[index]));
    const expected = ([] as tf.Tensor[]).concat(model.predict(inputs.length === 1 ? inputs[0]! : inputs) as tf.Tensor | tf.Tensor[]);
    const feeds: Record<string, TensorData> = {};
    spec.inputs.forEach((input, index) => {
      const value = toOnnxLayout(inputs[index]!, input);
      feeds[input.name] = tensor(value.dataSync() as Float32Array, value.shape);
    });
    const actual = await session.run(feeds);
    let maxError = 0;
    spec.outputs.forEach((output, index) => {
      const reference = toOnnxLayout(expected[index]!, output).dataSync();
      const got = actual[output.name]!.data;
      for (let i = 0; i < reference.length; i++) maxError = Math.max(maxError, Math.abs(reference[i]! - got[i]!));
    });
    tf.dispose([...inputs, ...expected]);
    if (!(maxError <= PARITY_TOLERANCE)) {
      throw new Error(`export of ${spec.file} differs from tfjs by ${maxError.toExponential(2)} (limit ${PARITY_TOLERANCE}); not shipping it`);
    }
    return maxError;
  } finally {
    await session.release();
  }
}
