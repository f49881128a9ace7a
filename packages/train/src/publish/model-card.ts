import type { Manifest } from '@genzoo/core';
import type { TrainingSummary } from '../trainers/training-run.js';
import type { CardContext, PublishProfile } from './publish-profile.js';
import { describeTrainerSettings } from './run-summary.js';
import type { CardFigure } from './figures/model-figures.js';

function table(rows: readonly (readonly [string, string])[]): string {
  return ['| | |', '|---|---|', ...rows.map(([key, value]) => `| ${key} | ${value} |`)].join('\n');
}

/** Per-class breakdowns (`sampleClassAccuracy.3`) have their own table in the profile's sections. */
const PER_CLASS_METRIC = /\.\d+$/;

function formatMetric(value: number): string {
  return Math.abs(value) >= 0.01 || value === 0 ? value.toFixed(3).replace(/\.?0+$/, '') : value.toExponential(2);
}

function trainerSettings(summary: TrainingSummary): string {
  if (summary.trainer === undefined) return 'not recorded (a run from before training.json kept them)';
  const settings = describeTrainerSettings(summary.trainer);
  return settings === undefined ? "the family's defaults, as in Objective" : `${settings} (overriding Objective where they differ)`;
}

/** The default card section of a model's extra figures: each image with its caption. */
export function figuresSection(figures: readonly CardFigure[]): string[] {
  return figures.length === 0 ? [] : ['## Figures', '', ...figures.flatMap((figure) => [`![${figure.alt}](${figure.file})`, '', figure.caption, ''])];
}

function extraSections(profile: PublishProfile, context: CardContext): string {
  const lines = profile.cardSections?.(context) ?? figuresSection(context.figures);
  return lines.length === 0 ? '' : `${lines.join('\n').trimEnd()}\n\n`;
}

/**
 * The model card (`README.md`) of a shipped model folder; `context` adds the profile's sections
 * (extra figures, comparisons with the models beside it) after the samples.
 */
export function renderModelCard(
  manifest: Manifest,
  profile: PublishProfile,
  summary: TrainingSummary,
  context: Omit<CardContext, 'manifest'> = { figures: [], siblings: [] },
): string {
  const graphs = Object.entries(manifest.graphs).map(
    ([role, graph]) =>
      `- \`${graph.file}\` (${role}, ${(graph.bytes / 1024).toFixed(1)} KiB, opset ${graph.opset}): ` +
      `${graph.inputs.map((input) => `${input.name} [${input.shape.join(', ')}]`).join(', ')} → ` +
      `${graph.outputs.map((output) => `${output.name} [${output.shape.join(', ')}]${output.range ? ` in [${output.range.join(', ')}]` : ''}`).join(', ')}`,
  );
  const minutes = (summary.wallClockSeconds / 60).toFixed(1);
  return `# ${manifest.name}

${manifest.description}

![${profile.sampleGrid?.n ?? 64} samples, seed 0](${manifest.files.samples})

${profile.sampleGrid?.caption(manifest.id) ?? `Samples above: \`genzoo sample --model ${manifest.id} -n 64 --seed 0\`, rendered from the shipped ONNX graph by onnxruntime-node.`}

${extraSections(profile, { manifest, ...context })}## Objective
${profile.objective}

## Architecture
${profile.architecture}

## Graphs
${graphs.join('\n')}

Image tensors are NCHW. Latents are drawn outside the graphs by \`@genzoo/core\` (seeded, ${manifest.latent?.distribution ?? 'normal'}), so a seed gives the same images in every runtime.

## Training
${table([
  ['dataset', `${manifest.dataset.name}: ${manifest.dataset.trainSize} training images, ${manifest.dataset.heldOutSize} held out (split seed ${manifest.dataset.splitSeed})`],
  ['steps', `${summary.steps} × batch ${summary.config.batchSize} (seed ${summary.config.seed})`],
  ['trainer settings', trainerSettings(summary)],
  ['wall clock', `${minutes} min, ${summary.msPerStep.toFixed(0)} ms/step`],
  ['backend', summary.backend.summary.replace(/^backend:\s*/, '')],
  ['final losses', Object.entries(summary.finalLosses).map(([name, value]) => `${name} ${formatMetric(value)}`).join(', ')],
])}

## Metrics
${table(Object.entries(manifest.metrics).filter(([name]) => !PER_CLASS_METRIC.test(name)).map(([name, value]) => [name, formatMetric(value)] as const))}

\`exportMaxAbsError\`: largest difference between tfjs \`predict\` and the exported graph in onnxruntime-node on random inputs.

## Known weaknesses
${profile.weaknesses}
`;
}
