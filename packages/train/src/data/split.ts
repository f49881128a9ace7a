import * as tf from '@tensorflow/tfjs';
import { permutation } from '../random/rng.js';
import type { ImageDataset } from './image-dataset.js';

/** Held-out images per dataset: evaluation is always on these. */
export const DEFAULT_EVAL_COUNT = 2000;
/** Seed of the train/eval split; fixed so every run holds out the same images. */
export const SPLIT_SEED = 20240601;

/** Indices of the training and held-out images. */
export interface DatasetSplit {
  train: Uint32Array;
  eval: Uint32Array;
}

/** Fixed, seeded split: `evalCount` images held out, the rest for training. */
export function splitDataset(dataset: ImageDataset, evalCount = DEFAULT_EVAL_COUNT, seed = SPLIT_SEED): DatasetSplit {
  if (evalCount < 0 || evalCount >= dataset.count) {
    throw new Error(`eval count ${evalCount} must be in [0, ${dataset.count})`);
  }
  const order = permutation(dataset.count, seed);
  return { eval: order.slice(0, evalCount), train: order.slice(evalCount) };
}

/** How pixel bytes map to model inputs. */
export type PixelRange = 'zero-one' | 'minus-one-one';

/**
 * Deterministic mini-batches over a fixed index set: batch `k` is a pure
 * function of (seed, k), so a resumed run sees the same data as an
 * uninterrupted one. Each epoch is a fresh seeded shuffle; the ragged last
 * batch of an epoch is dropped.
 */
export class BatchSampler {
  private cachedEpoch = -1;
  private cachedOrder: Uint32Array = new Uint32Array(0);

  constructor(
    private readonly dataset: ImageDataset,
    private readonly indices: Uint32Array,
    readonly batchSize: number,
    private readonly seed: number,
  ) {
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > indices.length) {
      throw new Error(`batch size ${batchSize} must be an integer in [1, ${indices.length}]`);
    }
  }

  /** Batches per epoch. */
  get batchesPerEpoch(): number {
    return Math.floor(this.indices.length / this.batchSize);
  }

  /** Dataset indices of batch number `k` (counting from 0 over all epochs). */
  batchIndices(k: number): Uint32Array {
    const epoch = Math.floor(k / this.batchesPerEpoch);
    if (epoch !== this.cachedEpoch) {
      const perm = permutation(this.indices.length, (this.seed * 7919 + epoch * 104729) >>> 0);
      this.cachedOrder = perm.map((p) => this.indices[p]!);
      this.cachedEpoch = epoch;
    }
    const start = (k % this.batchesPerEpoch) * this.batchSize;
    return this.cachedOrder.subarray(start, start + this.batchSize);
  }

  /** Class labels of batch `k`, in the order of {@link batch}. */
  labels(k: number): Uint8Array {
    return Uint8Array.from(this.batchIndices(k), (index) => this.dataset.labels[index]!);
  }

  /** Batch `k` as a [B, H, W, 1] float tensor. */
  batch(k: number, range: PixelRange): tf.Tensor4D {
    return imagesTensor(this.dataset, this.batchIndices(k), range);
  }
}

/** Selected images as a [n, H, W, C] float tensor in the given range. */
export function imagesTensor(dataset: ImageDataset, indices: ArrayLike<number>, range: PixelRange): tf.Tensor4D {
  const channels = dataset.channels ?? 1;
  const size = dataset.height * dataset.width * channels;
  const out = new Float32Array(indices.length * size);
  const [scale, shift] = range === 'zero-one' ? [1 / 255, 0] : [2 / 255, -1];
  for (let b = 0; b < indices.length; b++) {
    const base = indices[b]! * size;
    for (let i = 0; i < size; i++) out[b * size + i] = dataset.pixels[base + i]! * scale + shift;
  }
  return tf.tensor4d(out, [indices.length, dataset.height, dataset.width, channels]);
}
