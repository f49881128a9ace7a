import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { selectBackend, type BackendChoice, type BackendRequest } from '../backend/select-backend.js';
import { writeFileAtomic } from '../checkpoint/atomic-write.js';
import { findLatestCheckpoint, loadCheckpoint, writeCheckpoint } from '../checkpoint/checkpoint.js';
import { acquireRunLock } from '../checkpoint/run-lock.js';
import { loadDatasetSource, resolveDatasetSource } from '../data/dataset-source.js';
import { BatchSampler, DEFAULT_EVAL_COUNT, imagesTensor, splitDataset } from '../data/split.js';
import { exportTrainedModels, type ModelExporter } from '../export/export-trained-models.js';
import { getFamily } from '../families/registry.js';
import type { WeightAverage } from '../families/training-family.js';
import { writeLossCurve } from '../image/loss-curve.js';
import { writeSampleGrid } from '../image/sample-grid.js';
import { getGanLoss } from '../losses/registry.js';
import { Rng } from '../random/rng.js';
import { LossHistory } from './loss-history.js';
import { TrainingConfigError } from './training-config-error.js';
import {
  ADVERSARIAL_OPTIONS, definedOptions, mergeResumedOptions, OPTIMIZER_OPTIONS, validateTrainerOptions,
  type TrainerOptionName, type TrainerOptions,
} from './trainer-options.js';

/** Everything a training run needs. */
export interface TrainingConfig {
  family: string;
  /** `mnist`, `fashion-mnist`, or a folder of PNG/JPEG images. */
  dataset: string;
  /** Adversarial loss by registry name (adversarial families only; default: the family's). */
  loss?: string;
  /** Trainer settings (`--n-critic`, `--gp`, `--optimizer`, …); only those the family honours. Kept on resume. */
  trainer?: TrainerOptions;
  /** Total optimizer steps; or give `epochs`. */
  steps?: number;
  epochs?: number;
  batchSize: number;
  seed: number;
  /** The run folder: checkpoints, lock, sample grids, losses, loss curve, final tfjs models, `training.json`. */
  outDir: string;
  resume?: boolean;
  backend?: BackendRequest;
  /** Write a sample grid every N steps (0 = only at the end). */
  sampleEvery?: number;
  /** Checkpoint every N steps (0 = only at the end). */
  checkpointEvery?: number;
  evalCount?: number;
  cacheDir?: string;
  /** Extra export steps after the tfjs models are saved (the ONNX seam). */
  exporters?: readonly ModelExporter[];
  /** Stop (as if killed) after this many steps of this process, without final export. For tests. */
  stopAfterSteps?: number;
  onProgress?: (progress: TrainingProgress) => void;
  log?: (line: string) => void;
}

/** Reported after every step. */
export interface TrainingProgress {
  step: number;
  totalSteps: number;
  losses: Record<string, number>;
  stepsPerSecond: number;
}

/** What `training.json` holds. */
export interface TrainingSummary {
  family: string;
  dataset: string;
  /** Images in the dataset, training and held-out together (absent in runs from before it was recorded). */
  datasetSize?: number;
  config: { steps: number; batchSize: number; seed: number; epochs?: number; sampleEvery: number; checkpointEvery: number; evalCount: number };
  backend: { name: string; summary: string; simd?: boolean; threads?: number; registeredKernels: string[] };
  /** Trainer settings the run used (`--loss`, `--n-critic`, `--lr`, …): those set, on resume those it started with; the family's defaults for the rest. */
  trainer?: TrainerOptions;
  steps: number;
  wallClockSeconds: number;
  msPerStep: number;
  finalLosses: Record<string, number>;
  metrics: Record<string, number>;
  resumedFrom?: number;
  /** How the shipped weights were averaged (absent when they are the last step's, and in runs from before it was recorded). */
  weightAverage?: WeightAverage;
  files: string[];
}

function positiveInteger(value: number | undefined, name: string): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new Error(`${name} must be a positive integer, got ${value}`);
}

function familyTrainerOptions(adversarial: boolean, declared: readonly TrainerOptionName[] | undefined): readonly TrainerOptionName[] {
  return declared ?? (adversarial ? [...ADVERSARIAL_OPTIONS, ...OPTIMIZER_OPTIONS] : OPTIMIZER_OPTIONS);
}

/** Checks a config before anything slow happens; throws a one-line error. */
export function validateTrainingConfig(config: TrainingConfig): void {
  const family = getFamily(config.family);
  const source = resolveDatasetSource(config.dataset);
  if (source.kind === 'named' && !family.datasets.includes(source.name)) throw new Error(`family '${family.name}' cannot train on '${config.dataset}'`);
  if (source.kind === 'folder' && family.acceptsImageFolders !== true) throw new Error(`family '${family.name}' cannot train on a folder of images`);
  if (config.loss !== undefined) {
    if (family.adversarial !== true) throw new Error(`family '${family.name}' is not adversarial; --loss does not apply`);
    getGanLoss(config.loss);
  }
  const trainer = config.trainer ?? {};
  validateTrainerOptions(trainer, family.name, familyTrainerOptions(family.adversarial === true, family.trainerOptions));
  if (trainer.loss !== undefined) getGanLoss(trainer.loss);
  family.validate?.({ dataset: config.dataset, trainer });
  if (config.loss !== undefined && trainer.loss !== undefined && config.loss !== trainer.loss) throw new Error(`two losses given: ${config.loss} and ${trainer.loss}`);
  const lossName = config.loss ?? trainer.loss;
  if ((trainer.labelSmoothing ?? 0) > 0 && lossName !== undefined && !getGanLoss(lossName).supportsLabelSmoothing) {
    throw new Error(`--label-smoothing does not apply to --loss ${lossName}, which does not support label smoothing`);
  }
  if ((config.steps === undefined) === (config.epochs === undefined)) throw new Error('give exactly one of steps or epochs');
  positiveInteger(config.steps, 'steps');
  positiveInteger(config.epochs, 'epochs');
  positiveInteger(config.batchSize, 'batch size');
  if (!Number.isInteger(config.seed) || config.seed < 0 || config.seed > 0xffffffff) throw new Error(`seed must be an integer in [0, 2^32), got ${config.seed}`);
  for (const key of ['sampleEvery', 'checkpointEvery'] as const) {
    const value = config[key];
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw new Error(`${key} must be a non-negative integer, got ${value}`);
  }
}

/**
 * Trains one family on one dataset: picks the backend, loads the cached
 * dataset and its fixed split, resumes from the newest intact checkpoint if
 * asked, writes sample grids and checkpoints, then saves the final models,
 * runs the exporters and writes `training.json`.
 */
export async function runTraining(config: TrainingConfig): Promise<TrainingSummary | undefined> {
  validateTrainingConfig(config);
  const release = acquireRunLock(resolve(config.outDir));
  try {
    return await train(config);
  } finally {
    release();
  }
}

async function train(config: TrainingConfig): Promise<TrainingSummary | undefined> {
  const log = config.log ?? ((line: string) => console.log(line));
  const family = getFamily(config.family);
  const outDir = resolve(config.outDir);
  const sampleEvery = config.sampleEvery ?? 0;
  const checkpointEvery = config.checkpointEvery ?? 0;

  const existing = findLatestCheckpoint(outDir, (reason) => log(`skipping checkpoint: ${reason}`));
  if (existing !== undefined && config.resume !== true) {
    throw new Error(`${outDir} already has checkpoints; pass --resume to continue, or choose another --run-dir`);
  }

  // Everything that can be wrong with the data is found before the backend starts.
  const source = resolveDatasetSource(config.dataset);
  let dataset;
  try {
    dataset = await loadDatasetSource(source, { size: 28, channels: 1 }, config.cacheDir);
  } catch (error) {
    throw new TrainingConfigError((error as Error).message.split('\n')[0]);
  }
  // A user's folder is usually small: hold out a tenth of it instead of the packaged sets' 2,000.
  const evalCount = config.evalCount ?? (source.kind === 'folder' ? Math.floor(dataset.count / 10) : DEFAULT_EVAL_COUNT);
  if (evalCount >= dataset.count) {
    throw new TrainingConfigError(`dataset ${config.dataset} has ${dataset.count} images, not more than the ${evalCount} held out for evaluation`);
  }
  const split = splitDataset(dataset, evalCount);
  if (config.batchSize > split.train.length) {
    throw new TrainingConfigError(`batch size ${config.batchSize} is larger than the ${split.train.length} training images of ${config.dataset}`);
  }
  const sampler = new BatchSampler(dataset, split.train, config.batchSize, config.seed);

  const backend: BackendChoice = await selectBackend(config.backend ?? 'auto');
  log(backend.summary);

  let startStep = 0;
  let elapsedBefore = 0;
  let rng = new Rng(config.seed);
  let session;
  let loss = config.loss ?? config.trainer?.loss;
  let trainer = definedOptions({ ...config.trainer, ...(loss === undefined ? {} : { loss }) });
  const data = { dataset, train: split.train, eval: split.eval };
  const sessionOptions = (): { loss?: string; trainer: TrainerOptions; data: typeof data } => ({ ...(loss === undefined ? {} : { loss }), trainer, data });
  if (existing !== undefined) {
    const checkpoint = await loadCheckpoint(existing);
    if (checkpoint.state.family !== family.name) {
      throw new Error(`checkpoint ${existing} is for '${checkpoint.state.family}', not '${family.name}'`);
    }
    // A resumed run keeps the loss and trainer settings it started with.
    const savedLoss = checkpoint.state.extra?.['loss'];
    if (typeof savedLoss === 'string') {
      if (loss !== undefined && loss !== savedLoss) throw new TrainingConfigError(`checkpoint ${existing} trains with --loss ${savedLoss}, not ${loss}`);
      loss = savedLoss;
    }
    const savedTrainer = (checkpoint.state.extra?.['trainer'] ?? {}) as TrainerOptions;
    const merged = mergeResumedOptions({ ...savedTrainer, ...(loss === undefined ? {} : { loss }) }, trainer);
    if (typeof merged === 'string') throw new TrainingConfigError(`checkpoint ${existing} ${merged}`);
    trainer = merged;
    session = family.createSession({ seed: config.seed, batchSize: config.batchSize, models: checkpoint.models, ...sessionOptions() });
    await checkpoint.restoreOptimizers(session.optimizers);
    rng = Rng.fromState(checkpoint.state.rng);
    startStep = checkpoint.state.step;
    elapsedBefore = checkpoint.state.elapsedSeconds;
    log(`resuming from ${existing} (step ${startStep})`);
  } else {
    session = family.createSession({ seed: config.seed, batchSize: config.batchSize, ...sessionOptions() });
  }

  const totalSteps = config.steps ?? Math.ceil((config.epochs! * sampler.batchesPerEpoch) / session.batchesPerStep);
  mkdirSync(outDir, { recursive: true });
  const history = new LossHistory(join(outDir, 'losses.jsonl'), existing === undefined ? undefined : startStep);

  const gridLatents = (): Rng => new Rng((config.seed ^ 0x5eed) >>> 0);
  const writeGrid = async (step: number): Promise<string> => {
    const grid = session.sampleGrid ?? { n: 64, columns: 8 };
    const images = session.sample(grid.n, gridLatents());
    const path = join(outDir, 'samples', `step-${String(step).padStart(6, '0')}.png`);
    await writeSampleGrid(images, path, grid.columns);
    await writeSampleGrid(images, join(outDir, 'samples', 'latest.png'), grid.columns);
    images.dispose();
    return path;
  };
  const started = performance.now();
  const elapsed = (): number => elapsedBefore + (performance.now() - started) / 1000;
  const checkpoint = async (step: number, losses: Record<string, number>): Promise<void> => {
    await writeCheckpoint(outDir, {
      models: session.models,
      optimizers: session.optimizers,
      state: { family: family.name, step, rng: rng.getState(), elapsedSeconds: elapsed(), extra: { losses, ...(loss === undefined ? {} : { loss }), trainer } },
    });
  };

  let losses: Record<string, number> = {};
  let stepsThisRun = 0;
  const windowStart = { time: performance.now(), step: startStep };
  for (let step = startStep; step < totalSteps; step++) {
    losses = session.step(sampler, step * session.batchesPerStep, rng);
    const done = step + 1;
    stepsThisRun++;
    history.append(done, losses);
    const seconds = (performance.now() - windowStart.time) / 1000;
    config.onProgress?.({ step: done, totalSteps, losses, stepsPerSecond: (done - windowStart.step) / Math.max(seconds, 1e-9) });
    if (Object.values(losses).some((value) => !Number.isFinite(value))) {
      throw new Error(`training diverged at step ${done}: losses ${JSON.stringify(losses)}`);
    }
    if (sampleEvery > 0 && done % sampleEvery === 0) await writeGrid(done);
    if (checkpointEvery > 0 && done % checkpointEvery === 0 && done < totalSteps) await checkpoint(done, losses);
    if (config.stopAfterSteps !== undefined && stepsThisRun >= config.stopAfterSteps && done < totalSteps) return undefined;
  }

  const wallClockSeconds = elapsed();
  await checkpoint(totalSteps, losses);
  await writeGrid(totalSteps);
  await writeLossCurve(history.all(), join(outDir, 'loss-curve.png'), `${family.name} on ${config.dataset}`);
  if (session.reconstruct !== undefined && split.eval.length >= 32) {
    // Rows alternate: 8 held-out images, then their reconstructions.
    const shownIndices = split.eval.subarray(0, 32);
    const originals = imagesTensor(dataset, shownIndices, family.pixelRange);
    const reconstructions = session.reconstruct(originals, Uint8Array.from(shownIndices, (index) => dataset.labels[index]!));
    const shown = tf.tidy(() => {
      const inUnit = family.pixelRange === 'zero-one' ? originals : tf.div(tf.add(originals, 1), 2);
      const rows = [0, 1, 2, 3].flatMap((r) => [tf.slice(inUnit, r * 8, 8), tf.slice(reconstructions, r * 8, 8)]);
      return tf.concat(rows) as tf.Tensor4D;
    });
    await writeSampleGrid(shown, join(outDir, 'samples', 'reconstructions.png'));
    tf.dispose([originals, reconstructions, shown]);
  }
  const metrics = session.evaluate?.(dataset, split.eval, new Rng((config.seed ^ 0xe7a1) >>> 0)) ?? {};
  for (const [name, value] of Object.entries(metrics)) log(`${name}: ${value.toFixed(2)}`);
  const files = await exportTrainedModels(session.trained(), outDir, { family: family.name, dataset: config.dataset }, config.exporters ?? []);

  const summary: TrainingSummary = {
    family: family.name,
    dataset: config.dataset,
    datasetSize: dataset.count,
    config: {
      steps: totalSteps,
      batchSize: config.batchSize,
      seed: config.seed,
      ...(config.epochs === undefined ? {} : { epochs: config.epochs }),
      sampleEvery,
      checkpointEvery,
      evalCount,
    },
    backend: {
      name: backend.name,
      summary: backend.summary,
      ...(backend.simd === undefined ? {} : { simd: backend.simd }),
      ...(backend.threads === undefined ? {} : { threads: backend.threads }),
      registeredKernels: backend.registeredKernels,
    },
    trainer,
    steps: totalSteps,
    wallClockSeconds: Math.round(wallClockSeconds * 10) / 10,
    msPerStep: Math.round((wallClockSeconds * 1000) / Math.max(totalSteps, 1)),
    finalLosses: losses,
    metrics,
    ...(startStep > 0 ? { resumedFrom: startStep } : {}),
    ...(session.weightAverage === undefined ? {} : { weightAverage: session.weightAverage }),
    files: files.map((file) => file.slice(outDir.length + 1)),
  };
  writeFileAtomic(join(outDir, 'training.json'), JSON.stringify(summary, null, 2));
  log(`wrote ${join(outDir, 'training.json')} (${tf.memory().numTensors} tensors live)`);
  return summary;
}

/** Whether a folder has an intact checkpoint to resume from. */
export function canResume(outDir: string): boolean {
  return existsSync(outDir) && findLatestCheckpoint(outDir) !== undefined;
}
