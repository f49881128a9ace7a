import type { Attribute, ElemType, IrGraph, IrInitializer, IrNode, IrValueInfo, TensorData } from './types.js';

/**
 * Accumulates nodes, initializers and graph inputs/outputs, handing out unique value and
 * node names. Converters emit into it in topological order.
 */
export class GraphBuilder {
  readonly graph: IrGraph;
  private readonly usedNames = new Set<string>();
  private readonly usedNodeNames = new Set<string>();

  constructor(name: string) {
    this.graph = { name, nodes: [], initializers: new Map(), inputs: [], outputs: [], shapes: new Map() };
  }

  /** A value name not used yet, derived from `base` (sanitised, suffixed when taken). */
  uniqueName(base: string): string {
    return takeUnique(this.usedNames, base);
  }

  /** Marks a caller-chosen name as taken; throws when it already is. */
  reserveName(name: string): string {
    if (this.usedNames.has(name)) throw new Error(`tensor name '${name}' is used twice`);
    this.usedNames.add(name);
    return name;
  }

  /** Declares a graph input with a fixed name. */
  addInput(info: IrValueInfo): string {
    this.reserveName(info.name);
    this.graph.inputs.push(info);
    return info.name;
  }

  /** Declares a graph output (the value must be produced by the graph). */
  addOutput(info: IrValueInfo): void {
    this.graph.outputs.push(info);
  }

  /** Adds a node and returns its output names (fresh names derived from `nameHint`). */
  addNode(
    opType: string,
    inputs: string[],
    attributes: Record<string, Attribute> = {},
    options: { nameHint?: string; outputCount?: number; outputs?: string[]; domain?: string } = {},
  ): string[] {
    const hint = options.nameHint ?? opType;
    const count = options.outputCount ?? 1;
    // Explicit output names must have been reserved by the caller.
    const outputs =
      options.outputs ?? Array.from({ length: count }, (_, i) => this.uniqueName(count === 1 ? hint : `${hint}_${i}`));
    const node: IrNode = { name: takeUnique(this.usedNodeNames, hint), opType, inputs, outputs, attributes };
    if (options.domain !== undefined) node.domain = options.domain;
    this.graph.nodes.push(node);
    return outputs;
  }

  /** Adds a constant and returns its name. */
  addInitializer(nameHint: string, elemType: ElemType, dims: number[], data: TensorData): string {
    const expected = dims.reduce((a, b) => a * b, 1);
    if (data.length !== expected) {
      throw new Error(`initializer '${nameHint}' has ${data.length} elements but dims [${dims.join(', ')}] need ${expected}`);
    }
    const name = this.uniqueName(nameHint);
    const init: IrInitializer = { name, elemType, dims: [...dims], data };
    this.graph.initializers.set(name, init);
    return name;
  }

  /** A float32 constant. */
  constFloat(nameHint: string, data: Float32Array | readonly number[], dims: number[]): string {
    return this.addInitializer(nameHint, 'float32', dims, data instanceof Float32Array ? data : Float32Array.from(data));
  }

  /** An int64 constant (1-D unless dims given). */
  constInt64(nameHint: string, values: readonly (number | bigint)[], dims: number[] = [values.length]): string {
    return this.addInitializer(nameHint, 'int64', dims, BigInt64Array.from(values, (v) => BigInt(v)));
  }

}

/** Replaces every reference to value `from` with `to` across the graph. */
export function renameEverywhere(graph: IrGraph, from: string, to: string): void {
  for (const node of graph.nodes) {
    node.inputs = node.inputs.map((n) => (n === from ? to : n));
    node.outputs = node.outputs.map((n) => (n === from ? to : n));
  }
  for (const out of graph.outputs) if (out.name === from) out.name = to;
  const shape = graph.shapes.get(from);
  if (shape) {
    graph.shapes.delete(from);
    graph.shapes.set(to, shape);
  }
  const init = graph.initializers.get(from);
  if (init) {
    graph.initializers.delete(from);
    init.name = to;
    graph.initializers.set(to, init);
  }
}

function takeUnique(used: Set<string>, base: string): string {
  const clean = base.replace(/[^A-Za-z0-9_./:-]/g, '_') || 'v';
  let name = clean;
  for (let i = 1; used.has(name); i++) name = `${clean}_${i}`;
  used.add(name);
  return name;
}
