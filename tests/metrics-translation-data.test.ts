import { describe, expect, it } from 'vitest';
import type { Manifest } from '@genzoo/core';
import { exampleTranslatorManifest } from '@genzoo/core/testing';
import {
  domainImages, domainIndices, loadReferenceDataset, pairedSources, referenceSplit, translationTaskOf,
} from '@genzoo/metrics';
import { loadDataset, splitDataset } from '@genzoo/train';
import * as trainData from '../packages/train/src/data/translation-data.js';
import * as trainTasks from '../packages/train/src/data/translation-tasks.js';

/**
 * @genzoo/metrics rebuilds a translator's held-out sources and domains without TensorFlow.js; its
 * figures mean something only if they are the very images @genzoo/train trained and held out with,
 * and if what training records in a manifest (`training.translation`) is enough to rebuild them.
 */
function recorded(record: Record<string, unknown>, twoWay: boolean): Manifest {
  const manifest = exampleTranslatorManifest();
  if (!twoWay) delete manifest.graphs.b2a;
  return { ...manifest, training: { seed: 5, translation: record } };
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

describe('translation sources agree with training', () => {
  const trained = loadDataset('mnist');
  const split = splitDataset(trained);
  const evaluated = loadReferenceDataset('mnist');
  const heldOut = referenceSplit(evaluated, split.eval.length, 20240601).heldOut;
  const targets = trainData.subsetDataset(trained, split.eval);

  it.each(['edges', 'inpaint'])('rebuilds pix2pix %s sources from what training records', (name) => {
    const task = trainTasks.getPairedTask(name);
    const parsed = translationTaskOf(recorded({ task: name, ...task.record('mnist', 5) }, false));
    if (parsed.kind !== 'paired') throw new Error('expected a paired task');
    expect(same(pairedSources(parsed, targets, heldOut).pixels, task.sources(targets, split.eval, 5).pixels)).toBe(true);
  });

  it.each([['shoes', 'fashion-mnist'], ['thick', 'mnist']] as const)('splits CycleGAN %s domains and builds their images as training does', (name, datasetName) => {
    const task = trainTasks.getUnpairedTask(name);
    const dataset = datasetName === 'mnist' ? trained : loadDataset(datasetName);
    const held = splitDataset(dataset).eval;
    const parsed = translationTaskOf(recorded({ task: name, ...task.record }, true));
    if (parsed.kind !== 'unpaired') throw new Error('expected an unpaired task');
    const ours = domainIndices(parsed, dataset, held);
    const theirs = task.split(dataset, held);
    expect([Array.from(ours.a), Array.from(ours.b)]).toEqual([Array.from(theirs.a), Array.from(theirs.b)]);
    for (const side of ['a', 'b'] as const) {
      expect(same(domainImages(parsed, side, dataset, ours[side]).pixels, trainTasks.domainImages(task, side, dataset, theirs[side]).pixels)).toBe(true);
    }
  }, 60_000);
});
