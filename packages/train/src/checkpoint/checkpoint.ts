import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RngState } from '../random/rng.js';
import { sha256, writeFileAtomic } from './atomic-write.js';
import { loadModelFiles, saveModelFiles } from './model-files.js';
import { loadOptimizerState, saveOptimizerState } from './optimizer-state.js';

const META = 'meta.json';
const STATE = 'state.json';
const FORMAT = 'genzoo-checkpoint';
const PREFIX = 'step-';

/** Training progress saved with the weights. */
export interface TrainingState {
  family: string;
  step: number;
  rng: RngState;
  /** Wall-clock seconds spent training so far, over all resumes. */
  elapsedSeconds: number;
  /** Anything else the run wants back (config, last losses). */
  extra?: Record<string, unknown>;
}

/** What a checkpoint holds. */
export interface CheckpointContents {
  models: Record<string, tf.LayersModel>;
  optimizers: Record<string, tf.Optimizer>;
  state: TrainingState;
}

/** A checkpoint read back: models rebuilt from their files, optimizer state to apply. */
export interface LoadedCheckpoint {
  dir: string;
  models: Record<string, tf.LayersModel>;
  state: TrainingState;
  /** Applies the saved optimizer state to freshly created optimizers (same names). */
  restoreOptimizers(optimizers: Record<string, tf.Optimizer>): Promise<void>;
}

interface Meta {
  format: typeof FORMAT;
  version: 1;
  step: number;
  models: string[];
  optimizers: string[];
  files: Record<string, string>;
}

/** Folder holding a run's checkpoints. */
export function checkpointsDir(runDir: string): string {
  return join(runDir, 'checkpoints');
}

function stepDirName(step: number): string {
  return `${PREFIX}${String(step).padStart(8, '0')}`;
}

/**
 * Writes a checkpoint atomically: everything goes into a temporary folder,
 * `meta.json` (SHA-256 of every file) is written last, then the folder is
 * renamed into place. A crash at any moment leaves either no new checkpoint
 * or a complete one. Keeps the newest `keep` checkpoints.
 */
export async function writeCheckpoint(runDir: string, contents: CheckpointContents, keep = 2): Promise<string> {
  const root = checkpointsDir(runDir);
  mkdirSync(root, { recursive: true });
  const finalDir = join(root, stepDirName(contents.state.step));
  const tempDir = join(root, `.tmp-${stepDirName(contents.state.step)}-${process.pid}`);
  rmSync(tempDir, { recursive: true, force: true });
  mkdirSync(tempDir, { recursive: true });

  const files: Record<string, string> = {};
  const put = (relative: string, data: Uint8Array | string): void => {
    const path = join(tempDir, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, data);
    files[relative] = sha256(data);
  };
  for (const [name, model] of Object.entries(contents.models)) {
    const written = await saveModelFiles(model, join(tempDir, name));
    for (const [file, data] of Object.entries(written)) files[`${name}/${file}`] = sha256(data);
  }
  for (const [name, optimizer] of Object.entries(contents.optimizers)) {
    const state = await saveOptimizerState(optimizer);
    put(`optimizer-${name}.json`, JSON.stringify(state.specs));
    put(`optimizer-${name}.bin`, state.data);
  }
  put(STATE, JSON.stringify(contents.state, null, 2));
  const meta: Meta = {
    format: FORMAT,
    version: 1,
    step: contents.state.step,
    models: Object.keys(contents.models),
    optimizers: Object.keys(contents.optimizers),
    files,
  };
  writeFileAtomic(join(tempDir, META), JSON.stringify(meta, null, 2));

  rmSync(finalDir, { recursive: true, force: true });
  renameSync(tempDir, finalDir);
  pruneCheckpoints(root, keep);
  return finalDir;
}

function pruneCheckpoints(root: string, keep: number): void {
  const complete = listCheckpointDirs(root);
  for (const dir of complete.slice(keep)) rmSync(join(root, dir), { recursive: true, force: true });
  for (const entry of readdirSync(root)) {
    // Leftovers of writers that died mid-checkpoint (never our own live temp dir: we just renamed it).
    if (entry.startsWith('.tmp-')) rmSync(join(root, entry), { recursive: true, force: true });
  }
}

/** Checkpoint folder names, newest first (temp folders excluded). */
function listCheckpointDirs(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root).filter((entry) => /^step-\d+$/.test(entry)).sort().reverse();
}

/** Why a checkpoint folder is unusable, or undefined if it is complete and intact. */
export function verifyCheckpoint(dir: string): string | undefined {
  const metaPath = join(dir, META);
  if (!existsSync(metaPath)) return `${dir}: incomplete (no ${META})`;
  let meta: Meta;
  try {
    meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Meta;
  } catch {
    return `${metaPath}: not valid JSON`;
  }
  if (meta.format !== FORMAT) return `${metaPath}: not a genzoo checkpoint`;
  for (const [relative, expected] of Object.entries(meta.files)) {
    const path = join(dir, relative);
    if (!existsSync(path)) return `${path}: missing`;
    if (sha256(readFileSync(path)) !== expected) return `${path}: checksum mismatch`;
  }
  return undefined;
}

/**
 * The newest complete, intact checkpoint of a run, or undefined when there
 * is none. Damaged ones are skipped; `onSkip` hears why.
 */
export function findLatestCheckpoint(runDir: string, onSkip?: (reason: string) => void): string | undefined {
  const root = checkpointsDir(runDir);
  for (const entry of listCheckpointDirs(root)) {
    const problem = verifyCheckpoint(join(root, entry));
    if (problem === undefined) return join(root, entry);
    onSkip?.(problem);
  }
  return undefined;
}

/** Reads a checkpoint folder written by {@link writeCheckpoint}. */
export async function loadCheckpoint(dir: string): Promise<LoadedCheckpoint> {
  const problem = verifyCheckpoint(dir);
  if (problem !== undefined) throw new Error(`cannot resume: ${problem}`);
  const meta = JSON.parse(readFileSync(join(dir, META), 'utf8')) as Meta;
  const state = JSON.parse(readFileSync(join(dir, STATE), 'utf8')) as TrainingState;
  const models: Record<string, tf.LayersModel> = {};
  for (const name of meta.models) models[name] = await loadModelFiles(join(dir, name));
  return {
    dir,
    models,
    state,
    async restoreOptimizers(optimizers) {
      for (const name of meta.optimizers) {
        const optimizer = optimizers[name];
        if (optimizer === undefined) throw new Error(`checkpoint ${dir} has state for optimizer '${name}' the run does not have`);
        const specs = JSON.parse(readFileSync(join(dir, `optimizer-${name}.json`), 'utf8')) as tf.io.WeightsManifestEntry[];
        await loadOptimizerState(optimizer, { specs, data: readFileSync(join(dir, `optimizer-${name}.bin`)) });
      }
    },
  };
}
