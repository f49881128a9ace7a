import type { FittedDensityModel } from '../fit-density-model.js';

const DATASET_LABELS: Record<string, string> = {
  ring: 'ring of 8 Gaussians',
  grid: '5×5 grid of Gaussians',
  moons: 'two moons',
  'swiss-roll': 'swiss roll',
  mnist: 'MNIST',
  'fashion-mnist': 'Fashion-MNIST',
};

/** The manifest name and description of a fitted density model. */
export function describeDensityModel(model: FittedDensityModel): { name: string; description: string } {
  const { data, mixture } = model;
  const label = DATASET_LABELS[data.name] ?? data.name;
  const where = data.pca ? `${label}, PCA-${data.pca.dims}` : label;
  if (model.selection.family === 'kde') {
    return {
      name: `Gaussian KDE (${where})`,
      description: `A Gaussian kernel density estimate on ${data.train.rows} ${data.pca ? `${label} images projected onto ${data.pca.dims} principal components` : `points of the ${label}`}, bandwidth ${model.selection.curve.bandwidth.toPrecision(3)} chosen by validation log-likelihood; samples a training point plus Gaussian noise and evaluates its log-density.`,
    };
  }
  const { chosen, criterion } = model.selection;
  return {
    name: `Gaussian mixture (${where})`,
    description: `${/^(8|11|18)/.test(String(mixture.components)) ? 'An' : 'A'} ${mixture.components}-component Gaussian mixture with ${chosen.covarianceType} covariances fitted by EM ${data.pca ? `in a ${data.pca.dims}-d PCA space of ${label}` : `to the ${label}`}; covariance type and K chosen by ${criterion === 'bic' ? 'BIC' : 'validation log-likelihood'}; samples and evaluates its log-density.`,
  };
}

/** The manifest's `training` block: how the model was fitted and chosen (the card's tables come from the same data). */
export function densityTrainingRecord(model: FittedDensityModel): Record<string, unknown> {
  const { data, selection } = model;
  const common = {
    trainingFamily: model.family,
    seed: model.seed,
    wallClockSeconds: Math.round(model.seconds * 10) / 10,
    fitPoints: data.fit.rows,
    validationPoints: data.validation.rows,
    ...(data.pca ? { pcaDims: data.pca.dims, pcaExplainedVariance: data.pca.explainedVariance.reduce((s, v) => s + v, 0) / data.pca.totalVariance } : {}),
    ...(data.noiseStd === undefined ? {} : { dataNoiseStd: data.noiseStd }),
  };
  if (selection.family === 'kde') {
    return {
      ...common,
      objective: 'Gaussian kernel density estimate; bandwidth chosen by the mean log-likelihood of validation points over a geometric grid around Scott\'s rule.',
      bandwidth: selection.curve.bandwidth,
      bandwidthCurve: selection.curve.bandwidths.map((bandwidth, i) => ({ bandwidth, validationLogLikelihood: selection.curve.heldOutLogLikelihood[i] })),
    };
  }
  return {
    ...common,
    objective: `Maximum likelihood by EM; covariance type and component count chosen by ${selection.criterion === 'bic' ? 'BIC' : 'validation log-likelihood'}.`,
    covarianceType: selection.chosen.covarianceType,
    components: selection.chosen.components,
    criterion: selection.criterion,
    regularization: selection.regularization,
    tolerance: selection.tolerance,
    maxIterations: selection.maxIterations,
    emIterations: selection.finalIterations,
    converged: selection.finalConverged,
    candidates: selection.candidates.map((c) => ({
      covarianceType: c.covarianceType,
      components: c.components,
      parameters: c.parameters,
      trainLogLikelihood: c.trainLogLikelihood,
      validationLogLikelihood: c.heldOutLogLikelihood,
      bic: c.bic,
      iterations: c.iterations,
    })),
  };
}
