/**
 * ONNX `pads` ([begin..., end...]) reproducing tfjs/TensorFlow padding for a forward
 * convolution or pooling window. 'same' puts the odd extra pixel at the end.
 */
export function forwardPads(
  padding: string,
  inSizes: readonly number[],
  kernel: readonly number[],
  strides: readonly number[],
  dilations: readonly number[],
): number[] {
  const begins: number[] = [];
  const ends: number[] = [];
  inSizes.forEach((size, i) => {
    const effective = (kernel[i]! - 1) * dilations[i]! + 1;
    if (padding === 'valid') {
      begins.push(0);
      ends.push(0);
    } else if (padding === 'same') {
      const out = Math.ceil(size / strides[i]!);
      const total = Math.max((out - 1) * strides[i]! + effective - size, 0);
      begins.push(Math.floor(total / 2));
      ends.push(total - Math.floor(total / 2));
    } else {
      throw new Error(`padding '${padding}' is not supported`);
    }
  });
  return [...begins, ...ends];
}

/**
 * `pads` and `output_padding` for ONNX ConvTranspose matching tfjs Conv2DTranspose, whose
 * output size is in·stride ('same') or in·stride + max(k − stride, 0) ('valid').
 */
export function transposedConvPads(
  padding: string,
  inSizes: readonly number[],
  kernel: readonly number[],
  strides: readonly number[],
): { pads: number[]; outputPadding: number[]; outSizes: number[] } {
  const begins: number[] = [];
  const ends: number[] = [];
  const outputPadding: number[] = [];
  const outSizes: number[] = [];
  inSizes.forEach((size, i) => {
    const k = kernel[i]!;
    const s = strides[i]!;
    const target = padding === 'same' ? size * s : size * s + Math.max(k - s, 0);
    // The forward conv that this transposes: input `target`, 'same' padding total k − s.
    const total = padding === 'same' ? Math.max(k - s, 0) : 0;
    const begin = Math.floor(total / 2);
    begins.push(begin);
    ends.push(total - begin);
    outputPadding.push(target - ((size - 1) * s + k - total));
    outSizes.push(target);
  });
  return { pads: [...begins, ...ends], outputPadding, outSizes };
}
