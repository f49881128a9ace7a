import { drawToCanvas, tensor, tileImages, type GeneratorApi } from '@genzoo/web';
import type { ModelSummary } from '../api.js';
import { generatorFor, type BrowserDevice } from '../browser-runs.js';
import { byId, ms } from '../dom.js';
import { EXTENT, clampLatent, latentToPlane, mosaicLatents, planeToLatent, type LatentPoint } from '../latent-plane.js';
import { latestWins } from '../latest-wins.js';
import { chooseModel } from '../model-chooser.js';
import { hasLatentMap } from '../model-traits.js';

/** Tiles per side of the background map. */
const MOSAIC = 15;
const STEP = 0.05;

const plane = byId<HTMLCanvasElement>('plane');
const marker = byId<HTMLCanvasElement>('plane-marker');
const decoded = byId<HTMLCanvasElement>('decoded');
const readout = byId<HTMLElement>('z-readout');
const timing = byId<HTMLElement>('decode-time');
const status = byId<HTMLElement>('page-status');
const deviceSelect = byId<HTMLSelectElement>('device');

let generator: GeneratorApi | undefined;
let current: LatentPoint = { x: 0, y: 0 };

function drawMarker(z: LatentPoint): void {
  const context = marker.getContext('2d')!;
  const { px, py } = latentToPlane(z, marker.width, marker.height);
  context.clearRect(0, 0, marker.width, marker.height);
  context.strokeStyle = '#7aa2ff';
  context.lineWidth = 2;
  context.beginPath();
  context.arc(px, py, 9, 0, 2 * Math.PI);
  context.moveTo(px - 15, py);
  context.lineTo(px + 15, py);
  context.moveTo(px, py - 15);
  context.lineTo(px, py + 15);
  context.stroke();
}

const decodeLatest = latestWins<LatentPoint>(
  async (z) => {
    if (!generator) return;
    const result = await generator.decode(tensor(new Float32Array([z.x, z.y]), [1, 2]));
    drawToCanvas(decoded, generator.toRgba(result)[0]!);
    timing.textContent = `decoded on ${result.execution.provider} in ${ms(result.timeMs)}`;
    decoded.dataset.z = `${z.x.toFixed(2)},${z.y.toFixed(2)}`;
  },
  (error) => (timing.textContent = error.message),
);

function moveTo(z: LatentPoint): void {
  current = clampLatent(z);
  readout.textContent = `z = (${current.x.toFixed(2)}, ${current.y.toFixed(2)})`;
  drawMarker(current);
  decodeLatest(current);
}

function pointerLatent(event: PointerEvent): LatentPoint {
  const box = plane.getBoundingClientRect();
  return planeToLatent(event.clientX - box.left, event.clientY - box.top, box.width, box.height);
}

const KEYS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

function listen(): void {
  plane.addEventListener('pointermove', (event) => moveTo(pointerLatent(event)));
  plane.addEventListener('pointerdown', (event) => moveTo(pointerLatent(event)));
  plane.addEventListener('keydown', (event) => {
    const direction = KEYS[event.key];
    if (event.key === 'Home') moveTo({ x: 0, y: 0 });
    if (!direction) return;
    event.preventDefault();
    const step = event.shiftKey ? 10 * STEP : STEP;
    moveTo({ x: current.x + direction[0] * step, y: current.y + direction[1] * step });
  });
}

async function load(model: ModelSummary): Promise<void> {
  const device = deviceSelect.value as BrowserDevice;
  status.textContent = `Loading ${model.name} on ${device}…`;
  generator = await generatorFor(model.id, device).generator;
  const mosaic = await generator.decode(tensor(mosaicLatents(MOSAIC), [MOSAIC * MOSAIC, 2]));
  drawToCanvas(plane, tileImages(generator.toRgba(mosaic), { columns: MOSAIC, padding: 0 }));
  marker.width = plane.width;
  marker.height = plane.height;
  status.textContent = `${model.name}: ${MOSAIC}×${MOSAIC} decodings over [−${EXTENT}, ${EXTENT}]², drawn on ${mosaic.execution.provider} in ${ms(mosaic.timeMs)}.`;
  moveTo(current);
}

async function start(): Promise<void> {
  const model = await chooseModel(hasLatentMap, 'a 2-D latent space and a decoder');
  if (!model) return;
  listen();
  deviceSelect.addEventListener('change', () => void load(model).catch((error: unknown) => (status.textContent = (error as Error).message)));
  try {
    await load(model);
    document.body.dataset.ready = 'true';
  } catch (error) {
    status.textContent = (error as Error).message;
    status.className = 'error';
  }
}

void start();
