import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { buildCvaeDecoder, buildCvaeEncoder, CVAE_CLASSES, CVAE_LATENT } from '../models/cvae-mlp.js';
import { Rng } from '../random/rng.js';
import { CvaeTrainer, oneHotLabels } from '../trainers/cvae-trainer.js';
import { runTraining } from '../trainers/training-run.js';
import { cyclingLabels } from './cvae-family.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-cvae-'));
beforeAll(async () => {
  await selectBackend('wasm');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function trainer(seed: number): CvaeTrainer {
  return new CvaeTrainer({
    encoder: buildCvaeEncoder({ seed }), decoder: buildCvaeDecoder({ seed }),
    latentDim: CVAE_LATENT, classes: CVAE_CLASSES, optimizer: tf.train.adam(1e-3),
  });
}

describe('cvae', () => {
  it('both networks take the one-hot class as a second input named label', () => {
    const encoder = buildCvaeEncoder({ seed: 1 });
    const decoder = buildCvaeDecoder({ seed: 1 });
    expect(encoder.inputNames).toEqual(['image', 'label']);
    expect(encoder.inputs.map((input) => input.shape)).toEqual([[null, 28, 28, 1], [null, CVAE_CLASSES]]);
    expect(encoder.outputNames).toEqual(['mean', 'logvar']);
    expect(decoder.inputNames).toEqual(['z', 'label']);
    expect(decoder.inputs.map((input) => input.shape)).toEqual([[null, CVAE_LATENT], [null, CVAE_CLASSES]]);
    expect(decoder.outputs[0]!.shape).toEqual([null, 28, 28, 1]);
  });

  it('one-hot labels: rows of the class, and a one-line error for a label out of range', () => {
    const rows = oneHotLabels([2, 0], 3);
    expect(rows.arraySync()).toEqual([[0, 0, 1], [1, 0, 0]]);
    rows.dispose();
    expect(() => oneHotLabels([1, 10], 10)).toThrow('label 10 at index 1 is not a class in [0, 10)');
    expect(() => oneHotLabels([0.5], 10)).toThrow('label 0.5 at index 0');
  });

  it('the decoded image depends on the label: the same latent gives different images for different classes', () => {
    const cvae = trainer(2);
    const zeros = cvae.sample([3, 3], new Rng(5));
    const other = cvae.sample([3, 8], new Rng(5));
    const [same, differs] = tf.tidy(() => [
      tf.max(tf.abs(tf.sub(tf.slice(zeros, 0, 1), tf.slice(other, 0, 1)))).dataSync()[0]!,
      tf.max(tf.abs(tf.sub(tf.slice(zeros, 1, 1), tf.slice(other, 1, 1)))).dataSync()[0]!,
    ]);
    expect(same).toBe(0);
    expect(differs).toBeGreaterThan(1e-4);
    tf.dispose([zeros, other]);
  });

  it('3 steps on a fixed labelled batch lower the loss; a label count that does not match the batch is refused', () => {
    const cvae = trainer(3);
    const pixels = new Rng(3).normals(8 * 784).map((v) => (v > 0.5 ? 1 : 0));
    const labels = cyclingLabels(8);
    const rng = new Rng(4);
    const losses = [0, 1, 2].map(() => cvae.step(tf.tensor4d(pixels, [8, 28, 28, 1]), labels, rng));
    for (const l of losses) {
      expect(l.kl).toBeGreaterThanOrEqual(0);
      expect(l.loss).toBeCloseTo(l.recon + l.kl, 2);
    }
    expect(losses[2]!.loss).toBeLessThan(losses[0]!.loss);
    const images = tf.tensor4d(pixels, [8, 28, 28, 1]);
    expect(() => cvae.step(images, [1, 2], rng)).toThrow('got 2 labels for 8 images');
    images.dispose();
  });

  it('cyclingLabels puts class c in every 10th sample', () => {
    expect(cyclingLabels(12)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
  });

  it('runTraining feeds dataset labels: a held-out conditional ELBO and reconstructions given the true classes', async () => {
    const out = join(scratch, 'run');
    const summary = await runTraining({
      family: 'cvae', dataset: 'mnist', steps: 3, batchSize: 8, seed: 1, outDir: out,
      backend: 'wasm', sampleEvery: 0, checkpointEvery: 0, evalCount: 2000, log: () => {},
    });
    expect(summary?.metrics.heldOutElboNats).toBeLessThan(0);
    for (const file of ['generator/model.json', 'encoder/model.json', 'samples/latest.png', 'samples/reconstructions.png']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
  }, 60_000);
});
