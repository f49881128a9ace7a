import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeLossCurve, type LossPoint } from '../../image/loss-curve.js';
import type { TrainerOptions } from '../../trainers/trainer-options.js';
import type { CardFigure } from './model-figures.js';

/** File name of the critic's Wasserstein-estimate plot. */
export const CRITIC_ESTIMATE_FILE = 'wasserstein-estimate.png';

/** What the critic-estimate plot shows, for the card. */
export const CRITIC_ESTIMATE_FIGURE: CardFigure = {
  file: CRITIC_ESTIMATE_FILE,
  title: "The critic's Wasserstein estimate over training",
  alt: "line chart of the critic's Wasserstein-1 estimate against the training step",
  caption:
    "The critic's estimate of the Wasserstein-1 distance between data and samples, E[D(x)] − E[D(G(z))] on each step's batch (its last critic update; gradient-penalty term removed), " +
    'averaged into at most 200 buckets. Unlike a standard GAN\'s losses it is meaningful on its own: it falls as samples improve (Arjovsky et al., fig. 3), ' +
    'though with weight clipping its scale depends on the clip value, and with a penalty on the penalty weight.',
};

/** The run's per-step losses from `losses.jsonl` (lines cut short by a kill are skipped). */
export function readLossHistory(runDir: string): LossPoint[] {
  const path = join(runDir, 'losses.jsonl');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        return line.trim() === '' ? [] : [JSON.parse(line) as LossPoint];
      } catch {
        return [];
      }
    });
}

/**
 * The critic's estimate of the Wasserstein-1 distance at each step, E[D(x)] − E[D(G(z))]: the negated critic loss
 * without its gradient-penalty term (the reported `d` includes λ·gp, the reported `gp` is unweighted).
 */
export function wassersteinEstimates(points: readonly LossPoint[], trainer: TrainerOptions | undefined): LossPoint[] {
  const lambda = trainer?.gradientPenalty ?? 0;
  return points
    .filter((point) => Number.isFinite(point.losses['d']))
    .map((point) => ({ step: point.step, losses: { 'W₁': -(point.losses['d']! - lambda * (point.losses['gp'] ?? 0)) } }));
}

/** Plots {@link wassersteinEstimates} of a run into `folder`; none when the run kept no loss history. */
export async function renderCriticEstimate(runDir: string | undefined, folder: string, trainer: TrainerOptions | undefined): Promise<CardFigure[]> {
  const estimates = runDir === undefined ? [] : wassersteinEstimates(readLossHistory(runDir), trainer);
  if (estimates.length === 0) return [];
  await writeLossCurve(estimates, join(folder, CRITIC_ESTIMATE_FILE), "critic's Wasserstein estimate E[D(x)] − E[D(G(z))]");
  return [CRITIC_ESTIMATE_FIGURE];
}
