import { resolve } from 'node:path';
import { DATASET_NAMES, type DatasetName, type ImageDataset } from './image-dataset.js';
import { isImageFolder, loadImageFolder } from './image-folder.js';
import { loadDataset } from './load-dataset.js';

/** What `--dataset` names: a packaged dataset, or a folder of the user's images. */
export type DatasetSource = { kind: 'named'; name: DatasetName } | { kind: 'folder'; path: string };

/** Interprets `--dataset`: a known name wins, else an existing folder; a one-line error otherwise. */
export function resolveDatasetSource(spec: string): DatasetSource {
  if ((DATASET_NAMES as readonly string[]).includes(spec)) return { kind: 'named', name: spec as DatasetName };
  if (isImageFolder(spec)) return { kind: 'folder', path: resolve(spec) };
  throw new Error(`unknown dataset '${spec}' (expected one of ${DATASET_NAMES.join(', ')}, or a folder of PNG/JPEG images)`);
}

/** Image geometry a family trains on, used to decode folders. */
export interface ImageShape {
  size: number;
  channels: 1 | 3;
}

/** Loads a resolved dataset (folders decoded to `shape` and cached). */
export async function loadDatasetSource(source: DatasetSource, shape: ImageShape, cacheDir?: string): Promise<ImageDataset> {
  const options = cacheDir === undefined ? {} : { cacheDir };
  if (source.kind === 'named') return loadDataset(source.name, options);
  return loadImageFolder(source.path, { ...shape, ...options });
}
