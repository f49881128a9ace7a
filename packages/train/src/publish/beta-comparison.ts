import type { Manifest } from '@genzoo/core';
import { autoencoderSettings, type AutoencoderSettings } from '../families/autoencoder-settings.js';
import type { TrainerOptions } from '../trainers/trainer-options.js';

/** The `vae`-family settings a shipped manifest records, or undefined for models of other families. */
export function vaeSettingsOf(manifest: Manifest): AutoencoderSettings | undefined {
  if (manifest.training['trainingFamily'] !== 'vae') return undefined;
  return autoencoderSettings((manifest.training['trainer'] ?? {}) as TrainerOptions);
}

function figure(value: number | undefined, digits = 1): string {
  return value === undefined ? 'not measured' : value.toFixed(digits);
}

/**
 * The β trade-off among `vae`-family models that differ only in β (same dataset, latent size and likelihood):
 * a markdown table of β, held-out reconstruction and KL terms, ELBO, FID and precision/recall, sorted by β, `manifest`'s row in bold.
 * Undefined when `manifest` has no such sibling.
 */
export function betaComparisonTable(manifest: Manifest, siblings: readonly Manifest[]): string | undefined {
  const own = vaeSettingsOf(manifest);
  if (own === undefined) return undefined;
  const peers = siblings.filter((other) => {
    const settings = vaeSettingsOf(other);
    return other.id !== manifest.id && settings !== undefined && other.dataset.name === manifest.dataset.name &&
      settings.latent === own.latent && settings.likelihood === own.likelihood && settings.beta !== own.beta;
  });
  if (peers.length === 0) return undefined;
  const rows = [manifest, ...peers]
    .map((model) => ({ model, beta: vaeSettingsOf(model)!.beta }))
    .sort((a, b) => a.beta - b.beta)
    .map(({ model, beta }) => {
      const m = model.metrics;
      const cells = [
        `\`${model.id}\``, String(beta), figure(m['heldOutReconstructionNats']), figure(m['heldOutKlNats']), figure(m['heldOutElboNats']), figure(m['fid']),
        figure(m['precision'], 2), figure(m['recall'], 2),
      ];
      return `| ${(model.id === manifest.id ? cells.map((cell) => `**${cell}**`) : cells).join(' | ')} |`;
    });
  return ['| model | β | reconstruction (nats) ↓ | KL (nats) | ELBO (nats) ↑ | FID ↓ | precision ↑ | recall ↑ |', '|---|---|---|---|---|---|---|---|', ...rows].join('\n');
}
