/** Test harness: what shape inference knew about a converted model, read back from its bytes. */
import { decodeModelProto, encodeModelProto, getShapeInference } from '../src/index.js';

export interface InferenceCoverage {
  /** Op types in the graph. */
  opTypes: string[];
  /** Op types without a shape inference function (should be empty). */
  missingInference: string[];
  /** Node outputs that are not graph outputs. */
  intermediates: number;
  /** value_info entries written. */
  valueInfos: number;
  /** Intermediates without a value_info, or with a dim other than a number or 'batch'. */
  notFullyKnown: string[];
}

/** Decodes `bytes` and checks its value_info against its nodes. */
export function inferenceCoverage(bytes: Uint8Array): InferenceCoverage {
  const graph = decodeModelProto(bytes).graph!;
  const nodes = graph.node ?? [];
  const opTypes = [...new Set(nodes.map((n) => n.op_type))].sort();
  const outputs = new Set((graph.output ?? []).map((o) => o.name));
  const intermediates = nodes.flatMap((n) => n.output ?? []).filter((name) => name !== '' && !outputs.has(name));
  const infos = new Map((graph.value_info ?? []).map((v) => [v.name, v]));
  const notFullyKnown = intermediates.filter((name) => {
    const dims = infos.get(name)?.type?.tensor_type?.shape?.dim;
    return !dims || dims.some((d) => d.dim_value === undefined && d.dim_param !== 'batch');
  });
  return {
    opTypes,
    missingInference: opTypes.filter((op) => !getShapeInference(op)),
    intermediates: intermediates.length,
    valueInfos: infos.size,
    notFullyKnown,
  };
}

/**
 * Runs the model in onnxruntime-node with every value_info entry exposed as an extra graph output
 * (zero inputs, `batch` rows) and lists the intermediates whose actual shape differs from the
 * inferred one ('batch' standing for `batch`). onnxruntime itself only warns on a wrong value_info.
 */
export async function runtimeShapeMismatches(bytes: Uint8Array, batch = 2): Promise<string[]> {
  const ort = await import('onnxruntime-node');
  const model = decodeModelProto(bytes);
  const graph = model.graph!;
  const infos = graph.value_info ?? [];
  graph.output = [...(graph.output ?? []), ...infos];
  const expected = new Map(infos.map((v) => [v.name, (v.type!.tensor_type!.shape!.dim ?? []).map((d) => (d.dim_param === 'batch' ? batch : (d.dim_value ?? -1)))]));
  const feeds: Record<string, InstanceType<typeof ort.Tensor>> = {};
  for (const input of graph.input ?? []) {
    const dims = input.type!.tensor_type!.shape!.dim!.map((d) => (d.dim_param === 'batch' ? batch : d.dim_value!));
    const size = dims.reduce((a, b) => a * b, 1);
    feeds[input.name] =
      input.type!.tensor_type!.elem_type === 6 ? new ort.Tensor('int32', new Int32Array(size), dims) : new ort.Tensor('float32', new Float32Array(size), dims);
  }
  const session = await ort.InferenceSession.create(encodeModelProto(model), { graphOptimizationLevel: 'disabled', logSeverityLevel: 3 });
  try {
    const results = await session.run(feeds);
    return [...expected].flatMap(([name, dims]) => {
      const actual = results[name]!.dims.join('×');
      return actual === dims.join('×') ? [] : [`${name}: inferred ${dims.join('×')}, onnxruntime ${actual}`];
    });
  } finally {
    await session.release();
  }
}
