import type { ModelSummary } from './api.js';

/** A page of the gallery that shows one model. */
export interface ModelPage {
  href: string;
  label: string;
}

/** A 2-D latent plane to explore: decode without a mixture component. */
export function hasLatentMap(model: ModelSummary): boolean {
  return model.latent?.size === 2 && model.image !== undefined && model.capabilities.includes('decode') && !model.mixture;
}

export function hasDrawPage(model: ModelSummary): boolean {
  return model.capabilities.includes('reconstruct') && model.image !== undefined;
}

/** An image-to-image translator (pix2pix, CycleGAN): the translate page draws into it. */
export function hasTranslatePage(model: ModelSummary): boolean {
  return model.capabilities.includes('translate') && model.image !== undefined;
}

/** Whether the model page's sample controls can run: translators have nothing to sample. */
export function canSample(model: ModelSummary): boolean {
  return model.capabilities.includes('sample') || model.capabilities.includes('samplePoints');
}

export function hasToyPage(model: ModelSummary): boolean {
  return model.points?.dims === 2;
}

/** Truncation applies to normal latents of image models (the server refuses it otherwise). */
export function hasTruncation(model: ModelSummary): boolean {
  return model.image !== undefined && model.latent?.distribution === 'normal';
}

/** Every page that can show `model`, the model page first. */
export function pagesFor(model: ModelSummary): ModelPage[] {
  const id = encodeURIComponent(model.id);
  return [
    { href: `/model.html?model=${id}`, label: canSample(model) ? 'Samples' : 'Model' },
    ...(hasTranslatePage(model) ? [{ href: `/translate.html?model=${id}`, label: 'Translate' }] : []),
    ...(hasLatentMap(model) ? [{ href: `/latent-map.html?model=${id}`, label: 'Latent map' }] : []),
    ...(hasDrawPage(model) ? [{ href: `/draw.html?model=${id}`, label: 'Draw' }] : []),
    ...(hasToyPage(model) ? [{ href: `/toy.html?model=${id}`, label: '2-D density' }] : []),
  ];
}
