import type { ClassifierManifest } from '@genzoo/core';
import type { TrainingSummary } from '../trainers/training-run.js';
import { describeTrainerSettings } from './run-summary.js';

/** Held-out scores of the exported graph. */
export interface ClassifierScores {
  accuracy: number;
  /** confusion[truth][predicted] counts. */
  confusion: number[][];
  count: number;
}

function trainerSettings(summary: TrainingSummary): string {
  const settings = describeTrainerSettings(summary.trainer);
  return settings === undefined ? '' : ` Trainer settings: ${settings} (overriding the above where they differ).`;
}

/** The model card (`README.md`) of a shipped classifier. */
export function renderClassifierCard(manifest: ClassifierManifest, summary: TrainingSummary, scores: ClassifierScores, objective: string): string {
  const graph = manifest.graphs.classifier;
  const header = `| true ＼ predicted | ${manifest.classes.join(' | ')} |`;
  const confusion = [header, `|---|${manifest.classes.map(() => '---:').join('|')}|`, ...scores.confusion.map((row, truth) => `| **${manifest.classes[truth]}** | ${row.join(' | ')} |`)];
  return `# ${manifest.name}

${manifest.description}

![64 held-out images](${manifest.files.samples})

Above: the first 64 of the ${scores.count} held-out images (never seen in training).

## Held-out accuracy

**${(scores.accuracy * 100).toFixed(2)} %** on ${scores.count} held-out ${manifest.dataset.name} images, computed from the shipped \`${graph.file}\` by onnxruntime-node
(the tests recompute it from the ONNX file on every run).

${confusion.join('\n')}

## Graph

\`${graph.file}\` (${(graph.bytes / 1024).toFixed(1)} KiB, opset ${graph.opset}): \`image\` [batch, 1, 28, 28] in [0, 1] → \`logits\` [batch, ${manifest.classes.length}], \`features\` [batch, 128].

## Architecture and training

conv 32, 3×3, ReLU → max-pool 2 → conv 64, 3×3, ReLU → max-pool 2 → flatten → dense 128, ReLU (**features**) → dropout 0.4 → dense ${manifest.classes.length} (**logits**).
${objective}${trainerSettings(summary)} ${summary.steps} steps × batch ${summary.config.batchSize}${summary.config.epochs === undefined ? '' : ` (${summary.config.epochs} epochs)`}, seed ${summary.config.seed},
${(summary.wallClockSeconds / 60).toFixed(1)} min on ${summary.backend.summary.split(' — ')[0]!.replace(/^backend: /, '')}.
Dataset: ${manifest.dataset.trainSize} training images, ${manifest.dataset.heldOutSize} held out (split seed ${manifest.dataset.splitSeed}, the split every genzoo model uses).

## Known weaknesses

Small and quickly trained. Its features see what matters for telling ${manifest.dataset.name} classes apart, not everything about an image: FID and KID in this space
are comparable across genzoo models of the same dataset, not with published Inception-v3 figures.
`;
}
