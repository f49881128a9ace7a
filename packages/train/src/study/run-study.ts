import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writePng } from '@genzoo/node';
import { writeFileAtomic } from '../checkpoint/atomic-write.js';
import { pointGanDataset } from '../families/gan-2d-data.js';
import type { Gan2dSettings } from '../families/gan-2d-settings.js';
import { SNAPSHOT_SAMPLES } from '../families/gan-2d-train-loop.js';
import { runStudySeed } from './run-study-seed.js';
import { resolveSettings, type StudyConfig } from './study-configs.js';
import { readEarlierReport, type StudyReport, type StudyStrip } from './study-earlier.js';
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
  /** Generator steps of some configurations by name, over `overrides.steps` (a costlier method given fewer steps). */
  stepsByConfig?: Readonly<Record<string, number>>;
  /** The configuration whose training snapshots make the mode-hopping strip (default `gan`). */
  stripConfig?: string;
  /**
   * Train nothing: summarize the seeds that are finished, so a sweep split across sessions can publish its table so
   * far (the table's seeds column says how many each row has). A configuration with no per-seed file keeps its row,
   * plot and strip from the folder's earlier `results.json` when that row has the same number of steps; otherwise it
   * is left out.
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
 * Trains every configuration × seed that has no result file in `<out>/<dataset>/seeds/` yet (so a killed sweep
 * resumes where it stopped; with `reportOnly`, none), then writes `results.md`, `results.json`, one scatter plot per
 * configuration (its first seed's samples over the data) and the snapshot strip of `stripConfig`. The per-seed files are
 * small and meant to be committed beside the report, so a later session can add seeds or rows to it.
 */
export async function runStudy(options: StudyOptions): Promise<StudyOutcome> {
  const { dataset, configs, seeds, out } = options;
  if (seeds.length === 0 || seeds.some((seed) => !Number.isInteger(seed) || seed < 1)) throw new Error(`seeds must be positive integers, got [${seeds.join(', ')}]`);
  const mixture = pointGanDataset(dataset);
  const folder = join(out, dataset);
  const seedsFolder = join(folder, 'seeds');
  mkdirSync(seedsFolder, { recursive: true });
  const earlier = options.reportOnly === true ? readEarlierReport(join(folder, 'results.json')) : undefined;
  let trained = 0;
  const results = new Map<string, StudyRunResult[]>();
  const rows: StudyRow[] = [];
  for (const config of configs) {
    const steps = options.stepsByConfig?.[config.name];
    const settings = resolveSettings(config, { ...options.overrides, ...(steps === undefined ? {} : { steps }) });
    const list: StudyRunResult[] = [];
    for (const seed of seeds) {
      const path = join(seedsFolder, resultFileName(config.name, seed));
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
    if (list.length > 0) {
      results.set(config.name, list);
      rows.push(summarizeConfig(config.name, config.title, list));
      continue;
    }
    const kept = earlier?.rows.find((row) => row.config === config.name && row.steps === settings.steps);
    if (kept !== undefined && existsSync(join(folder, `${config.name}.png`))) {
      rows.push({ ...kept, title: config.title });
      options.log?.(`${config.name}: no per-seed files in ${seedsFolder}; kept its row (${kept.seeds.length} seeds) from the earlier results.json`);
    } else {
      options.log?.(`${config.name}: no finished seed yet, left out of the table`);
    }
  }
  if (rows.length === 0) throw new Error(`no finished runs in ${seedsFolder} for ${configs.map((c) => c.name).join(', ')}`);
  const figures: string[] = [];
  for (const row of rows) {
    const file = `${row.config}.png`;
    const seedRuns = results.get(row.config);
    if (seedRuns !== undefined) await writePng(samplesOverData(mixture, seedRuns[0]!.samples), join(folder, file));
    figures.push(`| ${row.title} | ![${row.config}, seed ${row.seeds[0]}](${file}) |`);
  }
  const stripName = options.stripConfig ?? 'gan';
  const stripRun = results.get(stripName)?.[0];
  let strip: StudyStrip | undefined;
  if (stripRun !== undefined) {
    await writePng(snapshotStrip(mixture, stripRun.snapshots), join(folder, `${stripName}-snapshots.png`));
    strip = { config: stripName, seed: stripRun.seed, steps: stripRun.snapshots.map((s) => s.step) };
  } else if (earlier?.strip?.config === stripName && rows.some((row) => row.config === stripName) && existsSync(join(folder, `${stripName}-snapshots.png`))) {
    strip = earlier.strip;
  }
  const stripSection =
    strip === undefined
      ? ''
      : `\n## Training snapshots of ${strip.config}, seed ${strip.seed}\n\nSteps ${strip.steps.join(', ')} (left to right), ${SNAPSHOT_SAMPLES} samples each in red over data in grey; mode hopping shows as the red clusters moving between modes:\n\n![${strip.config} over training](${strip.config}-snapshots.png)\n`;
  const table = renderStudyTable(dataset, mixture, rows);
  const markdown = `${table}\n## Samples (each row's first seed, 2,500 samples in red over data in grey)\n\n| method | samples |\n|---|---|\n${figures.join('\n')}\n${stripSection}`;
  const report: StudyReport = { dataset, rows, ...(strip === undefined ? {} : { strip }) };
  writeFileSync(join(folder, 'results.md'), markdown);
  writeFileSync(join(folder, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
  return { rows, table, trained, folder };
}
