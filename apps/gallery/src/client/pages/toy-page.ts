import {
  MAX_SAMPLES,
  MAX_SEED,
  boundsOf,
  concatBatch,
  drawToCanvas,
  plotGrid,
  scatterPlot,
  sliceBatch,
  tensor,
  type GeneratorApi,
  type HeatMap,
  type ScatterLayer,
  type TensorData,
} from '@genzoo/web';
import { fetchDatasetPoints, type ModelSummary } from '../api.js';
import { generatorFor } from '../browser-runs.js';
import { byId, ms } from '../dom.js';
import { chooseModel } from '../model-chooser.js';
import { hasToyPage } from '../model-traits.js';

/** Heat map cells per side, and the plot's side in pixels. */
const RESOLUTION = 96;
const SIZE = 480;
/** Log-densities more than this many nats below the peak share the darkest colour, so the far field does not flatten the map. */
const HEAT_RANGE_NATS = 12;
const REAL_COLOR = [255, 140, 60, 170] as const;
const GENERATED_COLOR = [130, 200, 255, 200] as const;

const form = byId<HTMLFormElement>('toy-controls');
const seedInput = byId<HTMLInputElement>('seed');
const countInput = byId<HTMLInputElement>('count');
const drawButton = byId<HTMLButtonElement>('draw');
const status = byId<HTMLElement>('page-status');
const plot = byId<HTMLCanvasElement>('toy-plot');
const show = { real: byId<HTMLInputElement>('show-real'), generated: byId<HTMLInputElement>('show-generated'), density: byId<HTMLInputElement>('show-density') };

let model: ModelSummary;
let generator: GeneratorApi;

interface Plotted {
  real?: TensorData | undefined;
  generated: TensorData;
  heat?: HeatMap | undefined;
  notes: string[];
}
let last: Plotted | undefined;

function clampedHeat(values: ArrayLike<number>): HeatMap {
  let peak = -Infinity;
  for (let index = 0; index < values.length; index++) if (Number.isFinite(values[index]!)) peak = Math.max(peak, values[index]!);
  return { values: Array.from(values, (value) => Math.max(value, peak - HEAT_RANGE_NATS)), resolution: RESOLUTION };
}

/** Log-density of every grid point, in calls of at most MAX_SAMPLES rows. */
async function logDensityOf(grid: TensorData): Promise<{ values: Float32Array; timeMs: number }> {
  const parts: TensorData[] = [];
  let timeMs = 0;
  for (let start = 0; start < grid.dims[0]!; start += MAX_SAMPLES) {
    const result = await generator.logDensity(sliceBatch(grid, start, Math.min(grid.dims[0]!, start + MAX_SAMPLES)));
    parts.push(result.logDensity);
    timeMs += result.timeMs;
  }
  return { values: concatBatch(parts).data, timeMs };
}

/** Samples, real points (when the server knows the dataset) and the density over their bounding box. */
async function compute(seed: number, n: number): Promise<Plotted> {
  const notes: string[] = [];
  const sampled = await generator.samplePoints({ n, seed });
  notes.push(`${n} samples on ${sampled.execution.provider} in ${ms(sampled.timeMs)}`);
  let real: TensorData | undefined;
  try {
    const fetched = await fetchDatasetPoints(model.dataset, seed, n);
    real = tensor(fetched.points, [n, 2]);
  } catch (error) {
    notes.push(`no real points: ${(error as Error).message}`);
  }
  let heat: HeatMap | undefined;
  if (model.capabilities.includes('logDensity')) {
    const bounds = boundsOf(real ? [real, sampled.points] : [sampled.points]);
    const density = await logDensityOf(plotGrid(bounds, RESOLUTION));
    heat = clampedHeat(density.values);
    notes.push(`density on a ${RESOLUTION}×${RESOLUTION} grid in ${ms(density.timeMs)}`);
  }
  return { real, generated: sampled.points, heat, notes };
}

function render(plotted: Plotted): void {
  const layers: ScatterLayer[] = [];
  if (plotted.real && show.real.checked) layers.push({ points: plotted.real, color: REAL_COLOR });
  if (show.generated.checked) layers.push({ points: plotted.generated, color: GENERATED_COLOR });
  // The bounds stay those of every point, so toggling a layer does not rescale the plot.
  const bounds = boundsOf(plotted.real ? [plotted.real, plotted.generated] : [plotted.generated]);
  const heat = show.density.checked ? plotted.heat : undefined;
  drawToCanvas(plot, scatterPlot(layers, { size: SIZE, bounds, ...(heat && { heat }), background: [24, 26, 32, 255] }));
  plot.setAttribute('aria-label', `Scatter plot of ${layers.map((layer) => (layer.color === REAL_COLOR ? 'real points' : 'model samples')).join(' and ') || 'nothing'}${heat ? ' over the model log-density' : ''}`);
}

async function draw(): Promise<void> {
  const seed = Number(seedInput.value);
  const n = Number(countInput.value);
  if (seedInput.value === '' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    status.textContent = `Seed must be a whole number from 0 to ${MAX_SEED}.`;
    return seedInput.focus();
  }
  if (countInput.value === '' || !Number.isInteger(n) || n < 1 || n > 4096) {
    status.textContent = 'Points must be a whole number from 1 to 4096.';
    return countInput.focus();
  }
  drawButton.disabled = true;
  status.textContent = 'Computing…';
  try {
    last = await compute(seed, n);
    render(last);
    status.textContent = `${model.name}: ${last.notes.join('; ')}.`;
    plot.dataset.ready = 'true';
  } catch (error) {
    status.textContent = (error as Error).message;
  } finally {
    drawButton.disabled = false;
  }
}

async function start(): Promise<void> {
  const chosen = await chooseModel(hasToyPage, '2-D points');
  if (!chosen) return;
  model = chosen;
  show.density.disabled = !model.capabilities.includes('logDensity');
  for (const box of Object.values(show)) box.addEventListener('change', () => last && render(last));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void draw();
  });
  try {
    status.textContent = `Loading ${model.name}…`;
    generator = await generatorFor(model.id, 'wasm').generator;
    await draw();
    document.body.dataset.ready = 'true';
  } catch (error) {
    status.textContent = (error as Error).message;
    status.className = 'error';
  }
}

void start();
