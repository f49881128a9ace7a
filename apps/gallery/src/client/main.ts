import { MAX_SEED, scatterPlot, tensor, type RgbaImage } from '@genzoo/web';
import { fetchModels, fetchServerGrid, fetchServerPoints, type ModelSummary } from './api.js';
import { downloadListeners, releaseOthers, runInBrowser, runPointsInBrowser, type BrowserDevice } from './browser-runs.js';
import type { DownloadProgress } from '@genzoo/web';
import { Panel, executionDetail, type PanelId } from './panels.js';
import { DEFAULT_LABELS, describeParity, describePointParity, parityPairs, pointParity, type ParityLabels } from './parity.js';
import { installTestHooks } from './test-hooks.js';

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`page is missing #${id}`);
  return found as T;
}

const modelList = byId<HTMLFieldSetElement>('model-list');
const modelsStatus = byId<HTMLElement>('models-status');
const form = byId<HTMLFormElement>('controls');
const seedInput = byId<HTMLInputElement>('seed');
const countInput = byId<HTMLInputElement>('count');
const generateButton = byId<HTMLButtonElement>('generate');
const formError = byId<HTMLElement>('form-error');
const parity = byId<HTMLElement>('parity');
const panels: Record<PanelId, Panel> = { server: new Panel('server'), webgpu: new Panel('webgpu'), wasm: new Panel('wasm') };

let models: ModelSummary[] = [];
let selected: ModelSummary | undefined;
let generation = 0;

/** Quality figures worth a glance, in this order, when the manifest has them; the card has the rest. */
const HEADLINE_METRICS: readonly [key: string, label: string, digits: number][] = [
  ['fid', 'FID', 1],
  ['kid', 'KID', 2],
  ['inceptionScore', 'IS', 2],
  ['heldOutElboNats', 'ELBO (nats)', 1],
  ['heldOutLogLikelihood', 'held-out log-lik. (nats)', 3],
  ['modesCaptured', 'modes', 1],
  ['highQualityFraction', 'high-quality', 3],
];

/** Largest n one request may ask for: grids of images, or point clouds. */
const MAX_IMAGES = 256;
const MAX_POINTS = 4096;
/** Point colour of the scatter plots; the server draws its PNGs with the same one. */
const POINT_COLOR = [20, 90, 200, 200] as const;

function sampleSpace(model: ModelSummary): [string, string] {
  if (model.points) return ['Samples', `${model.points.dims}-D points`];
  const image = model.image!;
  return ['Image', `${image.width}×${image.height}×${image.channels}`];
}

function renderFigures(model: ModelSummary): void {
  const figures = [{ caption: 'Samples shipped with the model', url: model.files.samples }, ...model.files.figures];
  byId('figures').replaceChildren(
    ...figures.map(({ caption, url }) => {
      const figure = document.createElement('figure');
      const img = document.createElement('img');
      img.src = url;
      img.alt = caption;
      img.decoding = 'async';
      const text = document.createElement('figcaption');
      text.textContent = caption;
      figure.append(img, text);
      return figure;
    }),
  );
}

function showModel(model: ModelSummary): void {
  selected = model;
  byId('model-name').textContent = model.name;
  byId('model-description').textContent = model.description;
  const facts: [string, string][] = [
    ['Family', model.family],
    ['Dataset', model.dataset],
    sampleSpace(model),
    ['Latent', `${model.latent.size} · ${model.latent.distribution}`],
    ...(model.mixture ? [['Mixture', `${model.mixture.components} components`] as [string, string]] : []),
    ...HEADLINE_METRICS.flatMap(([key, label, digits]): [string, string][] =>
      model.metrics[key] === undefined ? [] : [[label, model.metrics[key].toFixed(digits)]],
    ),
  ];
  byId('model-facts').replaceChildren(
    ...facts.flatMap(([term, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value;
      return [dt, dd];
    }),
  );
  countInput.max = String(model.points ? MAX_POINTS : MAX_IMAGES);
  if (model.points && Number(countInput.value) < 500) countInput.value = '1000';
  if (!model.points && Number(countInput.value) > MAX_IMAGES) countInput.value = '16';
  renderFigures(model);
  generateButton.disabled = false;
  const url = new URL(location.href);
  url.searchParams.set('model', model.id);
  history.replaceState(null, '', url);
  void releaseOthers(model.id);
}

function renderModelList(): void {
  const options = models.map((model, index) => {
    const label = document.createElement('label');
    label.className = 'model-option';
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'model';
    input.value = model.id;
    input.checked = index === 0;
    input.addEventListener('change', () => showModel(model));
    const name = document.createElement('span');
    name.className = 'model-name';
    name.textContent = model.name;
    const meta = document.createElement('span');
    meta.className = 'model-meta';
    meta.textContent = `${model.family} · ${model.dataset}`;
    label.append(input, name, meta);
    return label;
  });
  modelList.append(...options);
}

/** Reads and checks the form; returns undefined (with a message shown) when a value is out of range. */
function readControls(): { seed: number; n: number } | undefined {
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
  formError.textContent = '';
  return { seed, n };
}

interface PanelOutcome {
  image: RgbaImage;
  provider: string;
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

async function runBrowserPanel(device: BrowserDevice & PanelId, id: string, seed: number, n: number): Promise<PanelOutcome | undefined> {
  const panel = panels[device];
  panel.busy(`running on ${device}…`);
  try {
    const grid = await withDownloadProgress(panel, () => runInBrowser(id, device, seed, n));
    const warning = grid.execution.provider === device ? undefined : `fell back: ${grid.execution.fallbacks.map((note) => `${note.provider}: ${note.reason}`).join('; ')}`;
    panel.show(
      { image: grid.image, provider: grid.execution.provider, detail: executionDetail(grid.execution), timeMs: grid.timeMs, loadMs: grid.loadMs, warning },
      `${n} samples of ${id}, seed ${seed}, computed in this browser on ${grid.execution.provider}`,
    );
    return { image: grid.image, provider: grid.execution.provider };
  } catch (error) {
    panel.fail((error as Error).message);
    return undefined;
  }
}

function scatterOf(points: Float32Array, dims: number): RgbaImage {
  return scatterPlot([{ points: tensor(points, [points.length / dims, dims]), color: POINT_COLOR }]);
}

/** The three runtimes draw the same seed's points; parity compares coordinates, not pixels. */
async function generatePoints(model: ModelSummary, seed: number, n: number, run: number): Promise<void> {
  const sets: Partial<Record<PanelId, Float32Array>> = {};
  const labels: ParityLabels = { ...DEFAULT_LABELS };
  const alt = (where: string) => `${n} points of ${model.id}, seed ${seed}, ${where}`;
  panels.server.busy('asking the server…');
  const server = fetchServerPoints(model.id, seed, n).then(
    (result) => {
      panels.server.show({ image: scatterOf(result.points, result.dims), provider: result.provider, detail: result.execution, timeMs: result.timeMs }, alt(`computed on the server on ${result.provider}`));
      sets.server = result.points;
      labels.server = `server (${result.provider})`;
    },
    (error: unknown) => panels.server.fail((error as Error).message),
  );
  for (const device of ['webgpu', 'wasm'] as const) {
    const panel = panels[device];
    panel.busy(`running on ${device}…`);
    try {
      const result = await withDownloadProgress(panel, () => runPointsInBrowser(model.id, device, seed, n));
      const { provider } = result.execution;
      const warning = provider === device ? undefined : `fell back: ${result.execution.fallbacks.map((note) => `${note.provider}: ${note.reason}`).join('; ')}`;
      panel.show(
        { image: scatterOf(result.points.data, result.points.dims[1]!), provider, detail: executionDetail(result.execution), timeMs: result.timeMs, loadMs: result.loadMs, warning },
        alt(`computed in this browser on ${provider}`),
      );
      sets[device] = result.points.data;
      if (provider !== device) labels[device] = `${DEFAULT_LABELS[device]} panel (ran on ${provider})`;
    } catch (error) {
      panel.fail((error as Error).message);
    }
  }
  await server;
  generateButton.disabled = false;
  if (run !== generation) return;
  parity.textContent = describePointParity(pointParity(sets), labels);
  parity.dataset.state = 'done';
}

async function generate(): Promise<void> {
  const model = selected;
  const controls = readControls();
  if (!model || !controls) return;
  const { seed, n } = controls;
  const run = ++generation;
  if (model.points) {
    generateButton.disabled = true;
    parity.textContent = 'Parity: running…';
    parity.dataset.state = 'busy';
    return generatePoints(model, seed, n, run);
  }
  generateButton.disabled = true;
  parity.textContent = 'Parity: running…';
  parity.dataset.state = 'busy';
  const images: Partial<Record<PanelId, RgbaImage>> = {};
  const labels: ParityLabels = { ...DEFAULT_LABELS };

  panels.server.busy('asking the server…');
  const server = fetchServerGrid(model.id, seed, n).then(
    (grid) => {
      panels.server.show(
        { image: grid.image, blob: grid.blob, provider: grid.provider, detail: grid.execution, timeMs: grid.timeMs },
        `${n} samples of ${model.id}, seed ${seed}, computed on the server with ${grid.runtime} on ${grid.provider}`,
      );
      images.server = grid.image;
      labels.server = `server (${grid.provider})`;
    },
    (error: unknown) => panels.server.fail((error as Error).message),
  );
  // The browser runs share one main thread (and onnxruntime-web's one wasm instance): run them in turn.
  for (const device of ['webgpu', 'wasm'] as const) {
    const outcome = await runBrowserPanel(device, model.id, seed, n);
    if (!outcome) continue;
    images[device] = outcome.image;
    if (outcome.provider !== device) labels[device] = `${DEFAULT_LABELS[device]} panel (ran on ${outcome.provider})`;
  }
  await server;
  generateButton.disabled = false;
  if (run !== generation) return;
  parity.textContent = describeParity(parityPairs(images), labels);
  parity.dataset.state = 'done';
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
  const wanted = new URL(location.href).searchParams.get('model');
  const initial = models.find((model) => model.id === wanted) ?? models[0]!;
  renderModelList();
  modelList.querySelector<HTMLInputElement>(`input[value="${CSS.escape(initial.id)}"]`)!.checked = true;
  showModel(initial);
  document.body.dataset.ready = 'true';
}

void start();
