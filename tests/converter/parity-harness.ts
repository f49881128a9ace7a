/** Node side of the parity suite: weights, inputs, tfjs reference outputs and onnxruntime-node runs. */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type * as tfl from '@tensorflow/tfjs-layers';
import * as ort from 'onnxruntime-node';
import { convertLayersModel, type ConversionResult, type ConvertOptions } from '@genzoo/tfjs-onnx';
import type { InputKind, ParityCase } from './parity-cases.js';
import { randomizeWeights } from '@genzoo/tfjs-onnx/testing';

/** Batch size of every parity run (above 1, so the dynamic batch dimension is exercised). */
export const BATCH = 2;

/** A float32 tensor in the physical layout of the ONNX graph. */
export interface PhysicalTensor {
  name: string;
  dims: number[];
  data: Float32Array;
}

/** One case exported and evaluated in Node. */
export interface PreparedCase {
  parityCase: ParityCase;
  conversion: ConversionResult;
  /** tfjs layer classes in the model, nested models included. */
  classes: string[];
  inputs: PhysicalTensor[];
  /** tfjs predict outputs, in the ONNX graph's layout. */
  expected: PhysicalTensor[];
  fp16: boolean;
}

function randomInput(kind: InputKind, shape: number[], seed: number): tf.Tensor {
  if (kind === 'normal') return tf.randomNormal(shape, 0, 1, 'float32', seed);
  if ('ids' in kind) return tf.floor(tf.randomUniform(shape, 0, kind.ids, 'float32', seed));
  return tf.cast(tf.oneHot(tf.randomUniform([shape[0]!], 0, kind.oneHot, 'int32', seed), kind.oneHot), 'float32');
}

/** tfjs logical (channels-last) tensor → the layout the graph uses for it. */
function physical(name: string, tensor: tf.Tensor, layout: 'NCHW' | 'NHWC' | undefined): PhysicalTensor {
  const t = layout === 'NCHW' ? tf.transpose(tensor, [0, 3, 1, 2]) : tensor;
  return { name, dims: [...t.shape], data: Float32Array.from(t.dataSync()) };
}

function layerClasses(model: tfl.LayersModel): string[] {
  const classes = new Set<string>();
  const visit = (layers: tfl.layers.Layer[]): void => {
    for (const layer of layers) {
      classes.add(layer.getClassName());
      const nested = (layer as unknown as { layers?: tfl.layers.Layer[] }).layers;
      if (Array.isArray(nested)) visit(nested);
    }
  };
  visit(model.layers);
  return [...classes].sort();
}

/** Builds, randomizes and exports a case, and computes the tfjs reference on seeded inputs. */
export function prepareCase(parityCase: ParityCase, convert: ConvertOptions = {}, seed = 1): PreparedCase {
  const model = parityCase.build();
  randomizeWeights(model, seed);
  parityCase.prepare?.(model);
  const options = { ...parityCase.convert, ...convert };
  const conversion = convertLayersModel(model, options);
  const logical = model.inputs.map((input, i) => randomInput(parityCase.inputs?.[i] ?? 'normal', [BATCH, ...(input.shape.slice(1) as number[])], seed * 100 + i));
  const predicted = model.predict(logical.length === 1 ? logical[0]! : logical);
  const outputs = Array.isArray(predicted) ? predicted : [predicted];
  const prepared: PreparedCase = {
    parityCase,
    conversion,
    classes: layerClasses(model),
    inputs: conversion.inputs.map((spec, i) => physical(spec.name, logical[i]!, spec.layout)),
    expected: conversion.outputs.map((spec, i) => physical(spec.name, outputs[i]!, spec.layout)),
    fp16: options.weightType === 'float16',
  };
  tf.dispose([...logical, ...outputs]);
  model.dispose();
  return prepared;
}

/** ‖actual − expected‖₂ / ‖expected‖₂ (Infinity on NaN or a size mismatch). */
export function relativeL2(actual: Float32Array, expected: Float32Array): number {
  if (actual.length !== expected.length) return Number.POSITIVE_INFINITY;
  let diff = 0;
  let ref = 0;
  for (let i = 0; i < expected.length; i++) {
    diff += (actual[i]! - expected[i]!) ** 2;
    ref += expected[i]! ** 2;
  }
  const rel = Math.sqrt(diff) / Math.max(Math.sqrt(ref), 1e-30);
  return Number.isNaN(rel) ? Number.POSITIVE_INFINITY : rel;
}

/** Runs a prepared case in onnxruntime-node (cpu, one thread); outputs by graph output name. */
export async function runOrtNode(prepared: PreparedCase): Promise<Record<string, Float32Array>> {
  const session = await ort.InferenceSession.create(prepared.conversion.bytes, { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' });
  try {
    const feeds = Object.fromEntries(prepared.inputs.map((t) => [t.name, new ort.Tensor('float32', t.data, t.dims)]));
    const results = await session.run(feeds);
    return Object.fromEntries(Object.entries(results).map(([name, tensor]) => [name, tensor.data as Float32Array]));
  } finally {
    await session.release();
  }
}

/** onnxruntime-node's version (for the report). */
export const ORT_NODE_VERSION = ort.env.versions.node ?? ort.env.versions.common ?? 'unknown';
