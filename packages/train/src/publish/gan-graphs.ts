import type { Manifest } from '@genzoo/core';
import { CLASS_ROWS_GRID } from './cvae-profile.js';
import type { PublishProfile } from './publish-profile.js';

/**
 * The graph every GAN ships: `generator.onnx` from `z` (and the one-hot `label` of a class-conditional GAN) to
 * `image` in [-1, 1].
 */
export function ganGenerator(conditional = false): Pick<PublishProfile, 'imageRange' | 'graphs'> {
  return {
    imageRange: [-1, 1],
    graphs: {
      generator: {
        file: 'generator.onnx',
        inputs: conditional ? [{ name: 'z', role: 'latent' }, { name: 'label', role: 'label' }] : [{ name: 'z', role: 'latent' }],
        outputs: [{ name: 'image', role: 'image', range: [-1, 1] }],
      },
    },
  };
}

/** What a class-conditional GAN's folder shows: one row per class in `samples.png`, and how often samples are of their class. */
export const CONDITIONAL_GAN_SAMPLES: Pick<PublishProfile, 'sampleGrid' | 'classFigures'> = {
  sampleGrid: CLASS_ROWS_GRID,
  classFigures: { conditionalSamples: true },
};

/** Below this recall the samples cover almost none of the data, and the card says so. */
export const OFF_DATA_RECALL = 0.05;

/**
 * A card section for a GAN whose measured recall is near 0: its samples miss the data (collapse or artefacts).
 * Empty until `genzoo eval` has measured recall, and for models that cover the data.
 */
export function offDataSection(manifest: Manifest): string[] {
  const recall = manifest.metrics['recall'];
  if (recall === undefined || recall >= OFF_DATA_RECALL) return [];
  return [
    '## Samples off the data',
    '',
    `Recall ${recall.toFixed(3)} (FID ${manifest.metrics['fid']?.toFixed(1) ?? '—'}): almost no real image has a generated neighbour in the evaluation classifier's feature space. ` +
      'Either the generator collapsed onto a few shapes, or its images carry artefacts no real image has (speckle, blur, unfinished strokes); the samples above show which. ' +
      `${discriminatorWonNote(manifest)}It ships as it trained, for comparison with the models beside it.`,
    '',
  ];
}

/** Below this mean D(G(z)) at the last step, D rejected the fakes outright. */
const REJECTED_FAKES = 0.01;

/** A sentence when the run ended with D rejecting every fake, which leaves G's cross-entropy gradient with little to follow. */
function discriminatorWonNote(manifest: Manifest): string {
  const dFake = (manifest.training['finalLosses'] as Record<string, number> | undefined)?.['dFake'];
  if (dFake === undefined || dFake >= REJECTED_FAKES) return '';
  return `The run ended with D rejecting the fakes outright (mean D(G(z)) ${dFake.toFixed(4)} at the last step): D had won, and G's updates no longer moved it towards the data. `;
}
