import { maxPixelDifference, type RgbaImage } from '@genzoo/web';
import type { PanelId } from './panels.js';

const PANELS: readonly PanelId[] = ['server', 'webgpu', 'wasm'];

/** How the parity line names each panel's result; say which provider really ran when it is not the panel's own. */
export type ParityLabels = Record<PanelId, string>;

export const DEFAULT_LABELS: ParityLabels = { server: 'server', webgpu: 'WebGPU', wasm: 'WASM' };

export interface ParityPair {
  a: PanelId;
  b: PanelId;
  maxDifference: number;
}

/** Max per-channel difference (0–255) for every pair of runtimes that produced an image. */
export function parityPairs(images: Partial<Record<PanelId, RgbaImage>>): ParityPair[] {
  const ids = PANELS.filter((id) => images[id]);
  const pairs: ParityPair[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i]!;
      const b = ids[j]!;
      pairs.push({ a, b, maxDifference: maxPixelDifference(images[a]!, images[b]!) });
    }
  }
  return pairs;
}

export function describeParity(pairs: readonly ParityPair[], labels: ParityLabels = DEFAULT_LABELS): string {
  if (pairs.length === 0) return 'Parity: needs two runtimes that finished.';
  const parts = pairs.map(({ a, b, maxDifference }) => `${labels[a]} ↔ ${labels[b]} ${maxDifference}/255`);
  const worst = Math.max(...pairs.map((pair) => pair.maxDifference));
  const verdict = worst <= 1 ? 'agree' : 'differ';
  return `Parity (max pixel difference): ${parts.join(' · ')} — runtimes ${verdict}`;
}
