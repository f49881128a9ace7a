import type { IrGraph } from './types.js';

/**
 * Structural checks before writing: unique node names, each value defined once, every node
 * input defined earlier (graph input, initializer or an earlier node's output), every graph
 * output defined. Throws one error listing all problems found.
 */
export function validateGraph(graph: IrGraph): void {
  const problems: string[] = [];
  const defined = new Set<string>();
  const define = (name: string, what: string): void => {
    if (name === '') problems.push(`${what} has an empty name`);
    else if (defined.has(name)) problems.push(`value '${name}' is defined twice (${what})`);
    defined.add(name);
  };
  for (const input of graph.inputs) define(input.name, 'graph input');
  for (const name of graph.initializers.keys()) define(name, 'initializer');

  const nodeNames = new Set<string>();
  for (const node of graph.nodes) {
    if (nodeNames.has(node.name)) problems.push(`node name '${node.name}' is used twice`);
    nodeNames.add(node.name);
    for (const input of node.inputs) {
      if (input !== '' && !defined.has(input)) {
        problems.push(`node '${node.name}' (${node.opType}) reads '${input}' before it is defined`);
      }
    }
    for (const output of node.outputs) define(output, `output of node '${node.name}'`);
  }
  const outputNames = new Set<string>();
  for (const output of graph.outputs) {
    if (!defined.has(output.name)) problems.push(`graph output '${output.name}' is never defined`);
    if (outputNames.has(output.name)) problems.push(`graph output '${output.name}' is listed twice`);
    outputNames.add(output.name);
  }
  if (problems.length > 0) throw new Error(`invalid ONNX graph '${graph.name}': ${problems.join('; ')}`);
}
