import { getGradient, registerGradient, zerosLike, type GradConfig, type Tensor } from '@tensorflow/tfjs';

/** Comparison kernels whose outputs are piecewise constant, so their gradient is zero. */
export const COMPARISON_KERNELS = ['Greater', 'GreaterEqual', 'Less', 'LessEqual', 'Equal', 'NotEqual'] as const;

/**
 * Registers zero gradients for the comparison kernels tfjs leaves without one. First-order
 * gradients never need them, but second-order ones do: the gradient of LeakyRelu, Relu6, clipping
 * and `where` masks contains `greater(x, 0)`, and differentiating that gradient again (a gradient
 * penalty) fails with "gradient function not found for Greater" without this. Gradients are
 * backend-independent, so this covers wasm, cpu and tensorflow alike. Idempotent; returns the names
 * registered now.
 */
export function registerZeroComparisonGradients(): string[] {
  const registered: string[] = [];
  for (const kernelName of COMPARISON_KERNELS) {
    if (getGradient(kernelName) !== undefined) continue;
    const config: GradConfig = {
      kernelName,
      inputsToSave: ['a', 'b'],
      gradFunc: (_dy: Tensor | Tensor[], saved: Tensor[]) => ({ a: () => zerosLike(saved[0]!), b: () => zerosLike(saved[1]!) }),
    };
    registerGradient(config);
    registered.push(kernelName);
  }
  return registered;
}
