import { getPairedTask, getUnpairedTask, type TranslationDomains } from '../data/translation-tasks.js';
import { MASK_JITTER, MASK_SIZE, THICKEN_WINDOW } from '../data/translation-data.js';
import { TRANSLATOR_WIDTH } from '../models/translator-nets.js';
import { CYCLE_WEIGHT, IDENTITY_FRACTION } from '../trainers/cyclegan-trainer.js';
import { PIX2PIX_L1_WEIGHT } from '../trainers/pix2pix-trainer.js';
import { datasetDisplayName } from './dataset-names.js';
import type { ProfileRun } from './publish-profile.js';

/** Training families that ship image-to-image translators. */
export const TRANSLATOR_FAMILIES = ['pix2pix', 'cyclegan'] as const;

/** Whether runs of `family` ship through the translator publisher. */
export function isTranslatorFamily(family: string): boolean {
  return (TRANSLATOR_FAMILIES as readonly string[]).includes(family);
}

/** What a translator's model folder says about itself beyond what training and publishing measured. */
export interface TranslatorProfile {
  /** Manifest `family`. */
  family: 'pix2pix' | 'cyclegan';
  task: string;
  name: string;
  description: string;
  domains: TranslationDomains;
  objective: string;
  architecture: string;
  weaknesses: string;
  /** The card's line under `samples.png`. */
  samplesCaption: string;
}

const w = TRANSLATOR_WIDTH;

/** The shared U-Net, in words; `batchNorm` as in pix2pix, without it as in CycleGAN. */
function unet(batchNorm: boolean): string {
  const bn = batchNorm ? ' → batch norm' : '';
  return (
    `source(28×28×1, in [−1, 1]) → e1: conv ${w}, 4×4, stride 2 → LeakyReLU 0.2 (14×14) → e2: conv ${2 * w}, 4×4, stride 2${bn} → LeakyReLU 0.2 (7×7) → ` +
    `bottleneck: conv ${2 * w}, 3×3${bn} → ReLU (7×7) → d1: conv-transpose ${w}, 4×4, stride 2 on [bottleneck, e2]${bn} → ReLU (14×14) → ` +
    `d2: conv-transpose ${w / 2}, 4×4, stride 2 on [d1, e1]${bn} → ReLU (28×28) → conv 1, 3×3 on [d2, source] → tanh. ` +
    'Skips concatenate on channels; the last one hands the source itself to the output layer.'
  );
}

function patchGan(what: string): string {
  return `${what} → conv ${w}, 4×4, stride 2 → LeakyReLU 0.2 → conv ${2 * w}, 4×4, stride 2 → LeakyReLU 0.2 → conv 1, 3×3 → a 7×7 grid of raw patch scores (each sees an 18×18 window), no normalization`;
}

/**
 * Failure modes seen in the shipped models, by family, task and dataset: from their samples and from the held-out
 * examples with the largest L1 (pix2pix) or the held-out translations (CycleGAN).
 */
const WEAKNESSES: Readonly<Record<string, string>> = {
  'pix2pix:edges:mnist':
    'Most held-out digits come back nearly exact (median per-image L1 0.04 in [−1, 1] units); the worst, at three to four times that, fall in three groups. ' +
    'Very bold digits: their edge map is an outline around a fat stroke, and the model draws a thinner or hollow stroke inside it. ' +
    'Small loops of 0, 6, 8 and 9 whose inside is only a few pixels wide: the edges of the two sides merge and the model fills the loop or leaves it open differently from the truth. ' +
    'Scratchy digits with isolated dots, which become faint smudges. Stroke borders are softer than in the targets (L1 averages the grey ramp).',
  'pix2pix:edges:fashion-mnist':
    'Silhouettes and the strongest inner edges (collars, zips, straps, soles) are right, but a thresholded edge map says nothing about brightness or texture: ' +
    'prints, stripes, checks and logos are averaged away to smooth grey, and dark garments and bags come out mid-grey (the held-out images with the largest L1, up to five times the median 0.12, are mostly dark bags and boldly patterned tops). ' +
    'Where a pattern makes the edge map noisy the output is blurry, and unusual bag shapes are sometimes drawn with a garment\'s shading.',
  'pix2pix:inpaint:mnist':
    'Most held-out digits are completed convincingly (median per-image L1 0.04 in [−1, 1] units). The square is set to black like the background, so the model is not told where it is: ' +
    'when it removes a whole loop or stroke end, nothing in the source shows that anything is missing, and the model returns the digit that is left ' +
    '(among the held-out images with the largest L1, about three times the median: a 6 whose loop is masked comes back as a 1 or an h-shaped 4, a 9 as a 1, an 8 as a 0 or a 3). ' +
    'Where two completions are plausible it sometimes draws a faint blend of both (doubled strokes).',
  'cyclegan:shoes:fashion-mnist':
    'This run uses two departures from the paper\'s defaults (`--identity 0.1 --critic-layers 3`), because with them (identity 0.5λ, 18×18-window PatchGANs) the translation failed, ' +
    'as CycleGAN is known to fail on changes of shape (Zhu et al. 2017, section 5): G kept the sneaker and painted noisy texture where a boot\'s shaft would be, F returned boots unchanged, ' +
    'and only 9% of translated sneakers classified as ankle boots (FID a→b 151). A weaker identity term stops rewarding copies, and a third strided layer lets each discriminator score ' +
    'see the whole image, i.e. the shoe\'s overall shape rather than local texture: 90% of translated sneakers now classify as ankle boots and FID a→b falls to 47. ' +
    'Still, look before trusting that figure: G mostly raises the back of the sneaker into a short shaft and roughens its texture, which convinces the evaluation classifier more than a person; ' +
    'the boot\'s full height and smooth leather rarely appear. F is weaker (about a fifth of translated boots classify as sneakers): it lowers and textures the shaft but keeps most of the boot, ' +
    'with speckle artefacts on bright boots. Without any identity term G learnt to invert intensities (dark shoes on grey), and a small ResNet generator without skips collapsed in two tries.',
  'cyclegan:thick:mnist':
    'Both directions only go part of the way (see the held-out figures: each translation is closer to the truth than its untouched input, but far from it). ' +
    'G makes strokes a little bolder, not a full pixel wider on each side as the max filter does. F thins wide strokes mostly by hollowing them: ' +
    'they become outlines with a faint hatched pattern inside (the 6s, 3s, 5s and 8s in the lower rows of the samples), and that pattern is also how the cycle ' +
    'hides the original stroke for G to fill back in, so the cycle L1 is an order of magnitude below the translation errors. ' +
    'Both generators start as near-copies through the U-Net\'s skips, and the cycle and identity terms (weights 10 and 5) keep them close to that.',
};

function weaknesses(key: string): string {
  return WEAKNESSES[key] ?? 'Not yet looked at for this dataset: read the held-out samples above before relying on it.';
}

/** The profile of a finished translator run. */
export function translatorProfile(family: string, run: ProfileRun): TranslatorProfile {
  const dataset = datasetDisplayName(run.dataset);
  if (family === 'pix2pix') {
    const task = getPairedTask(run.trainer?.task);
    const domains = task.domains(run.dataset);
    const what = task.name === 'edges' ? 'Sobel edge maps' : `images with a ${MASK_SIZE}×${MASK_SIZE} square blanked`;
    return {
      family: 'pix2pix',
      task: task.name,
      name: `pix2pix ${task.name === 'edges' ? 'edges → image' : 'inpainting'} (${dataset})`,
      description: `A pix2pix image-to-image translator on ${dataset}: ${what} in, the ${dataset} image out (28×28, one direction, a2b).`,
      domains,
      objective:
        `pix2pix (Isola et al. 2017). G minimises the least-squares adversarial loss ½(D(x, G(x)) − 1)² on every patch score + λ·|G(x) − y|₁ with λ = ${PIX2PIX_L1_WEIGHT} as in the paper ` +
        '(mean absolute error over pixels in [−1, 1]); D minimises ½(D(x, y) − 1)² + ½D(x, G(x))². LSGAN instead of the paper\'s cross-entropy for steadier gradients with tiny patches. ' +
        'Adam(2e-4, β1 = 0.5) for both, one D update per G update; G runs forward once per step, its output reused as a constant for the D update. No dropout noise: the mapping is nearly deterministic and λ·L1 dominates anyway. ' +
        (task.name === 'edges'
          ? 'Sources are computed from each training batch on the fly: the Sobel gradient magnitude of the image (pixels in [0, 1]), thresholded at 0.5 to white edges on black.'
          : `Sources are computed from each training batch on the fly: a ${MASK_SIZE}×${MASK_SIZE} square set to the background (black), its centre within ±${MASK_JITTER} pixels of the image centre, placed by a hash of the image's dataset index and the run seed, so every image has one fixed mask and held-out evaluation sees the same masks.`),
      architecture:
        `G (shipped, a2b): U-Net, ${unet(true)} ` +
        `D (training only): conditional PatchGAN, ${patchGan('[source, image] concatenated on channels (28×28×2)')}. ` +
        'Small on purpose: one training step is a few hundred milliseconds on one CPU thread.',
      weaknesses: weaknesses(`pix2pix:${task.name}:${run.dataset}`),
      samplesCaption:
        'Held-out images, four examples to a row, each as source | output | target (the first 32 images of the held-out split), rendered from the shipped ONNX graph by onnxruntime-node.',
    };
  }
  if (family !== 'cyclegan') throw new Error(`'${family}' is not a translator family (expected one of ${TRANSLATOR_FAMILIES.join(', ')})`);
  const task = getUnpairedTask(run.trainer?.task);
  const domainText =
    task.name === 'thick'
      ? `MNIST digits ↔ the same kind of digits thickened by a ${THICKEN_WINDOW}×${THICKEN_WINDOW} max filter; the two domains come from disjoint halves of the training images (a seeded permutation), so no training image appears in both and no (thin, thick) pair exists`
      : 'Fashion-MNIST sneakers (class 7) ↔ ankle boots (class 9), two sets of different photographs with no pairing';
  return {
    family: 'cyclegan',
    task: task.name,
    name: task.name === 'thick' ? 'CycleGAN thin ↔ thick digits (MNIST)' : 'CycleGAN sneakers ↔ ankle boots (Fashion-MNIST)',
    description: `A CycleGAN trained on unpaired images: ${domainText}. Ships both directions, a2b (G) and b2a (F).`,
    domains: task.domains,
    objective:
      `CycleGAN (Zhu et al. 2017). G: a → b and F: b → a minimise LSGAN ½(D_B(G(a)) − 1)² + ½(D_A(F(b)) − 1)² + λ(|F(G(a)) − a|₁ + |G(F(b)) − b|₁) + ${IDENTITY_FRACTION}λ(|G(b) − b|₁ + |F(a) − a|₁), ` +
      `λ = ${CYCLE_WEIGHT} (L1 terms are means over pixels in [−1, 1]); D_A and D_B minimise the least-squares loss on real images of their domain against the fakes of the same step ` +
      '(no image history buffer). Adam(2e-4, β1 = 0.5) for G+F together and for D_A+D_B together, one update each per step; each domain has its own seeded batch order over its training images.',
    architecture:
      `G and F (both shipped): the pix2pix U-Net without batch norm (batches of both domains go through each network together, and batch statistics would mix them): ${unet(false)} ` +
      `D_A, D_B (training only): PatchGAN on single images, ${patchGan('image (28×28×1)')}.`,
    weaknesses: weaknesses(`cyclegan:${task.name}:${run.dataset}`),
    samplesCaption:
      'Held-out images, four examples to a row: the first four rows a | G(a) | F(G(a)), the last four b | F(b) | G(F(b)), rendered from the shipped ONNX graphs by onnxruntime-node.',
  };
}
