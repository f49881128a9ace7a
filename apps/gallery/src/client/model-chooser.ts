import { fetchModels, type ModelSummary } from './api.js';
import { byId, el, rememberModel, requestedModel } from './dom.js';

/**
 * Lists the models `eligible` admits as links in the page's `#model-links` (plain links: choosing a
 * model is navigation, for the keyboard too) and returns the one the URL asks for, else the first.
 * Undefined (with `#page-status` saying why) when no model fits.
 */
export async function chooseModel(eligible: (model: ModelSummary) => boolean, what: string): Promise<ModelSummary | undefined> {
  const links = byId<HTMLElement>('model-links');
  const status = byId<HTMLElement>('page-status');
  let models: ModelSummary[];
  try {
    models = (await fetchModels()).filter(eligible);
  } catch (error) {
    status.textContent = (error as Error).message;
    status.className = 'error';
    return undefined;
  }
  if (models.length === 0) {
    status.textContent = `No model served here has ${what}.`;
    return undefined;
  }
  const wanted = requestedModel();
  const model = models.find((candidate) => candidate.id === wanted) ?? models[0]!;
  links.replaceChildren(
    ...models.map((candidate) => {
      const url = new URL(location.href);
      url.searchParams.set('model', candidate.id);
      return el('a', { href: `${url.pathname}${url.search}`, 'aria-current': candidate === model ? 'page' : undefined }, candidate.name);
    }),
  );
  rememberModel(model.id);
  byId('model-link').setAttribute('href', `/model.html?model=${encodeURIComponent(model.id)}`);
  document.title = `${document.title.split(' · ')[0]} · ${model.name} · genzoo gallery`;
  return model;
}
