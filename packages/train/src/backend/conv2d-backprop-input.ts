import {
  backend_util,
  Conv2DBackpropInput,
  type KernelBackend,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs';
import { computeOnHost } from './heap-access.js';
import { KernelCalls } from './kernel-calls.js';

interface Conv2DBackpropInputAttrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  inputShape: [number, number, number, number];
}

/** Scatter-adds columns [N·Ho·Wo, kh·kw·Cin] onto a zeroed NHWC image `out` (the adjoint of im2col). */
function col2im(columns: Float32Array, info: backend_util.Conv2DInfo, out: Float32Array): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const { top, left } = info.padInfo;
  const taps = filterHeight * filterWidth * inChannels;
  for (let n = 0; n < batchSize; n++) {
    for (let y = 0; y < outHeight; y++) {
      for (let x = 0; x < outWidth; x++) {
        const row = ((n * outHeight + y) * outWidth + x) * taps;
        for (let i = 0; i < filterHeight; i++) {
          const inY = y * strideHeight + i - top;
          if (inY < 0 || inY >= inHeight) continue;
          for (let j = 0; j < filterWidth; j++) {
            const inX = x * strideWidth + j - left;
            if (inX < 0 || inX >= inWidth) continue;
            const target = ((n * inHeight + inY) * inWidth + inX) * inChannels;
            const source = row + (i * filterWidth + j) * inChannels;
            for (let c = 0; c < inChannels; c++) out[target + c]! += columns[source + c]!;
          }
        }
      }
    }
  }
}

/** [kh, kw, Cin, Cout] filter values transposed to [Cout, kh·kw·Cin]. */
function transposeFilter(filter: Float32Array, taps: number, outChannels: number): Float32Array {
  const out = new Float32Array(filter.length);
  for (let k = 0; k < taps; k++) {
    for (let o = 0; o < outChannels; o++) out[o * taps + k] = filter[k * outChannels + o]!;
  }
  return out;
}

/**
 * `Conv2DBackpropInput` (gradient of conv2d w.r.t. its input; also the
 * forward pass of conv2dTranspose), NHWC, as one matrix multiply
 * columns = dy [N·Ho·Wo, Cout] · Wᵀ [Cout, kh·kw·Cin] followed by a col2im
 * scatter-add on the host. The wasm backend has this kernel, but its version
 * is several times slower than a matMul on our shapes, so this one replaces it.
 */
export function makeConv2DBackpropInputKernel(backendName: string): KernelConfig {
  const kernelFunc = (args: {
    inputs: { dy?: TensorInfo; filter?: TensorInfo };
    attrs: Conv2DBackpropInputAttrs;
    backend: KernelBackend;
  }): TensorInfo => {
    const { dy, filter } = args.inputs;
    if (dy === undefined || filter === undefined) throw new Error('Conv2DBackpropInput needs inputs dy and filter');
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } = args.attrs;
    if (dataFormat === 'NCHW') throw new Error('Conv2DBackpropInput: only NHWC is supported');
    if (dy.dtype !== 'float32' || filter.dtype !== 'float32') throw new Error('Conv2DBackpropInput: only float32 is supported');

    const info = backend_util.computeConv2DInfo(
      inputShape, filter.shape as [number, number, number, number], strides, 1, pad, dimRoundingMode, false, 'channelsLast',
    );
    const { batchSize, inChannels, outChannels, outHeight, outWidth, filterHeight, filterWidth } = info;
    const positions = batchSize * outHeight * outWidth;
    const taps = filterHeight * filterWidth * inChannels;
    const backend = args.backend;

    const filterT = transposeFilter(backend.readSync(filter.dataId) as Float32Array, taps, outChannels);
    const weights: TensorInfo = { dataId: backend.write(filterT, [1, outChannels, taps], 'float32'), shape: [1, outChannels, taps], dtype: 'float32' };
    const calls = new KernelCalls(backend, backendName);
    const a = calls.run('Reshape', { x: dy }, { shape: [1, positions, outChannels] });
    const columns = calls.run('BatchMatMul', { a, b: weights }, { transposeA: false, transposeB: false });
    const shape = [batchSize, info.inHeight, info.inWidth, inChannels];
    const image = computeOnHost(backend, [columns], shape, (out, [values]) => col2im(values!, info, out));
    calls.disposeAllBut(columns);
    backend.disposeData(columns.dataId);
    backend.disposeData(weights.dataId);
    return image;
  };
  return { kernelName: Conv2DBackpropInput, backendName, kernelFunc: kernelFunc as unknown as KernelFunc };
}
