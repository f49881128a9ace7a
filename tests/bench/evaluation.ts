import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isClassifierManifest, parseModelManifestText } from '@genzoo/core';
import { evaluateModel, EXTRACTORS } from '@genzoo/metrics';
import { REPO_ROOT } from '../helpers/test-models.js';

const N = 10_000;

/** The first shipped generative model whose dataset has a shipped feature extractor. */
function benchModel(): string | undefined {
  for (const id of ['dcgan-mnist', 'vae-mnist']) {
    const path = join(REPO_ROOT, 'models', id, 'manifest.json');
    if (!existsSync(path)) continue;
    const manifest = parseModelManifestText(readFileSync(path, 'utf8'), path);
    const extractor = isClassifierManifest(manifest) ? undefined : EXTRACTORS[manifest.dataset.name];
    if (extractor && existsSync(join(REPO_ROOT, 'models', extractor, 'manifest.json'))) return id;
  }
  return undefined;
}

/**
 * Seconds for `genzoo eval` on 10,000 samples end to end: generation, features of the samples, every
 * metric (FID, KID 100×1000, IS, precision/recall/density/coverage, memorization). Run twice: the first
 * run may also extract and cache the training set's features; the second shows the everyday cost.
 * Nothing is written to the model folder.
 */
export async function benchEvaluation(log: (line: string) => void): Promise<void> {
  const model = benchModel();
  if (!model) {
    log('skipped: no shipped generative model with a shipped feature extractor (models/dcgan-mnist + models/classifier-mnist)');
    return;
  }
  for (const run of ['first run', 'second run']) {
    const outcome = await evaluateModel(model, { cwd: REPO_ROOT, n: N, seed: 0, device: 'cpu' });
    const s = outcome.seconds;
    log(
      `${model}, ${N} samples, ${run}: ${s.total.toFixed(1)} s end to end — generation ${s.generate.toFixed(1)} s, ` +
        `features ${s.features.toFixed(1)} s, metrics ${s.metrics.toFixed(1)} s, ` +
        `training-set features ${s.reference.toFixed(1)} s (${outcome.referenceCached ? 'cached' : 'extracted and cached'}); FID ${outcome.figures.fid!.toFixed(2)}`,
    );
  }
}
