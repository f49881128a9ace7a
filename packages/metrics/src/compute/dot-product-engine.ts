import type { FeatureMatrix } from '../features/feature-matrix.js';

/**
 * Computes A·B for A `[n, d]` and B given transposed-ahead as `[d, m]` (so one B serves many blocks
 * of A). The heavy part of every pairwise metric (KID, k-NN precision/recall, memorization).
 */
export interface DotProductEngine {
  /** e.g. `onnxruntime-node`, `javascript`. */
  readonly name: string;
  /** Row-major `[a.rows, bTransposed.cols]`. */
  multiply(a: FeatureMatrix, bTransposed: FeatureMatrix): Promise<Float32Array>;
  release(): Promise<void>;
}

/** Plain loops; exact enough for tests and small sets, slow for 10,000 × 10,000. */
export class JsDotProductEngine implements DotProductEngine {
  readonly name = 'javascript';

  async multiply(a: FeatureMatrix, bTransposed: FeatureMatrix): Promise<Float32Array> {
    const { rows: n, cols: d } = a;
    const m = bTransposed.cols;
    const out = new Float32Array(n * m);
    const row = new Float64Array(m);
    for (let i = 0; i < n; i++) {
      row.fill(0);
      for (let k = 0; k < d; k++) {
        const aik = a.data[i * d + k]!;
        if (aik === 0) continue;
        const base = k * m;
        for (let j = 0; j < m; j++) row[j]! += aik * bTransposed.data[base + j]!;
      }
      out.set(row, i * m);
    }
    return out;
  }

  async release(): Promise<void> {}
}
