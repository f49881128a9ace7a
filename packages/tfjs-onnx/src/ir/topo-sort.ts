import type { IrGraph, IrNode } from './types.js';

/**
 * Orders nodes so every input is produced before use (stable Kahn's algorithm: among ready
 * nodes the original order wins). Throws naming the nodes left when there is a cycle.
 */
export function topoSort(graph: IrGraph): void {
  const producer = new Map<string, number>();
  graph.nodes.forEach((node, i) => node.outputs.forEach((out) => producer.set(out, i)));
  const pending = graph.nodes.map((node) => new Set(node.inputs.filter((n) => producer.has(n)).map((n) => producer.get(n)!)));
  const dependents = graph.nodes.map(() => [] as number[]);
  pending.forEach((deps, i) => deps.forEach((d) => dependents[d]!.push(i)));

  const ready: number[] = [];
  pending.forEach((deps, i) => deps.size === 0 && ready.push(i));
  const order: IrNode[] = [];
  const done = new Set<number>();
  while (ready.length > 0) {
    ready.sort((a, b) => a - b);
    const i = ready.shift()!;
    done.add(i);
    order.push(graph.nodes[i]!);
    for (const d of dependents[i]!) {
      const deps = pending[d]!;
      deps.delete(i);
      if (deps.size === 0 && !done.has(d)) ready.push(d);
    }
  }
  if (order.length !== graph.nodes.length) {
    const stuck = graph.nodes.filter((_, i) => !done.has(i)).map((n) => n.name);
    throw new Error(`graph has a cycle through nodes: ${stuck.join(', ')}`);
  }
  graph.nodes = order;
}
