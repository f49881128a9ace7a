/**
 * Alternates rows of two equally long lists for a grid of `columns` tiles: `columns` of the first, then the
 * same `columns` of the second, and so on (held-out inputs above their reconstructions).
 */
export function interleaveRows<T>(top: readonly T[], bottom: readonly T[], columns: number): T[] {
  if (top.length !== bottom.length) throw new Error(`cannot interleave ${top.length} tiles with ${bottom.length}`);
  if (!Number.isInteger(columns) || columns < 1 || top.length % columns !== 0) {
    throw new Error(`columns must be a positive integer dividing ${top.length}, got ${columns}`);
  }
  const rows: T[] = [];
  for (let start = 0; start < top.length; start += columns) rows.push(...top.slice(start, start + columns), ...bottom.slice(start, start + columns));
  return rows;
}
