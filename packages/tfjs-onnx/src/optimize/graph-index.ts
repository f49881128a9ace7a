import type { IrGraph, IrInitializer, IrNode } from '../ir/types.js';

/** Producer/consumer lookups over a graph; rebuild after rewriting. */
export class GraphIndex {
  readonly producer = new Map<string, IrNode>();
  readonly consumers = new Map<string, IrNode[]>();
  readonly graphOutputs: Set<string>;
  readonly graphInputs: Set<string>;

  constructor(readonly graph: IrGraph) {
    this.graphOutputs = new Set(graph.outputs.map((o) => o.name));
    this.graphInputs = new Set(graph.inputs.map((i) => i.name));
    for (const node of graph.nodes) {
      node.outputs.forEach((o) => this.producer.set(o, node));
      for (const input of node.inputs) {
        if (input === '') continue;
        const list = this.consumers.get(input) ?? [];
        if (!list.includes(node)) list.push(node);
        this.consumers.set(input, list);
      }
    }
  }

  /** Nodes reading `value`. */
  consumersOf(value: string): IrNode[] {
    return this.consumers.get(value) ?? [];
  }

  /** True when `value` is read by exactly one node, once, and is not a graph output. */
  hasSingleUse(value: string): boolean {
    const users = this.consumersOf(value);
    return users.length === 1 && users[0]!.inputs.filter((i) => i === value).length === 1 && !this.graphOutputs.has(value);
  }

  /** The initializer behind `value`, if it is a constant. */
  constant(value: string): IrInitializer | undefined {
    return this.graph.initializers.get(value);
  }
}

/** Removes nodes from a graph. */
export function removeNodes(graph: IrGraph, nodes: Iterable<IrNode>): void {
  const drop = new Set(nodes);
  graph.nodes = graph.nodes.filter((n) => !drop.has(n));
}
