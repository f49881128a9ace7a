/**
 * Lower Cholesky factor L of a symmetric positive-definite d×d matrix (row-major): A = L Lᵀ.
 * @throws naming the pivot when A is not positive definite.
 */
export function cholesky(a: ArrayLike<number>, d: number): Float64Array {
  if (a.length !== d * d) throw new Error(`cholesky needs a ${d}×${d} matrix, got ${a.length} numbers`);
  const l = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * d + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * d + k]! * l[j * d + k]!;
      if (i === j) {
        if (!(sum > 0)) throw new Error(`matrix is not positive definite (pivot ${i} is ${sum}); increase the regularization`);
        l[i * d + i] = Math.sqrt(sum);
      } else {
        l[i * d + j] = sum / l[j * d + j]!;
      }
    }
  }
  return l;
}

/** Solves L y = b for lower-triangular L (row-major d×d), writing y into `out`. */
export function forwardSolve(l: ArrayLike<number>, b: ArrayLike<number>, d: number, out: Float64Array = new Float64Array(d)): Float64Array {
  for (let i = 0; i < d; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i * d + k]! * out[k]!;
    out[i] = sum / l[i * d + i]!;
  }
  return out;
}

/** Inverse of a lower-triangular L (row-major d×d); the result is lower triangular. */
export function invertLower(l: ArrayLike<number>, d: number): Float64Array {
  const inv = new Float64Array(d * d);
  const column = new Float64Array(d);
  const unit = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    unit.fill(0);
    unit[j] = 1;
    forwardSolve(l, unit, d, column);
    for (let i = 0; i < d; i++) inv[i * d + j] = column[i]!;
  }
  return inv;
}
