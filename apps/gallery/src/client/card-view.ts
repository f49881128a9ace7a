import type { ModelSummary } from './api.js';
import { fetchText } from './api.js';
import { el, withFallback } from './dom.js';
import { renderCard } from './markdown.js';

/** The model's figures (samples, the manifest's figures, the memorization check), with sizes reserved before they load. */
export function renderFigures(container: HTMLElement, model: ModelSummary): void {
  const figures = [{ caption: 'Samples shipped with the model', url: model.files.samples, size: model.files.samplesSize }, ...model.files.figures];
  container.replaceChildren(
    ...figures.map(({ caption, url, size }) =>
      el(
        'figure',
        // Strips (e.g. the memorization check, one pair per column) get the full row to stay legible.
        { class: size && size.width > 2 * size.height ? 'wide' : undefined },
        withFallback(el('img', { src: url, alt: caption, decoding: 'async', width: size?.width, height: size?.height }), 'image not available'),
        el('figcaption', {}, caption),
      ),
    ),
  );
}

/** Fetches the model card and renders it into `container`; a failure shows one line instead. */
export async function renderModelCard(container: HTMLElement, model: ModelSummary): Promise<void> {
  try {
    const markdown = await fetchText(model.files.card);
    container.innerHTML = renderCard(markdown, `/models/${encodeURIComponent(model.id)}/`);
  } catch (error) {
    container.replaceChildren(el('p', { class: 'error' }, `The model card could not be loaded: ${(error as Error).message}`));
  }
}
