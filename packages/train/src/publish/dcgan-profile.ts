import { DCGAN_EMA_DECAY } from '../families/dcgan-mnist-family.js';
import { fDivergenceTitle } from '../losses/f-divergences.js';
import { datasetDisplayName, datasetSubject } from './dataset-names.js';
import { fGanObjective, fGanSection } from './f-gan-card.js';
import { CRITIC_ESTIMATE_FIGURE, renderCriticEstimate } from './figures/critic-estimate.js';
import { latentWalkFigures, renderLatentWalks } from './figures/latent-walks.js';
import { evaluationClassifierId, withSampleClassifier } from './evaluation-classifier.js';
import { figuresSection } from './model-card.js';
import type { ProfileRun, PublishProfile } from './publish-profile.js';
import { ganGenerator, offDataSection } from './gan-graphs.js';
import { averageDecayText } from './weight-average-text.js';

const ARCHITECTURE =
  'G: z(64) → dense 7·7·64 (no bias) → batch norm → ReLU → reshape 7×7×64 → conv-transpose 32, 4×4, stride 2 (no bias) → batch norm → ReLU → conv-transpose 1, 4×4, stride 2 → tanh. ' +
  'D: conv 32, 4×4, stride 2 → LeakyReLU 0.2 → conv 64, 4×4, stride 2 → LeakyReLU 0.2 → flatten → dense 1 (a logit, or an unbounded critic score for the Wasserstein losses). ' +
  'The convolutional layout follows the DCGAN guidelines: strided (transposed) convolutions instead of pooling, batch norm in G, ReLU with a tanh output in G, LeakyReLU in D.';

function emaText(run: ProfileRun): string {
  return `The shipped generator is an exponential moving average of the generator weights (${averageDecayText(run, run.trainer?.emaDecay ?? DCGAN_EMA_DECAY)}, batch-norm statistics included), which smooths strokes noticeably.`;
}

type Variant = 'dcgan' | 'wgan' | 'wgan-gp' | 'f-gan';

/** What a run trained as: the variant, and for f-GANs the divergence's title. */
type Kind = { variant: Exclude<Variant, 'f-gan'> } | { variant: 'f-gan'; divergence: string };

function kindOf(run: ProfileRun): Kind {
  const divergence = fDivergenceTitle(run.trainer?.loss);
  if (divergence !== undefined) return { variant: 'f-gan', divergence };
  if (run.trainer?.loss !== 'wasserstein') return { variant: 'dcgan' };
  return { variant: run.trainer.gradientPenalty !== undefined ? 'wgan-gp' : 'wgan' };
}

function objective(kind: Kind, run: ProfileRun): string {
  const variant = kind.variant;
  const trainer = run.trainer ?? {};
  const nCritic = trainer.nCritic ?? 1;
  const optimizer =
    trainer.optimizer === 'rmsprop'
      ? `RMSProp(${trainer.learningRate ?? 1e-3})`
      : `Adam(${trainer.learningRate ?? 2e-4}, β1 = ${trainer.beta1 ?? 0.5}, β2 = 0.999)`;
  if (variant === 'wgan') {
    return (
      `WGAN (Arjovsky et al. 2017): the critic D maximises E[D(x)] − E[D(G(z))], an estimate of the Wasserstein-1 distance when D is 1-Lipschitz, ` +
      `enforced crudely by clipping every critic weight to [−${trainer.weightClip}, ${trainer.weightClip}] after each update; G minimises −E[D(G(z))]. ` +
      `${nCritic} critic updates per generator update, ${optimizer} for both networks (the paper's defaults: clip 0.01, n_critic 5, RMSProp 5e-5; momentum-based optimizers destabilise clipped critics). ${emaText(run)}`
    );
  }
  if (variant === 'wgan-gp') {
    return (
      `WGAN-GP (Gulrajani et al. 2017): the Wasserstein critic loss E[D(G(z))] − E[D(x)] plus λ·E[(‖∇D(x̂)‖₂ − 1)²] with λ = ${trainer.gradientPenalty}, ` +
      `x̂ drawn uniformly on lines between real and generated images; the penalty's gradient is a second-order gradient through D. ` +
      `${nCritic} critic updates per generator update, ${optimizer} for both networks (the paper: Adam(1e-4, β1 0, β2 0.9); β2 here is tfjs's default). No normalization in the critic, as the penalty requires. ${emaText(run)}`
    );
  }
  if (kind.variant === 'f-gan') {
    return `${fGanObjective(kind.divergence, 'The networks are those of every DCGAN model')} ${optimizer} for both networks, ${nCritic} discriminator step${nCritic === 1 ? '' : 's'} per generator step. ${emaText(run)}`;
  }
  const loss = trainer.loss ?? 'non-saturating';
  const generatorLoss =
    loss === 'non-saturating' ? 'Non-saturating GAN loss (the generator maximises log D(G(z)))' : `The \`${loss}\` adversarial loss`;
  return `${generatorLoss}, ${optimizer} for both networks, ${nCritic} discriminator step${nCritic === 1 ? '' : 's'} per generator step. ${emaText(run)}`;
}

const NAMES: Record<Exclude<Variant, 'f-gan'>, string> = { dcgan: 'DCGAN', wgan: 'WGAN, weight clipping', 'wgan-gp': 'WGAN-GP' };

function modelName(kind: Kind, dataset: string): string {
  return kind.variant === 'f-gan' ? `f-GAN, ${kind.divergence} (DCGAN, ${dataset})` : `${NAMES[kind.variant]} (${dataset})`;
}

function description(kind: Kind, subjects: string): string {
  if (kind.variant === 'dcgan') return `A small deep convolutional GAN that draws 28×28 ${subjects} from a 64-d Gaussian latent.`;
  if (kind.variant === 'f-gan') return `The DCGAN architecture trained as an f-GAN with the ${kind.divergence} divergence: draws 28×28 ${subjects} from a 64-d Gaussian latent.`;
  return `The DCGAN architecture trained as a Wasserstein GAN (${kind.variant === 'wgan' ? 'weight-clipped critic' : 'gradient-penalty critic'}): draws 28×28 ${subjects} from a 64-d Gaussian latent.`;
}

/** Profile of a `dcgan-mnist`-family run: DCGAN, or WGAN / WGAN-GP when trained with the Wasserstein loss. */
export function dcganProfile(run: ProfileRun): PublishProfile {
  const dataset = datasetDisplayName(run.dataset);
  const subject = datasetSubject(run.dataset);
  const subjects = run.dataset === 'mnist' ? 'handwritten digits' : run.dataset === 'fashion-mnist' ? 'Fashion-MNIST clothing images' : `${dataset} images`;
  const kind = kindOf(run);
  const variant = kind.variant;
  const critic = variant === 'wgan' || variant === 'wgan-gp';
  return {
    family: variant,
    name: modelName(kind, dataset),
    description: description(kind, subjects),
    objective: objective(kind, run),
    architecture: ARCHITECTURE,
    weaknesses:
      (variant === 'wgan'
        ? `A deliberately small generator (~0.2 M parameters) trained for the few thousand steps a CPU session allows (see Training), far short of the paper's 100,000+ generator steps: its samples are blurred, broken shapes, few of them clean ${subject}s. ` +
          'Weight clipping restricts the critic to very simple, small-scale functions (Gulrajani et al. 2017, §3): its Wasserstein estimate (Figures) falls close to 0 long before the samples reach the data, ' +
          'and the small gradients it then gives G make progress slow; WGAN-GP, the same networks with a gradient penalty instead, gets further in a fraction of the steps. '
        : `A deliberately small generator (~0.2 M parameters) trained for minutes on a CPU: many samples are clean ${subject}s, the rest broken or ambiguous, ` +
          'and some classes are drawn more often than others (partial mode collapse; the class histogram of samples is not measured). ') +
      (variant === 'f-gan'
        ? 'The f-GAN bound is estimated on one minibatch per step and some divergences (KL, Pearson χ²) have unbounded conjugates, so their D losses are noisy; one run per divergence says little about the divergence itself. '
        : '') +
      'A GAN gives no likelihood to report; distribution metrics (FID, KID, precision/recall) are in the manifest once `genzoo eval` has run.',
    ...ganGenerator(),
    // A card re-rendered later (`genzoo train card`) gets the figures the manifest lists from their descriptions.
    cardSections: ({ manifest, figures, siblings }) => {
      const listed = new Set(Object.values(manifest.files.figures ?? {}));
      const described = [...(critic ? [CRITIC_ESTIMATE_FIGURE] : []), ...latentWalkFigures(subject, evaluationClassifierId(run.dataset) !== undefined)];
      return [
        ...offDataSection(manifest),
        ...(variant === 'f-gan' ? fGanSection(manifest, siblings, 'DCGAN', 'a DCGAN with the non-saturating loss') : []),
        ...figuresSection([...figures, ...described.filter((figure) => listed.has(figure.file) && !figures.some((shown) => shown.file === figure.file))])];
    },
    async publishFigures({ generator, folder, runDir, summary }) {
      const walks = await withSampleClassifier(run.dataset, (classify) => renderLatentWalks(generator, folder, subject, classify));
      return critic ? [...(await renderCriticEstimate(runDir, folder, summary.trainer)), ...walks] : walks;
    },
  };
}
