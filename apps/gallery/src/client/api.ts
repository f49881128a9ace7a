import type { RgbaImage } from '@genzoo/web';

/** One entry of `GET /api/models`. */
export interface ModelSummary {
  id: string;
  name: string;
  family: string;
  description: string;
  dataset: string;
  image: { width: number; height: number; channels: number };
  latent: { size: number; distribution: string };
  capabilities: string[];
  metrics: Record<string, number>;
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

/** The server's grid for a model and seed, decoded, with the runtime that drew it. */
export async function fetchServerGrid(id: string, seed: number, n: number): Promise<ServerGrid> {
  const response = await fetch(`/api/models/${encodeURIComponent(id)}/sample.png?seed=${seed}&n=${n}`);
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
