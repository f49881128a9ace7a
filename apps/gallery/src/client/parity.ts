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

/**
 * Largest coordinate difference between any two runtimes' point sets, relative to the largest
 * coordinate magnitude (so the verdict does not depend on the data's scale).
 */
export function pointParity(sets: Partial<Record<PanelId, ArrayLike<number>>>): { pairs: ParityPair[]; scale: number } {
  const ids = PANELS.filter((id) => sets[id]);
  let scale = 0;
  for (const id of ids) for (let index = 0; index < sets[id]!.length; index++) scale = Math.max(scale, Math.abs(sets[id]![index]!));
  const pairs: ParityPair[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const [a, b] = [ids[i]!, ids[j]!];
      const [left, right] = [sets[a]!, sets[b]!];
      let worst = left.length === right.length ? 0 : Infinity;
      for (let index = 0; index < Math.min(left.length, right.length); index++) worst = Math.max(worst, Math.abs(left[index]! - right[index]!));
      pairs.push({ a, b, maxDifference: worst });
    }
  }
  return { pairs, scale: scale || 1 };
}

/** Points agree when every coordinate is within 1e-4 of the data's scale, the same bound as densities. */
export function describePointParity({ pairs, scale }: { pairs: readonly ParityPair[]; scale: number }, labels: ParityLabels = DEFAULT_LABELS): string {
  if (pairs.length === 0) return 'Parity: needs two runtimes that finished.';
  const parts = pairs.map(({ a, b, maxDifference }) => `${labels[a]} ↔ ${labels[b]} ${(maxDifference / scale).toExponential(1)}`);
  const worst = Math.max(...pairs.map((pair) => pair.maxDifference / scale));
  return `Parity (max coordinate difference, relative): ${parts.join(' · ')} — runtimes ${worst <= 1e-4 ? 'agree' : 'differ'}`;
}

/** Each panel's worst difference over the pairs it is part of. */
export function worstPerPanel(pairs: readonly ParityPair[]): Partial<Record<PanelId, number>> {
  const worst: Partial<Record<PanelId, number>> = {};
  for (const { a, b, maxDifference } of pairs) {
    for (const id of [a, b]) worst[id] = Math.max(worst[id] ?? 0, maxDifference);
  }
  return worst;
}
