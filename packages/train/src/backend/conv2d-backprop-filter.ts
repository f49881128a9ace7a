import {
  backend_util,
  Conv2DBackpropFilter,
  type KernelBackend,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs';
import { computeOnHost } from './heap-access.js';
import { KernelCalls } from './kernel-calls.js';

interface Conv2DBackpropFilterAttrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

/**
 * Builds the transposed im2col matrix of `x` (NHWC): row (i, j, c) holds, for
 * every output position (n, y, x), the input value under filter tap (i, j)
 * in channel c, or 0 where that tap falls in the padding (`out` arrives zeroed). Shape [kh·kw·Cin, N·Ho·Wo].
 */
function im2colTransposed(xValues: Float32Array, info: backend_util.Conv2DInfo, out: Float32Array): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const { top, left } = info.padInfo;
  const positions = batchSize * outHeight * outWidth;
  for (let i = 0; i < filterHeight; i++) {
    for (let j = 0; j < filterWidth; j++) {
      const tapRow = (i * filterWidth + j) * inChannels;
      for (let n = 0; n < batchSize; n++) {
        for (let y = 0; y < outHeight; y++) {
          const inY = y * strideHeight + i - top;
          if (inY < 0 || inY >= inHeight) continue;
          for (let x = 0; x < outWidth; x++) {
            const inX = x * strideWidth + j - left;
            if (inX < 0 || inX >= inWidth) continue;
            const position = (n * outHeight + y) * outWidth + x;
            const source = ((n * inHeight + inY) * inWidth + inX) * inChannels;
            for (let c = 0; c < inChannels; c++) out[(tapRow + c) * positions + position] = xValues[source + c]!;
          }
        }
      }
    }
  }
}

/**
 * `Conv2DBackpropFilter` (the filter gradient of a 2-D convolution, NHWC)
 * as an im2col followed by one matrix multiply on the backend:
 * dW[(i, j, c), o] = Σ over (n, y, x) of im2col[(i, j, c), (n, y, x)] · dy[(n, y, x), o],
 * laid out as [kh, kw, Cin, Cout]. The im2col is built on the host (the wasm
 * heap is host memory), already transposed, because the backend's
 * transposed-operand matMul and strided slices are slow.
 */
export function makeConv2DBackpropFilterKernel(backendName: string): KernelConfig {
  const kernelFunc = (args: {
    inputs: { x?: TensorInfo; dy?: TensorInfo };
    attrs: Conv2DBackpropFilterAttrs;
    backend: KernelBackend;
  }): TensorInfo => {
    const { x, dy } = args.inputs;
    if (x === undefined || dy === undefined) throw new Error('Conv2DBackpropFilter needs inputs x and dy');
    const { strides, pad, dataFormat, dimRoundingMode, filterShape } = args.attrs;
    if (dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter: only NHWC is supported');
    if (x.dtype !== 'float32' || dy.dtype !== 'float32') throw new Error('Conv2DBackpropFilter: only float32 is supported');

    const info = backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode, false, 'channelsLast',
    );
    const { batchSize, inChannels, outChannels, outHeight, outWidth, filterHeight, filterWidth } = info;
    const positions = batchSize * outHeight * outWidth;
    const taps = filterHeight * filterWidth * inChannels;

    const backend = args.backend;
    const im2col = computeOnHost(backend, [x], [1, taps, positions], (out, [xValues]) => im2colTransposed(xValues!, info, out));
    const calls = new KernelCalls(backend, backendName);
    const b = calls.run('Reshape', { x: dy }, { shape: [1, positions, outChannels] });
    const product = calls.run('BatchMatMul', { a: im2col, b }, { transposeA: false, transposeB: false });
    const result = calls.run('Reshape', { x: product }, { shape: [filterHeight, filterWidth, inChannels, outChannels] });
    calls.disposeAllBut(result);
    backend.disposeData(im2col.dataId);
    return result;
  };
  return { kernelName: Conv2DBackpropFilter, backendName, kernelFunc: kernelFunc as unknown as KernelFunc };
}
