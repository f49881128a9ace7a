import type { ConversionContext } from './conversion-context.js';
import type { LayerIssue } from './errors.js';
import { physicalShape } from './layout.js';
import { getLayerConverter } from './registry.js';
import type { TensorRef } from './tensor-ref.js';
import { isContainer, type TfContainer, type TfLayer, type TfSymbolicTensor } from './tfjs-access.js';

/** Every layer that contributes to the container's outputs; nested models are expanded. */
export function reachableLayers(container: TfContainer): TfLayer[] {
  const seen = new Set<TfLayer>();
  const order: TfLayer[] = [];
  const visitedTensors = new Set<TfSymbolicTensor>();
  const stack: TfSymbolicTensor[] = [...container.outputs];
  while (stack.length > 0) {
    const st = stack.pop()!;
    if (visitedTensors.has(st)) continue;
    visitedTensors.add(st);
    const layer = st.sourceLayer;
    if (isContainer(layer)) {
      stack.push(...layer.outputs);
    } else if (!seen.has(layer)) {
      seen.add(layer);
      order.push(layer);
    }
    const node = layer.inboundNodes[st.nodeIndex];
    if (node) stack.push(...node.inputTensors);
  }
  return order.reverse();
}

/** Checks every reachable layer against the registry and the converters' option checks. */
export function collectIssues(container: TfContainer, opset: number): LayerIssue[] {
  const issues: LayerIssue[] = [];
  for (const layer of reachableLayers(container)) {
    const className = layer.getClassName();
    const converter = getLayerConverter(className);
    const report = (reason: string): void => {
      issues.push({ layerName: layer.name, className, reason });
    };
    if (!converter) {
      report('no converter is registered for this layer class');
      continue;
    }
    try {
      converter.check?.(layer.getConfig(), layer, opset).forEach(report);
    } catch (error) {
      report((error as Error).message);
    }
  }
  return issues;
}

/**
 * Converts the layers between a container's inputs (bound to `inputs`) and its outputs,
 * in dependency order, inlining nested models. Returns one ref per container output.
 */
export function convertContainer(ctx: ConversionContext, container: TfContainer, inputs: TensorRef[]): TensorRef[] {
  const memo = new Map<number, TensorRef>();
  container.inputs.forEach((st, i) => memo.set(st.id, inputs[i]!));

  const visit = (st: TfSymbolicTensor): TensorRef => {
    const known = memo.get(st.id);
    if (known) return known;
    const layer = st.sourceLayer;
    const node = layer.inboundNodes[st.nodeIndex];
    if (!node) throw new Error(`tensor '${st.name}' has no producing call on layer '${layer.name}'`);
    const inputRefs = node.inputTensors.map(visit);
    const outputs = isContainer(layer) ? convertContainer(ctx, layer, inputRefs) : convertLayer(ctx, layer, inputRefs, node.outputTensors);
    node.outputTensors.forEach((out, i) => memo.set(out.id, outputs[i]!));
    const result = memo.get(st.id);
    if (!result) throw new Error(`layer '${layer.name}' produced no value for tensor '${st.name}'`);
    return result;
  };
  return container.outputs.map(visit);
}

function convertLayer(ctx: ConversionContext, layer: TfLayer, inputs: TensorRef[], outputs: TfSymbolicTensor[]): TensorRef[] {
  const className = layer.getClassName();
  const converter = getLayerConverter(className);
  if (!converter) throw new Error(`layer '${layer.name}' (${className}) has no converter`);
  let converted;
  try {
    converted = converter.convert(ctx, {
      layer,
      config: layer.getConfig(),
      inputs,
      outputShapes: outputs.map((o) => [...o.shape]),
      name: layer.name,
    });
  } catch (error) {
    throw new Error(`layer '${layer.name}' (${className}): ${(error as Error).message}`, { cause: error });
  }
  if (converted.length !== outputs.length) {
    throw new Error(`layer '${layer.name}' (${className}): converter returned ${converted.length} outputs, tfjs has ${outputs.length}`);
  }
  return converted.map((out, i) => {
    const shape = [...outputs[i]!.shape];
    if (out.perm && out.perm.length !== shape.length) {
      throw new Error(`layer '${layer.name}' (${className}): output layout has rank ${out.perm.length}, tfjs shape has ${shape.length}`);
    }
    ctx.recordShape(out.name, physicalShape(shape, out.perm));
    const ref: TensorRef = { name: out.name, perm: out.perm, shape, dtype: outputs[i]!.dtype === 'int32' ? 'int32' : 'float32' };
    return ctx.naiveLayout && ref.perm ? { ...ref, name: ctx.logical(ref), perm: null } : ref;
  });
}
