import { BatchMatMul, getKernel, type KernelBackend, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs';
import { KernelCalls } from './kernel-calls.js';

/** Stock kernels of each backend, captured before genzoo's replacements took their names. */
const stockKernels = new Map<string, KernelConfig>();
const ourKernelFuncs = new WeakSet<KernelFunc>();

/** Marks a kernel function as genzoo's, so {@link stockKernel} never mistakes it for the stock one. */
export function markOurs(kernelFunc: KernelFunc): void {
  ourKernelFuncs.add(kernelFunc);
}

/** The backend's own kernel of that name, even after genzoo replaced it; undefined if it has none. */
export function stockKernel(kernelName: string, backendName: string): KernelConfig | undefined {
  const key = `${backendName}/${kernelName}`;
  const current = getKernel(kernelName, backendName);
  if (current !== undefined && !ourKernelFuncs.has(current.kernelFunc)) stockKernels.set(key, current);
  return stockKernels.get(key);
}

function swapLastTwo(rank: number): number[] {
  const perm = [...Array(rank).keys()];
  [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1]!, perm[rank - 2]!];
  return perm;
}

/**
 * `BatchMatMul` whose transposed operands are transposed explicitly first (one `Transpose` kernel)
 * before the stock kernel runs untransposed: tfjs-wasm's transposed-operand path is 5–10× slower
 * than its plain one (e.g. 13 ms against 2 ms for [64,3136]·[64,3136]ᵀ, the dense layers' input
 * gradient). Untransposed calls go straight to the stock kernel. Returns undefined when the backend
 * has no `BatchMatMul` to build on.
 */
export function makeTransposingBatchMatMulKernel(backendName: string): KernelConfig | undefined {
  const stock = stockKernel(BatchMatMul, backendName);
  if (stock === undefined) return undefined;
  const kernelFunc = (args: {
    inputs: { a: TensorInfo; b: TensorInfo };
    attrs: { transposeA: boolean; transposeB: boolean };
    backend: KernelBackend;
  }): TensorInfo => {
    const { a, b } = args.inputs;
    const { transposeA, transposeB } = args.attrs;
    if (!transposeA && !transposeB) return stock.kernelFunc(args as never) as TensorInfo;
    const calls = new KernelCalls(args.backend, backendName);
    const plainA = transposeA ? calls.run('Transpose', { x: a }, { perm: swapLastTwo(a.shape.length) }) : a;
    const plainB = transposeB ? calls.run('Transpose', { x: b }, { perm: swapLastTwo(b.shape.length) }) : b;
    const out = stock.kernelFunc({ inputs: { a: plainA, b: plainB }, attrs: { ...args.attrs, transposeA: false, transposeB: false }, backend: args.backend } as never) as TensorInfo;
    calls.disposeAllBut(out);
    return out;
  };
  markOurs(kernelFunc as unknown as KernelFunc);
  return { kernelName: BatchMatMul, backendName, kernelFunc: kernelFunc as unknown as KernelFunc, ...(stock.setupFunc === undefined ? {} : { setupFunc: stock.setupFunc }) };
}
