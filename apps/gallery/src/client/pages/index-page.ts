import { fetchModels, type ModelSummary } from '../api.js';
import { byId, el, withFallback } from '../dom.js';
import { headlineMetrics } from '../metrics-format.js';
import { pagesFor } from '../model-traits.js';

const cards = byId<HTMLUListElement>('model-cards');
const status = byId<HTMLElement>('models-status');
const familyFilter = byId<HTMLSelectElement>('family-filter');
const datasetFilter = byId<HTMLSelectElement>('dataset-filter');

/** Reserving the thumbnail's box keeps the cards from jumping as images arrive; most sample grids are square. */
const THUMBNAIL_SIZE = 240;

function card(model: ModelSummary): HTMLLIElement {
  const [main, ...more] = pagesFor(model);
  const metrics = headlineMetrics(model.metrics, 3);
  const kind = model.points ? `${model.points.dims}-D points` : `${model.image!.width}×${model.image!.height} images`;
  return el(
    'li',
    { class: 'model-card', 'data-family': model.family, 'data-dataset': model.dataset, 'data-model': model.id },
    withFallback(
      el('img', { src: model.files.samples, alt: '', width: model.files.samplesSize?.width ?? THUMBNAIL_SIZE, height: model.files.samplesSize?.height ?? THUMBNAIL_SIZE, loading: 'lazy', decoding: 'async' }),
      'no samples image yet',
    ),
    el(
      'div',
      { class: 'card-text' },
      el('h2', {}, el('a', { href: main!.href, class: 'card-link' }, model.name)),
      el('p', { class: 'model-meta' }, `${model.family} · ${model.dataset} · ${kind}`),
      metrics.length > 0
        ? el('dl', { class: 'facts' }, ...metrics.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]))
        : el('p', { class: 'muted small' }, 'not evaluated yet'),
      more.length > 0 ? el('p', { class: 'page-links' }, ...more.map((page) => el('a', { href: page.href }, page.label))) : '',
    ),
  );
}

function fillFilter(select: HTMLSelectElement, values: Iterable<string>): void {
  select.append(...[...new Set(values)].sort().map((value) => el('option', { value }, value)));
}

function applyFilters(): void {
  const [family, dataset] = [familyFilter.value, datasetFilter.value];
  let shown = 0;
  for (const item of cards.children as HTMLCollectionOf<HTMLElement>) {
    const visible = (!family || item.dataset.family === family) && (!dataset || item.dataset.dataset === dataset);
    item.hidden = !visible;
    if (visible) shown++;
  }
  status.textContent = `${shown} of ${cards.children.length} models`;
  const url = new URL(location.href);
  for (const [key, value] of [['family', family], ['dataset', dataset]] as const) {
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  history.replaceState(null, '', url);
}

async function start(): Promise<void> {
  // Before the index there was one page, and links to a model read `/?model=<id>`: they still work.
  const legacy = new URL(location.href).searchParams.get('model');
  if (legacy) return location.replace(`/model.html?model=${encodeURIComponent(legacy)}`);
  // The hooks (window.genzooRun, …) load after first paint, in their own chunk.
  void import('../test-hooks.js').then(({ installTestHooks }) => installTestHooks());
  let models: ModelSummary[];
  try {
    models = await fetchModels();
  } catch (error) {
    status.textContent = (error as Error).message;
    status.className = 'error';
    return;
  }
  if (models.length === 0) {
    status.textContent = 'No models yet: train one, or start the server with GENZOO_MODELS pointing at model folders.';
    return;
  }
  cards.replaceChildren(...models.map(card));
  fillFilter(familyFilter, models.map((model) => model.family));
  fillFilter(datasetFilter, models.map((model) => model.dataset));
  const params = new URL(location.href).searchParams;
  familyFilter.value = params.get('family') ?? '';
  datasetFilter.value = params.get('dataset') ?? '';
  for (const select of [familyFilter, datasetFilter]) select.addEventListener('change', applyFilters);
  applyFilters();
  document.body.dataset.ready = 'true';
}

void start();
