import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import type { GraphSpec, TensorRole, TensorSpec } from '@genzoo/core';
import { convertLayersModel, type ExportReport } from '@genzoo/tfjs-onnx';

/** How one tfjs model becomes one ONNX file of a model folder. */
export interface GraphExportRequest {
  model: tf.LayersModel;
  file: string;
  inputs: readonly TensorContract[];
  outputs: readonly TensorContract[];
  docString: string;
  metadata: Record<string, string>;
}

/** Name, role and (for images) value range of one graph input or output. */
export interface TensorContract {
  name: string;
  role: TensorRole;
  range?: [number, number];
}

export interface ExportedGraph {
  spec: GraphSpec;
  bytes: Uint8Array;
  report: ExportReport;
}

/** Converts a model to ONNX (images NCHW at the boundary), writes it to `dir`, and describes it for the manifest. */
export function exportGraph(request: GraphExportRequest, dir: string): ExportedGraph {
  const { bytes, inputs, outputs, report } = convertLayersModel(request.model, {
    imageLayout: 'NCHW',
    inputNames: request.inputs.map((input) => input.name),
    outputNames: request.outputs.map((output) => output.name),
    modelName: request.file.replace(/\.onnx$/, ''),
    docString: request.docString,
    metadata: request.metadata,
  });
  writeFileSync(join(dir, request.file), bytes);
  const describe = (contracts: readonly TensorContract[], specs: typeof inputs): TensorSpec[] =>
    contracts.map((contract, index) => {
      const io = specs[index]!;
      const spec: TensorSpec = { name: io.name, role: contract.role, dtype: 'float32', shape: [...io.shape] };
      if (io.layout) spec.layout = io.layout;
      if (contract.range) spec.range = contract.range;
      return spec;
    });
  return {
    bytes,
    report,
    spec: {
      file: request.file,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.byteLength,
      opset: report.opset,
      inputs: describe(request.inputs, inputs),
      outputs: describe(request.outputs, outputs),
    },
  };
}
