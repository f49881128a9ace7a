import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { convertLayersModel, type ConversionResult } from '@genzoo/tfjs-onnx';
import { time } from './timing.js';

const LATENT = 128;
const BATCH = 16;

/**
 * DCGAN generator for 64×64×3 images (Radford et al.'s layout, 3.8 M parameters): larger than any
 * model in the zoo today, so it bounds the converter's export time.
 * z(128) → dense 4·4·512 → BN → ReLU → reshape → [convT(k4, s2) → BN → ReLU] × 3 (256, 128, 64) → convT 3 → tanh.
 */
export function buildDcgan64Generator(): tf.LayersModel {
  const init = (offset: number) => tf.initializers.randomNormal({ mean: 0, stddev: 0.02, seed: offset });
  const z = tf.input({ shape: [LATENT], name: 'z' });
  let h = tf.layers.dense({ units: 4 * 4 * 512, useBias: false, kernelInitializer: init(1) }).apply(z) as tf.SymbolicTensor;
  h = tf.layers.reLU().apply(tf.layers.batchNormalization().apply(h)) as tf.SymbolicTensor;
  h = tf.layers.reshape({ targetShape: [4, 4, 512] }).apply(h) as tf.SymbolicTensor;
  [256, 128, 64].forEach((filters, i) => {
    h = tf.layers.conv2dTranspose({ filters, kernelSize: 4, strides: 2, padding: 'same', useBias: false, kernelInitializer: init(2 + i) }).apply(h) as tf.SymbolicTensor;
    h = tf.layers.reLU().apply(tf.layers.batchNormalization().apply(h)) as tf.SymbolicTensor;
  });
  const image = tf.layers.conv2dTranspose({ filters: 3, kernelSize: 4, strides: 2, padding: 'same', activation: 'tanh', kernelInitializer: init(9) }).apply(h) as tf.SymbolicTensor;
  return tf.model({ name: 'dcgan64_generator', inputs: z, outputs: image });
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(2)} MiB`;
const percent = (part: number, whole: number): string => `${(((part - whole) / whole) * 100).toFixed(2)}%`;

async function inferenceMs(conversion: ConversionResult, level: 'all' | 'disabled'): Promise<number> {
  const session = await ort.InferenceSession.create(conversion.bytes, { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: level });
  const latents = Float32Array.from({ length: BATCH * LATENT }, (_, i) => Math.sin(i * 12.9898) * 0.8);
  const feeds = { [conversion.inputs[0]!.name]: new ort.Tensor('float32', latents, [BATCH, LATENT]) };
  try {
    return (await time(() => session.run(feeds), { warmup: 2, minRuns: 8, minMs: 2500 })).medianMs;
  } finally {
    await session.release();
  }
}

/**
 * Converter figures: exported file size against the raw weight bytes (float32 and float16), export
 * time of the largest model, and onnxruntime-node inference time of the layout-optimized graph
 * against a naive graph with a Transpose pair around every convolution (same model, same run).
 */
export async function benchConverter(log: (line: string) => void): Promise<void> {
  await tf.ready();
  const model = buildDcgan64Generator();
  const rawBytes = model.weights.reduce((sum, w) => sum + w.shape.reduce((a, b) => a! * b!, 1)! * 4, 0);
  log(`model: ${model.name}, ${(rawBytes / 4).toLocaleString('en-US')} weights (${mib(rawBytes)} as float32 in tfjs), batch ${BATCH} for inference`);

  convertLayersModel(model); // warm-up (JIT)
  const exportTimes: number[] = [];
  let fp32: ConversionResult | undefined;
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    fp32 = convertLayersModel(model, { inputNames: ['z'], outputNames: ['image'] });
    exportTimes.push(performance.now() - started);
  }
  exportTimes.sort((a, b) => a - b);
  log(`export time (float32, median of 5): ${exportTimes[2]!.toFixed(0)} ms (min ${exportTimes[0]!.toFixed(0)}, max ${exportTimes[4]!.toFixed(0)})`);

  const fp16 = convertLayersModel(model, { inputNames: ['z'], outputNames: ['image'], weightType: 'float16' });
  const naive = convertLayersModel(model, { inputNames: ['z'], outputNames: ['image'], layout: 'naive' });
  const exportedBytes = fp32!.report.parameters * 4;
  log(`file size, float32 weights: ${mib(fp32!.report.bytes)} = raw weight bytes ${percent(fp32!.report.bytes, rawBytes)}` +
    ` (BN folding drops ${((rawBytes - exportedBytes) / 4).toLocaleString('en-US')} weights; ${percent(fp32!.report.bytes, exportedBytes)} over the exported weights' bytes)`);
  log(`file size, float16 weights: ${mib(fp16.report.bytes)} = ${((fp16.report.bytes / rawBytes) * 100).toFixed(1)}% of the raw float32 weight bytes, ${((fp16.report.bytes / fp32!.report.bytes) * 100).toFixed(1)}% of the float32 file`);

  const describe = (c: ConversionResult): string => Object.entries(c.report.nodesByType).map(([op, n]) => `${op} ${n}`).join(', ');
  log(`optimized graph: ${describe(fp32!)}`);
  log(`naive graph:     ${describe(naive)}`);
  for (const level of ['all', 'disabled'] as const) {
    const optimizedMs = await inferenceMs(fp32!, level);
    const naiveMs = await inferenceMs(naive, level);
    log(`onnxruntime-node cpu, 1 thread, graph optimizations '${level}': optimized ${optimizedMs.toFixed(1)} ms, naive ${naiveMs.toFixed(1)} ms per batch → naive takes ${(naiveMs / optimizedMs).toFixed(2)}×`);
  }
  model.dispose();
}
