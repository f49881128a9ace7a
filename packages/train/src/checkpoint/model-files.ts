import * as tf from '@tensorflow/tfjs';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';

/** File names of a saved tfjs layers model. */
export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';

/**
 * Saves a layers model as `model.json` + `weights.bin` in `dir` (tfjs's
 * standard layout, loadable with `tf.loadLayersModel`), using our own
 * IOHandler since tfjs-node's `file://` handler is not available.
 * Returns the bytes written per file, for checksums.
 */
export async function saveModelFiles(model: tf.LayersModel, dir: string): Promise<Record<string, Uint8Array>> {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, Uint8Array> = {};
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    const weightData = artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
    const modelJson = {
      modelTopology: artifacts.modelTopology,
      format: 'layers-model',
      generatedBy: artifacts.generatedBy,
      convertedBy: null,
      weightsManifest: [{ paths: [`./${WEIGHTS_BIN}`], weights: artifacts.weightSpecs ?? [] }],
    };
    files[WEIGHTS_BIN] = new Uint8Array(weightData);
    files[MODEL_JSON] = Buffer.from(JSON.stringify(modelJson), 'utf8');
    writeFileAtomic(join(dir, WEIGHTS_BIN), files[WEIGHTS_BIN]);
    writeFileAtomic(join(dir, MODEL_JSON), files[MODEL_JSON]);
    return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
  }));
  return files;
}

/** Loads a layers model saved by {@link saveModelFiles}; one-line error if files are missing or malformed. */
export async function loadModelFiles(dir: string): Promise<tf.LayersModel> {
  let modelJson: { modelTopology?: object; weightsManifest?: { weights: tf.io.WeightsManifestEntry[] }[] };
  let weights: Uint8Array;
  try {
    modelJson = JSON.parse(readFileSync(join(dir, MODEL_JSON), 'utf8')) as typeof modelJson;
    weights = readFileSync(join(dir, WEIGHTS_BIN));
  } catch (error) {
    throw new Error(`cannot read model in ${dir}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (modelJson.modelTopology === undefined || modelJson.weightsManifest === undefined) {
    throw new Error(`${join(dir, MODEL_JSON)} is not a tfjs layers model (no modelTopology/weightsManifest)`);
  }
  const weightData = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer;
  return tf.loadLayersModel(tf.io.fromMemory({
    modelTopology: modelJson.modelTopology,
    weightSpecs: modelJson.weightsManifest.flatMap((group) => group.weights),
    weightData,
  }));
}
