/** Row-major real vectors: `rows` points of `cols` coordinates each. */
export interface Points {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** Wraps row-major data as {@link Points}, checking the size. */
export function points(data: ArrayLike<number>, rows: number, cols: number): Points {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 1) throw new Error(`points need integer rows ≥ 0 and cols ≥ 1, got ${rows}×${cols}`);
  if (data.length !== rows * cols) throw new Error(`${rows}×${cols} points need ${rows * cols} numbers, got ${data.length}`);
  return { rows, cols, data: Float64Array.from(data) };
}

/** The rows at `indices`, in that order. */
export function selectPoints(source: Points, indices: ArrayLike<number>): Points {
  const out = new Float64Array(indices.length * source.cols);
  for (let i = 0; i < indices.length; i++) out.set(source.data.subarray(indices[i]! * source.cols, (indices[i]! + 1) * source.cols), i * source.cols);
  return { rows: indices.length, cols: source.cols, data: out };
}

/** log Σ exp(values[i]) over `values`, stable for any magnitudes (−∞ when all are −∞). */
export function logSumExp(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp(values[i]! - max);
  return max + Math.log(sum);
}

/** Mean of an array of numbers. */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}
