import type { IrGraph, TensorType } from '../ir/types.js';
import { formatShape, ShapeError, UNKNOWN_TYPE } from './dims.js';
import { InferenceContext } from './inference-context.js';
import { getShapeInference } from './registry.js';

/** The result of {@link inferShapes}. */
export interface ShapeInference {
  /** Inferred type of every value: graph inputs, initializers and node outputs. */
  types: Map<string, TensorType>;
  /** One line per inconsistent node, naming the node, op and input shapes. */
  problems: string[];
  /** Op types met that have no inference function (their outputs stay unknown). */
  unknownOpTypes: string[];
}

/**
 * Propagates element types and shapes through a topologically sorted graph. Dims are numbers,
 * symbols (the graph inputs' 'batch') or null when unknown. Nodes whose inputs are inconsistent
 * are reported in `problems` and get unknown outputs.
 */
export function inferShapes(graph: IrGraph, opset: number): ShapeInference {
  const types = new Map<string, TensorType>();
  for (const input of graph.inputs) types.set(input.name, { elemType: input.elemType, shape: [...input.shape] });
  for (const init of graph.initializers.values()) types.set(init.name, { elemType: init.elemType, shape: [...init.dims] });
  const problems: string[] = [];
  const unknown = new Set<string>();
  for (const node of graph.nodes) {
    const infer = (node.domain ?? '') === '' ? getShapeInference(node.opType) : undefined;
    let outputs: TensorType[] = [];
    if (!infer) unknown.add(node.domain ? `${node.domain}.${node.opType}` : node.opType);
    else {
      try {
        outputs = infer(new InferenceContext(node, opset, types, graph.initializers));
      } catch (error) {
        if (!(error instanceof ShapeError)) throw error;
        const inputs = node.inputs.map((name) => (name === '' ? '-' : `'${name}' ${formatShape(types.get(name)?.shape ?? null)}`));
        problems.push(`node '${node.name}' (${node.opType}) with inputs ${inputs.join(', ')}: ${error.message}`);
      }
    }
    node.outputs.forEach((name, i) => {
      if (name !== '') types.set(name, outputs[i] ?? UNKNOWN_TYPE);
    });
  }
  return { types, problems, unknownOpTypes: [...unknown].sort() };
}
