import { join } from 'node:path';
import { saveModelFiles } from '../checkpoint/model-files.js';
import type { TrainedModels } from '../families/training-family.js';

/**
 * A step that turns trained models into shipped artifacts, e.g. the ONNX
 * export + manifest the lead will add once `@genzoo/tfjs-onnx` lands.
 * Receives the tfjs models and the run's out folder; returns the files it wrote.
 */
export type ModelExporter = (models: TrainedModels, outDir: string, info: ExportInfo) => Promise<string[]>;

/** Context for exporters. */
export interface ExportInfo {
  family: string;
  dataset: string;
}

/** Writes the final tfjs models: `<out>/generator/` and, when present, `<out>/encoder/`. */
export async function saveTrainedModels(models: TrainedModels, outDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const [name, model] of Object.entries(models)) {
    if (model === undefined) continue;
    await saveModelFiles(model, join(outDir, name));
    written.push(join(outDir, name));
  }
  return written;
}

/** Runs the tfjs save and then each extra exporter in order. */
export async function exportTrainedModels(
  models: TrainedModels,
  outDir: string,
  info: ExportInfo,
  exporters: readonly ModelExporter[] = [],
): Promise<string[]> {
  const written = await saveTrainedModels(models, outDir);
  for (const exporter of exporters) written.push(...(await exporter(models, outDir, info)));
  return written;
}
