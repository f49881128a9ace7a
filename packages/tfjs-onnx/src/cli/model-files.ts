import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { io } from '@tensorflow/tfjs-core';
import { CliError, firstLine } from './cli-error.js';

/** A saved tfjs Layers model read from disk, ready for `tf.loadLayersModel`. */
export interface ModelFiles {
  /** Absolute path of model.json. */
  modelJsonPath: string;
  artifacts: io.ModelArtifacts;
  /** Total bytes of the weight shards. */
  weightBytes: number;
  /** The shard files read, in manifest order. */
  shards: string[];
}

interface WeightGroup {
  paths: string[];
  weights: io.WeightsManifestEntry[];
}

const BYTES_PER_DTYPE: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, float16: 2, uint16: 2, int8: 1, int16: 2 };

/** model.json itself when `path` is a file, `<path>/model.json` when it is a folder. */
export async function resolveModelJson(path: string): Promise<string> {
  const absolute = resolve(path);
  let info;
  try {
    info = await stat(absolute);
  } catch {
    throw new CliError(`${path} does not exist`);
  }
  if (!info.isDirectory()) return absolute;
  const inside = join(absolute, 'model.json');
  try {
    await stat(inside);
  } catch {
    throw new CliError(`${path} is a folder without a model.json`);
  }
  return inside;
}

/**
 * Reads model.json and every weight shard its `weightsManifest` lists (paths relative to model.json,
 * several groups of several shards), checking that each group's shards hold exactly the bytes its
 * weights need. Throws a one-line {@link CliError} naming the file for every kind of damage.
 */
export async function readModelFiles(path: string): Promise<ModelFiles> {
  const modelJsonPath = await resolveModelJson(path);
  const json = await readModelJson(modelJsonPath);
  const groups = weightGroups(json, modelJsonPath);
  const folder = dirname(modelJsonPath);
  const buffers: Uint8Array[] = [];
  const shards: string[] = [];
  for (const [g, group] of groups.entries()) {
    let groupBytes = 0;
    for (const shardPath of group.paths) {
      const file = shardFile(folder, shardPath, modelJsonPath);
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new CliError(code === 'ENOENT' ? `weight shard ${file} (listed in ${modelJsonPath}) is missing` : `cannot read weight shard ${file}: ${firstLine((error as Error).message)}`);
      }
      buffers.push(bytes);
      shards.push(file);
      groupBytes += bytes.byteLength;
    }
    const needed = group.weights.reduce((sum, w) => sum + weightByteSize(w, modelJsonPath), 0);
    if (groupBytes !== needed) {
      throw new CliError(
        `weight group ${g + 1} of ${modelJsonPath}: its shards (${group.paths.join(', ')}) hold ${groupBytes} bytes but its weights need ${needed}`,
      );
    }
  }
  const weightBytes = buffers.reduce((sum, b) => sum + b.byteLength, 0);
  const weightData = new Uint8Array(weightBytes);
  let offset = 0;
  for (const b of buffers) {
    weightData.set(b, offset);
    offset += b.byteLength;
  }
  const artifacts: io.ModelArtifacts = {
    modelTopology: json['modelTopology'] as object,
    weightSpecs: groups.flatMap((group) => group.weights),
    weightData: weightData.buffer,
    format: 'layers-model',
  };
  if (typeof json['generatedBy'] === 'string') artifacts.generatedBy = json['generatedBy'];
  if (typeof json['convertedBy'] === 'string') artifacts.convertedBy = json['convertedBy'];
  return { modelJsonPath, artifacts, weightBytes, shards };
}

async function readModelJson(modelJsonPath: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(modelJsonPath, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${modelJsonPath}: ${firstLine((error as Error).message)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${modelJsonPath} is not valid JSON: ${firstLine((error as Error).message)}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new CliError(`${modelJsonPath} is not a tfjs model.json (expected a JSON object)`);
  const model = json as Record<string, unknown>;
  if (model['format'] === 'graph-model') {
    throw new CliError(`${modelJsonPath} is a tfjs graph model; genzoo export converts Layers models (format 'layers-model')`);
  }
  if (typeof model['modelTopology'] !== 'object' || model['modelTopology'] === null) {
    throw new CliError(`${modelJsonPath} has no modelTopology: it is not a tfjs Layers model`);
  }
  return model;
}

function weightGroups(json: Record<string, unknown>, modelJsonPath: string): WeightGroup[] {
  const manifest = json['weightsManifest'];
  if (manifest === undefined) return [];
  if (!Array.isArray(manifest)) throw new CliError(`${modelJsonPath}: weightsManifest must be a list of {paths, weights} groups`);
  return manifest.map((group: unknown, g) => {
    const { paths, weights } = (group ?? {}) as { paths?: unknown; weights?: unknown };
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string') || !Array.isArray(weights)) {
      throw new CliError(`${modelJsonPath}: weightsManifest group ${g + 1} must have a 'paths' list of strings and a 'weights' list`);
    }
    for (const w of weights as unknown[]) {
      const entry = (w ?? {}) as Partial<io.WeightsManifestEntry>;
      if (typeof entry.name !== 'string' || !Array.isArray(entry.shape) || typeof entry.dtype !== 'string') {
        throw new CliError(`${modelJsonPath}: weightsManifest group ${g + 1} has a weight without name, shape and dtype: ${JSON.stringify(w)}`);
      }
    }
    return { paths: paths as string[], weights: weights as io.WeightsManifestEntry[] };
  });
}

function shardFile(folder: string, shardPath: string, modelJsonPath: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(shardPath)) {
    throw new CliError(`${modelJsonPath} lists weight shard ${shardPath}, a URL: only files next to model.json are supported`);
  }
  return isAbsolute(shardPath) ? shardPath : resolve(folder, shardPath);
}

function weightByteSize(w: io.WeightsManifestEntry, modelJsonPath: string): number {
  const count = w.shape.reduce((a, b) => a * b, 1);
  const stored = w.quantization?.dtype ?? w.dtype;
  const width = BYTES_PER_DTYPE[stored];
  if (width === undefined) throw new CliError(`${modelJsonPath}: weight ${w.name} has unsupported dtype '${stored}'`);
  return count * width;
}
