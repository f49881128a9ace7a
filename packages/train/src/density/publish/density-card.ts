import type { Manifest } from '@genzoo/core';
import type { FittedDensityModel, GmmSelection, KdeSelection } from '../fit-density-model.js';
import { COVARIANCE_TYPES } from '../gaussian-mixture.js';

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

const nats = (value: number): string => (Number.isFinite(value) ? value.toFixed(3) : '—');

function kdeSection(selection: KdeSelection): string {
  const { curve } = selection;
  const best = curve.bandwidths.indexOf(curve.bandwidth);
  const rows = curve.bandwidths.map((h, i) => {
    const cells = [h.toPrecision(4), nats(curve.heldOutLogLikelihood[i]!)];
    return i === best ? cells.map((cell) => `**${cell}**`) : cells;
  });
  return `The bandwidth h is the one with the highest mean log-likelihood of the validation points (${curve.bandwidths.length} values spaced geometrically from Scott's rule / 64 to Scott's rule × 2; Scott's rule is ${curve.scott.toPrecision(4)}); kernels sit on the fitting points during the search and on all training points in the shipped model.

${table(['bandwidth h', 'validation log-likelihood (nats/point)'], rows)}`;
}

function gmmSection(selection: GmmSelection): string {
  const counts = [...new Set(selection.candidates.map((c) => c.components))].sort((a, b) => a - b);
  const types = COVARIANCE_TYPES.filter((type) => selection.candidates.some((c) => c.covarianceType === type));
  const cell = (type: string, k: number, value: (c: GmmSelection['candidates'][number]) => string): string => {
    const candidate = selection.candidates.find((c) => c.covarianceType === type && c.components === k);
    if (!candidate) return '';
    const text = value(candidate);
    return candidate === selection.chosen ? `**${text}**` : text;
  };
  const grid = (value: (c: GmmSelection['candidates'][number]) => string): string => table(['K', ...types], counts.map((k) => [String(k), ...types.map((type) => cell(type, k, value))]));
  const other = selection.criterion === 'bic' ? selection.bestByHeldOut : selection.bestByBic;
  const agree = other === selection.chosen ? 'Both criteria pick the same model.' : `The other criterion would pick ${other.covarianceType} K=${other.components}.`;
  return `Mixtures were fitted by EM (seeded greedy k-means++ start; covariances regularized by ${selection.regularization.toExponential(0)} on the diagonal; stopping when the log-likelihood per point improves by less than ${selection.tolerance.toExponential(0)} nats, or after ${selection.maxIterations} iterations) for every covariance type and component count K on the fitting points, then scored on the validation points. Chosen by **${selection.criterion === 'bic' ? 'lowest BIC' : 'highest validation log-likelihood'}**: ${selection.chosen.covarianceType} covariances, K = ${selection.chosen.components} (bold below). ${agree} The chosen setting was refitted on all training points (${selection.finalIterations} EM iterations, ${selection.finalConverged ? 'converged' : 'stopped at the iteration limit'}).

Validation log-likelihood (nats/point, higher is better):

${grid((c) => nats(c.heldOutLogLikelihood))}

BIC on the fitting points (lower is better):

${grid((c) => c.bic.toFixed(0))}`;
}

/** The model card (`README.md`) of a shipped density model. */
export function renderDensityCard(manifest: Manifest, model: FittedDensityModel): string {
  const { data } = model;
  const graphs = Object.entries(manifest.graphs).map(
    ([role, graph]) =>
      `- \`${graph.file}\` (${role}, ${(graph.bytes / 1024).toFixed(1)} KiB, opset ${graph.opset}): ` +
      `${graph.inputs.map((input) => `${input.name} (${input.role}) [${input.shape.join(', ')}]`).join(', ')} → ` +
      `${graph.outputs.map((output) => `${output.name} (${output.role}) [${output.shape.join(', ')}]`).join(', ')}`,
  );
  const samples = manifest.points
    ? `![learned log-density (left) and training data (white) with 2,500 samples (red) over it (right)](${manifest.files.samples})

Left: the learned log-density as a heat map (yellow = high; the top 16 nats are coloured, everything lower is dark blue). Right: the same map with the training points in white and 2,500 samples from the shipped ONNX graph (seed 0) in red. Everything is computed by the shipped graphs in onnxruntime-node.`
    : `![64 samples, seed 0](${manifest.files.samples})

Samples above: \`genzoo sample --model ${manifest.id} -n 64 --seed 0\`, rendered from the shipped ONNX graph by onnxruntime-node.`;
  const space = data.pca
    ? `The density is over the first ${data.pca.dims} PCA coordinates of the images (${((100 * data.pca.explainedVariance.reduce((s, v) => s + v, 0)) / data.pca.totalVariance).toFixed(1)}% of the pixel variance), not over pixels: the density graph projects an image first, and log-densities are in nats per ${data.pca.dims}-d PCA point. Samples are mapped back through the PCA and clipped to [0, 1].`
    : 'The density is over the plane; log-densities are in nats per point.';
  const m = manifest.metrics;
  return `# ${manifest.name}

${manifest.description}

${samples}

## Model
${space}

Sampling is a pure function of its inputs: \`@genzoo/core\` draws the component (${model.family === 'kde' ? 'a training point, uniformly' : 'from the mixture weights'}) and standard normal noise z with the seeded PRNG, and the graph computes μ_c + L_c z, where L_c is the component's Cholesky factor${model.family === 'kde' ? ' (h·I for a KDE)' : ''}. The density graph computes log Σ_k w_k N(x | μ_k, Σ_k) with ReduceLogSumExp.

## Choosing the ${model.family === 'kde' ? 'bandwidth' : 'mixture'}
${model.selection.family === 'kde' ? kdeSection(model.selection) : gmmSection(model.selection)}

## Graphs
${graphs.join('\n')}

## Fit
${table(['', ''], [
  ['dataset', `${manifest.dataset.name}: ${data.train.rows} training points (${data.fit.rows} for fitting and ${data.validation.rows} for validation while choosing), ${data.heldOut.rows} held out (split seed ${manifest.dataset.splitSeed})`],
  ['seed', String(model.seed)],
  ['wall clock', `${model.seconds.toFixed(1)} s (fitting and selection, in TypeScript on the CPU)`],
  ['train log-likelihood', `${nats(model.trainLogLikelihood)} nats/point${model.family === 'kde' ? ' (kernels include the point itself, so this overstates the fit)' : ''}`],
  ['held-out log-likelihood', `${nats(model.heldOutLogLikelihood)} nats/point`],
  ['export parity', `max relative difference ONNX vs TypeScript ${(m.exportMaxRelError ?? NaN).toExponential(2)} (limit 1e-4; for log-densities this bounds the relative error of the density)`],
])}

## Known weaknesses
${model.family === 'kde'
    ? 'A KDE stores every training point: the graphs grow with the data, and samples are training points plus Gaussian noise, so it memorizes by construction. One bandwidth for the whole space over-smooths dense regions or under-smooths sparse ones.'
    : 'EM finds a local optimum from its k-means++ start; the shipped model is one seeded run. Gaussian components cannot follow curved structure without many of them.'}${data.pca ? ' Everything the PCA discards (fine strokes) is missing from samples, which look blurred.' : ''}
`;
}
