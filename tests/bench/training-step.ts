import { availableParallelism, loadavg } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import {
  AdversarialTrainer, adversarialStepFlops, buildDcganMnistDiscriminator, buildDcganMnistGenerator, DCGAN_MNIST_LATENT,
  fasterWasmKernels, registerFastBatchNormGradient, registerFastLeakyReluGradient, Rng, selectBackend, stockBatchNormGradient,
  stockLeakyReluGradient,
} from '@genzoo/train';

const BATCH = 64;
const STEPS = 5;

interface StepTiming {
  medianMs: number;
  minMs: number;
  runs: number;
}

// The stock kernels genzoo replaces, captured when this module loads: other benchmarks run earlier in the
// same process call selectBackend(), which swaps in genzoo's kernels for the whole process.
await import('@tensorflow/tfjs-backend-wasm');
const STOCK_KERNELS = fasterWasmKernels('wasm')
  .map((ours) => tf.getKernel(ours.kernelName, 'wasm'))
  .filter((kernel): kernel is tf.KernelConfig => kernel !== undefined);

/** The reference step: one D and one G update of the dcgan-mnist nets at batch 64, Adam(2e-4, 0.5). */
function referenceTrainer(jointDiscriminatorBatch = false): AdversarialTrainer {
  return new AdversarialTrainer({
    generator: buildDcganMnistGenerator({ seed: 1 }),
    discriminator: buildDcganMnistDiscriminator({ seed: 1 }),
    latentDim: DCGAN_MNIST_LATENT,
    batchSize: BATCH,
    generatorOptimizer: tf.train.adam(2e-4, 0.5),
    discriminatorOptimizer: tf.train.adam(2e-4, 0.5),
    jointDiscriminatorBatch,
  });
}

function timeSteps(steps = STEPS, jointDiscriminatorBatch = false): StepTiming {
  const trainer = referenceTrainer(jointDiscriminatorBatch);
  const rng = new Rng(1);
  const real = (): tf.Tensor4D => tf.tensor4d(rng.normals(BATCH * 784).map(Math.tanh), [BATCH, 28, 28, 1]);
  trainer.step(real, rng); // warm-up: kernel compilation and Adam slot creation
  const samples: number[] = [];
  for (let i = 0; i < steps; i++) {
    const started = performance.now();
    trainer.step(real, rng);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  tf.dispose([...trainer.generator.weights.map((w) => w.read()), ...trainer.discriminator.weights.map((w) => w.read())]);
  return { medianMs: samples[Math.floor(samples.length / 2)]!, minMs: samples[0]!, runs: samples.length };
}

/** GFLOP/s of the wasm backend's matMul on the shape of D's second conv (im2col 3136×512 times 512×64). */
function gemmGflops(): number {
  const a = tf.randomNormal([3136, 512]);
  const b = tf.randomNormal([512, 64]);
  const run = (): void => tf.tidy(() => void tf.matMul(a, b).dataSync());
  for (let i = 0; i < 3; i++) run();
  const started = performance.now();
  for (let i = 0; i < 10; i++) run();
  const ms = (performance.now() - started) / 10;
  tf.dispose([a, b]);
  return (2 * 3136 * 512 * 64) / ms / 1e6;
}

/** The kernels taking the most time in one reference step, from tf.profile. */
async function topKernels(count = 6): Promise<string> {
  const trainer = referenceTrainer();
  const rng = new Rng(2);
  const real = (): tf.Tensor4D => tf.tensor4d(rng.normals(BATCH * 784).map(Math.tanh), [BATCH, 28, 28, 1]);
  trainer.step(real, rng);
  const info = await tf.profile(() => {
    trainer.step(real, rng);
  });
  const byName = new Map<string, number>();
  for (const kernel of info.kernels) {
    const ms = typeof kernel.kernelTimeMs === 'number' ? kernel.kernelTimeMs : 0;
    byName.set(kernel.name, (byName.get(kernel.name) ?? 0) + ms);
  }
  const total = [...byName.values()].reduce((a, b) => a + b, 0);
  return [...byName.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => `${name} ${((100 * ms) / total).toFixed(0)}%`)
    .join(', ');
}

/**
 * ms/step and effective GFLOP/s of the reference DCGAN training step (issue 4) for: the wasm backend
 * with genzoo's kernels; stock tfjs-wasm with only the missing kernel (Conv2DBackpropFilter) added;
 * and tfjs-node when it is installed. Peak RSS is the whole process's.
 */
export async function benchTrainingStep(log: (line: string) => void): Promise<void> {
  const flops = adversarialStepFlops(buildDcganMnistGenerator(), buildDcganMnistDiscriminator(), BATCH);
  log(`reference DCGAN step, batch ${BATCH}: ${(flops.total / 1e9).toFixed(3)} GFLOP (conv/matmul work of one D and one G update)`);
  log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${availableParallelism()} cores (other processes share the CPU)`);
  const line = (label: string, timing: StepTiming): void => {
    const gflops = flops.total / 1e6 / timing.medianMs;
    log(`  ${label.padEnd(44)} ${timing.medianMs.toFixed(0).padStart(6)} ms/step (best ${timing.minMs.toFixed(0)})  ${gflops.toFixed(2).padStart(6)} GFLOP/s  (${timing.runs} steps)`);
  };

  const stock = STOCK_KERNELS;

  const wasm = await selectBackend('wasm');
  log(`wasm: simd ${wasm.simd}, threads ${wasm.threads} (GENZOO_WASM_THREADS=${process.env['GENZOO_WASM_THREADS'] ?? 'unset: the idle cores'}); genzoo kernels: ${wasm.registeredKernels.join(', ')}`);
  line('tfjs-wasm + genzoo kernels', timeSteps());
  log(`    top kernels: ${await topKernels()}`);
  line('  same, real+fake in one D batch of 128', timeSteps(STEPS, true));
  log(`    ceiling: one wasm matMul of the step's largest GEMM (3136×512 · 512×64) runs at ${gemmGflops().toFixed(1)} GFLOP/s on ${wasm.threads} thread(s)`);

  for (const config of stock) {
    tf.unregisterKernel(config.kernelName, 'wasm');
    tf.registerKernel(config);
    // wasm kernels bind their C function in setupFunc when the backend starts, which happened without them.
    config.setupFunc?.(tf.backend());
  }
  const stockBatchNorm = stockBatchNormGradient();
  if (stockBatchNorm !== undefined) tf.registerGradient(stockBatchNorm);
  const stockLeakyRelu = stockLeakyReluGradient();
  if (stockLeakyRelu !== undefined) tf.registerGradient(stockLeakyRelu);
  line('stock tfjs-wasm + missing Conv2DBackpropFilter', timeSteps(3));
  for (const ours of fasterWasmKernels('wasm')) {
    tf.unregisterKernel(ours.kernelName, 'wasm');
    tf.registerKernel(ours);
  }
  registerFastBatchNormGradient();
  registerFastLeakyReluGradient();

  try {
    const native = await selectBackend('tensorflow');
    line(`tfjs-node (${native.nativePackage})`, timeSteps());
  } catch (error) {
    log(`  tfjs-node: not measured (${(error as Error).message.split('\n')[0]})`);
  }
  log(`peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
}
