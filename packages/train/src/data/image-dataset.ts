/** Names of the datasets genzoo can train on. */
export const DATASET_NAMES = ['mnist', 'fashion-mnist'] as const;

/** A dataset name from {@link DATASET_NAMES}. */
export type DatasetName = (typeof DATASET_NAMES)[number];

/** Grayscale images and class labels, held compactly as bytes. */
export interface ImageDataset {
  name: string;
  count: number;
  height: number;
  width: number;
  /** Channels per pixel: 1 (grayscale, the default when absent) or 3 (RGB, interleaved). */
  channels?: number;
  numClasses: number;
  /** count·height·width·channels bytes, 0 = black, 255 = white, row-major. */
  pixels: Uint8Array;
  /** count class ids in [0, numClasses). */
  labels: Uint8Array;
}

/** Checks a name is a known dataset, with a one-line error otherwise. */
export function assertDatasetName(name: string): asserts name is DatasetName {
  if (!(DATASET_NAMES as readonly string[]).includes(name)) {
    throw new Error(`unknown dataset '${name}' (expected one of ${DATASET_NAMES.join(', ')})`);
  }
}
