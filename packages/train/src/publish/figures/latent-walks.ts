import { join } from 'node:path';
import { tensor, type Generator, type ImageBatch, type RgbaImage } from '@genzoo/core';
import { writeSampleGrid } from '@genzoo/node';
import type { CardFigure } from './model-figures.js';

/** Classes of a batch of samples, from the dataset's evaluation classifier. */
export type SampleClassifier = (batch: ImageBatch) => Promise<Uint8Array>;

/** File names of the latent-walk figures. */
export const LATENT_WALK_FILES = { interpolations: 'interpolations.png', arithmetic: 'latent-arithmetic.png' } as const;

const INTERPOLATION_ROWS = 8;
const INTERPOLATION_STEPS = 10;
/** Samples ranked by ink to find the attribute vector, and the share at each end of a class that is averaged. */
const ATTRIBUTE_POOL = 2048;
const ATTRIBUTE_FRACTION = 0.1;
/** Multiples of the attribute vector added along each row of the arithmetic figure. */
export const ARITHMETIC_STEPS = [-1, -0.5, 0, 0.5, 1] as const;
const ARITHMETIC_ROWS = 8;
const ARITHMETIC_BASE_SEED = 1;

/** Mean brightness of each image of a batch, in the batch's own range: a stroke-weight (or garment-size) attribute. */
export function inkPerImage(batch: ImageBatch): Float64Array {
  const [n] = batch.images.dims as [number];
  const per = batch.images.data.length / n;
  const ink = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < per; j++) sum += batch.images.data[i * per + j]!;
    ink[i] = sum / per;
  }
  return ink;
}

/**
 * An attribute direction: within each group (class), the mean latent of its top `fraction` by score minus that of its
 * bottom `fraction`, averaged over the groups. Ranking within classes keeps the class out of the direction: ranked
 * over all samples, ink mostly separates 1s from 0s and 8s.
 */
export function attributeVector(latents: Float32Array, size: number, scores: ArrayLike<number>, groups: ArrayLike<number>, fraction: number): Float32Array {
  const members = new Map<number, number[]>();
  for (let row = 0; row < scores.length; row++) members.set(groups[row]!, [...(members.get(groups[row]!) ?? []), row]);
  const vector = new Float32Array(size);
  let used = 0;
  for (const rows of members.values()) {
    const count = Math.floor(rows.length * fraction);
    if (count < 1) continue;
    rows.sort((a, b) => scores[a]! - scores[b]!);
    for (let k = 0; k < count; k++) {
      const high = rows[rows.length - 1 - k]!;
      const low = rows[k]!;
      for (let d = 0; d < size; d++) vector[d]! += (latents[high * size + d]! - latents[low * size + d]!) / count;
    }
    used++;
  }
  return used === 0 ? vector : vector.map((value) => value / used);
}

/** Rows of `base + α·vector` for each α of {@link ARITHMETIC_STEPS}, row-major. */
export function arithmeticLatents(base: Float32Array, rows: number, vector: Float32Array): Float32Array {
  const size = vector.length;
  const out = new Float32Array(rows * ARITHMETIC_STEPS.length * size);
  for (let row = 0; row < rows; row++) {
    ARITHMETIC_STEPS.forEach((alpha, column) => {
      const offset = (row * ARITHMETIC_STEPS.length + column) * size;
      for (let d = 0; d < size; d++) out[offset + d] = base[row * size + d]! + alpha * vector[d]!;
    });
  }
  return out;
}

/**
 * Draws the DCGAN paper's two latent-space figures from an unconditional generator: spherical interpolations between
 * seeded latents, and vector arithmetic with an attribute vector found by ranking samples.
 */
export async function renderLatentWalks(generator: Generator, folder: string, subject: string, classify?: SampleClassifier): Promise<CardFigure[]> {
  const size = generator.manifest.latent!.size;
  const walks: RgbaImage[] = [];
  for (let row = 0; row < INTERPOLATION_ROWS; row++) {
    walks.push(...generator.toRgba(await generator.interpolate({ from: 2 * row, to: 2 * row + 1, steps: INTERPOLATION_STEPS, method: 'slerp' })));
  }
  await writeSampleGrid(walks, join(folder, LATENT_WALK_FILES.interpolations), { columns: INTERPOLATION_STEPS });

  const pool = await generator.sample({ n: ATTRIBUTE_POOL, seed: 0 });
  const classes = classify === undefined ? new Uint8Array(ATTRIBUTE_POOL) : await classify(pool);
  const vector = attributeVector(pool.latents.data as Float32Array, size, inkPerImage(pool), classes, ATTRIBUTE_FRACTION);
  const base = await generator.sample({ n: ARITHMETIC_ROWS, seed: ARITHMETIC_BASE_SEED });
  const arithmetic = await generator.decode(
    tensor(arithmeticLatents(base.latents.data as Float32Array, ARITHMETIC_ROWS, vector), [ARITHMETIC_ROWS * ARITHMETIC_STEPS.length, size]),
  );
  await writeSampleGrid(generator.toRgba(arithmetic), join(folder, LATENT_WALK_FILES.arithmetic), { columns: ARITHMETIC_STEPS.length });

  return latentWalkFigures(subject, classify !== undefined);
}

/** What the latent-walk figures show, for the card; `classified` when the attribute was ranked within the classifier's classes. */
export function latentWalkFigures(subject: string, classified: boolean): CardFigure[] {
  return [
    {
      file: LATENT_WALK_FILES.interpolations,
      title: `Latent interpolations: ${INTERPOLATION_ROWS} spherical walks of ${INTERPOLATION_STEPS} steps between seeded latents`,
      alt: `${INTERPOLATION_ROWS} rows of ${INTERPOLATION_STEPS} images morphing from one sample into another`,
      caption:
        `Latent interpolations: row r walks from the latent of seed 2r to that of seed 2r + 1 along the great circle (\`interpolate({ from, to, steps: ${INTERPOLATION_STEPS}, method: 'slerp' })\`). ` +
        `Smooth transitions without sudden jumps or broken ${subject} in between mean the generator has learned a continuous latent space rather than memorised isolated points.`,
    },
    {
      file: LATENT_WALK_FILES.arithmetic,
      title: `Latent arithmetic: z + α·(bold − faint) for α = ${ARITHMETIC_STEPS.join(', ')}`,
      alt: `${ARITHMETIC_ROWS} rows: one sample each, with an ink attribute vector subtracted (left) and added (right)`,
      caption:
        `Latent arithmetic (Radford et al.'s vector arithmetic with averaged exemplars): ${ATTRIBUTE_POOL} samples (seed 0) are ${classified ? 'sorted into classes by the evaluation classifier and ranked by ink (mean brightness) within each class' : 'ranked by ink (mean brightness)'}; ` +
        `the mean latent of the boldest ${ATTRIBUTE_FRACTION * 100}% minus that of the faintest ${ATTRIBUTE_FRACTION * 100}%${classified ? ', averaged over classes,' : ''} gives an attribute vector v. Each row is one latent z (seed ${ARITHMETIC_BASE_SEED}, row r = its r-th sample) decoded at z + α·v for α = ${ARITHMETIC_STEPS.join(', ')}: ` +
        `rightwards the ${subject} should grow bolder, leftwards fainter. Where a row keeps its ${subject}'s identity, ink is a direction of its own in latent space; ` +
        `where the class changes along the row (as a class-blind latent space of 64 dimensions often does), ink and class are entangled there.`,
    },
  ];
}
