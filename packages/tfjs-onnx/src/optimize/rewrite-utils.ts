import type { IrGraph, IrInitializer, IrNode } from '../ir/types.js';
import type { GraphIndex } from './graph-index.js';

/** A value name used nowhere in the graph yet. */
export function freshName(graph: IrGraph, base: string): string {
  const taken = new Set<string>([...graph.initializers.keys(), ...graph.inputs.map((i) => i.name)]);
  for (const node of graph.nodes) node.outputs.forEach((o) => taken.add(o));
  let name = base;
  for (let i = 1; taken.has(name); i++) name = `${base}_${i}`;
  return name;
}

/** Adds a float32 initializer under a fresh name derived from `base`; returns the name. */
export function addFloatConstant(graph: IrGraph, base: string, dims: number[], data: Float32Array): string {
  const name = freshName(graph, base);
  graph.initializers.set(name, { name, elemType: 'float32', dims, data });
  return name;
}

/** The float32 initializer behind `value`, if any. */
export function floatConstant(index: GraphIndex, value: string): IrInitializer | undefined {
  const init = index.constant(value);
  return init && init.elemType === 'float32' ? init : undefined;
}

/** Attribute value of an int attribute, or `fallback`. */
export function intAttr(node: IrNode, name: string, fallback: number): number {
  const a = node.attributes[name];
  return a && a.type === 'int' ? a.value : fallback;
}

/** Attribute value of a float attribute, or `fallback`. */
export function floatAttr(node: IrNode, name: string, fallback: number): number {
  const a = node.attributes[name];
  return a && a.type === 'float' ? a.value : fallback;
}

/** Element count of dims. */
export function sizeOf(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

/**
 * Per-feature values of a constant broadcast against a tensor whose features (size `count`)
 * sit on axis `axis` of rank `rank`: scalars are expanded, per-feature vectors returned as is,
 * anything else gives undefined.
 */
export function perFeatureValues(init: IrInitializer, count: number, axis: number, rank: number): Float32Array | undefined {
  const data = init.data as Float32Array;
  if (sizeOf(init.dims) === 1 && init.dims.length <= rank) return new Float32Array(count).fill(data[0]!);
  if (data.length !== count) return undefined;
  // Align the constant's dims to the right of the tensor's; only `axis` may be non-1.
  const offset = rank - init.dims.length;
  if (offset < 0) return undefined;
  const ok = init.dims.every((d, i) => (i + offset === axis ? d === count : d === 1));
  return ok ? data : undefined;
}

/** Makes `producer` write `value` directly, dropping the node that used to produce it. */
export function bypass(graph: IrGraph, removed: IrNode, producer: IrNode, producerOutput: string): void {
  const finalName = removed.outputs[0]!;
  graph.nodes = graph.nodes.filter((n) => n !== removed);
  producer.outputs = producer.outputs.map((o) => (o === producerOutput ? finalName : o));
}
