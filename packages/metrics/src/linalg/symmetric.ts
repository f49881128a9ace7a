import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

/** A symmetric `size × size` matrix, row-major, in double precision. */
export interface SymmetricMatrix {
  readonly size: number;
  readonly data: Float64Array;
}

function toMatrix({ size, data }: SymmetricMatrix): Matrix {
  return Matrix.from1DArray(size, size, Array.from(data));
}

function fromMatrix(matrix: Matrix): SymmetricMatrix {
  const size = matrix.rows;
  const data = new Float64Array(size * size);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) data[row * size + col] = matrix.get(row, col);
  }
  return { size, data };
}

/** (A + Aᵀ) / 2: removes the rounding asymmetry products of symmetric matrices pick up. */
export function symmetrize({ size, data }: SymmetricMatrix): SymmetricMatrix {
  const out = new Float64Array(size * size);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) out[row * size + col] = (data[row * size + col]! + data[col * size + row]!) / 2;
  }
  return { size, data: out };
}

/** Eigenvalues (ascending is not guaranteed) and eigenvectors (columns) of a symmetric matrix. */
export function symmetricEigen(matrix: SymmetricMatrix): { values: number[]; vectors: Matrix } {
  const decomposition = new EigenvalueDecomposition(toMatrix(symmetrize(matrix)), { assumeSymmetric: true });
  return { values: decomposition.realEigenvalues, vectors: decomposition.eigenvectorMatrix };
}

/**
 * The principal square root of a symmetric positive semi-definite matrix, V·diag(√λ)·Vᵀ. Eigenvalues
 * that rounding pushed below zero (near-singular covariances) are taken as zero.
 */
export function sqrtPsd(matrix: SymmetricMatrix): SymmetricMatrix {
  const { values, vectors } = symmetricEigen(matrix);
  const scaled = vectors.clone();
  for (let col = 0; col < values.length; col++) {
    const root = Math.sqrt(Math.max(0, values[col]!));
    for (let row = 0; row < scaled.rows; row++) scaled.set(row, col, scaled.get(row, col) * root);
  }
  return symmetrize(fromMatrix(scaled.mmul(vectors.transpose())));
}

/** A·B for same-sized square matrices. */
export function multiply(a: SymmetricMatrix, b: SymmetricMatrix): SymmetricMatrix {
  return fromMatrix(toMatrix(a).mmul(toMatrix(b)));
}

/** Trace of a square matrix. */
export function trace({ size, data }: SymmetricMatrix): number {
  let sum = 0;
  for (let index = 0; index < size; index++) sum += data[index * size + index]!;
  return sum;
}

/**
 * Tr((A·B)^½) for symmetric PSD A and B, stably: A·B is similar to the symmetric PSD matrix
 * √A·B·√A, whose eigenvalues are real and non-negative, so the trace is Σ √λ of that matrix — no
 * complex arithmetic, and no square root of a non-symmetric product (scipy's `sqrtm` route, which
 * goes wrong on near-singular covariances).
 */
export function traceSqrtProduct(a: SymmetricMatrix, b: SymmetricMatrix): number {
  const root = sqrtPsd(a);
  const { values } = symmetricEigen(multiply(multiply(root, b), root));
  return values.reduce((sum, value) => sum + Math.sqrt(Math.max(0, value)), 0);
}
