import type { Manifest } from '@genzoo/core';
import { F_DIVERGENCES } from '../losses/f-divergences.js';
import type { TrainerOptions } from '../trainers/trainer-options.js';
import { ganMlpSettings, ganMlpSettingsOf, type GanMlpSettings } from './gan-mlp-settings.js';

/** What a cell shows for a figure `genzoo eval` has not measured yet. */
const NOT_MEASURED = '—';

function figure(value: number | undefined, digits: number): string {
  return value === undefined ? NOT_MEASURED : value.toFixed(digits);
}

function trainingTime(model: Manifest): string {
  const seconds = model.training['wallClockSeconds'];
  return typeof seconds === 'number' ? `${(seconds / 60).toFixed(1)} min` : NOT_MEASURED;
}

function metricCells(model: Manifest): string[] {
  const m = model.metrics;
  const steps = model.training['steps'];
  return [figure(m['fid'], 1), figure(m['kid'], 2), figure(m['precision'], 3), figure(m['recall'], 3), typeof steps === 'number' ? String(steps) : NOT_MEASURED, trainingTime(model)];
}

const METRIC_HEADER = 'FID ↓ | KID ↓ | precision ↑ | recall ↑ | steps | training time';

/** A markdown table of models and their distribution figures; `ownId`'s row in bold, a note when some figures are still unmeasured. */
export function comparisonTable(head: string, rows: readonly { model: Manifest; first: string }[], ownId: string): string {
  const lines = rows.map(({ model, first }) => {
    const cells = [first, `\`${model.id}\``, ...metricCells(model)];
    return `| ${(model.id === ownId ? cells.map((cell) => `**${cell}**`) : cells).join(' | ')} |`;
  });
  const columns = head.split('|').length + METRIC_HEADER.split('|').length;
  const note = lines.some((line) => line.includes(NOT_MEASURED))
    ? [`\n${NOT_MEASURED}: not measured yet (\`genzoo eval\` on the model, then \`genzoo train card\` to refresh this card).`]
    : [];
  return [`| ${head} | ${METRIC_HEADER} |`, `|${'---|'.repeat(columns)}`, ...lines, ...note].join('\n');
}

/** The loss and tricks of a shipped adversarial model, of any family, read as a `gan-mlp` run's are. */
function settingsOf(model: Manifest): GanMlpSettings {
  return ganMlpSettings(model.training['trainer'] as TrainerOptions | undefined);
}

/**
 * `manifest` and those of `siblings` with its dataset and training family (the same networks) that `keep` accepts:
 * an MLP f-GAN is compared with MLP f-GANs, a DCGAN one with DCGAN ones.
 */
function peers(manifest: Manifest, siblings: readonly Manifest[], keep: (settings: GanMlpSettings) => boolean): { model: Manifest; settings: GanMlpSettings }[] {
  const family = manifest.training['trainingFamily'];
  return [manifest, ...siblings.filter((other) => other.id !== manifest.id && other.dataset.name === manifest.dataset.name && other.training['trainingFamily'] === family)]
    .map((model) => ({ model, settings: settingsOf(model) }))
    .filter(({ settings }) => keep(settings));
}

/**
 * The f-GAN comparison: every model of `manifest`'s family on the same dataset trained with an f-GAN loss and no
 * tricks, one row per model in the order of Nowozin et al.'s table. Undefined unless `manifest` is one and has such a sibling.
 */
export function fGanComparisonTable(manifest: Manifest, siblings: readonly Manifest[]): string | undefined {
  if (settingsOf(manifest).divergence === undefined) return undefined;
  const rows = peers(manifest, siblings, (settings) => settings.divergence !== undefined && settings.tricks.length === 0);
  if (rows.length < 2) return undefined;
  const order = (loss: string): number => F_DIVERGENCES.findIndex((divergence) => `f-gan-${divergence.key}` === loss);
  rows.sort((a, b) => order(a.settings.loss) - order(b.settings.loss) || a.model.id.localeCompare(b.model.id));
  return comparisonTable('divergence | model', rows.map(({ model, settings }) => ({ model, first: settings.divergence! })), manifest.id);
}

/** The f-GAN models among `siblings` on `manifest`'s dataset trained with other networks (another family), by id. */
export function otherNetworkFGans(manifest: Manifest, siblings: readonly Manifest[]): string[] {
  const family = manifest.training['trainingFamily'];
  return siblings
    .filter((other) => other.id !== manifest.id && other.dataset.name === manifest.dataset.name && other.training['trainingFamily'] !== family)
    .filter((other) => settingsOf(other).divergence !== undefined)
    .map((other) => other.id)
    .sort();
}

/**
 * The tricks ablation: every `gan-mlp` model on the same dataset trained with the non-saturating loss, the baseline
 * without tricks first. Undefined unless `manifest` is one of them and has such a sibling.
 */
export function tricksAblationTable(manifest: Manifest, siblings: readonly Manifest[]): string | undefined {
  if (ganMlpSettingsOf(manifest)?.loss !== 'non-saturating') return undefined;
  const rows = peers(manifest, siblings, (settings) => settings.loss === 'non-saturating');
  if (rows.length < 2) return undefined;
  const label = (settings: GanMlpSettings): string => (settings.tricks.length === 0 ? 'none (baseline)' : settings.tricks.join(' + '));
  rows.sort((a, b) => a.settings.tricks.length - b.settings.tricks.length || label(a.settings).localeCompare(label(b.settings)));
  return comparisonTable('tricks | model', rows.map(({ model, settings }) => ({ model, first: label(settings) })), manifest.id);
}
