/**
 * Tensor layouts. A tensor's physical axis i holds logical (tfjs, channels-last) axis
 * perm[i]; `null` means physical order equals logical order.
 */
export type Perm = readonly number[];

/** The channels-first permutation for a channels-last tensor of `rank` (e.g. NHWC→NCHW: [0,3,1,2]). */
export function channelsFirstPerm(rank: number): number[] {
  if (rank < 3) throw new Error(`channels-first layout needs rank >= 3, got ${rank}`);
  return [0, rank - 1, ...Array.from({ length: rank - 2 }, (_, i) => i + 1)];
}

/** True when a perm leaves every axis in place. */
export function isIdentityPerm(perm: Perm | null): boolean {
  return perm === null || perm.every((p, i) => p === i);
}

/** The ONNX Transpose perm that takes a tensor from layout `from` to layout `to`, or null if none is needed. */
export function transposeBetween(from: Perm | null, to: Perm | null, rank: number): number[] | null {
  const ident = Array.from({ length: rank }, (_, i) => i);
  const src = from ?? ident;
  const dst = to ?? ident;
  const perm = dst.map((axis) => src.indexOf(axis));
  return perm.every((p, i) => p === i) ? null : perm;
}

/** Physical shape of a logical shape stored in layout `perm`. */
export function physicalShape<T>(shape: readonly T[], perm: Perm | null): T[] {
  return perm ? perm.map((axis) => shape[axis]!) : [...shape];
}

/** Physical position of logical axis `axis` (negative counts from the end). */
export function physicalAxis(perm: Perm | null, axis: number, rank: number): number {
  const logical = axis < 0 ? axis + rank : axis;
  if (logical < 0 || logical >= rank) throw new Error(`axis ${axis} is out of range for rank ${rank}`);
  return perm ? perm.indexOf(logical) : logical;
}

/** Inverse of a permutation. */
export function invertPerm(perm: Perm): number[] {
  const inv = new Array<number>(perm.length);
  perm.forEach((p, i) => (inv[p] = i));
  return inv;
}
