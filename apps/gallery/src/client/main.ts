import { MAX_SEED, type RgbaImage } from '@genzoo/web';
import { fetchModels, fetchServerGrid, type ModelSummary } from './api.js';
import { releaseOthers, runInBrowser, type BrowserDevice } from './browser-runs.js';
import { Panel, executionDetail, type PanelId } from './panels.js';
import { DEFAULT_LABELS, describeParity, parityPairs, type ParityLabels } from './parity.js';
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
];

function showModel(model: ModelSummary): void {
  selected = model;
  byId('model-name').textContent = model.name;
  byId('model-description').textContent = model.description;
  const facts: [string, string][] = [
    ['Family', model.family],
    ['Dataset', model.dataset],
    ['Image', `${model.image.width}×${model.image.height}×${model.image.channels}`],
    ['Latent', `${model.latent.size} · ${model.latent.distribution}`],
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
  if (countInput.value === '' || !Number.isInteger(n) || n < 1 || n > 256) {
    formError.textContent = 'Images must be a whole number from 1 to 256.';
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

async function runBrowserPanel(device: BrowserDevice & PanelId, id: string, seed: number, n: number): Promise<PanelOutcome | undefined> {
  const panel = panels[device];
  panel.busy(`running on ${device}…`);
  try {
    const grid = await runInBrowser(id, device, seed, n);
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

async function generate(): Promise<void> {
  const model = selected;
  const controls = readControls();
  if (!model || !controls) return;
  const { seed, n } = controls;
  const run = ++generation;
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
