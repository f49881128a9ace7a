import type { Manifest } from '@genzoo/core';
import type { TrainingSummary } from '../trainers/training-run.js';
import { describeTrainerSettings } from './run-summary.js';
import type { TranslatorProfile } from './translator-profiles.js';

function figure(manifest: Manifest, name: string): string {
  const value = manifest.metrics[name];
  return value === undefined ? 'n/a' : value.toFixed(4);
}

/** The held-out figures measured at publish time (in `metrics`), as the card's sentences. */
export function heldOutLines(manifest: Manifest, profile: TranslatorProfile): string[] {
  if (profile.family === 'pix2pix') {
    return [
      `Held-out L1 |G(x) − y| (mean over the pixels of all ${manifest.dataset.heldOutSize} held-out images, in [−1, 1] units, from the ONNX graph): **${figure(manifest, 'heldOutL1')}** ` +
        `(\`heldOutL1\`); the source itself scores ${figure(manifest, 'heldOutInputL1')} against the target (\`heldOutInputL1\`).`,
    ];
  }
  const sizes = ((manifest.training['translation'] as { domainSizes?: Record<string, number> } | undefined)?.domainSizes ?? {});
  const lines = [
    `Held-out cycle L1 (mean over pixels in [−1, 1] units, from the ONNX graphs): |F(G(a)) − a| = **${figure(manifest, 'heldOutCycleL1A')}** on ${sizes['heldOutA'] ?? 'the'} held-out ${profile.domains.a.name} images, ` +
      `|G(F(b)) − b| = **${figure(manifest, 'heldOutCycleL1B')}** on ${sizes['heldOutB'] ?? 'the'} held-out ${profile.domains.b.name} images (\`heldOutCycleL1A\`, \`heldOutCycleL1B\`; their mean is \`heldOutCycleL1\`).`,
  ];
  if (manifest.metrics['heldOutA2bL1'] !== undefined) {
    lines.push(
      `Thickening is known, so held-out translations can be scored against the truth as well (never used in training): |G(a) − thick(a)| = **${figure(manifest, 'heldOutA2bL1')}** ` +
        `(the thin input itself scores ${figure(manifest, 'heldOutA2bInputL1')}), |F(b) − thin(b)| = **${figure(manifest, 'heldOutB2aL1')}** (the thick input scores ${figure(manifest, 'heldOutB2aInputL1')}).`,
    );
  }
  return lines;
}

function table(rows: readonly (readonly [string, string])[]): string {
  return ['| | |', '|---|---|', ...rows.map(([key, value]) => `| ${key} | ${value} |`)].join('\n');
}

function formatMetric(value: number): string {
  return Math.abs(value) >= 0.01 || value === 0 ? value.toFixed(4).replace(/\.?0+$/, '') : value.toExponential(2);
}

/** The model card (`README.md`) of a shipped pix2pix or CycleGAN folder. */
export function renderTranslatorCard(manifest: Manifest, profile: TranslatorProfile, summary: TrainingSummary): string {
  const graphs = Object.entries(manifest.graphs).map(
    ([role, graph]) =>
      `- \`${graph.file}\` (${role}: ${role === 'a2b' ? `${profile.domains.a.name} → ${profile.domains.b.name}` : `${profile.domains.b.name} → ${profile.domains.a.name}`}, ` +
      `${(graph.bytes / 1024).toFixed(1)} KiB, opset ${graph.opset}): ` +
      `${graph.inputs.map((input) => `${input.name} [${input.shape.join(', ')}]`).join(', ')} → ` +
      `${graph.outputs.map((output) => `${output.name} [${output.shape.join(', ')}]${output.range ? ` in [${output.range.join(', ')}]` : ''}`).join(', ')}`,
  );
  const settings = describeTrainerSettings({ ...summary.trainer, task: undefined });
  const translation = manifest.training['translation'] as Record<string, unknown> | undefined;
  return `# ${manifest.name}

${manifest.description}

![held-out translations](${manifest.files.samples})

${profile.samplesCaption}

## Domains
- **a = \`${profile.domains.a.name}\`**: ${profile.domains.a.description}
- **b = \`${profile.domains.b.name}\`**: ${profile.domains.b.description}

## Held-out figures
${heldOutLines(manifest, profile).join('\n\n')}

## Objective
${profile.objective}

## Architecture
${profile.architecture}

## Graphs
${graphs.join('\n')}

Image tensors are NCHW, one channel, values in [−1, 1] (−1 black, 1 white) in and out.

## Training
${table([
  ['dataset', `${manifest.dataset.name}: ${manifest.dataset.trainSize} training images, ${manifest.dataset.heldOutSize} held out (split seed ${manifest.dataset.splitSeed})`],
  ['task', `\`--task ${profile.task}\`${translation === undefined ? '' : ` (\`training.translation\` in the manifest: ${JSON.stringify(translation).replace(/\|/g, '\\|')})`}`],
  [
    'steps',
    `${summary.steps} × batch ${summary.config.batchSize}${profile.family === 'cyclegan' ? ' per domain' : ''} (seed ${summary.config.seed})` +
      (summary.resumedFrom === undefined ? '' : `; resumed from the checkpoint at step ${summary.resumedFrom}, the wall clock counting the time up to it`),
  ],
  ['trainer settings', settings === undefined ? "the family's defaults, as in Objective" : `${settings} (overriding Objective where they differ)`],
  ['wall clock', `${(summary.wallClockSeconds / 60).toFixed(1)} min, ${summary.msPerStep.toFixed(0)} ms/step`],
  ['backend', summary.backend.summary.replace(/^backend:\s*/, '')],
  ['final losses', Object.entries(summary.finalLosses).map(([name, value]) => `${name} ${formatMetric(value)}`).join(', ')],
])}

## Metrics
${table(Object.entries(manifest.metrics).filter(([name]) => !name.includes('.')).map(([name, value]) => [name, formatMetric(value)] as const))}

\`exportMaxAbsError\`: largest difference between tfjs \`predict\` and the exported graphs in onnxruntime-node on random inputs.

## Known weaknesses
${profile.weaknesses}
`;
}
