import { loadDataset } from '../data/load-dataset.js';
import { DEFAULT_EVAL_COUNT, SPLIT_SEED, splitDataset } from '../data/split.js';
import { SYNTHETIC_2D_DEFAULT_STD, SYNTHETIC_2D_EVAL_SEED, synthetic2dSplit, type Synthetic2dName } from '../data/synthetic-2d.js';
import { permutation } from '../random/rng.js';
import { fitPca, pcaProject, type Pca } from './pca.js';
import { selectPoints, type Points } from './points.js';

/** Short dataset names of density models, as the CLI and manifests spell them, and the 2-D sets behind them. */
export const POINT_SETS: Record<string, Synthetic2dName> = { ring: 'ring-8', grid: 'grid-25', moons: 'two-moons', 'swiss-roll': 'swiss-roll' };

/** Every dataset a density model can be fitted to. */
export const DENSITY_DATASETS = [...Object.keys(POINT_SETS), 'mnist', 'fashion-mnist'] as const;

/** Training points of the 2-D sets (the held-out set is {@link DEFAULT_EVAL_COUNT} fixed points). */
export const POINT_TRAIN_COUNT = 4000;
/** Training points set aside to choose the bandwidth / mixture; the final model is refitted on all training points. */
export const VALIDATION_COUNT = 1000;

/** The data a density model is fitted and scored on, in the space the density is over. */
export interface DensityData {
  /** Dataset name as the manifest records it (ring, grid, moons, swiss-roll, mnist, fashion-mnist). */
  name: string;
  /** All training points (PCA coordinates for images). */
  train: Points;
  /** Training points used for fitting during model selection, and the rest (validation). */
  fit: Points;
  validation: Points;
  /** The held-out split, never seen while fitting or choosing. */
  heldOut: Points;
  /** Held-out points in the model's input space (flattened images in [0, 1] for PCA models), for parity checks. */
  heldOutInputs: Points;
  split: { trainSize: number; heldOutSize: number; splitSeed: number };
  /** Present for image datasets: the projection the density lives behind. */
  pca?: Pca;
  /** Noise std of a 2-D set. */
  noiseStd?: number;
}

function carveValidation(train: Points, seed: number): { fit: Points; validation: Points } {
  const order = permutation(train.rows, seed);
  return { validation: selectPoints(train, order.subarray(0, VALIDATION_COUNT)), fit: selectPoints(train, order.subarray(VALIDATION_COUNT)) };
}

/** A 2-D set: seeded training points, the fixed held-out points, and a validation carve-out of the training points. */
export function loadPointData(name: string, seed: number): DensityData {
  const set = POINT_SETS[name];
  if (!set) throw new Error(`unknown dataset '${name}' (expected one of ${DENSITY_DATASETS.join(', ')})`);
  const split = synthetic2dSplit(set, { trainCount: POINT_TRAIN_COUNT, evalCount: DEFAULT_EVAL_COUNT, seed });
  const train = { rows: split.train.count, cols: 2, data: Float64Array.from(split.train.points) };
  const heldOut = { rows: split.eval.count, cols: 2, data: Float64Array.from(split.eval.points) };
  return {
    name,
    train,
    ...carveValidation(train, seed),
    heldOut,
    heldOutInputs: heldOut,
    split: { trainSize: train.rows, heldOutSize: heldOut.rows, splitSeed: SYNTHETIC_2D_EVAL_SEED },
    noiseStd: SYNTHETIC_2D_DEFAULT_STD[set],
  };
}

/**
 * An image dataset in a PCA space: the fixed train/held-out split every genzoo model uses, PCA fitted
 * on the training images only, both splits projected onto `dims` components.
 */
export function loadImagePcaData(name: string, dims: number, seed: number, cacheDir?: string): DensityData {
  const dataset = loadDataset(name, cacheDir === undefined ? {} : { cacheDir });
  const split = splitDataset(dataset, DEFAULT_EVAL_COUNT, SPLIT_SEED);
  const plane = dataset.height * dataset.width * (dataset.channels ?? 1);
  const toPoints = (indices: Uint32Array): Points => {
    const data = new Float64Array(indices.length * plane);
    indices.forEach((index, i) => {
      for (let j = 0; j < plane; j++) data[i * plane + j] = dataset.pixels[index * plane + j]! / 255;
    });
    return { rows: indices.length, cols: plane, data };
  };
  const trainImages = toPoints(split.train);
  const heldOutImages = toPoints(split.eval);
  const pca = fitPca(trainImages, dims);
  const train = pcaProject(pca, trainImages);
  return {
    name,
    train,
    ...carveValidation(train, seed),
    heldOut: pcaProject(pca, heldOutImages),
    heldOutInputs: heldOutImages,
    split: { trainSize: split.train.length, heldOutSize: split.eval.length, splitSeed: SPLIT_SEED },
    pca,
  };
}
