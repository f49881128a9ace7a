import { join } from 'node:path';
import { capabilitiesOf, tensorToRgbaImages, type Generator, type Manifest } from '@genzoo/core';
import { writeSampleGrid } from '@genzoo/node';
import { datasetDisplayName } from '../dataset-names.js';
import type { HeldOutImages } from './held-out-images.js';
import { interleaveRows } from './interleave-rows.js';
import { LATENT_MAP_SIZE, latentMapLatents } from './latent-map-latents.js';

/** A figure of a model folder beyond `samples.png`, as the card shows it. */
export interface CardFigure {
  file: string;
  /** Short caption, the key of the manifest's `files.figures` (the gallery shows it). */
  title: string;
  alt: string;
  caption: string;
}

/** Held-out images a reconstruction figure shows (4 rows of 8). */
export const RECONSTRUCTION_COUNT = 32;
const RECONSTRUCTION_COLUMNS = 8;

/** The file name of each extra figure. */
export const FIGURE_FILES = { reconstructions: 'reconstructions.png', latentMap: 'latent-map.png' } as const;

/** Figures a model folder gets from its graphs: reconstructions with an encoder, a latent-space map with a 2-D latent. */
export function modelFigures(manifest: Manifest): CardFigure[] {
  const figures: CardFigure[] = [];
  if (capabilitiesOf(manifest).includes('reconstruct')) {
    figures.push({
      file: FIGURE_FILES.reconstructions,
      title: 'Reconstructions: held-out images (odd rows) above their reconstructions (even rows)',
      alt: 'held-out images (odd rows) above their reconstructions (even rows)',
      caption:
        `Reconstructions: ${RECONSTRUCTION_COUNT} held-out ${datasetDisplayName(manifest.dataset.name)} images (rows 1, 3, 5, 7) and their reconstructions, the decoding of the encoder's \`mean\` output ` +
        `(the posterior mean of a VAE, the code of a plain autoencoder; rows 2, 4, 6, 8): \`reconstruct\` on the shipped encoder and decoder graphs in onnxruntime-node.`,
    });
  }
  if (manifest.latent?.size === 2 && !manifest.graphs.generator?.inputs.some((spec) => spec.role === 'label')) {
    figures.push({
      file: FIGURE_FILES.latentMap,
      title: `Latent-space map: decodings over a ${LATENT_MAP_SIZE}×${LATENT_MAP_SIZE} grid of the 2-D latent plane at normal quantiles`,
      alt: `decodings over a ${LATENT_MAP_SIZE}×${LATENT_MAP_SIZE} grid of the 2-D latent plane`,
      caption:
        `Latent-space map: the decoder's output at a ${LATENT_MAP_SIZE}×${LATENT_MAP_SIZE} grid of the latent plane, placed at the standard normal's ` +
        `quantiles (i + ½)/${LATENT_MAP_SIZE} on each axis (z₁ left to right, z₂ bottom to top, from −${latentEdge()} to ${latentEdge()}), so every tile covers an equal share of the prior.`,
    });
  }
  return figures;
}

/** The manifest with `figures` listed in `files.figures` (by title), beside any figures it lists already. */
export function withFigureFiles(manifest: Manifest, figures: readonly CardFigure[]): Manifest {
  if (figures.length === 0) return manifest;
  const listed = Object.fromEntries(figures.map((figure) => [figure.title, figure.file]));
  return { ...manifest, files: { ...manifest.files, figures: { ...manifest.files.figures, ...listed } } };
}

function latentEdge(): string {
  return Math.abs(latentMapLatents().data[0]!).toFixed(2);
}

/**
 * Renders the figures {@link modelFigures} lists into `folder`, from the model's ONNX graphs.
 * `heldOut` holds {@link RECONSTRUCTION_COUNT} held-out images in the encoder's image format; without it no reconstructions are drawn.
 * Their labels go to conditional encoders (those with a `label` input).
 * @returns the figures written.
 */
export async function renderModelFigures(model: Generator, folder: string, heldOut: HeldOutImages | undefined): Promise<CardFigure[]> {
  const written: CardFigure[] = [];
  for (const figure of modelFigures(model.manifest)) {
    if (figure.file === FIGURE_FILES.reconstructions) {
      if (heldOut === undefined) continue;
      const inputs = model.manifest.graphs.encoder!.inputs;
      const conditional = inputs.some((spec) => spec.role === 'label');
      const result = await model.reconstruct(heldOut.images, conditional ? { labels: heldOut.labels } : {});
      const input = inputs.find((spec) => spec.role === 'image')!;
      const originals = tensorToRgbaImages(heldOut.images, { layout: input.layout ?? 'NCHW', range: input.range ?? [0, 1] });
      const tiles = interleaveRows(originals, model.toRgba(result), RECONSTRUCTION_COLUMNS);
      await writeSampleGrid(tiles, join(folder, figure.file), { columns: RECONSTRUCTION_COLUMNS });
    } else {
      const result = await model.decode(latentMapLatents());
      await writeSampleGrid(model.toRgba(result), join(folder, figure.file), { columns: LATENT_MAP_SIZE });
    }
    written.push(figure);
  }
  return written;
}
