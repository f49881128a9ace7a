import type { RgbaImage } from '@genzoo/web';

export interface ImageSize {
  width: number;
  height: number;
}

/** One entry of `GET /api/models`. */
export interface ModelSummary {
  id: string;
  name: string;
  family: string;
  description: string;
  dataset: string;
  /** Present for image models. */
  image?: { width: number; height: number; channels: number };
  /** Present for models whose samples are vectors (2-D toy data). */
  points?: { dims: number };
  /** Absent for image-to-image translators. */
  latent?: { size: number; distribution: string };
  /** The two domains of an image-to-image translator. */
  translation?: { a: { name: string; description: string }; b: { name: string; description: string } };
  /** The directions a translator's graphs provide: `a2b`, and `b2a` for two-way models. */
  directions?: ('a2b' | 'b2a')[];
  mixture?: { components: number };
  /** Class count of conditional models (a `label` input). */
  classes?: number;
  capabilities: string[];
  metrics: Record<string, number>;
  files: {
    samples: string;
    /** Pixel size of the samples image, when the server could read it. */
    samplesSize?: ImageSize;
    card: string;
    figures: { caption: string; url: string; size?: ImageSize }[];
  };
}

export interface ServerPoints {
  /** `[n, dims]` row-major. */
  points: Float32Array;
  dims: number;
  provider: string;
  execution: string;
  timeMs: number;
}

export interface ServerGrid {
  image: RgbaImage;
  blob: Blob;
  runtime: string;
  provider: string;
  execution: string;
  timeMs: number;
}

async function errorOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: string };
    if (body.error) return body.error;
  } catch {
    // not JSON: fall through to the status line
  }
  return `HTTP ${response.status} ${response.statusText}`;
}

export async function fetchModels(): Promise<ModelSummary[]> {
  const response = await fetch('/api/models');
  if (!response.ok) throw new Error(`GET /api/models failed: ${await errorOf(response)}`);
  return ((await response.json()) as { models: ModelSummary[] }).models;
}

/** Decodes PNG bytes exactly (no colour management, no premultiplication). */
async function decodePng(blob: Blob): Promise<RgbaImage> {
  const bitmap = await createImageBitmap(blob, { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d context for decoding');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  return { data, width, height };
}

/** Options the server's sample endpoint takes beyond seed and n. */
export interface GridOptions {
  truncation?: number | undefined;
  /** One class for every sample (conditional models). */
  label?: number | undefined;
}

/** The server's grid for a model and seed, decoded, with the runtime that drew it. */
export async function fetchServerGrid(id: string, seed: number, n: number, options: GridOptions = {}): Promise<ServerGrid> {
  const query = new URLSearchParams({ seed: String(seed), n: String(n) });
  if (options.truncation !== undefined) query.set('truncation', String(options.truncation));
  if (options.label !== undefined) query.set('class', String(options.label));
  const response = await fetch(`/api/models/${encodeURIComponent(id)}/sample.png?${query}`);
  if (!response.ok) throw new Error(await errorOf(response));
  const blob = await response.blob();
  return {
    image: await decodePng(blob),
    blob,
    runtime: response.headers.get('X-Genzoo-Runtime') ?? 'unknown',
    provider: response.headers.get('X-Genzoo-Provider') ?? 'unknown',
    execution: response.headers.get('X-Genzoo-Execution') ?? '',
    timeMs: Number(response.headers.get('X-Genzoo-Time-Ms')),
  };
}

/** What the server's translate endpoint answered: the translation (PNG) and where it ran. */
export interface ServerTranslation {
  blob: Blob;
  image: RgbaImage;
  provider: string;
  execution: string;
  timeMs: number;
}

/**
 * Sends an image (PNG, JPEG or WebP bytes, any size) to `POST /api/models/:id/translate.png`; the server
 * fits it inside the model's size on black and answers with the translation at that size times `scale`.
 */
export async function fetchServerTranslation(id: string, image: Blob, direction: 'a2b' | 'b2a', scale = 1): Promise<ServerTranslation> {
  const query = new URLSearchParams({ direction, scale: String(scale) });
  const response = await fetch(`/api/models/${encodeURIComponent(id)}/translate.png?${query}`, {
    method: 'POST',
    body: image,
    headers: { 'content-type': image.type || 'application/octet-stream' },
  });
  if (!response.ok) throw new Error(await errorOf(response));
  const blob = await response.blob();
  return {
    blob,
    image: await decodePng(blob),
    provider: response.headers.get('X-Genzoo-Provider') ?? 'unknown',
    execution: response.headers.get('X-Genzoo-Execution') ?? '',
    timeMs: Number(response.headers.get('X-Genzoo-Time-Ms')),
  };
}

/** The server's point samples for a model and seed. */
export async function fetchServerPoints(id: string, seed: number, n: number): Promise<ServerPoints> {
  const response = await fetch(`/api/models/${encodeURIComponent(id)}/points.json?seed=${seed}&n=${n}`);
  if (!response.ok) throw new Error(await errorOf(response));
  const body = (await response.json()) as { points: number[][]; execution: { provider: string }; description: string; timeMs: number };
  const dims = body.points[0]?.length ?? 0;
  return { points: Float32Array.from(body.points.flat()), dims, provider: body.execution.provider, execution: body.description, timeMs: body.timeMs };
}

/** Real points of a 2-D training set (by manifest dataset name). */
export async function fetchDatasetPoints(dataset: string, seed: number, n: number): Promise<{ points: Float32Array; centres?: [number, number][]; std?: number }> {
  const response = await fetch(`/api/datasets/${encodeURIComponent(dataset)}/points.json?seed=${seed}&n=${n}`);
  if (!response.ok) throw new Error(await errorOf(response));
  const body = (await response.json()) as { points: number[][]; centres?: [number, number][]; std?: number };
  return { points: Float32Array.from(body.points.flat()), ...(body.centres && { centres: body.centres }), ...(body.std !== undefined && { std: body.std }) };
}

/** One row of `models/leaderboard.json` (see @genzoo/metrics' `Leaderboard`). */
export interface LeaderboardRow {
  kind: 'model' | 'reference';
  id: string;
  name: string;
  family: string;
  dataset: string;
  n?: number;
  metrics: Record<string, number>;
  thumbnail?: string;
  /** Image-to-image translators: their two domains, and whether they also translate b → a. */
  translation?: { a: string; b: string; twoWay: boolean };
  /** Translators: the same figures for the sources left untranslated (each figure's yardstick). */
  baseline?: Record<string, number>;
}

export interface LeaderboardTable {
  dataset: string;
  rows: LeaderboardRow[];
}

export interface Leaderboard {
  figures: string[];
  datasets: LeaderboardTable[];
  pointFigures?: string[];
  pointDatasets?: LeaderboardTable[];
  /** Translators: `dataset` is `paired-translation` or `cycle-translation`, each table with its own heading and figures. */
  translationTables?: (LeaderboardTable & { title: string; figures: string[] })[];
}

export async function fetchLeaderboard(): Promise<Leaderboard> {
  const response = await fetch('/api/leaderboard');
  if (!response.ok) throw new Error(await errorOf(response));
  return (await response.json()) as Leaderboard;
}

/** A model's card (markdown). */
export async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${await errorOf(response)}`);
  return response.text();
}
