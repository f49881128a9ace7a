import * as tf from '@tensorflow/tfjs';
import type { ImageDataset } from '../data/image-dataset.js';
import { signedImages, subsetDataset } from '../data/translation-data.js';
import { getPairedTask, PAIRED_TASKS, type PairedTask } from '../data/translation-tasks.js';
import { buildPatchDiscriminator, buildUnetGenerator } from '../models/translator-nets.js';
import { createOptimizer } from '../trainers/create-optimizer.js';
import { Pix2pixTrainer } from '../trainers/pix2pix-trainer.js';
import { OPTIMIZER_OPTIONS } from '../trainers/trainer-options.js';
import type { SessionData, TrainedModels, TrainingFamily } from './training-family.js';

/** Held-out images a training grid shows: this many (source, output, target) row triples of 8. */
const GRID_TRIPLES = 2;

/** The run's data, which translator sessions cannot do without. */
export function requireData(family: string, data: SessionData | undefined): SessionData {
  if (data === undefined) throw new Error(`family '${family}' builds its own batches and needs the run's dataset (SessionOptions.data)`);
  return data;
}

/** (source, target) tensors in [-1, 1] for the images at `ids` of a pix2pix task. */
export function pairedBatch(task: PairedTask, dataset: ImageDataset, ids: ArrayLike<number>, seed: number): { sources: tf.Tensor4D; targets: tf.Tensor4D } {
  const targets = subsetDataset(dataset, ids);
  return { sources: signedImages(task.sources(targets, ids, seed)), targets: signedImages(targets) };
}

/** Mean |G(x) − y| over the images at `ids`, in [-1, 1] units, run in chunks. */
export function heldOutL1(generator: tf.LayersModel, task: PairedTask, dataset: ImageDataset, ids: Uint32Array, seed: number, chunk = 250): number {
  let total = 0;
  for (let start = 0; start < ids.length; start += chunk) {
    const part = ids.subarray(start, start + chunk);
    const { sources, targets } = pairedBatch(task, dataset, part, seed);
    total += tf.tidy(() => tf.sum(tf.abs(tf.sub(generator.apply(sources, { training: false }) as tf.Tensor, targets))).dataSync()[0]!);
    tf.dispose([sources, targets]);
  }
  return total / (ids.length * dataset.height * dataset.width);
}

function toUnit(images: tf.Tensor): tf.Tensor4D {
  return tf.div(tf.add(images, 1), 2) as tf.Tensor4D;
}

/**
 * pix2pix on 28×28 images: a U-Net generator (batch norm) against a conditional PatchGAN, least-squares adversarial loss
 * + 100·L1, Adam(2e-4, β1 0.5) for both. `--task edges` translates Sobel edge maps into images, `--task inpaint` fills a
 * blanked square; the sources are computed from each training batch on the fly, masks seeded by `--seed` and the image.
 */
export const pix2pixFamily: TrainingFamily = {
  name: 'pix2pix',
  description: `pix2pix: U-Net generator + PatchGAN, --task ${[...PAIRED_TASKS.keys()].join('|')}; 28×28×1 in and out, in [-1, 1]`,
  datasets: ['mnist', 'fashion-mnist'],
  pixelRange: 'minus-one-one',
  adversarial: true,
  trainerOptions: ['loss', 'task', 'criticLayers', ...OPTIMIZER_OPTIONS],
  validate({ dataset, trainer }) {
    const task = getPairedTask(trainer.task);
    if (!(task.datasets as readonly string[]).includes(dataset)) throw new Error(`pix2pix --task ${task.name} trains on ${task.datasets.join(' or ')}, not ${dataset}`);
  },
  createSession({ seed, models, loss: lossName, trainer: options = {}, data }) {
    const task = getPairedTask(options.task);
    const { dataset, eval: heldOut } = requireData('pix2pix', data);
    const generator = models?.a2b ?? buildUnetGenerator({ seed, name: 'g' });
    const discriminator = models?.discriminator ?? buildPatchDiscriminator({ seed, name: 'd', conditional: true, layers: options.criticLayers ?? 2 });
    const loss = options.loss ?? lossName;
    const optimizerDefaults = { learningRate: 2e-4, beta1: 0.5 };
    const optimizers = { generator: createOptimizer(options, optimizerDefaults), discriminator: createOptimizer(options, optimizerDefaults) };
    const trainer = new Pix2pixTrainer({ generator, discriminator, generatorOptimizer: optimizers.generator, discriminatorOptimizer: optimizers.discriminator,
      ...(loss === undefined ? {} : { loss }),
    });
    return {
      models: { a2b: generator, discriminator },
      optimizers,
      batchesPerStep: 1,
      step(sampler, firstBatch) {
        const ids = sampler.batchIndices(firstBatch);
        const { sources, targets } = pairedBatch(task, dataset, ids, seed);
        return { ...trainer.step(sources, targets) };
      },
      // Rows of 8 held-out images: sources, outputs, targets, repeated.
      sample: () => {
        const { sources, targets } = pairedBatch(task, dataset, heldOut.subarray(0, 8 * GRID_TRIPLES), seed);
        const grid = tf.tidy(() => {
          const outputs = generator.apply(sources, { training: false }) as tf.Tensor4D;
          const rows = Array.from({ length: GRID_TRIPLES }, (_, r) => [sources, outputs, targets].map((t) => tf.slice(t, r * 8, 8))).flat();
          return toUnit(tf.concat(rows));
        });
        tf.dispose([sources, targets]);
        return grid;
      },
      evaluate: (evalDataset, indices) => ({ heldOutL1: heldOutL1(generator, task, evalDataset, indices, seed) }),
      // TrainedModels names the generative roles; a translator run saves `<run>/a2b/` and ships through publishTranslatorRun.
      trained: () => ({ a2b: generator }) as unknown as TrainedModels,
    };
  },
};
