import { basename } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { DENSITY_DATASETS, loadImagePcaData, loadPointData, POINT_SETS, type DensityData } from '../density/density-data.js';
import { DENSITY_FAMILIES, fitGmm, fitKde, type DensityFamily, type FittedDensityModel } from '../density/fit-density-model.js';
import { assertCovarianceType, COVARIANCE_TYPES, type CovarianceType } from '../density/gaussian-mixture.js';
import { publishDensityModel } from '../density/publish/publish-density-model.js';
import { SUBCOMMAND_OUTPUT, flagErrorExitCode } from './flag-errors.js';

/** Component counts tried by `--components auto`: 2-D sets and PCA image spaces. */
export const AUTO_COMPONENTS = { points: [1, 2, 4, 6, 8, 10, 12, 16, 20, 25, 30, 40], images: [1, 5, 10, 20, 30, 50] } as const;
/** Default covariance regularization: PCA coordinates of images have a larger scale than the 2-D sets' noise. */
export const DEFAULT_REGULARIZATION = { points: 1e-6, images: 1e-2 } as const;
/** Default EM stopping tolerance (nats per point): PCA spaces have log-likelihoods of tens of nats, as scikit-learn's 1e-3 assumes. */
export const DEFAULT_TOLERANCE = { points: 1e-4, images: 1e-3 } as const;

interface DensityFlags {
  dataset: string;
  out: string;
  id?: string;
  seed: number;
  covariance: string;
  components: string;
  criterion: 'held-out' | 'bic';
  pcaDims: number;
  regularization?: number;
  tolerance?: number;
  maxIterations?: number;
}

function positiveInteger(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new InvalidArgumentError(`${name} must be a positive integer, got '${value}'`);
    return Number(value);
  };
}

function componentCounts(value: string, data: DensityData): number[] {
  if (value === 'auto') return [...(data.pca ? AUTO_COMPONENTS.images : AUTO_COMPONENTS.points)].filter((k) => k <= data.fit.rows);
  const counts = value.split(',').map((part) => Number(part.trim()));
  if (counts.some((k) => !Number.isInteger(k) || k < 1 || k > data.fit.rows)) throw new Error(`--components must be auto or integers in [1, ${data.fit.rows}] separated by commas, got '${value}'`);
  return counts;
}

function covarianceTypes(value: string): CovarianceType[] {
  if (value === 'auto') return [...COVARIANCE_TYPES];
  return value.split(',').map((part) => {
    const type = part.trim();
    assertCovarianceType(type);
    return type;
  });
}

/**
 * `genzoo train kde|gmm --dataset ring --out models/<id> [--covariance auto|full,…] [--components auto|K,…]`:
 * fits a KDE or a Gaussian mixture (choosing bandwidth, covariance type and K on validation points)
 * and publishes it as a model folder. Returns the exit code; every error is one line.
 */
export async function runDensityCommand(argv: readonly string[]): Promise<number> {
  const family = argv[0] as DensityFamily;
  const program = new Command(`genzoo train ${family}`)
    .description(family === 'kde' ? 'Fit a Gaussian KDE and publish it' : 'Fit a Gaussian mixture by EM and publish it')
    .addOption(new Option('--dataset <name>', `dataset: ${DENSITY_DATASETS.join(', ')}`).makeOptionMandatory())
    .requiredOption('-o, --out <folder>', 'model folder to write, e.g. models/kde-ring')
    .option('--id <id>', 'model id (default: the folder name)')
    .option('--seed <n>', 'seed of the 2-D training points, the validation carve-out and k-means++', positiveInteger('--seed'), 1)
    .option('--covariance <types>', `gmm: auto or a comma list of ${COVARIANCE_TYPES.join(', ')}`, 'auto')
    .option('--components <counts>', 'gmm: auto or a comma list of component counts', 'auto')
    .addOption(new Option('--criterion <name>', 'gmm: how to choose among the candidates').choices(['held-out', 'bic']).default('held-out'))
    .option('--pca-dims <n>', 'image datasets: PCA components the density lives on', positiveInteger('--pca-dims'), 40)
    .option('--regularization <x>', `gmm: added to covariance diagonals (default ${DEFAULT_REGULARIZATION.points} for 2-D sets, ${DEFAULT_REGULARIZATION.images} for PCA spaces)`, (value) => {
      const parsed = Number(value);
      if (!(parsed >= 0)) throw new InvalidArgumentError(`--regularization must be a number ≥ 0, got '${value}'`);
      return parsed;
    })
    .option('--tolerance <nats>', `gmm: EM stops when the log-likelihood per point improves by less (default ${DEFAULT_TOLERANCE.points} for 2-D sets, ${DEFAULT_TOLERANCE.images} for PCA spaces)`, (value) => {
      const parsed = Number(value);
      if (!(parsed > 0)) throw new InvalidArgumentError(`--tolerance must be a positive number, got '${value}'`);
      return parsed;
    })
    .option('--max-iterations <n>', 'gmm: EM iteration limit (default 300)', positiveInteger('--max-iterations'))
    .exitOverride()
    .configureOutput(SUBCOMMAND_OUTPUT);
  let flags: DensityFlags;
  try {
    if (!(DENSITY_FAMILIES as readonly string[]).includes(family)) throw new Error(`unknown density family '${family}' (expected ${DENSITY_FAMILIES.join(' or ')})`);
    program.parse(argv.slice(1) as string[], { from: 'user' });
    flags = program.opts<DensityFlags>();
    if (!(DENSITY_DATASETS as readonly string[]).includes(flags.dataset)) throw new Error(`unknown dataset '${flags.dataset}' (expected one of ${DENSITY_DATASETS.join(', ')})`);
    if (family === 'kde' && (flags.covariance !== 'auto' || flags.components !== 'auto')) throw new Error('--covariance and --components apply to gmm only');
    if (family === 'gmm') covarianceTypes(flags.covariance);
  } catch (error) {
    return flagErrorExitCode(`genzoo train ${family}`, error);
  }
  const log = (line: string): void => console.log(line);
  try {
    const started = performance.now();
    const data = flags.dataset in POINT_SETS ? loadPointData(flags.dataset, flags.seed) : loadImagePcaData(flags.dataset, flags.pcaDims, flags.seed);
    log(`${flags.dataset}: ${data.fit.rows} fitting, ${data.validation.rows} validation, ${data.heldOut.rows} held-out points in ${data.train.cols} dimensions (${((performance.now() - started) / 1000).toFixed(1)} s to load)`);
    const model: FittedDensityModel =
      family === 'kde'
        ? fitKde(data, { seed: flags.seed, log })
        : fitGmm(data, {
            seed: flags.seed,
            covarianceTypes: covarianceTypes(flags.covariance),
            componentCounts: componentCounts(flags.components, data),
            criterion: flags.criterion,
            regularization: flags.regularization ?? (data.pca ? DEFAULT_REGULARIZATION.images : DEFAULT_REGULARIZATION.points),
            tolerance: flags.tolerance ?? (data.pca ? DEFAULT_TOLERANCE.images : DEFAULT_TOLERANCE.points),
            ...(flags.maxIterations === undefined ? {} : { maxIterations: flags.maxIterations }),
            log,
          });
    log(`fitted in ${model.seconds.toFixed(1)} s: held-out log-likelihood ${model.heldOutLogLikelihood.toFixed(3)} nats/point`);
    const manifest = await publishDensityModel(model, { id: flags.id ?? basename(flags.out), outDir: flags.out });
    console.log(`${flags.out}: ${manifest.name} (${Object.keys(manifest.graphs).join(', ')}), export max relative error ${manifest.metrics.exportMaxRelError?.toExponential(2)}`);
    return 0;
  } catch (error) {
    console.error(`genzoo train ${family}: ${(error as Error).message.split('\n')[0]}`);
    return 1;
  }
}
