import { isClassifierManifest, type AnyManifest, type ClassifierManifest, type Manifest } from '@genzoo/core';
import { DENSITY_FIGURES, POINT_FIGURES } from '../evaluate/point-protocol.js';
import { BASELINE, CYCLE_FIGURES, MODEL_FIGURES, PAIRED_FIGURES, REFERENCE_FIGURES, REFERENCE_ROWS, type ReferenceRow } from '../evaluate/protocol.js';

/** One row of the leaderboard: a generative model, or a reference row of its dataset. */
export interface LeaderboardRow {
  kind: 'model' | 'reference';
  /** Model id, or `<classifier id>:<row>` for reference rows. */
  id: string;
  name: string;
  family: string;
  dataset: string;
  /** Samples evaluated; undefined for models never evaluated. */
  n?: number;
  seed?: number;
  /** The evaluation figures (see MODEL_FIGURES); empty when not evaluated. */
  metrics: Record<string, number>;
  /** Paths relative to the models folder. */
  thumbnail?: string;
  card?: string;
  manifest?: string;
  /** Feature extractor and its graph's sha256. */
  extractor?: { id: string; sha256: string };
  evaluatedAt?: string;
  /** Image-to-image translators: the names of the two domains, and whether the model also translates b → a. */
  translation?: { a: string; b: string; twoWay: boolean };
  /** Translators: the same figures for the sources left untranslated (the yardstick of each figure). */
  baseline?: Record<string, number>;
}

/** A table of image-to-image translators: one-way paired (pix2pix) or two-way unpaired (CycleGAN). */
export interface LeaderboardTranslationTable {
  /** `paired-translation` or `cycle-translation`: a slug, as `dataset` is for the other tables. */
  dataset: 'paired-translation' | 'cycle-translation';
  /** Heading of the table. */
  title: string;
  /** Figure names in display order. */
  figures: readonly string[];
  /** Rows sorted by dataset, then by the table's main figure (SSIM for paired, FID a → b for cycle), unevaluated models last. */
  rows: LeaderboardRow[];
}

/** A shipped classifier, with its held-out accuracy. */
export interface LeaderboardClassifier {
  id: string;
  name: string;
  dataset: string;
  heldOutAccuracy?: number;
  thumbnail: string;
  card: string;
  manifest: string;
  sha256: string;
}

/** What `models/leaderboard.json` holds. */
export interface Leaderboard {
  schemaVersion: 1;
  /** Figure names in display order. */
  figures: readonly string[];
  /** Datasets, each with its rows sorted by KID (reference rows and unevaluated models last). */
  datasets: { dataset: string; rows: LeaderboardRow[] }[];
  /** Figure names of models of 2-D points, in display order. */
  pointFigures: readonly string[];
  /** 2-D point sets, each with its rows sorted by held-out log-density (best first; the true density's row and unevaluated models last). */
  pointDatasets: { dataset: string; rows: LeaderboardRow[] }[];
  /** Image-to-image translators, evaluated on their held-out pairs or domains; a table only when there are such models. */
  translationTables: LeaderboardTranslationTable[];
  classifiers: LeaderboardClassifier[];
}

const REFERENCE_LABELS: Record<ReferenceRow, string> = {
  heldOut: 'held-out real images (floor)',
  noise: 'uniform noise (ceiling)',
};

function figuresOf(manifest: Manifest): readonly string[] {
  if (manifest.translation) return manifest.graphs.b2a ? CYCLE_FIGURES : PAIRED_FIGURES;
  return manifest.points ? POINT_FIGURES : [...MODEL_FIGURES, ...DENSITY_FIGURES];
}

function baselineOf(manifest: Manifest, names: readonly string[]): Record<string, number> {
  return Object.fromEntries(names.filter((name) => `${BASELINE}${name}` in manifest.metrics).map((name) => [name, manifest.metrics[`${BASELINE}${name}`]!]));
}

function modelRow(manifest: Manifest): LeaderboardRow {
  const evaluation = manifest.evaluation;
  const names = figuresOf(manifest);
  const metrics = Object.fromEntries(names.filter((name) => name in manifest.metrics).map((name) => [name, manifest.metrics[name]!]));
  return {
    kind: 'model',
    id: manifest.id,
    name: manifest.name,
    family: manifest.family,
    dataset: manifest.dataset.name,
    ...(evaluation ? { n: evaluation.n, seed: evaluation.seed, extractor: { id: evaluation.extractor.id, sha256: evaluation.extractor.sha256 }, evaluatedAt: evaluation.evaluatedAt } : {}),
    metrics: evaluation ? metrics : {},
    thumbnail: `${manifest.id}/${manifest.files.samples}`,
    card: `${manifest.id}/${manifest.files.card}`,
    manifest: `${manifest.id}/manifest.json`,
    ...(manifest.translation ? { translation: { a: manifest.translation.a.name, b: manifest.translation.b.name, twoWay: manifest.graphs.b2a !== undefined } } : {}),
    ...(manifest.translation && evaluation ? { baseline: baselineOf(manifest, names) } : {}),
  };
}

/** Translator rows: by dataset, then best main figure first, unevaluated models last. */
function byTranslation(main: string, higherIsBetter: boolean) {
  return (a: LeaderboardRow, b: LeaderboardRow): number => {
    const rank = (row: LeaderboardRow): number => (row.metrics[main] === undefined ? 1 : 0);
    const order = (higherIsBetter ? -1 : 1) * ((a.metrics[main] ?? 0) - (b.metrics[main] ?? 0));
    return a.dataset.localeCompare(b.dataset) || rank(a) - rank(b) || order || a.id.localeCompare(b.id);
  };
}

function translationTables(paired: LeaderboardRow[], cycle: LeaderboardRow[]): LeaderboardTranslationTable[] {
  const tables: LeaderboardTranslationTable[] = [];
  if (paired.length > 0) {
    tables.push({ dataset: 'paired-translation', title: 'Paired image-to-image translation (pix2pix)', figures: PAIRED_FIGURES, rows: paired.sort(byTranslation('ssimA2b', true)) });
  }
  if (cycle.length > 0) {
    tables.push({ dataset: 'cycle-translation', title: 'Unpaired two-way translation (CycleGAN)', figures: CYCLE_FIGURES, rows: cycle.sort(byTranslation('fidA2b', false)) });
  }
  return tables;
}

function referenceRows(manifest: ClassifierManifest): LeaderboardRow[] {
  const evaluation = manifest.evaluation;
  if (!evaluation) return [];
  return REFERENCE_ROWS.map((row) => ({
    kind: 'reference' as const,
    id: `${manifest.id}:${row}`,
    name: REFERENCE_LABELS[row],
    family: 'reference',
    dataset: manifest.dataset.name,
    n: row === 'heldOut' ? evaluation.settings.heldOutSamples ?? manifest.dataset.heldOutSize : evaluation.n,
    seed: evaluation.seed,
    metrics: Object.fromEntries(REFERENCE_FIGURES.filter((name) => `${row}.${name}` in manifest.metrics).map((name) => [name, manifest.metrics[`${row}.${name}`]!])),
    extractor: { id: evaluation.extractor.id, sha256: evaluation.extractor.sha256 },
    evaluatedAt: evaluation.evaluatedAt,
  }));
}

/** The true distribution's held-out log-density, recorded by the 2-D protocol: the ceiling of that column. */
function trueDensityRow(dataset: string, rows: readonly LeaderboardRow[], manifests: ReadonlyMap<string, Manifest>): LeaderboardRow[] {
  const evaluation = rows.map((row) => manifests.get(row.id)?.evaluation).find((e) => e?.settings.trueHeldOutLogDensity !== undefined);
  if (!evaluation) return [];
  return [{
    kind: 'reference',
    id: `${dataset}:true-density`,
    name: 'true distribution (ceiling)',
    family: 'reference',
    dataset,
    n: evaluation.settings.heldOutSamples ?? evaluation.reference.size,
    seed: evaluation.seed,
    metrics: { heldOutLogDensity: evaluation.settings.trueHeldOutLogDensity! },
  }];
}

function byLogDensity(a: LeaderboardRow, b: LeaderboardRow): number {
  const rank = (row: LeaderboardRow): number => (row.kind === 'reference' ? 2 : row.metrics.heldOutLogDensity === undefined ? 1 : 0);
  return rank(a) - rank(b) || (b.metrics.heldOutLogDensity ?? 0) - (a.metrics.heldOutLogDensity ?? 0) || a.id.localeCompare(b.id);
}

function byKid(a: LeaderboardRow, b: LeaderboardRow): number {
  const rank = (row: LeaderboardRow): number => (row.kind === 'reference' ? 2 : row.metrics.kid === undefined ? 1 : 0);
  return rank(a) - rank(b) || (a.metrics.kid ?? 0) - (b.metrics.kid ?? 0) || a.id.localeCompare(b.id);
}

/**
 * Builds the leaderboard from manifests: every generative model (evaluated or not), the reference
 * rows recorded in each dataset's classifier, and the classifiers themselves. Deterministic — no
 * timestamps of its own — so regenerating an unchanged zoo changes nothing.
 */
export function buildLeaderboard(manifests: readonly AnyManifest[]): Leaderboard {
  const rows = new Map<string, LeaderboardRow[]>();
  const add = (row: LeaderboardRow): void => {
    rows.set(row.dataset, [...(rows.get(row.dataset) ?? []), row]);
  };
  const classifiers: LeaderboardClassifier[] = [];
  const pointRows = new Map<string, LeaderboardRow[]>();
  const pointManifests = new Map<string, Manifest>();
  const translators = { paired: [] as LeaderboardRow[], cycle: [] as LeaderboardRow[] };
  for (const manifest of manifests) {
    if (isClassifierManifest(manifest)) {
      referenceRows(manifest).forEach(add);
      classifiers.push({
        id: manifest.id,
        name: manifest.name,
        dataset: manifest.dataset.name,
        ...(manifest.metrics.heldOutAccuracy === undefined ? {} : { heldOutAccuracy: manifest.metrics.heldOutAccuracy }),
        thumbnail: `${manifest.id}/${manifest.files.samples}`,
        card: `${manifest.id}/${manifest.files.card}`,
        manifest: `${manifest.id}/manifest.json`,
        sha256: manifest.graphs.classifier.sha256,
      });
    } else if (manifest.translation) {
      translators[manifest.graphs.b2a ? 'cycle' : 'paired'].push(modelRow(manifest));
    } else if (manifest.points) {
      pointManifests.set(manifest.id, manifest);
      pointRows.set(manifest.dataset.name, [...(pointRows.get(manifest.dataset.name) ?? []), modelRow(manifest)]);
    } else {
      add(modelRow(manifest));
    }
  }
  return {
    schemaVersion: 1,
    figures: MODEL_FIGURES,
    datasets: [...rows.keys()].sort().map((dataset) => ({ dataset, rows: rows.get(dataset)!.sort(byKid) })),
    pointFigures: POINT_FIGURES,
    pointDatasets: [...pointRows.keys()].sort().map((dataset) => {
      const models = pointRows.get(dataset)!;
      return { dataset, rows: [...models, ...trueDensityRow(dataset, models, pointManifests)].sort(byLogDensity) };
    }),
    translationTables: translationTables(translators.paired, translators.cycle),
    classifiers: classifiers.sort((a, b) => a.id.localeCompare(b.id)),
  };
}
