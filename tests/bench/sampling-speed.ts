import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadModel, OrtAdapter, sampleLatents, tensor } from '@genzoo/node';
import { convertLayersModel } from '@genzoo/tfjs-onnx';
import { buildDcganMnistGenerator, DCGAN_MNIST_LATENT, selectBackend } from '@genzoo/train';
import { REPO_ROOT } from '../helpers/test-models.js';
import { formatRate, time } from './timing.js';

const BATCH = 64;

/**
 * Samples/s of the dcgan-mnist generator at batch 64: onnxruntime-node against tfjs on the best backend
 * this machine has, on the very same model (the tfjs generator, and its ONNX export).
 */
export async function benchSamplingSpeed(log: (line: string) => void): Promise<void> {
  const backend = await selectBackend('auto');
  log(`tfjs backend: ${backend.summary}`);
  const generator = buildDcganMnistGenerator({ seed: 1 });
  const latents = sampleLatents({ n: BATCH, size: DCGAN_MNIST_LATENT, seed: 7 });
  const z = tf.tensor2d(latents.data, [BATCH, DCGAN_MNIST_LATENT]);
  const tfjs = await time(() => {
    const images = generator.predict(z) as tf.Tensor;
    images.dataSync();
    images.dispose();
  });
  z.dispose();

  const { bytes } = convertLayersModel(generator, { imageLayout: 'NCHW', inputNames: ['z'], outputNames: ['image'] });
  const threads = [1, 2];
  const ortTimings = [];
  for (const intraOpThreads of threads) {
    const session = await new OrtAdapter({ threads: intraOpThreads }).createSession(bytes, 'cpu');
    const feeds = { z: tensor(latents.data, latents.dims) };
    ortTimings.push(await time(() => session.run(feeds)));
    await session.release();
  }

  log(`dcgan-mnist generator, batch ${BATCH}:`);
  log(`  tfjs (${backend.name})               ${formatRate(BATCH, tfjs)}`);
  ortTimings.forEach((timing, index) => log(`  onnxruntime-node cpu, ${threads[index]} thread(s) ${formatRate(BATCH, timing)}`));
  const best = Math.min(...ortTimings.map((timing) => timing.medianMs));
  log(`  onnxruntime-node / tfjs speed ratio: ${(tfjs.medianMs / best).toFixed(1)}×`);

  const shipped = join(REPO_ROOT, 'models', 'dcgan-mnist');
  if (existsSync(join(shipped, 'manifest.json'))) {
    const model = await loadModel(shipped, { device: 'cpu' });
    const viaApi = await time(() => model.sample({ n: BATCH, seed: 7 }));
    log(`  shipped models/dcgan-mnist through the Generator API (latents + run) ${formatRate(BATCH, viaApi)}`);
    await model.dispose();
  }
}
