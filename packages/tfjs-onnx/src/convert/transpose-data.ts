/**
 * Transposes row-major data: output axis i is input axis perm[i] (ONNX Transpose semantics).
 * Returns the new data and shape.
 */
export function transposeData<T extends Float32Array | Float64Array | Int32Array>(
  data: T,
  shape: readonly number[],
  perm: readonly number[],
): { data: T; shape: number[] } {
  const rank = shape.length;
  if (perm.length !== rank) throw new Error(`perm [${perm.join(', ')}] does not match rank ${rank}`);
  const outShape = perm.map((p) => shape[p]!);
  const inStrides = stridesOf(shape);
  const outData = new (data.constructor as { new (n: number): T })(data.length);
  const strideByOutAxis = perm.map((p) => inStrides[p]!);
  const index = new Array<number>(rank).fill(0);
  for (let o = 0; o < data.length; o++) {
    let src = 0;
    for (let a = 0; a < rank; a++) src += index[a]! * strideByOutAxis[a]!;
    outData[o] = data[src]!;
    for (let a = rank - 1; a >= 0; a--) {
      if (++index[a]! < outShape[a]!) break;
      index[a] = 0;
    }
  }
  return { data: outData, shape: outShape };
}

/** Row-major strides of a shape. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i]!;
  }
  return strides;
}
