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
