/** Test harness: run a tfjs model and its ONNX export side by side and measure the difference. */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import * as ort from 'onnxruntime-node';
import { convertLayersModel, type ConversionResult, type ConvertOptions } from '../src/index.js';
import { inferenceCoverage, runtimeShapeMismatches } from './inference-coverage.js';
import { randomizeWeights } from '../src/testing/random-weights.js';

export { tf, tfl, randomizeWeights };

let ready: Promise<boolean> | undefined;
/** Selects the tfjs cpu backend once. */
export function useCpuBackend(): Promise<boolean> {
  ready ??= tf.setBackend('cpu');
  return ready;
}

/** Runs an ONNX model (bytes) in onnxruntime-node on one thread. */
export async function runOnnx(bytes: Uint8Array, feeds: Record<string, ort.Tensor>): Promise<Record<string, ort.Tensor>> {
  const session = await ort.InferenceSession.create(bytes, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  });
  try {
    return await session.run(feeds);
  } finally {
    await session.release();
  }
}

export interface ParityResult {
  /** Largest absolute difference over all outputs and batch sizes. */
  maxError: number;
  /** Largest relative L2 error ‖onnx − tfjs‖₂ / ‖tfjs‖₂ over all outputs and batch sizes. */
  relL2: number;
  conversion: ConversionResult;
}

/**
 * Converts `model`, runs tfjs predict and onnxruntime on the same random inputs (for each
 * batch size) and returns the largest absolute difference over all outputs.
 */
export async function checkParity(
  model: tfl.LayersModel,
  options: ConvertOptions & { batchSizes?: number[]; seed?: number; makeInput?: (shape: number[], i: number) => tf.Tensor } = {},
): Promise<ParityResult> {
  await useCpuBackend();
  const { batchSizes = [1, 5], seed = 7, makeInput, ...convertOptions } = options;
  const conversion = convertLayersModel(model, convertOptions);
  // Every converted model in the suite doubles as a shape-inference check: each op type it uses
  // has an inference function and every intermediate value gets a static shape (batch aside).
  const coverage = inferenceCoverage(conversion.bytes);
  if (coverage.missingInference.length > 0) throw new Error(`no shape inference for ${coverage.missingInference.join(', ')}`);
  if (coverage.notFullyKnown.length > 0) throw new Error(`shapes not fully inferred for ${coverage.notFullyKnown.join(', ')}`);
  const wrongShapes = await runtimeShapeMismatches(conversion.bytes);
  if (wrongShapes.length > 0) throw new Error(`inferred shapes differ from onnxruntime's: ${wrongShapes.join('; ')}`);
  let maxError = 0;
  let relL2 = 0;
  for (const batch of batchSizes) {
    const inputs = model.inputs.map((input, i) => {
      const shape = [batch, ...(input.shape.slice(1) as number[])];
      return makeInput ? makeInput(shape, i) : tf.randomNormal(shape, 0, 1, 'float32', seed + batch * 10 + i);
    });
    const predicted = model.predict(inputs.length === 1 ? inputs[0]! : inputs);
    const expected = Array.isArray(predicted) ? predicted : [predicted];
    const feeds: Record<string, ort.Tensor> = {};
    conversion.inputs.forEach((spec, i) => {
      const logical = inputs[i]!;
      const physical = spec.layout === 'NCHW' ? tf.transpose(logical, [0, 3, 1, 2]) : logical;
      const data = physical.dtype === 'int32' ? Int32Array.from(physical.dataSync()) : Float32Array.from(physical.dataSync());
      feeds[spec.name] = new ort.Tensor(physical.dtype === 'int32' ? 'int32' : 'float32', data, physical.shape);
    });
    const results = await runOnnx(conversion.bytes, feeds);
    conversion.outputs.forEach((spec, i) => {
      const actual = results[spec.name]!;
      const want = spec.layout === 'NCHW' ? tf.transpose(expected[i]!, [0, 3, 1, 2]) : expected[i]!;
      const wantShape = want.shape.join(',');
      if (actual.dims.join(',') !== wantShape) {
        throw new Error(`output '${spec.name}' has shape [${actual.dims.join(', ')}], tfjs gives [${wantShape}]`);
      }
      const a = actual.data as Float32Array;
      const b = want.dataSync();
      let diff2 = 0;
      let ref2 = 0;
      for (let j = 0; j < b.length; j++) {
        const d = Math.abs(a[j]! - b[j]!);
        if (!(d <= maxError)) maxError = Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
        diff2 += d * d;
        ref2 += b[j]! * b[j]!;
      }
      const rel = Math.sqrt(diff2) / Math.max(Math.sqrt(ref2), 1e-30);
      if (!(rel <= relL2)) relL2 = Number.isNaN(rel) ? Number.POSITIVE_INFINITY : rel;
    });
  }
  return { maxError, relL2, conversion };
}

/** Logs a parity figure in a stable format. */
export function logError(label: string, result: ParityResult): void {
  const r = result.conversion.report;
  console.log(`[parity] ${label}: max abs error ${result.maxError.toExponential(2)}, rel L2 ${result.relL2.toExponential(2)} (nodes ${Object.entries(r.nodesByType).map(([k, v]) => `${k}:${v}`).join(' ')}; transposes ${r.transposes})`);
}
