import * as tf from '@tensorflow/tfjs';
import type { ImageDataset } from '../data/image-dataset.js';
import { BatchSampler } from '../data/split.js';
import { signedImages } from '../data/translation-data.js';
import { domainImages, getUnpairedTask, UNPAIRED_TASKS, type UnpairedTask } from '../data/translation-tasks.js';
import { buildPatchDiscriminator, buildUnetGenerator } from '../models/translator-nets.js';
import { createOptimizer } from '../trainers/create-optimizer.js';
import { CycleGanTrainer } from '../trainers/cyclegan-trainer.js';
import { OPTIMIZER_OPTIONS } from '../trainers/trainer-options.js';
import { requireData } from './pix2pix-family.js';
import type { TrainedModels, TrainingFamily } from './training-family.js';

/** Held-out images per domain in a training grid (rows of 8: input, translated, cycled back). */
const GRID_ROWS_PER_DOMAIN = 1;

/** Domain images at `ids` as a tensor in [-1, 1]. */
export function domainBatch(task: UnpairedTask, domain: 'a' | 'b', dataset: ImageDataset, ids: ArrayLike<number>): tf.Tensor4D {
  return signedImages(domainImages(task, domain, dataset, ids));
}

/** Cycle and (for paired tasks) translation L1 of a CycleGAN on held-out images of both domains, in [-1, 1] units. */
export function cycleMetrics(a2b: tf.LayersModel, b2a: tf.LayersModel, task: UnpairedTask, dataset: ImageDataset, indices: Uint32Array, chunk = 250): Record<string, number> {
  const split = task.split(dataset, indices);
  const plane = dataset.height * dataset.width;
  const metrics: Record<string, number> = {};
  for (const [domain, forward, backward, ids] of [['a', a2b, b2a, split.a], ['b', b2a, a2b, split.b]] as const) {
    let cycle = 0;
    let translation = 0;
    for (let start = 0; start < ids.length; start += chunk) {
      const part = ids.subarray(start, start + chunk);
      const images = domainBatch(task, domain, dataset, part);
      // The counterpart of each image in the other domain, where the task knows it (thickening does).
      const counterpart = task.paired ? domainBatch(task, domain === 'a' ? 'b' : 'a', dataset, part) : undefined;
      const [c, t] = tf.tidy(() => {
        const translated = forward.apply(images, { training: false }) as tf.Tensor;
        const back = backward.apply(translated, { training: false }) as tf.Tensor;
        return [
          tf.sum(tf.abs(tf.sub(back, images))).dataSync()[0]!,
          counterpart === undefined ? 0 : tf.sum(tf.abs(tf.sub(translated, counterpart))).dataSync()[0]!,
        ];
      });
      cycle += c;
      translation += t;
      tf.dispose([images, counterpart ?? []]);
    }
    const count = Math.max(1, ids.length * plane);
    metrics[domain === 'a' ? 'heldOutCycleL1A' : 'heldOutCycleL1B'] = cycle / count;
    if (task.paired) metrics[domain === 'a' ? 'heldOutA2bL1' : 'heldOutB2aL1'] = translation / count;
  }
  metrics['heldOutCycleL1'] = (metrics['heldOutCycleL1A']! + metrics['heldOutCycleL1B']!) / 2;
  return metrics;
}

function toUnit(images: tf.Tensor): tf.Tensor4D {
  return tf.div(tf.add(images, 1), 2) as tf.Tensor4D;
}

/**
 * CycleGAN on 28×28 images: G: a → b and F: b → a (U-Nets without batch norm), PatchGAN D_A and D_B on single images,
 * least-squares adversarial loss + 10·cycle L1 + 5·identity L1, Adam(2e-4, β1 0.5). `--task shoes`: Fashion-MNIST
 * sneakers ↔ ankle boots; `--task thick`: MNIST digits ↔ thickened digits, from disjoint halves of the training images.
 * Each domain has its own seeded batch order over its training images.
 */
export const cycleganFamily: TrainingFamily = {
  name: 'cyclegan',
  description: `CycleGAN: two U-Net generators + two PatchGANs, --task ${[...UNPAIRED_TASKS.keys()].join('|')}; 28×28×1 in and out, in [-1, 1]`,
  datasets: ['mnist', 'fashion-mnist'],
  pixelRange: 'minus-one-one',
  adversarial: true,
  trainerOptions: ['loss', 'task', 'identity', 'criticLayers', ...OPTIMIZER_OPTIONS],
  validate({ dataset, trainer }) {
    const task = getUnpairedTask(trainer.task);
    if (dataset !== task.dataset) throw new Error(`cyclegan --task ${task.name} trains on ${task.dataset}, not ${dataset}`);
  },
  createSession({ seed, batchSize, models, loss: lossName, trainer: options = {}, data }) {
    const task = getUnpairedTask(options.task);
    const { dataset, train, eval: heldOut } = requireData('cyclegan', data);
    const domains = task.split(dataset, train);
    const samplers = {
      a: new BatchSampler(dataset, domains.a, batchSize, (seed * 2 + 1) >>> 0),
      b: new BatchSampler(dataset, domains.b, batchSize, (seed * 2 + 2) >>> 0),
    };
    const a2b = models?.a2b ?? buildUnetGenerator({ seed, name: 'g', batchNorm: false });
    const b2a = models?.b2a ?? buildUnetGenerator({ seed: seed + 1000, name: 'f', batchNorm: false });
    const layers = options.criticLayers ?? 2;
    const discriminatorA = models?.discriminatorA ?? buildPatchDiscriminator({ seed, name: 'da', layers });
    const discriminatorB = models?.discriminatorB ?? buildPatchDiscriminator({ seed: seed + 1000, name: 'db', layers });
    const loss = options.loss ?? lossName;
    const optimizerDefaults = { learningRate: 2e-4, beta1: 0.5 };
    const optimizers = { generator: createOptimizer(options, optimizerDefaults), discriminator: createOptimizer(options, optimizerDefaults) };
    const trainer = new CycleGanTrainer({
      a2b, b2a, discriminatorA, discriminatorB, generatorOptimizer: optimizers.generator, discriminatorOptimizer: optimizers.discriminator,
      ...(loss === undefined ? {} : { loss }),
      ...(options.identity === undefined ? {} : { identityFraction: options.identity }),
    });
    const shown = task.split(dataset, heldOut);
    return {
      models: { a2b, b2a, discriminatorA, discriminatorB },
      optimizers,
      batchesPerStep: 1,
      step(_sampler, firstBatch) {
        const a = domainBatch(task, 'a', dataset, samplers.a.batchIndices(firstBatch));
        const b = domainBatch(task, 'b', dataset, samplers.b.batchIndices(firstBatch));
        return { ...trainer.step(a, b) };
      },
      // Rows of 8 held-out images: a, G(a), F(G(a)), then b, F(b), G(F(b)).
      sample: () => {
        const count = 8 * GRID_ROWS_PER_DOMAIN;
        const a = domainBatch(task, 'a', dataset, shown.a.subarray(0, count));
        const b = domainBatch(task, 'b', dataset, shown.b.subarray(0, count));
        const grid = tf.tidy(() => {
          const gA = a2b.apply(a, { training: false }) as tf.Tensor4D;
          const fB = b2a.apply(b, { training: false }) as tf.Tensor4D;
          const parts = [a, gA, b2a.apply(gA, { training: false }) as tf.Tensor4D, b, fB, a2b.apply(fB, { training: false }) as tf.Tensor4D];
          return toUnit(tf.concat(parts));
        });
        tf.dispose([a, b]);
        return grid;
      },
      evaluate: (evalDataset, indices) => cycleMetrics(a2b, b2a, task, evalDataset, indices),
      trained: () => ({ a2b, b2a }) as unknown as TrainedModels,
    };
  },
};
