/** Runtime bugs the parity suite has pinned down: a failure counts as known only where its trigger is present. */
import type { ModelProtoObject } from '@genzoo/tfjs-onnx';
import type { Runtime } from './layers-doc.js';

export interface KnownIssue {
  id: string;
  runtime: Runtime;
  summary: string;
  /** Whether an exported model contains what triggers the bug. */
  affects(model: ModelProtoObject): boolean;
}

/** Dims of a Conv's weight (initializer, or the float16 initializer behind its Cast). */
function convWeightDims(model: ModelProtoObject, weight: string): number[] | undefined {
  const initializers = model.graph?.initializer ?? [];
  return (initializers.find((t) => t.name === weight) ?? initializers.find((t) => t.name === `${weight}_fp16`))?.dims;
}

export const KNOWN_ISSUES: KnownIssue[] = [
  {
    id: 'webgpu-nhwc-conv-6-channels',
    runtime: 'webgpu',
    summary:
      "onnxruntime-web 1.30's WebGPU provider with its default preferred layout (NHWC) computes a wrong Conv (rel L2 ≈ 0.9) when the " +
      'input has exactly 6 channels, the kernel is larger than 1×1 and the filter count is not 6 (seen with 4, 8, 12, 16 filters; ' +
      '2, 3, 4, 5, 7, 8, 10 and 12 input channels are fine). The same graph is exact with `preferredLayout: "NCHW"`, on WASM and in onnxruntime-node.',
    affects: (model) =>
      (model.graph?.node ?? []).some((node) => {
        if (node.op_type !== 'Conv') return false;
        const dims = convWeightDims(model, node.input?.[1] ?? '');
        return !!dims && dims[1] === 6 && dims[0] !== 6 && dims.slice(2).reduce((a, b) => a * b, 1) > 1;
      }),
  },
];
