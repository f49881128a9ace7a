import { InputError } from './errors.js';

/** A dense float32 tensor in row-major order; the runtime-neutral currency of the Generator API. */
export interface TensorData {
  readonly dims: readonly number[];
  readonly data: Float32Array;
}

/** Number of elements a shape holds. */
export function sizeOf(dims: readonly number[]): number {
  return dims.reduce((product, dim) => product * dim, 1);
}

/** Builds a tensor, checking that `data` has exactly the elements `dims` describes. */
export function tensor(data: Float32Array, dims: readonly number[]): TensorData {
  for (const dim of dims) {
    if (!Number.isInteger(dim) || dim < 0) throw new InputError(`invalid tensor dimension ${dim} in [${dims.join(', ')}]`);
  }
  const expected = sizeOf(dims);
  if (data.length !== expected) {
    throw new InputError(`tensor data has ${data.length} elements, shape [${dims.join(', ')}] needs ${expected}`);
  }
  return { data, dims: [...dims] };
}

/**
 * Checks a tensor against an expected shape where `null` matches any size (the batch dimension).
 * @param what names the tensor in the error message, e.g. `input "z" of vae-mnist/encoder`.
 */
export function assertShape(value: TensorData, expected: readonly (number | null)[], what: string): void {
  const matches =
    value.dims.length === expected.length && expected.every((dim, index) => dim === null || dim === value.dims[index]);
  if (!matches) {
    const wanted = expected.map((dim) => (dim === null ? 'N' : String(dim))).join(', ');
    throw new InputError(`${what} must have shape [${wanted}], got [${value.dims.join(', ')}]`);
  }
}

/** Rows `start` (inclusive) to `end` (exclusive) along the first dimension; shares no memory with the source. */
export function sliceBatch(value: TensorData, start: number, end: number): TensorData {
  const rowSize = sizeOf(value.dims.slice(1));
  return tensor(value.data.slice(start * rowSize, end * rowSize), [end - start, ...value.dims.slice(1)]);
}

/** Joins tensors along the first dimension. */
export function concatBatch(parts: readonly TensorData[]): TensorData {
  const first = parts[0];
  if (!first) throw new InputError('cannot concatenate an empty list of tensors');
  const rowDims = first.dims.slice(1);
  const total = parts.reduce((count, part) => count + (part.dims[0] ?? 0), 0);
  const data = new Float32Array(total * sizeOf(rowDims));
  let offset = 0;
  for (const part of parts) {
    data.set(part.data, offset);
    offset += part.data.length;
  }
  return tensor(data, [total, ...rowDims]);
}
