import { isClassifierManifest, type AnyManifest, type Evaluation } from '@genzoo/core';
import { DENSITY_FIGURES, POINT_FIGURES } from './point-protocol.js';
import { BASELINE, CYCLE_FIGURES, MODEL_FIGURES, PAIRED_FIGURES, REFERENCE_FIGURES, REFERENCE_ROWS } from './protocol.js';

/** What each figure means and which way is better, for cards and the CLI. */
export const FIGURE_LABELS: Readonly<Record<string, string>> = {
  fid: 'FID ↓',
  kid: 'KID ↓',
  kidStd: 'KID std',
  inceptionScore: 'Inception Score ↑',
  inceptionScoreStd: 'IS std',
  precision: 'precision ↑',
  recall: 'recall ↑',
  density: 'density (≈1)',
  coverage: 'coverage ↑',
  memorizationDistanceRatio: 'memorization distance ratio (≈1; ≪1 = copies)',
  nearCopyRate: 'near-copy rate (≈0.01)',
  heldOutLogDensity: 'held-out log-density ↑ (nats per sample)',
  modesCaptured: 'modes captured ↑',
  highQuality: 'high-quality samples ↑ (within 3σ of a mode)',
  reverseKl: 'reverse KL of the mode histogram ↓ (nats)',
  l1A2b: 'L1 of a2b to the target ↓ (pixels in [0, 1])',
  ssimA2b: 'SSIM of a2b to the target ↑',
  psnrA2b: 'PSNR of a2b to the target ↑ (dB)',
  l1B2a: 'L1 of b2a to the target ↓ (pixels in [0, 1])',
  ssimB2a: 'SSIM of b2a to the target ↑',
  psnrB2a: 'PSNR of b2a to the target ↑ (dB)',
  fidA2b: 'FID of a2b outputs to held-out b ↓',
  fidB2a: 'FID of b2a outputs to held-out a ↓',
  kidA2b: 'KID of a2b outputs to held-out b ↓',
  kidStdA2b: 'KID std (a2b)',
  kidB2a: 'KID of b2a outputs to held-out a ↓',
  kidStdB2a: 'KID std (b2a)',
  classAccuracyA2b: 'class accuracy of a2b outputs ↑',
  classAccuracyB2a: 'class accuracy of b2a outputs ↑',
  cycleL1A: 'cycle L1 ‖b2a(a2b(a)) − a‖₁ ↓',
  cycleL1B: 'cycle L1 ‖a2b(b2a(b)) − b‖₁ ↓',
};

/** The figures an evaluation of this manifest reports, in display order. */
export function figureNames(manifest: AnyManifest, figures: Readonly<Record<string, number>>): readonly string[] {
  if (isClassifierManifest(manifest)) return REFERENCE_FIGURES;
  if (manifest.points) return POINT_FIGURES.filter((name) => name in figures);
  if (manifest.translation) return (manifest.graphs.b2a ? CYCLE_FIGURES : PAIRED_FIGURES).filter((name) => name in figures);
  return [...MODEL_FIGURES, ...DENSITY_FIGURES.filter((name) => name in figures)];
}

/** A figure with four significant digits (tiny values in exponent form). */
export function formatFigure(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  if (value !== 0 && Math.abs(value) < 0.001) return value.toExponential(2);
  return Number(value.toPrecision(4)).toString();
}

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/** The protocol in one sentence. */
export function describeProtocol(protocol: Evaluation): string {
  const s = protocol.settings;
  if (s.ssimWindow !== undefined) {
    const task =
      s.edgeThreshold !== undefined
        ? `sources: Sobel edge maps thresholded at ${s.edgeThreshold}`
        : s.maskSize !== undefined
          ? `sources: a ${s.maskSize}×${s.maskSize} square masked within ±${s.maskJitter} px of the centre (mask seed ${s.maskSeed})`
          : `domains: split from the held-out images (domain split seed ${s.domainSplitSeed})`;
    const sizes = (['A2b', 'B2a'] as const)
      .filter((d) => s[`samples${d}`] !== undefined)
      .map((d) => `${d.toLowerCase()} ${s[`samples${d}`]} images against ${s[`targets${d}`]} real targets, KID subsets of ${s[`kidSubsetSize${d}`]}`)
      .join(', ');
    return (
      `${protocol.n} held-out ${protocol.reference.dataset} images (${sizes}), ${task}; pixels compared on [0, 1] after 8-bit quantization, ` +
      `SSIM with an ${s.ssimWindow}×${s.ssimWindow} Gaussian window (σ ${s.ssimSigma}); features and class accuracy: ${protocol.extractor.id} ` +
      `(${s.featureSize}-d penultimate layer, ${protocol.extractor.file} sha256 ${protocol.extractor.sha256.slice(0, 12)}…); ` +
      `KID ${s.kidSubsets} subsets (seed ${protocol.seed}); ${protocol.tool}, ${protocol.seconds} s`
    );
  }
  if (protocol.reference.split === 'held-out') {
    const modes =
      s.modeStd === undefined
        ? ''
        : `, on which the true density scores ${formatFigure(s.trueHeldOutLogDensity)} nats; modes: ${s.modes} centres, a sample is high quality within ${formatFigure(s.highQualityRadius)} (3σ) of its nearest centre`;
    return (
      `${protocol.n} samples, seed ${protocol.seed}; held-out: ${s.heldOutSamples} points drawn from the true ${protocol.reference.dataset} distribution (seed ${s.heldOutSeed}), ` +
      `scored by ${protocol.extractor.file} (sha256 ${protocol.extractor.sha256.slice(0, 12)}…)${modes}; ${protocol.tool}, ${protocol.seconds} s`
    );
  }
  return (
    `${protocol.n} samples, seed ${protocol.seed}; features: ${protocol.extractor.id} (${s.featureSize}-d penultimate layer, ` +
    `${protocol.extractor.file} sha256 ${protocol.extractor.sha256.slice(0, 12)}…); reference: ${protocol.reference.size} ${protocol.reference.dataset} training images; ` +
    `KID ${s.kidSubsets} subsets of ${s.kidSubsetSize}; IS ${s.inceptionScoreSplits} splits; precision/recall k = ${s.kPrecisionRecall}, density/coverage k = ${s.kDensityCoverage}, ` +
    `${s.manifoldSamples} samples a side; ${protocol.tool}, ${protocol.seconds} s`
  );
}

/** The card section of an evaluation (figures table, protocol, memorization grid). */
export function renderEvaluationSection(
  outcome: { manifest: AnyManifest; figures: Record<string, number>; protocol: Evaluation; grid?: { file: string; caption: string } | undefined },
  memorizationGrid: string | undefined,
): string {
  const { manifest, figures, protocol } = outcome;
  const lines = ['## Evaluation', ''];
  if (isClassifierManifest(manifest)) {
    lines.push(
      `Reference rows for ${manifest.dataset.name}, measured exactly as models are (\`genzoo eval --model ${manifest.id}\`):`,
      'held-out real images against the training images (the floor a perfect model reaches) and uniform noise (the ceiling).',
      `FID is biased upward for small sets: the held-out row has ${protocol.settings.heldOutSamples} images against models' ${protocol.n}, so compare KID, which is unbiased.`,
      '',
      table(['row', ...REFERENCE_FIGURES.map((name) => FIGURE_LABELS[name] ?? name)], REFERENCE_ROWS.map((row) => [row === 'heldOut' ? 'held-out real (floor)' : 'uniform noise (ceiling)', ...REFERENCE_FIGURES.map((name) => formatFigure(figures[`${row}.${name}`]))])),
    );
  } else {
    lines.push(
      `Measured with \`genzoo eval --model ${manifest.id}\`; \`genzoo eval --model ${manifest.id} --check\` recomputes and compares.`,
      '',
      manifest.translation
        ? table(
            ['figure', 'this model', 'sources left untranslated'],
            figureNames(manifest, figures).map((name) => [FIGURE_LABELS[name] ?? name, formatFigure(figures[name]), formatFigure(figures[`${BASELINE}${name}`])]),
          )
        : table(['figure', 'value'], figureNames(manifest, figures).map((name) => [FIGURE_LABELS[name] ?? name, formatFigure(figures[name])])),
    );
    if (outcome.grid) lines.push('', `![held-out translations](${outcome.grid.file})`, '', outcome.grid.caption);
    if (memorizationGrid) {
      lines.push(
        '',
        `![generated samples nearest the training set (top) and their nearest training images (bottom)](${memorizationGrid})`,
        '',
        'Memorization check: the 16 generated samples nearest to a training image in feature space (top row) and those training images (bottom row).',
      );
    }
  }
  lines.push('', `Protocol: ${describeProtocol(protocol)}.`, '');
  return lines.join('\n');
}
