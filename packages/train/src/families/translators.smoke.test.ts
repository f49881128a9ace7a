import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseManifest } from '@genzoo/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { buildPatchDiscriminator, buildUnetGenerator } from '../models/translator-nets.js';
import { publishTranslatorRun } from '../publish/publish-translator.js';
import { refreshModelCard } from '../publish/refresh-card.js';
import { Rng } from '../random/rng.js';
import { CycleGanTrainer } from '../trainers/cyclegan-trainer.js';
import { Pix2pixTrainer } from '../trainers/pix2pix-trainer.js';
import { runTraining } from '../trainers/training-run.js';
import { changed, snapshot } from './smoke-test-support.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-translators-'));
beforeAll(async () => {
  await selectBackend('wasm');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function images(seed: number, n = 4): tf.Tensor4D {
  return tf.tensor4d(new Rng(seed).normals(n * 784).map((v) => (v > 0.5 ? 1 : -1)), [n, 28, 28, 1]);
}

describe('translator networks', () => {
  it('the U-Net maps 28×28×1 to 28×28×1 in [-1, 1], through skips at 14×14, 7×7 and the source itself', () => {
    const unet = buildUnetGenerator({ seed: 1 });
    expect(unet.inputs[0]!.shape).toEqual([null, 28, 28, 1]);
    expect(unet.outputs[0]!.shape).toEqual([null, 28, 28, 1]);
    const skips = unet.layers.filter((layer) => layer.getClassName() === 'Concatenate').map((layer) => (layer.output as tf.SymbolicTensor).shape);
    expect(skips).toEqual([[null, 7, 7, 128], [null, 14, 14, 64], [null, 28, 28, 17]]);
    const out = unet.predict(images(2)) as tf.Tensor;
    expect(out.shape).toEqual([4, 28, 28, 1]);
    const values = out.dataSync();
    expect(values.every((v) => v >= -1 && v <= 1)).toBe(true);
    expect(unet.layers.some((layer) => layer.getClassName() === 'BatchNormalization')).toBe(true);
    expect(buildUnetGenerator({ batchNorm: false }).layers.some((layer) => layer.getClassName() === 'BatchNormalization')).toBe(false);
    tf.dispose(out);
  });

  it('the PatchGAN gives a 7×7 grid of scores, for (source, image) pairs or single images', () => {
    const conditional = buildPatchDiscriminator({ seed: 1, conditional: true });
    expect(conditional.inputs.map((input) => input.shape)).toEqual([[null, 28, 28, 1], [null, 28, 28, 1]]);
    expect(conditional.outputs[0]!.shape).toEqual([null, 7, 7, 1]);
    const single = buildPatchDiscriminator({ seed: 1 });
    expect(single.inputs.map((input) => input.shape)).toEqual([[null, 28, 28, 1]]);
    expect(single.outputs[0]!.shape).toEqual([null, 7, 7, 1]);
    // Three strided layers: 4×4 scores, each seeing past the whole image.
    expect(buildPatchDiscriminator({ seed: 1, layers: 3 }).outputs[0]!.shape).toEqual([null, 4, 4, 1]);
  });
});

describe('translator trainers', () => {
  it('a pix2pix step updates G and D, reports LSGAN terms near ½ at the start, and leaks no tensors', () => {
    const generator = buildUnetGenerator({ seed: 3 });
    const discriminator = buildPatchDiscriminator({ seed: 3, conditional: true });
    const before = { g: snapshot(generator), d: snapshot(discriminator) };
    const trainer = new Pix2pixTrainer({ generator, discriminator, generatorOptimizer: tf.train.adam(2e-4, 0.5), discriminatorOptimizer: tf.train.adam(2e-4, 0.5) });
    const losses = trainer.step(images(4), images(5));
    // At initialisation the patch scores are ≈ 0: G's term ½(0 − 1)², D's ½(0 − 1)² + ½·0².
    expect(losses.g).toBeCloseTo(0.5, 1);
    expect(losses.d).toBeCloseTo(0.5, 1);
    expect(losses.l1).toBeGreaterThan(0.5);
    expect(changed(before.g, generator) && changed(before.d, discriminator)).toBe(true);
    const live = tf.memory().numTensors;
    trainer.step(images(6), images(7));
    expect(tf.memory().numTensors).toBe(live);
  });

  it('a CycleGAN step updates both generators and both discriminators and leaks no tensors', () => {
    const nets = {
      a2b: buildUnetGenerator({ seed: 4, batchNorm: false, name: 'g' }),
      b2a: buildUnetGenerator({ seed: 5, batchNorm: false, name: 'f' }),
      discriminatorA: buildPatchDiscriminator({ seed: 4, name: 'da' }),
      discriminatorB: buildPatchDiscriminator({ seed: 5, name: 'db' }),
    };
    const before = Object.fromEntries(Object.entries(nets).map(([name, model]) => [name, snapshot(model)]));
    const trainer = new CycleGanTrainer({ ...nets, generatorOptimizer: tf.train.adam(2e-4, 0.5), discriminatorOptimizer: tf.train.adam(2e-4, 0.5) });
    const losses = trainer.step(images(8), images(9, 3));
    expect(Object.values(losses).every(Number.isFinite)).toBe(true);
    // Two adversarial terms of ≈ ½ each at initialisation; cycle and identity are sums of two mean L1s of images ≈ ±1.
    expect(losses.g).toBeCloseTo(1, 1);
    expect(losses.cycle).toBeGreaterThan(1);
    expect(losses.identity).toBeGreaterThan(1);
    for (const [name, model] of Object.entries(nets)) expect(changed(before[name]!, model), name).toBe(true);
    const live = tf.memory().numTensors;
    trainer.step(images(10), images(11));
    expect(tf.memory().numTensors).toBe(live);
    expect(() => new CycleGanTrainer({ ...nets, generatorOptimizer: tf.train.adam(), discriminatorOptimizer: tf.train.adam(), cycleWeight: -1 })).toThrow('cycle weight');
  });
});

describe('translator runs, end to end', () => {
  it('pix2pix: 2 steps of --task inpaint, then a shipped folder whose manifest parses and whose ONNX matches tfjs', async () => {
    const run = join(scratch, 'pix2pix');
    const summary = await runTraining({
      family: 'pix2pix', dataset: 'mnist', trainer: { task: 'inpaint' }, steps: 2, batchSize: 4, seed: 3, outDir: run,
      backend: 'wasm', sampleEvery: 0, checkpointEvery: 0, evalCount: 2000, log: () => {},
    });
    expect(Object.keys(summary!.finalLosses).sort()).toEqual(['d', 'g', 'l1']);
    expect(summary!.metrics['heldOutL1']).toBeGreaterThan(0);
    for (const file of ['a2b/model.json', 'samples/latest.png', 'training.json']) expect(existsSync(join(run, file)), file).toBe(true);
    const out = join(scratch, 'models', 'pix2pix-inpaint-test');
    const manifest = await publishTranslatorRun(run, 'pix2pix-inpaint-test', out);
    expect(manifest.family).toBe('pix2pix');
    expect(manifest.latent).toBeUndefined();
    expect(Object.keys(manifest.graphs)).toEqual(['a2b']);
    expect(manifest.translation).toEqual({
      a: { name: 'masked-digits', description: expect.stringContaining('square set to black') },
      b: { name: 'digits', description: 'MNIST digits' },
    });
    expect(manifest.graphs.a2b!.inputs[0]).toMatchObject({ name: 'source', role: 'image', shape: ['batch', 1, 28, 28], layout: 'NCHW', range: [-1, 1] });
    expect(manifest.graphs.a2b!.outputs[0]).toMatchObject({ name: 'translated', role: 'image', shape: ['batch', 1, 28, 28], layout: 'NCHW', range: [-1, 1] });
    expect(manifest.metrics['exportMaxAbsError']).toBeLessThan(1e-4);
    expect(manifest.metrics['heldOutL1']).toBeGreaterThan(0);
    expect(manifest.training['translation']).toMatchObject({ task: 'inpaint', maskSeed: 3 });
    const written = parseManifest(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    expect(written.graphs.a2b!.sha256).toBe(manifest.graphs.a2b!.sha256);
    for (const file of ['a2b.onnx', 'samples.png', 'README.md']) expect(existsSync(join(out, file)), file).toBe(true);
    const card = readFileSync(join(out, 'README.md'), 'utf8');
    expect(card).toContain(`Held-out L1 |G(x) − y| (mean over the pixels of all 2000 held-out images, in [−1, 1] units, from the ONNX graph): **${manifest.metrics['heldOutL1']!.toFixed(4)}**`);
    // genzoo train card re-renders it from the manifest alone.
    refreshModelCard(out, run);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toBe(card);
  }, 120_000);

  it('cyclegan: 2 steps of --task shoes ship both directions, with held-out cycle L1', async () => {
    const run = join(scratch, 'cyclegan');
    const summary = await runTraining({
      family: 'cyclegan', dataset: 'fashion-mnist', trainer: { task: 'shoes' }, steps: 2, batchSize: 4, seed: 1, outDir: run,
      backend: 'wasm', sampleEvery: 0, checkpointEvery: 0, evalCount: 2000, log: () => {},
    });
    expect(Object.keys(summary!.finalLosses).sort()).toEqual(['cycle', 'd', 'g', 'identity']);
    for (const file of ['a2b/model.json', 'b2a/model.json', 'samples/latest.png']) expect(existsSync(join(run, file)), file).toBe(true);
    const manifest = await publishTranslatorRun(run, 'cyclegan-shoes-test', join(scratch, 'models', 'cyclegan-shoes-test'));
    expect(manifest.family).toBe('cyclegan');
    expect(Object.keys(manifest.graphs).sort()).toEqual(['a2b', 'b2a']);
    expect(manifest.translation).toMatchObject({ a: { name: 'sneakers' }, b: { name: 'ankle-boots' } });
    expect(manifest.metrics['heldOutCycleL1']).toBeGreaterThan(0);
    expect(manifest.training['translation']).toMatchObject({ task: 'shoes', domainA: { classes: [7] }, domainB: { classes: [9] } });
    expect(manifest.metrics['exportMaxAbsError']).toBeLessThan(1e-4);
    expect(readFileSync(join(scratch, 'models', 'cyclegan-shoes-test', 'README.md'), 'utf8')).toContain('|F(G(a)) − a| = **');
  }, 120_000);

  it('checks --task against the family and the dataset before training', async () => {
    const base = { steps: 1, batchSize: 4, seed: 1, outDir: join(scratch, 'bad'), log: () => {} };
    await expect(runTraining({ ...base, family: 'pix2pix', dataset: 'mnist', trainer: { task: 'shoes' } })).rejects.toThrow(
      "unknown --task 'shoes' for family 'pix2pix' (expected one of edges, inpaint)",
    );
    await expect(runTraining({ ...base, family: 'cyclegan', dataset: 'mnist', trainer: { task: 'shoes' } })).rejects.toThrow(
      'cyclegan --task shoes trains on fashion-mnist, not mnist',
    );
    await expect(runTraining({ ...base, family: 'dcgan-mnist', dataset: 'mnist', trainer: { task: 'edges' } })).rejects.toThrow(
      "--task does not apply to family 'dcgan-mnist'",
    );
  });
});
