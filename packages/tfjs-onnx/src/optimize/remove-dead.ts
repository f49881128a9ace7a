import type { IrGraph } from '../ir/types.js';

/** Drops nodes whose outputs nobody reads and initializers nothing uses. */
export function removeDeadCode(graph: IrGraph): void {
  const outputs = new Set(graph.outputs.map((o) => o.name));
  for (let changed = true; changed; ) {
    const used = new Set<string>(outputs);
    for (const node of graph.nodes) node.inputs.forEach((i) => used.add(i));
    const before = graph.nodes.length;
    graph.nodes = graph.nodes.filter((n) => n.outputs.some((o) => used.has(o)));
    changed = graph.nodes.length !== before;
  }
  const used = new Set<string>(outputs);
  for (const node of graph.nodes) node.inputs.forEach((i) => used.add(i));
  for (const name of [...graph.initializers.keys()]) if (!used.has(name)) graph.initializers.delete(name);
}
