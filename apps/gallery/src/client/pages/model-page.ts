import { MAX_SEED, scatterPlot, tensor, type DownloadProgress, type RgbaImage } from '@genzoo/web';
import { fetchModels, fetchServerGrid, fetchServerPoints, type ModelSummary } from '../api.js';
import { downloadListeners, generatorFor, releaseOthers, runInBrowser, runPointsInBrowser, type BrowserSampleOptions } from '../browser-runs.js';
import { renderFigures, renderModelCard } from '../card-view.js';
import { byId, el, rememberModel, requestedModel } from '../dom.js';
import { InterpolationPlayer } from '../interpolation-player.js';
import { headlineMetrics } from '../metrics-format.js';
import { canSample, hasTranslatePage, hasTruncation, pagesFor } from '../model-traits.js';
import { Panel, executionDetail, type PanelId } from '../panels.js';
import { DEFAULT_LABELS, describeParity, describePointParity, parityPairs, pointParity, worstPerPanel, type ParityLabels } from '../parity.js';
import { installTestHooks } from '../test-hooks.js';

const modelList = byId<HTMLFieldSetElement>('model-list');
const modelsStatus = byId<HTMLElement>('models-status');
const form = byId<HTMLFormElement>('controls');
const seedInput = byId<HTMLInputElement>('seed');
const countInput = byId<HTMLInputElement>('count');
const truncationField = byId<HTMLElement>('truncation-field');
const truncationSelect = byId<HTMLSelectElement>('truncation');
const classField = byId<HTMLElement>('class-field');
const classSelect = byId<HTMLSelectElement>('class');
const runtimeBoxes = [...byId<HTMLFieldSetElement>('runtimes').querySelectorAll<HTMLInputElement>('input[name="runtime"]')];
const generateButton = byId<HTMLButtonElement>('generate');
const formError = byId<HTMLElement>('form-error');
const parity = byId<HTMLElement>('parity');
const interpolationSection = byId<HTMLElement>('interpolation');
const panels: Record<PanelId, Panel> = { server: new Panel('server'), webgpu: new Panel('webgpu'), wasm: new Panel('wasm') };

let models: ModelSummary[] = [];
let selected: ModelSummary | undefined;
let generation = 0;

/** Largest n one request may ask for: grids of images, or point clouds. */
const MAX_IMAGES = 256;
const MAX_POINTS = 4096;
/** Point colour of the scatter plots; the server draws its PNGs with the same one. */
const POINT_COLOR = [20, 90, 200, 200] as const;

// A conditional model interpolates within one class: cycling classes would change the digit every frame.
const interpolation = new InterpolationPlayer(
  () => generatorFor(selected!.id, 'wasm').generator,
  () => selectedLabel() ?? (selected?.classes === undefined ? undefined : 0),
);

function sampleSpace(model: ModelSummary): [string, string] {
  if (model.points) return ['Samples', `${model.points.dims}-D points`];
  const image = model.image!;
  return ['Image', `${image.width}×${image.height}×${image.channels}`];
}

function selectedLabel(): number | undefined {
  return classField.hidden || classSelect.value === '' ? undefined : Number(classSelect.value);
}

function sampleOptions(): BrowserSampleOptions {
  return {
    truncation: truncationField.hidden || truncationSelect.value === '' ? undefined : Number(truncationSelect.value),
    label: selectedLabel(),
  };
}

function showFacts(model: ModelSummary): void {
  const facts: [string, string][] = [
    ['Family', model.family],
    ['Dataset', model.dataset],
    sampleSpace(model),
    ...(model.latent ? [['Latent', `${model.latent.size} · ${model.latent.distribution}`] as [string, string]] : []),
    ...(model.translation ? [['Translates', `${model.translation.a.name} ${model.directions?.includes('b2a') ? '↔' : '→'} ${model.translation.b.name}`] as [string, string]] : []),
    ...(model.mixture ? [['Mixture', `${model.mixture.components} components`] as [string, string]] : []),
    ...(model.classes ? [['Classes', String(model.classes)] as [string, string]] : []),
    ...headlineMetrics(model.metrics),
  ];
  byId('model-facts').replaceChildren(...facts.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
  byId('model-pages').replaceChildren(
    ...pagesFor(model).map((page, index) => el('a', { href: page.href, 'aria-current': index === 0 ? 'page' : undefined }, page.label)),
  );
}

function showControls(model: ModelSummary): void {
  countInput.max = String(model.points ? MAX_POINTS : MAX_IMAGES);
  if (model.points && Number(countInput.value) < 500) countInput.value = '1000';
  if (!model.points && Number(countInput.value) > MAX_IMAGES) countInput.value = '16';
  truncationField.hidden = !hasTruncation(model);
  classField.hidden = model.classes === undefined;
  classSelect.replaceChildren(
    el('option', { value: '' }, 'all, cycling'),
    ...Array.from({ length: model.classes ?? 0 }, (_, index) => el('option', { value: String(index) }, String(index))),
  );
}

/** Translators have nothing to sample: their page offers the translate page instead of sample controls. */
function showSampling(model: ModelSummary): void {
  const sampling = canSample(model);
  for (const element of [form, byId('panels'), parity]) element.hidden = !sampling;
  byId('translate-callout').hidden = !hasTranslatePage(model);
  byId('translate-link').setAttribute('href', `/translate.html?model=${encodeURIComponent(model.id)}`);
}

function showModel(model: ModelSummary): void {
  selected = model;
  showSampling(model);
  document.title = `${model.name} · genzoo gallery`;
  byId('model-name').textContent = model.name;
  byId('model-description').textContent = model.description;
  showFacts(model);
  showControls(model);
  renderFigures(byId('figures'), model);
  void renderModelCard(byId('card-body'), model);
  generateButton.disabled = false;
  rememberModel(model.id);
  interpolationSection.hidden = !model.capabilities.includes('interpolate');
  void releaseOthers(model.id).then(() => {
    if (!interpolationSection.hidden && selected === model) void interpolation.load();
  });
}

function renderModelList(): void {
  modelList.append(
    ...models.map((model) => {
      const input = el('input', { type: 'radio', name: 'model', value: model.id });
      input.addEventListener('change', () => showModel(model));
      return el('label', { class: 'model-option' }, input, el('span', { class: 'model-name' }, model.name), el('span', { class: 'model-meta' }, `${model.family} · ${model.dataset}`));
    }),
  );
}

/** Reads and checks the form; returns undefined (with a message shown) when a value is out of range. */
function readControls(): { seed: number; n: number; runtimes: Set<PanelId> } | undefined {
  const seed = Number(seedInput.value);
  const n = Number(countInput.value);
  if (seedInput.value === '' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    formError.textContent = `Seed must be a whole number from 0 to ${MAX_SEED}.`;
    seedInput.focus();
    return undefined;
  }
  const max = Number(countInput.max);
  if (countInput.value === '' || !Number.isInteger(n) || n < 1 || n > max) {
    formError.textContent = `Samples must be a whole number from 1 to ${max}.`;
    countInput.focus();
    return undefined;
  }
  const runtimes = new Set(runtimeBoxes.filter((box) => box.checked).map((box) => box.value as PanelId));
  if (runtimes.size === 0) {
    formError.textContent = 'Choose at least one runtime.';
    runtimeBoxes[0]!.focus();
    return undefined;
  }
  formError.textContent = '';
  return { seed, n, runtimes };
}

/** Shows a model's download (or cache read) in `panel` while `work` runs. */
async function withDownloadProgress<T>(panel: Panel, work: () => Promise<T>): Promise<T> {
  const show = ({ file, loaded, total, fromCache }: DownloadProgress) => {
    const amount = total ? `${Math.round((100 * loaded) / total)}%` : `${(loaded / 1024).toFixed(0)} KB`;
    panel.busy(fromCache ? `${file} from cache` : `downloading ${file} ${amount}`);
  };
  downloadListeners.add(show);
  try {
    return await work();
  } finally {
    downloadListeners.delete(show);
  }
}

function fallbackWarning(device: string, execution: { provider: string; fallbacks: { provider: string; reason: string }[] }): string | undefined {
  return execution.provider === device ? undefined : `fell back: ${execution.fallbacks.map((note) => `${note.provider}: ${note.reason}`).join('; ')}`;
}

function scatterOf(points: Float32Array, dims: number): RgbaImage {
  return scatterPlot([{ points: tensor(points, [points.length / dims, dims]), color: POINT_COLOR }]);
}

/** What one run of the three panels produced, for the parity line and badges. */
interface RunResults<T> {
  values: Partial<Record<PanelId, T>>;
  labels: ParityLabels;
}

/** Runs each chosen runtime: the server in parallel, the two browser runtimes in turn (they share the page's main thread). */
async function runPanels<T>(
  runtimes: Set<PanelId>,
  server: (panel: Panel) => Promise<{ value: T; provider: string }>,
  browser: (panel: Panel, device: 'webgpu' | 'wasm') => Promise<{ value: T; provider: string }>,
): Promise<RunResults<T>> {
  const results: RunResults<T> = { values: {}, labels: { ...DEFAULT_LABELS } };
  for (const id of ['server', 'webgpu', 'wasm'] as const) if (!runtimes.has(id)) panels[id].off();
  const serverRun = runtimes.has('server')
    ? server(panels.server).then(
        ({ value, provider }) => {
          results.values.server = value;
          results.labels.server = `server (${provider})`;
        },
        (error: unknown) => panels.server.fail((error as Error).message),
      )
    : Promise.resolve();
  for (const device of ['webgpu', 'wasm'] as const) {
    if (!runtimes.has(device)) continue;
    const panel = panels[device];
    panel.busy(`running on ${device}…`);
    try {
      const { value, provider } = await withDownloadProgress(panel, () => browser(panel, device));
      results.values[device] = value;
      if (provider !== device) results.labels[device] = `${DEFAULT_LABELS[device]} panel (ran on ${provider})`;
    } catch (error) {
      panel.fail((error as Error).message);
    }
  }
  await serverRun;
  return results;
}

async function generatePoints(model: ModelSummary, seed: number, n: number, runtimes: Set<PanelId>, run: number): Promise<void> {
  const alt = (where: string) => `${n} points of ${model.id}, seed ${seed}, ${where}`;
  const { values, labels } = await runPanels<Float32Array>(
    runtimes,
    async (panel) => {
      panel.busy('asking the server…');
      const result = await fetchServerPoints(model.id, seed, n);
      panel.show({ image: scatterOf(result.points, result.dims), provider: result.provider, detail: result.execution, timeMs: result.timeMs }, alt(`computed on the server on ${result.provider}`));
      return { value: result.points, provider: result.provider };
    },
    async (panel, device) => {
      const result = await runPointsInBrowser(model.id, device, seed, n);
      const { provider } = result.execution;
      panel.show(
        { image: scatterOf(result.points.data, result.points.dims[1]!), provider, detail: executionDetail(result.execution), timeMs: result.timeMs, loadMs: result.loadMs, warning: fallbackWarning(device, result.execution) },
        alt(`computed in this browser on ${provider}`),
      );
      return { value: result.points.data, provider };
    },
  );
  if (run !== generation) return;
  const measured = pointParity(values);
  for (const [id, worst] of Object.entries(worstPerPanel(measured.pairs))) panels[id as PanelId].setParity(worst / measured.scale, '', worst / measured.scale <= 1e-4);
  parity.textContent = describePointParity(measured, labels);
}

async function generateImages(model: ModelSummary, seed: number, n: number, runtimes: Set<PanelId>, run: number): Promise<void> {
  const options = sampleOptions();
  const what = `${n} samples of ${model.id}, seed ${seed}${options.label === undefined ? '' : `, class ${options.label}`}${options.truncation === undefined ? '' : `, truncation ${options.truncation}`}`;
  const { values, labels } = await runPanels<RgbaImage>(
    runtimes,
    async (panel) => {
      panel.busy('asking the server…');
      const grid = await fetchServerGrid(model.id, seed, n, options);
      panel.show({ image: grid.image, blob: grid.blob, provider: grid.provider, detail: grid.execution, timeMs: grid.timeMs }, `${what}, computed on the server with ${grid.runtime} on ${grid.provider}`);
      return { value: grid.image, provider: grid.provider };
    },
    async (panel, device) => {
      const grid = await runInBrowser(model.id, device, seed, n, options);
      const { provider } = grid.execution;
      panel.show(
        { image: grid.image, provider, detail: executionDetail(grid.execution), timeMs: grid.timeMs, loadMs: grid.loadMs, warning: fallbackWarning(device, grid.execution) },
        `${what}, computed in this browser on ${provider}`,
      );
      return { value: grid.image, provider };
    },
  );
  if (run !== generation) return;
  const pairs = parityPairs(values);
  for (const [id, worst] of Object.entries(worstPerPanel(pairs))) panels[id as PanelId].setParity(worst);
  parity.textContent = describeParity(pairs, labels);
}

async function generate(): Promise<void> {
  const model = selected;
  const controls = readControls();
  if (!model || !controls || !canSample(model)) return;
  const { seed, n, runtimes } = controls;
  const run = ++generation;
  generateButton.disabled = true;
  parity.textContent = 'Parity: running…';
  parity.dataset.state = 'busy';
  try {
    await (model.points ? generatePoints(model, seed, n, runtimes, run) : generateImages(model, seed, n, runtimes, run));
  } finally {
    generateButton.disabled = false;
    if (run === generation) parity.dataset.state = 'done';
  }
}

async function start(): Promise<void> {
  installTestHooks();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void generate();
  });
  byId('random-seed').addEventListener('click', () => {
    seedInput.value = String(crypto.getRandomValues(new Uint32Array(1))[0]);
  });
  classSelect.addEventListener('change', () => {
    if (!interpolationSection.hidden) void interpolation.load();
  });
  try {
    models = await fetchModels();
  } catch (error) {
    modelsStatus.textContent = (error as Error).message;
    modelsStatus.className = 'error';
    return;
  }
  if (models.length === 0) {
    modelsStatus.textContent = 'No models yet: train one, or start the server with GENZOO_MODELS pointing at model folders.';
    return;
  }
  modelsStatus.textContent = `${models.length} model${models.length === 1 ? '' : 's'}`;
  const wanted = requestedModel();
  const initial = models.find((model) => model.id === wanted) ?? models[0]!;
  renderModelList();
  modelList.querySelector<HTMLInputElement>(`input[value="${CSS.escape(initial.id)}"]`)!.checked = true;
  showModel(initial);
  document.body.dataset.ready = 'true';
}

void start();
