import { InputError } from '@genzoo/core';

/** `rows` vectors of `cols` numbers each, row-major: one row per image (features, logits) or point. */
export interface FeatureMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float32Array;
}

/** Wraps row-major data; checks that the sizes agree. */
export function featureMatrix(data: Float32Array, rows: number, cols: number): FeatureMatrix {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 1 || data.length !== rows * cols) {
    throw new InputError(`a ${rows}×${cols} feature matrix needs ${rows * cols} values, got ${data.length}`);
  }
  return { rows, cols, data };
}

/** The rows at `indices`, in that order. */
export function selectRows(matrix: FeatureMatrix, indices: ArrayLike<number>): FeatureMatrix {
  const out = new Float32Array(indices.length * matrix.cols);
  for (let row = 0; row < indices.length; row++) {
    const source = indices[row]!;
    if (!(source >= 0 && source < matrix.rows)) throw new InputError(`row ${source} is outside a matrix of ${matrix.rows} rows`);
    out.set(matrix.data.subarray(source * matrix.cols, (source + 1) * matrix.cols), row * matrix.cols);
  }
  return { rows: indices.length, cols: matrix.cols, data: out };
}

/** Rows `start` (inclusive) to `end` (exclusive), sharing memory. */
export function sliceRows(matrix: FeatureMatrix, start: number, end: number): FeatureMatrix {
  return { rows: end - start, cols: matrix.cols, data: matrix.data.subarray(start * matrix.cols, end * matrix.cols) };
}

/** The transpose, `cols × rows`. */
export function transpose(matrix: FeatureMatrix): FeatureMatrix {
  const { rows, cols, data } = matrix;
  const out = new Float32Array(rows * cols);
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) out[col * rows + row] = data[row * cols + col]!;
  }
  return { rows: cols, cols: rows, data: out };
}

/** Squared Euclidean norm of every row. */
export function rowSquaredNorms(matrix: FeatureMatrix): Float64Array {
  const out = new Float64Array(matrix.rows);
  for (let row = 0; row < matrix.rows; row++) {
    let sum = 0;
    for (let col = row * matrix.cols, end = col + matrix.cols; col < end; col++) sum += matrix.data[col]! * matrix.data[col]!;
    out[row] = sum;
  }
  return out;
}

/** Throws unless both matrices have the same width. */
export function assertSameWidth(a: FeatureMatrix, b: FeatureMatrix, what: string): void {
  if (a.cols !== b.cols) throw new InputError(`${what}: feature sizes differ (${a.cols} and ${b.cols})`);
}
