import { util, type KernelBackend, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs';
import { KernelCalls } from './kernel-calls.js';
import { markOurs, stockKernel } from './transposed-matmul.js';

/** `Sum` or `Mean`: the reductions tfjs-layers' batch norm, bias and loss gradients call over leading axes. */
export type LeadingReduction = 'Sum' | 'Mean';

/** How many leading axes `axis` names, if it names exactly axes 0…k−1 of a rank-`rank` tensor with k < rank; else 0. */
export function leadingAxesCount(axis: number | number[], rank: number): number {
  const axes = util.parseAxisParam(axis, Array(rank).fill(1)).sort((a, b) => a - b);
  if (axes.length === 0 || axes.length >= rank) return 0;
  return axes.every((value, index) => value === index) ? axes.length : 0;
}

/**
 * `Sum`/`Mean` over leading axes (NHWC's batch and spatial axes) as one GEMM: a row of ones (or of
 * 1/n for the mean) times x viewed as [outer, inner]. tfjs-wasm reduces only innermost axes, so it
 * first transposes the whole tensor: 1.5–2 ms for a [64,14,14,32] batch-norm sum, against ~0.2 ms
 * here. Any other reduction (other axes, non-float32) goes to the stock kernel.
 */
export function makeLeadingReductionKernel(kernelName: LeadingReduction, backendName: string): KernelConfig | undefined {
  const stock = stockKernel(kernelName, backendName);
  if (stock === undefined) return undefined;
  const kernelFunc = (args: { inputs: { x: TensorInfo }; attrs: { axis: number | number[]; keepDims: boolean }; backend: KernelBackend }): TensorInfo => {
    const { x } = args.inputs;
    const { axis, keepDims } = args.attrs;
    const leading = x.dtype === 'float32' ? leadingAxesCount(axis, x.shape.length) : 0;
    if (leading === 0) return stock.kernelFunc(args as never) as TensorInfo;
    const outer = util.sizeFromShape(x.shape.slice(0, leading));
    const inner = util.sizeFromShape(x.shape.slice(leading));
    if (outer === 0 || inner === 0) return stock.kernelFunc(args as never) as TensorInfo;
    const backend = args.backend;
    const weights = new Float32Array(outer).fill(kernelName === 'Mean' ? 1 / outer : 1);
    const row: TensorInfo = { dataId: backend.write(weights, [1, 1, outer], 'float32'), shape: [1, 1, outer], dtype: 'float32' };
    const calls = new KernelCalls(backend, backendName);
    const matrix = calls.run('Reshape', { x }, { shape: [1, outer, inner] });
    const product = calls.run('BatchMatMul', { a: row, b: matrix }, { transposeA: false, transposeB: false });
    const outShape = keepDims ? [...Array(leading).fill(1), ...x.shape.slice(leading)] : x.shape.slice(leading);
    const out = calls.run('Reshape', { x: product }, { shape: outShape });
    calls.disposeAllBut(out);
    backend.disposeData(row.dataId);
    return out;
  };
  markOurs(kernelFunc as unknown as KernelFunc);
  return { kernelName, backendName, kernelFunc: kernelFunc as unknown as KernelFunc, ...(stock.setupFunc === undefined ? {} : { setupFunc: stock.setupFunc }) };
}
