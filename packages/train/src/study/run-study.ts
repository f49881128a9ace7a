import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writePng } from '@genzoo/node';
import { writeFileAtomic } from '../checkpoint/atomic-write.js';
import { pointGanDataset } from '../families/gan-2d-data.js';
import type { Gan2dSettings } from '../families/gan-2d-settings.js';
import { SNAPSHOT_SAMPLES } from '../families/gan-2d-train-loop.js';
import { runStudySeed } from './run-study-seed.js';
import { resolveSettings, type StudyConfig } from './study-configs.js';
import { samplesOverData, snapshotStrip } from './study-plots.js';
import { readStudyResult, resultFileName, type StudyRunResult } from './study-result.js';
import { summarizeConfig, type StudyRow } from './study-summary.js';
import { renderStudyTable } from './study-table.js';

/** Inputs of {@link runStudy}. */
export interface StudyOptions {
  dataset: string;
  configs: readonly StudyConfig[];
  /** The seeds to train and report, e.g. [1, 2, 3, 4, 5]. */
  seeds: readonly number[];
  /** Folder of the results; the dataset's files go to `<out>/<dataset>/`. */
  out: string;
  /** Settings applied to every configuration (e.g. steps). */
  overrides?: Partial<Gan2dSettings>;
  /** The configuration whose training snapshots make the mode-hopping strip (default `gan`). */
  stripConfig?: string;
  /**
   * Train nothing: summarize the seeds that are finished and leave out configurations with none, so a sweep
   * split across sessions can publish its table so far (the table's seeds column says how many each row has).
   */
  reportOnly?: boolean;
  log?: (line: string) => void;
}

/** Where the study's files went. */
export interface StudyOutcome {
  rows: StudyRow[];
  table: string;
  /** Runs trained now (the others were finished already). */
  trained: number;
  folder: string;
}

/**
 * Trains every configuration × seed that has no result file yet (so a killed sweep resumes where it
 * stopped; with `reportOnly`, none), then writes `results.md`, `results.json`, one scatter plot per configuration (seed 1's
 * samples over the data) and the snapshot strip of `stripConfig`.
 */
export async function runStudy(options: StudyOptions): Promise<StudyOutcome> {
  const { dataset, configs, seeds, out } = options;
  if (seeds.length === 0 || seeds.some((seed) => !Number.isInteger(seed) || seed < 1)) throw new Error(`seeds must be positive integers, got [${seeds.join(', ')}]`);
  const mixture = pointGanDataset(dataset);
  const folder = join(out, dataset);
  const runsFolder = join(folder, 'runs');
  mkdirSync(runsFolder, { recursive: true });
  let trained = 0;
  const results = new Map<string, StudyRunResult[]>();
  for (const config of configs) {
    const settings = resolveSettings(config, options.overrides);
    const list: StudyRunResult[] = [];
    for (const seed of seeds) {
      const path = join(runsFolder, resultFileName(config.name, seed));
      let result = readStudyResult(path);
      if (result !== undefined && JSON.stringify(result.settings) !== JSON.stringify(settings)) {
        throw new Error(`${path} was trained with other settings; move it away or run with the same ones`);
      }
      if (result === undefined && options.reportOnly === true) continue;
      if (result === undefined) {
        result = runStudySeed({ config: config.name, dataset, mixture, settings, seed, ...(options.log ? { log: options.log } : {}) });
        writeFileAtomic(path, JSON.stringify(result));
        trained++;
      }
      list.push(result);
    }
    if (list.length > 0) results.set(config.name, list);
    else options.log?.(`${config.name}: no finished seed yet, left out of the table`);
  }
  const reported = configs.filter((config) => results.has(config.name));
  if (reported.length === 0) throw new Error(`no finished runs in ${runsFolder} for ${configs.map((c) => c.name).join(', ')}`);
  const rows = reported.map((config) => summarizeConfig(config.name, config.title, results.get(config.name)!));
  const figures: string[] = [];
  for (const config of reported) {
    const file = `${config.name}.png`;
    await writePng(samplesOverData(mixture, results.get(config.name)![0]!.samples), join(folder, file));
    figures.push(`| ${config.title} | ![${config.name}, seed 1](${file}) |`);
  }
  const stripName = options.stripConfig ?? 'gan';
  const stripRun = results.get(stripName)?.[0];
  let strip = '';
  if (stripRun !== undefined) {
    await writePng(snapshotStrip(mixture, stripRun.snapshots), join(folder, `${stripName}-snapshots.png`));
    strip = `\n## Training snapshots of ${stripName}, seed 1\n\nSteps ${stripRun.snapshots.map((s) => s.step).join(', ')} (left to right), ${SNAPSHOT_SAMPLES} samples each in red over data in grey; mode hopping shows as the red clusters moving between modes:\n\n![${stripName} over training](${stripName}-snapshots.png)\n`;
  }
  const table = renderStudyTable(dataset, mixture, rows);
  const markdown = `${table}\n## Samples (seed 1, 2,500 samples in red over data in grey)\n\n| method | samples |\n|---|---|\n${figures.join('\n')}\n${strip}`;
  writeFileSync(join(folder, 'results.md'), markdown);
  writeFileSync(join(folder, 'results.json'), `${JSON.stringify({ dataset, rows }, null, 2)}\n`);
  return { rows, table, trained, folder };
}
