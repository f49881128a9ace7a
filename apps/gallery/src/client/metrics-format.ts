/** Quality figures worth a glance, in this order, when the manifest has them; the card has the rest. */
export const HEADLINE_METRICS: readonly { key: string; label: string; digits: number; better?: 'lower' | 'higher' }[] = [
  { key: 'fid', label: 'FID', digits: 1, better: 'lower' },
  { key: 'kid', label: 'KID', digits: 2, better: 'lower' },
  { key: 'inceptionScore', label: 'IS', digits: 2, better: 'higher' },
  { key: 'heldOutElboNats', label: 'ELBO (nats)', digits: 1, better: 'higher' },
  { key: 'heldOutLogLikelihood', label: 'held-out log-lik. (nats)', digits: 3, better: 'higher' },
  { key: 'heldOutLogDensity', label: 'held-out log-density', digits: 3, better: 'higher' },
  { key: 'modesCaptured', label: 'modes', digits: 0, better: 'higher' },
  { key: 'highQuality', label: 'high-quality', digits: 3, better: 'higher' },
  { key: 'highQualityFraction', label: 'high-quality', digits: 3, better: 'higher' },
  // Translators (genzoo eval's per-direction figures): pix2pix has SSIM against the target, CycleGAN class accuracy.
  { key: 'ssimA2b', label: 'SSIM', digits: 3, better: 'higher' },
  { key: 'classAccuracyA2b', label: 'class accuracy a→b', digits: 3, better: 'higher' },
  { key: 'fidA2b', label: 'FID a→b', digits: 1, better: 'lower' },
];

/** `[label, value]` for each headline metric the model has. */
export function headlineMetrics(metrics: Record<string, number>, limit = Infinity): [string, string][] {
  const seen = new Set<string>();
  const rows: [string, string][] = [];
  for (const { key, label, digits } of HEADLINE_METRICS) {
    if (metrics[key] === undefined || seen.has(label)) continue;
    seen.add(label);
    rows.push([label, formatFigure(metrics[key], digits)]);
  }
  return rows.slice(0, limit);
}

/** A figure with `digits` decimals, or 4 significant digits when that would hide it. */
export function formatFigure(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && Math.abs(value) < 10 ** -digits) return value.toPrecision(3);
  return value.toFixed(digits);
}
