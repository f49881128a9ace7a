import { renameEverywhere } from '../ir/graph-builder.js';
import type { IrGraph } from '../ir/types.js';
import { GraphIndex, removeNodes } from './graph-index.js';

/** Removes Identity nodes, rewiring readers to the identity's input. Returns the count removed. */
export function eliminateIdentities(graph: IrGraph): number {
  let removed = 0;
  for (const node of [...graph.nodes]) {
    if (node.opType !== 'Identity') continue;
    const index = new GraphIndex(graph);
    const [input] = node.inputs;
    const [output] = node.outputs;
    if (input === undefined || output === undefined) continue;
    if (index.graphOutputs.has(output)) {
      // The output name must survive: rename the input's producer instead, when it has one of its own.
      const fixed = index.graphInputs.has(input) || graph.initializers.has(input) || index.graphOutputs.has(input);
      if (fixed || !index.producer.has(input)) continue;
      removeNodes(graph, [node]);
      renameEverywhere(graph, input, output);
    } else {
      removeNodes(graph, [node]);
      for (const user of index.consumersOf(output)) user.inputs = user.inputs.map((i) => (i === output ? input : i));
    }
    removed++;
  }
  return removed;
}
