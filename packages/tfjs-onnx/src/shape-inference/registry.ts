import type { ShapeInferenceFn } from './inference-context.js';
import { convolutionInference } from './ops/convolution.js';
import { elementwiseInference } from './ops/elementwise.js';
import { indexingInference } from './ops/indexing.js';
import { linearInference } from './ops/linear.js';
import { normalizationInference } from './ops/normalization.js';
import { reductionInference } from './ops/reduction.js';
import { reshapingInference } from './ops/reshaping.js';

const registry = new Map<string, ShapeInferenceFn>(
  Object.entries({
    ...elementwiseInference,
    ...linearInference,
    ...convolutionInference,
    ...normalizationInference,
    ...reshapingInference,
    ...indexingInference,
    ...reductionInference,
  }),
);

/**
 * Registers (or replaces) the shape inference of an ONNX op type in the default domain, e.g. for
 * an op a custom layer converter emits. Ops without one keep unknown output shapes.
 */
export function registerShapeInference(opType: string, infer: ShapeInferenceFn): void {
  registry.set(opType, infer);
}

/** The shape inference function of an op type, if any. */
export function getShapeInference(opType: string): ShapeInferenceFn | undefined {
  return registry.get(opType);
}

/** Op types with a shape inference function, sorted. */
export function shapeInferenceOpTypes(): string[] {
  return [...registry.keys()].sort();
}
