import { join } from 'node:path';
import { selectRows } from '../features/feature-matrix.js';
import { readFeatureCache, writeFeatureCache } from '../features/feature-cache.js';
import type { Extracted, FeatureExtractor } from '../extractor/feature-extractor.js';
import { loadReferenceDataset, referenceSplit, type ReferenceDataset, type ReferenceSplit } from '../data/reference-dataset.js';

/** Real images of a dataset split, and the extractor's view of them. */
export interface ReferenceData {
  dataset: ReferenceDataset;
  split: ReferenceSplit;
  train: Extracted;
  heldOut: Extracted;
  /** Whether the features came from the cache. */
  cached: boolean;
}

function pick(all: Extracted, indices: Uint32Array): Extracted {
  return { logits: selectRows(all.logits, indices), features: selectRows(all.features, indices) };
}

/**
 * Loads a dataset, its split, and the extractor's logits and features of every image. Features are
 * cached under `<cacheDir>/../features/`, keyed by the extractor graph's sha256, so a changed
 * extractor never reuses stale features.
 */
export async function referenceData(
  extractor: FeatureExtractor,
  dataset: { name: string; heldOutSize: number; splitSeed: number },
  cacheDir: string,
): Promise<ReferenceData> {
  const data = loadReferenceDataset(dataset.name, cacheDir);
  const split = referenceSplit(data, dataset.heldOutSize, dataset.splitSeed);
  const path = join(cacheDir, '..', 'features', `${dataset.name}-${extractor.sha256.slice(0, 16)}.gzft`);
  let all = readFeatureCache(path, data.count);
  const cached = all !== undefined;
  if (!all) {
    all = await extractor.extract(data.pixels, data.count);
    writeFeatureCache(path, all);
  }
  return { dataset: data, split, train: pick(all, split.train), heldOut: pick(all, split.heldOut), cached };
}
