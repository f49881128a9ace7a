import type { InferredDim, TensorType } from '../ir/types.js';

/** An inferred shape (null dims are unknown). */
export type Shape = InferredDim[];

/** A type with nothing known. */
export const UNKNOWN_TYPE: TensorType = { elemType: null, shape: null };

/** Thrown by inference functions when a node's input shapes or attributes are inconsistent. */
export class ShapeError extends Error {}

/** Throws a {@link ShapeError}. */
export function fail(message: string): never {
  throw new ShapeError(message);
}

/** `[batch, 64, ?]`, or `?` for an unknown rank. */
export function formatShape(shape: readonly InferredDim[] | null): string {
  return shape === null ? '?' : `[${shape.map((d) => (d === null ? '?' : String(d))).join(', ')}]`;
}

/** A dim both sides agree on: equal, or one unknown. Undefined when they conflict (different fixed sizes). */
export function unifyDims(a: InferredDim, b: InferredDim): InferredDim | undefined {
  if (a === null) return b;
  if (b === null) return a;
  if (a === b) return a;
  if (typeof a === 'number' && typeof b === 'number') return undefined;
  // A symbol against a size: the size is what it must be at run time; two symbols: unknown.
  if (typeof a === 'number') return a;
  if (typeof b === 'number') return b;
  return null;
}

/** Numpy-style broadcast of two dims; undefined when they cannot broadcast. */
export function broadcastDims(a: InferredDim, b: InferredDim): InferredDim | undefined {
  if (a === 1) return b;
  if (b === 1) return a;
  if (a === null || b === null) {
    const other = a === null ? b : a;
    return typeof other === 'number' ? other : null;
  }
  return unifyDims(a, b);
}

/** Multidirectional (numpy) broadcast of shapes; throws naming the shapes when they cannot broadcast. */
export function broadcastShapes(shapes: readonly Shape[]): Shape {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out: Shape = [];
  for (let i = 0; i < rank; i++) {
    let dim: InferredDim = 1;
    for (const shape of shapes) {
      const d = shape[shape.length - rank + i];
      if (d === undefined) continue;
      const next = broadcastDims(dim, d);
      if (next === undefined) fail(`shapes ${shapes.map(formatShape).join(', ')} are not broadcastable`);
      dim = next;
    }
    out.push(dim);
  }
  return out;
}

/** Checks that `from` broadcasts to `target` one way (ONNX unidirectional broadcasting). */
export function checkUnidirectional(from: Shape, target: Shape, what: string): void {
  const ok =
    from.length <= target.length &&
    from.every((d, i) => {
      const t = target[target.length - from.length + i]!;
      return d === 1 || d === null || t === null || unifyDims(d, t) !== undefined;
    });
  if (!ok) fail(`${what} ${formatShape(from)} does not broadcast to ${formatShape(target)}`);
}

/** The product of dims: a number, a single symbol times ones, or null. */
export function productOf(dims: readonly InferredDim[]): InferredDim {
  let numeric = 1;
  const symbols: string[] = [];
  for (const d of dims) {
    if (d === null) return null;
    if (typeof d === 'number') numeric *= d;
    else symbols.push(d);
  }
  if (symbols.length === 0) return numeric;
  return symbols.length === 1 && numeric === 1 ? symbols[0]! : null;
}

/** Normalizes a possibly negative axis against `rank` (axes -rank…rank-1, or up to `rank` when `inclusive`). */
export function normalizeAxis(axis: number, rank: number, what = 'axis', inclusive = false): number {
  const limit = inclusive ? rank : rank - 1;
  if (!Number.isInteger(axis) || axis < -rank || axis > limit) fail(`${what} ${axis} is out of range for rank ${rank}`);
  return axis < 0 ? axis + rank : axis;
}

/** True when every dim is a number or the given symbol. */
export function isKnown(shape: Shape | null): shape is (number | string)[] {
  return shape !== null && shape.every((d) => d !== null);
}
