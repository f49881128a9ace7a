import type { LayersModel } from '@tensorflow/tfjs-layers';
import { GraphBuilder, renameEverywhere } from '../ir/graph-builder.js';
import { toModelProto } from '../ir/to-model-proto.js';
import { topoSort } from '../ir/topo-sort.js';
import type { IrGraph } from '../ir/types.js';
import { validateGraph } from '../ir/validate.js';
import { encodeModelProto } from '../onnx/onnx-proto.js';
import { storeWeightsAsFloat16 } from '../optimize/float16-weights.js';
import { optimizeGraph } from '../optimize/optimize-graph.js';
import { intermediateValueInfo, validateShapes } from '../shape-inference/validate-shapes.js';
import { DEFAULT_OPSET, MAX_OPSET, MIN_OPSET, PRODUCER_NAME, PRODUCER_VERSION, irVersionForOpset } from '../version.js';
import { ConversionContext } from './conversion-context.js';
import { UnsupportedLayersError } from './errors.js';
import { channelsFirstPerm, physicalShape, type Perm } from './layout.js';
import { collectIssues, convertContainer } from './model-walker.js';
import type { ConversionResult, ConvertOptions, ExportReport, IoSpec } from './options.js';
import type { TensorRef } from './tensor-ref.js';
import type { TfContainer, TfSymbolicTensor } from './tfjs-access.js';

/**
 * Converts a tfjs LayersModel (Sequential or functional) to ONNX model bytes.
 * Throws {@link UnsupportedLayersError} listing every layer that cannot be converted.
 */
export function convertLayersModel(model: LayersModel, options: ConvertOptions = {}): ConversionResult {
  const root = model as unknown as TfContainer;
  const opset = options.opset ?? DEFAULT_OPSET;
  if (!Number.isInteger(opset) || opset < MIN_OPSET || opset > MAX_OPSET) {
    throw new Error(`opset must be an integer from ${MIN_OPSET} to ${MAX_OPSET}, got ${opset}`);
  }
  const imageLayout = options.imageLayout ?? 'NCHW';
  if (imageLayout !== 'NCHW' && imageLayout !== 'NHWC') throw new Error(`imageLayout must be 'NCHW' or 'NHWC', got '${String(imageLayout)}'`);
  const modelName = options.modelName ?? root.name;
  const layout = options.layout ?? 'optimized';
  if (layout !== 'optimized' && layout !== 'naive') throw new Error(`layout must be 'optimized' or 'naive', got '${String(layout)}'`);
  const weightType = options.weightType ?? 'float32';
  if (weightType !== 'float32' && weightType !== 'float16') throw new Error(`weightType must be 'float32' or 'float16', got '${String(weightType)}'`);

  const issues = collectIssues(root, opset);
  if (issues.length > 0) throw new UnsupportedLayersError(modelName, issues);

  const inputNames = ioNames('input', options.inputNames, root.inputs);
  const outputNames = ioNames('output', options.outputNames, root.outputs);
  const builder = new GraphBuilder(modelName);
  outputNames.forEach((name) => {
    if (inputNames.includes(name)) throw new Error(`'${name}' is used as both an input and an output name`);
    builder.reserveName(name);
  });
  const ctx = new ConversionContext(builder, opset, layout === 'naive');
  const boundaryPerm = (rank: number): Perm | null => (rank === 4 && imageLayout === 'NCHW' ? channelsFirstPerm(4) : null);

  const inputs: IoSpec[] = [];
  const inputRefs = root.inputs.map((st, i): TensorRef => {
    const name = inputNames[i]!;
    const perm = boundaryPerm(st.shape.length);
    const shape = ioShape(name, physicalShape(st.shape, perm), perm);
    const dtype = st.dtype === 'int32' ? 'int32' : 'float32';
    builder.addInput({ name, elemType: dtype, shape });
    ctx.recordShape(name, physicalShape(st.shape, perm));
    inputs.push(ioSpec(name, shape, st.shape.length, imageLayout));
    return { name, shape: [...st.shape], perm, dtype };
  });

  const outputRefs = convertContainer(ctx, root, inputRefs);

  const outputs: IoSpec[] = [];
  const renamed = new Map<string, string>();
  const graphInputs = new Set(inputNames);
  outputRefs.forEach((ref, i) => {
    const name = outputNames[i]!;
    const perm = boundaryPerm(ref.shape.length);
    const value = ctx.toLayout(ref, perm);
    const current = renamed.get(value) ?? value;
    if (graphInputs.has(current) || builder.graph.initializers.has(current) || renamed.has(value)) {
      builder.addNode('Identity', [current], {}, { nameHint: `${name}_identity`, outputs: [name] });
    } else {
      renameEverywhere(builder.graph, value, name);
      renamed.set(value, name);
    }
    const shape = ioShape(name, physicalShape(ref.shape, perm), perm);
    builder.addOutput({ name, elemType: ref.dtype, shape });
    outputs.push(ioSpec(name, shape, ref.shape.length, imageLayout));
  });

  const graph = builder.graph;
  if (options.optimize !== false) optimizeGraph(graph, { absorbLayoutTransposes: layout === 'optimized' });
  if (weightType === 'float16') storeWeightsAsFloat16(graph);
  topoSort(graph);
  validateGraph(graph);
  const types = validateShapes(graph, opset);

  const header = {
    irVersion: irVersionForOpset(opset),
    opset,
    producerName: PRODUCER_NAME,
    producerVersion: options.producerVersion ?? PRODUCER_VERSION,
    ...(options.docString !== undefined ? { docString: options.docString } : {}),
    ...(options.metadata !== undefined ? { metadata: options.metadata } : {}),
  };
  const bytes = encodeModelProto(toModelProto(graph, header, intermediateValueInfo(graph, types)));
  return { bytes, inputs, outputs, report: buildReport(graph, bytes.length, opset) };
}

function ioNames(kind: string, given: string[] | undefined, tensors: TfSymbolicTensor[]): string[] {
  if (given) {
    if (given.length !== tensors.length) throw new Error(`${kind}Names has ${given.length} names but the model has ${tensors.length} ${kind}s`);
    if (new Set(given).size !== given.length) throw new Error(`${kind}Names contains duplicates: ${given.join(', ')}`);
    if (given.some((n) => n === '')) throw new Error(`${kind}Names contains an empty name`);
    return given;
  }
  const used = new Set<string>();
  return tensors.map((st) => {
    let name = st.sourceLayer.name;
    for (let i = 1; used.has(name); i++) name = `${st.sourceLayer.name}_${i}`;
    used.add(name);
    return name;
  });
}

function ioShape(name: string, shape: (number | null)[], perm: Perm | null): (number | 'batch')[] {
  const batchAxis = perm ? perm.indexOf(0) : 0;
  return shape.map((d, i) => {
    if (i === batchAxis) return 'batch';
    if (d === null) throw new Error(`'${name}' has an unknown dimension ${i}; give the tfjs model a fully defined input shape`);
    return d;
  });
}

function ioSpec(name: string, shape: (number | 'batch')[], rank: number, imageLayout: 'NCHW' | 'NHWC'): IoSpec {
  return rank === 4 ? { name, shape, layout: imageLayout } : { name, shape };
}

function buildReport(graph: IrGraph, bytes: number, opset: number): ExportReport {
  const nodesByType: Record<string, number> = {};
  for (const node of graph.nodes) nodesByType[node.opType] = (nodesByType[node.opType] ?? 0) + 1;
  let parameters = 0;
  for (const init of graph.initializers.values()) {
    if (init.elemType === 'float32' || init.elemType === 'float16') parameters += init.data.length;
  }
  return { nodesByType, parameters, bytes, transposes: nodesByType['Transpose'] ?? 0, opset };
}
