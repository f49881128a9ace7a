import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type * as Ort from 'onnxruntime-node';
import type { ConversionResult } from '../convert/options.js';
import { CliError, firstLine } from './cli-error.js';

/** How closely the exported graph reproduces tfjs on random inputs. */
export interface ParityFigures {
  /** Largest ‖onnx − tfjs‖₂ / ‖tfjs‖₂ over outputs and batch sizes. */
  relL2: number;
  /** Largest absolute difference. */
  maxAbs: number;
  batchSizes: number[];
  /** The bound relL2 was held to: 1e-5 with float32 weights, 1e-2 with float16. */
  tolerance: number;
  ok: boolean;
}

const BATCH_SIZES = [1, 3];

async function importOrt(): Promise<typeof Ort> {
  try {
    return await import('onnxruntime-node');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND') {
      throw new CliError('--check needs onnxruntime-node, an optional peer dependency of @genzoo/tfjs-onnx: npm install onnxruntime-node');
    }
    throw new CliError(`--check cannot load onnxruntime-node: ${firstLine((error as Error).message)}`);
  }
}

/** Random input i: integer ids below `inputDim` when it feeds an Embedding, else standard normal. */
function randomInput(model: tfl.LayersModel, i: number, shape: number[], seed: number): tf.Tensor {
  const consumers = model.inputLayers[i]?.outboundNodes.map((node) => node.outboundLayer) ?? [];
  const embedding = consumers.find((layer) => layer.getClassName() === 'Embedding');
  if (embedding) {
    const inputDim = embedding.getConfig()['inputDim'] as number;
    return tf.floor(tf.randomUniform(shape, 0, inputDim, 'float32', seed));
  }
  return tf.randomNormal(shape, 0, 1, 'float32', seed);
}

/** Runs tfjs and the exported graph (onnxruntime-node, cpu) on the same random inputs. */
export async function checkParity(model: tfl.LayersModel, conversion: ConversionResult, fp16: boolean): Promise<ParityFigures> {
  const ort = await importOrt();
  const session = await ort.InferenceSession.create(conversion.bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  let relL2 = 0;
  let maxAbs = 0;
  try {
    for (const [b, batch] of BATCH_SIZES.entries()) {
      const inputs = model.inputs.map((input, i) => randomInput(model, i, [batch, ...(input.shape.slice(1) as number[])], 1000 * b + i));
      const predicted = model.predict(inputs.length === 1 ? inputs[0]! : inputs);
      const expected = Array.isArray(predicted) ? predicted : [predicted];
      const feeds: Record<string, Ort.Tensor> = {};
      conversion.inputs.forEach((spec, i) => {
        const physical = spec.layout === 'NCHW' ? tf.transpose(inputs[i]!, [0, 3, 1, 2]) : inputs[i]!;
        feeds[spec.name] = new ort.Tensor('float32', Float32Array.from(physical.dataSync()), physical.shape);
      });
      const results = await session.run(feeds);
      conversion.outputs.forEach((spec, i) => {
        const want = (spec.layout === 'NCHW' ? tf.transpose(expected[i]!, [0, 3, 1, 2]) : expected[i]!).dataSync();
        const got = results[spec.name]!.data as Float32Array;
        let diff2 = 0;
        let ref2 = 0;
        for (let j = 0; j < want.length; j++) {
          const d = Math.abs(got[j]! - want[j]!);
          maxAbs = Number.isNaN(d) ? Number.POSITIVE_INFINITY : Math.max(maxAbs, d);
          diff2 += d * d;
          ref2 += want[j]! * want[j]!;
        }
        const rel = Math.sqrt(diff2) / Math.max(Math.sqrt(ref2), 1e-30);
        relL2 = Number.isNaN(rel) ? Number.POSITIVE_INFINITY : Math.max(relL2, rel);
      });
      tf.dispose([...inputs, ...expected]);
    }
  } finally {
    await session.release();
  }
  const tolerance = fp16 ? 1e-2 : 1e-5;
  return { relL2, maxAbs, batchSizes: BATCH_SIZES, tolerance, ok: relL2 <= tolerance };
}
