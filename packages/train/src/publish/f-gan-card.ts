import type { Manifest } from '@genzoo/core';
import { datasetDisplayName } from './dataset-names.js';
import { fGanComparisonTable, otherNetworkFGans } from './gan-comparison-tables.js';

/** The f-GAN objective with `divergence`; `networks` says what the model shares with its f-GAN siblings. */
export function fGanObjective(divergence: string, networks: string): string {
  return `f-GAN (Nowozin et al. 2016) with the ${divergence} divergence: D is the variational function V with the paper's output activation g_f, and maximises ` +
    `E_data[g_f(V(x))] − E_G[f*(g_f(V(G(z))))], a lower bound of D_f(P_data ‖ P_G); G minimises −E[g_f(V(G(z)))], the paper's alternative (non-saturating) generator objective. ` +
    `${networks}; only the divergence sets this model apart from the other f-GAN models of its folder.`;
}

/** Where a card's FID, KID and precision/recall come from. */
export function evaluationNote(manifest: Manifest): string {
  const evaluation = manifest.evaluation;
  const protocol = evaluation === undefined ? '' : ` (for this model: ${evaluation.n} samples against the ${evaluation.reference.size} images of the ${evaluation.reference.split} split, features of \`${evaluation.extractor.id}\`)`;
  return `FID, KID and precision/recall are \`genzoo eval\`'s${protocol}.`;
}

/**
 * The card section comparing `manifest` with its f-GAN siblings of the same networks, or nothing without such siblings.
 * `networks` names them (`MLP`, `DCGAN`); `nonSaturatingTwin` is the model the Jensen–Shannon row trains like.
 */
export function fGanSection(manifest: Manifest, siblings: readonly Manifest[], networks: string, nonSaturatingTwin: string): string[] {
  const table = fGanComparisonTable(manifest, siblings);
  if (table === undefined) return [];
  const others = otherNetworkFGans(manifest, siblings);
  const elsewhere = others.length === 0 ? [] : [`The same divergences on other networks, each card with its own table: ${others.map((id) => `\`${id}\``).join(', ')}.`, ''];
  return ['## f-GAN divergences compared', '',
    `The f-GAN models of this folder on ${datasetDisplayName(manifest.dataset.name)}: the same ${networks} networks, optimizer and step count, only the divergence differs (this model in bold). ` +
      `With g_f(v) = log 2 − softplus(−v), the Jensen–Shannon objectives are the non-saturating GAN's up to constants (the same gradients), so from the same seed it trains exactly like ${nonSaturatingTwin}. ` +
      evaluationNote(manifest), '', table, '', ...elsewhere];
}
