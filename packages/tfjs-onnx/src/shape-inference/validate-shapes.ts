import type { TypedValue } from '../ir/to-model-proto.js';
import type { IrGraph, IrValueInfo, TensorType } from '../ir/types.js';
import { formatShape } from './dims.js';
import { inferShapes } from './infer-shapes.js';

function disagrees(declared: IrValueInfo, inferred: TensorType): boolean {
  if (inferred.elemType !== null && inferred.elemType !== declared.elemType) return true;
  if (inferred.shape === null) return false;
  if (inferred.shape.length !== declared.shape.length) return true;
  return inferred.shape.some((d, i) => d !== null && d !== declared.shape[i]);
}

const formatType = (t: { elemType: string | null; shape: TensorType['shape'] }): string => `${t.elemType ?? '?'} ${formatShape(t.shape)}`;

/**
 * Infers shapes and checks them: every node's inputs must be consistent and every declared graph
 * output must agree with what its producer yields (a disagreement is a converter bug). Throws one
 * error listing all problems; returns the inferred types.
 */
export function validateShapes(graph: IrGraph, opset: number): Map<string, TensorType> {
  const { types, problems } = inferShapes(graph, opset);
  const producers = new Map(graph.nodes.flatMap((node) => node.outputs.map((o) => [o, node] as const)));
  for (const output of graph.outputs) {
    const inferred = types.get(output.name);
    if (!inferred || !disagrees(output, inferred)) continue;
    const node = producers.get(output.name);
    const source = node ? `node '${node.name}' (${node.opType}) produces` : 'it is';
    problems.push(`graph output '${output.name}' is declared ${formatType(output)} but ${source} ${formatType(inferred)}`);
  }
  if (problems.length > 0) throw new Error(`invalid ONNX graph '${graph.name}': ${problems.join('; ')}`);
  return types;
}

/** The inferred types of node outputs that are not graph outputs (those with a known element type). */
export function intermediateValueInfo(graph: IrGraph, types: ReadonlyMap<string, TensorType>): TypedValue[] {
  const outputs = new Set(graph.outputs.map((o) => o.name));
  const infos: TypedValue[] = [];
  for (const node of graph.nodes) {
    for (const name of node.outputs) {
      const type = types.get(name);
      if (name === '' || outputs.has(name) || !type || type.elemType === null) continue;
      infos.push({ name, elemType: type.elemType, shape: type.shape });
    }
  }
  return infos;
}
