import { getKernel, registerKernel, unregisterKernel, type KernelConfig } from '@tensorflow/tfjs';
import { registerFastBatchNormGradient } from './batch-norm-gradient.js';
import { makeConv2DBackpropFilterKernel } from './conv2d-backprop-filter.js';
import { makeConv2DBackpropInputKernel } from './conv2d-backprop-input.js';
import { makeLeadingReductionKernel } from './leading-axes-reduction.js';
import { registerFastLeakyReluGradient } from './leaky-relu-gradient.js';
import { makeTransposingBatchMatMulKernel } from './transposed-matmul.js';

/** Kernels the wasm backend lacks that genzoo's training steps need. */
export function missingWasmKernels(backendName = 'wasm'): KernelConfig[] {
  return [makeConv2DBackpropFilterKernel(backendName)];
}

/** Kernels the wasm backend has but that are much slower than our matMul-based versions. */
export function fasterWasmKernels(backendName = 'wasm'): KernelConfig[] {
  const batchMatMul = makeTransposingBatchMatMulKernel(backendName);
  const reductions = (['Sum', 'Mean'] as const).map((name) => makeLeadingReductionKernel(name, backendName));
  return [makeConv2DBackpropInputKernel(backendName), ...[batchMatMul, ...reductions].filter((k): k is KernelConfig => k !== undefined)];
}

/**
 * Registers genzoo's kernels on `backendName`: the missing ones where the
 * backend has no kernel of that name (a future tfjs that ships one wins),
 * and, unless `replaceSlow` is false, the faster replacements.
 * Returns the names of the kernels registered.
 */
export function registerMissingKernels(backendName = 'wasm', replaceSlow = true): string[] {
  const registered: string[] = [];
  for (const config of missingWasmKernels(backendName)) {
    if (getKernel(config.kernelName, backendName) === undefined) {
      registerKernel(config);
      registered.push(config.kernelName);
    }
  }
  if (replaceSlow) {
    for (const config of fasterWasmKernels(backendName)) {
      if (getKernel(config.kernelName, backendName) !== undefined) unregisterKernel(config.kernelName, backendName);
      registerKernel(config);
      registered.push(`${config.kernelName} (faster)`);
    }
    registerFastBatchNormGradient();
    registered.push('FusedBatchNorm gradient (no Tile)');
    registerFastLeakyReluGradient();
    registered.push('LeakyRelu gradient (Step)');
  }
  return registered;
}
