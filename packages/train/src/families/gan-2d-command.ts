import { basename } from 'node:path';
import { selectBackend } from '../backend/select-backend.js';
import { flagErrorExitCode } from '../cli/flag-errors.js';
import { EVALUATION_SAMPLE_SEED } from '../study/run-study-seed.js';
import { pointGanDataset } from './gan-2d-data.js';
import { parseGan2dArgs, type ParsedGan2dArgs } from './gan-2d-flags.js';
import { publishPointGenerator } from './gan-2d-publish.js';
import { createGan2dRun } from './gan-2d-run.js';
import { trainGan2d } from './gan-2d-train-loop.js';

export { POINT_GAN_FAMILIES } from './gan-2d-flags.js';

/**
 * `genzoo train gan-2d|veegan-2d --dataset ring|grid --out models/<id> [--loss --pack --unrolled …]`:
 * trains a 2-D GAN (or VEEGAN) in one go and ships it as a points model. Every error is one line.
 */
export async function runGan2dCommand(argv: readonly string[]): Promise<number> {
  const family = argv[0] ?? '';
  let parsed: ParsedGan2dArgs;
  try {
    parsed = parseGan2dArgs(argv);
  } catch (error) {
    return flagErrorExitCode(`genzoo train ${family}`, error);
  }
  const { flags, settings } = parsed;
  try {
    const backend = await selectBackend(flags.backend);
    console.log(backend.summary || `backend: ${backend.name}`);
    const mixture = pointGanDataset(flags.dataset);
    const run = createGan2dRun(settings, mixture, flags.seed);
    const every = Math.max(1, Math.floor(settings.steps / 10));
    const { snapshots, seconds } = trainGan2d(run, settings.steps, {
      sampleSeed: EVALUATION_SAMPLE_SEED,
      onStep: (step, losses) => {
        if (step % every === 0) console.log(`step ${step}/${settings.steps}: ${Object.entries(losses).map(([k, v]) => `${k} ${v.toFixed(4)}`).join(', ')}`);
      },
    });
    const id = flags.id ?? basename(flags.out);
    const shippable = run.shippable();
    const record = { id, family, dataset: flags.dataset, mixture, settings, seed: flags.seed, wallClockSeconds: seconds, backend: backend.summary || `backend: ${backend.name}`, snapshots };
    const manifest = await publishPointGenerator(shippable, record, flags.out);
    shippable.dispose();
    run.dispose();
    const m = manifest.metrics;
    console.log(`${flags.out}: ${manifest.name}; ${m['modesCaptured']} modes, ${(100 * (m['highQuality'] ?? 0)).toFixed(1)}% high quality, reverse KL ${m['reverseKl']?.toFixed(3)} (${seconds.toFixed(0)} s)`);
    return 0;
  } catch (error) {
    console.error(`genzoo train ${family}: ${(error as Error).message.split('\n')[0]}`);
    return 1;
  }
}
