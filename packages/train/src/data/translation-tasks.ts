import type { DatasetName, ImageDataset } from './image-dataset.js';
import {
  DOMAIN_SPLIT_SEED, disjointHalves, edgeSources, MASK_JITTER, MASK_SIZE, maskSquares, subsetDataset, thicken, THICKEN_WINDOW, withClasses,
} from './translation-data.js';

/** One image domain of a translation task, as the manifest's `translation` block names it. */
export interface TranslationDomain {
  /** Identifier: lowercase letters, digits and dashes. */
  name: string;
  description: string;
}

/** The two domains of a task: models translate a → b (and, for CycleGAN, b → a). */
export interface TranslationDomains {
  a: TranslationDomain;
  b: TranslationDomain;
}

/** A pix2pix task: sources (domain a) computed from each target image (domain b) on the fly. */
export interface PairedTask {
  name: string;
  /** One line for `--help` and the card. */
  description: string;
  datasets: readonly DatasetName[];
  domains(dataset: string): TranslationDomains;
  /** Sources for `targets`, image for image; `ids` are the images' dataset indices (masks are seeded by them and `seed`). */
  sources(targets: ImageDataset, ids: ArrayLike<number>, seed: number): ImageDataset;
  /** What the manifest records about how sources are made (for evaluation tools). */
  record(dataset: string, seed: number): Record<string, unknown>;
}

/** Indices of each domain's images. */
export interface DomainIndices {
  a: Uint32Array;
  b: Uint32Array;
}

/** A CycleGAN task: two unpaired domains drawn from one dataset. */
export interface UnpairedTask {
  name: string;
  description: string;
  dataset: DatasetName;
  domains: TranslationDomains;
  /** Splits image indices (training or held-out) into the two domains; no image is in both. */
  split(dataset: ImageDataset, indices: Uint32Array): DomainIndices;
  /** Domain images from dataset images of that domain (e.g. thickened for `thick`'s b). */
  images(domain: 'a' | 'b', images: ImageDataset): ImageDataset;
  /** Whether each image has a known counterpart in the other domain (thickening does), so held-out a → b and b → a can be scored against it. */
  paired: boolean;
  record: Record<string, unknown>;
}

const DATASET_TITLES: Readonly<Record<DatasetName, { title: string; items: string; domain: string }>> = {
  mnist: { title: 'MNIST', items: 'digits', domain: 'digits' },
  'fashion-mnist': { title: 'Fashion-MNIST', items: 'clothing items', domain: 'fashion' },
};

function titles(dataset: string): (typeof DATASET_TITLES)[DatasetName] {
  const found = DATASET_TITLES[dataset as DatasetName];
  if (found === undefined) throw new Error(`no translation domains for dataset '${dataset}'`);
  return found;
}

const EDGES: PairedTask = {
  name: 'edges',
  description: 'Sobel edge map → image',
  datasets: ['mnist', 'fashion-mnist'],
  domains: (dataset) => {
    const { title, items, domain } = titles(dataset);
    return {
      a: { name: 'edges', description: `Sobel edge maps of ${title} ${items}, white edges on black (gradient magnitude thresholded at 0.5)` },
      b: { name: domain, description: `${title} ${items}` },
    };
  },
  sources: (targets) => edgeSources(targets),
  record: () => ({ source: 'sobel-edges', edgeThreshold: 0.5 }),
};

const INPAINT: PairedTask = {
  name: 'inpaint',
  description: `image with a ${MASK_SIZE}×${MASK_SIZE} square blanked → image`,
  datasets: ['mnist', 'fashion-mnist'],
  domains: (dataset) => {
    const { title, items, domain } = titles(dataset);
    return {
      a: {
        name: `masked-${domain}`,
        description: `${title} ${items} with a ${MASK_SIZE}×${MASK_SIZE} square set to black (background), its centre within ±${MASK_JITTER} pixels of the image centre`,
      },
      b: { name: domain, description: `${title} ${items}` },
    };
  },
  sources: (targets, ids, seed) => maskSquares(targets, ids, seed),
  record: (_dataset, seed) => ({ source: 'masked-square', maskSize: MASK_SIZE, maskJitter: MASK_JITTER, maskSeed: seed }),
};

const SHOES: UnpairedTask = {
  name: 'shoes',
  description: 'Fashion-MNIST sneakers (class 7) ↔ ankle boots (class 9)',
  dataset: 'fashion-mnist',
  domains: {
    a: { name: 'sneakers', description: 'Fashion-MNIST sneakers (class 7)' },
    b: { name: 'ankle-boots', description: 'Fashion-MNIST ankle boots (class 9)' },
  },
  split: (dataset, indices) => ({ a: withClasses(dataset, indices, [7]), b: withClasses(dataset, indices, [9]) }),
  images: (_domain, images) => images,
  paired: false,
  record: { domainA: { classes: [7] }, domainB: { classes: [9] } },
};

const THICK: UnpairedTask = {
  name: 'thick',
  description: `MNIST digits ↔ digits thickened by a ${THICKEN_WINDOW}×${THICKEN_WINDOW} max filter, from disjoint halves of the images`,
  dataset: 'mnist',
  domains: {
    a: { name: 'digits', description: 'MNIST digits' },
    b: { name: 'thick-digits', description: `MNIST digits thickened by grey-scale dilation (${THICKEN_WINDOW}×${THICKEN_WINDOW} max filter)` },
  },
  split: (_dataset, indices) => {
    const [a, b] = disjointHalves(indices, DOMAIN_SPLIT_SEED);
    return { a, b };
  },
  images: (domain, images) => (domain === 'b' ? thicken(images) : images),
  paired: true,
  record: {
    domainA: { classes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], half: 0 },
    domainB: { classes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], half: 1, transform: `dilation-${THICKEN_WINDOW}x${THICKEN_WINDOW}` },
    domainSplitSeed: DOMAIN_SPLIT_SEED,
  },
};

/** pix2pix tasks by `--task` name. */
export const PAIRED_TASKS: ReadonlyMap<string, PairedTask> = new Map([EDGES, INPAINT].map((task) => [task.name, task]));
/** CycleGAN tasks by `--task` name. */
export const UNPAIRED_TASKS: ReadonlyMap<string, UnpairedTask> = new Map([SHOES, THICK].map((task) => [task.name, task]));

function lookup<T>(tasks: ReadonlyMap<string, T>, family: string, name: string | undefined): T {
  const task = name === undefined ? undefined : tasks.get(name);
  if (task === undefined) {
    const valid = [...tasks.keys()].join(', ');
    throw new Error(name === undefined ? `family '${family}' needs --task (one of ${valid})` : `unknown --task '${name}' for family '${family}' (expected one of ${valid})`);
  }
  return task;
}

/** The pix2pix task `--task` names; a one-line error listing the valid ones otherwise. */
export function getPairedTask(name: string | undefined): PairedTask {
  return lookup(PAIRED_TASKS, 'pix2pix', name);
}

/** The CycleGAN task `--task` names; a one-line error listing the valid ones otherwise. */
export function getUnpairedTask(name: string | undefined): UnpairedTask {
  return lookup(UNPAIRED_TASKS, 'cyclegan', name);
}

/** Domain images at `indices` of a task's domain, as their own dataset. */
export function domainImages(task: UnpairedTask, domain: 'a' | 'b', dataset: ImageDataset, indices: ArrayLike<number>): ImageDataset {
  return task.images(domain, subsetDataset(dataset, indices));
}
