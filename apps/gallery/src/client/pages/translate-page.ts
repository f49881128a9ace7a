import {
  drawToCanvas,
  fitImage,
  imageInputOf,
  rgbaImagesToTensor,
  sobelEdgeMap,
  translationDirectionsOf,
  type GeneratorApi,
  type RgbaImage,
  type TranslationDirection,
} from '@genzoo/web';
import { fetchServerTranslation, type ModelSummary } from '../api.js';
import { generatorFor, type BrowserDevice } from '../browser-runs.js';
import { byId, el, ms } from '../dom.js';
import { SketchPad } from '../drawing/sketch-pad.js';
import { centreInk, inkOf, inkToRgba, type InkImage } from '../drawing/to-model-image.js';
import { latestWins } from '../latest-wins.js';
import { chooseModel } from '../model-chooser.js';
import { hasTranslatePage } from '../model-traits.js';

const status = byId<HTMLElement>('page-status');
const directionSelect = byId<HTMLSelectElement>('direction');
const deviceSelect = byId<HTMLSelectElement>('device');
const brushSelect = byId<HTMLSelectElement>('brush');
const traceField = byId<HTMLElement>('trace-field');
const traceEdges = byId<HTMLInputElement>('trace-edges');
const modelInput = byId<HTMLCanvasElement>('model-input');
const translation = byId<HTMLCanvasElement>('translation');
const cycle = byId<HTMLCanvasElement>('cycle');
const cycleFigure = byId<HTMLElement>('cycle-figure');
const translateTime = byId<HTMLElement>('translate-time');
const cycleTime = byId<HTMLElement>('cycle-time');
const upload = byId<HTMLInputElement>('upload');
const uploadPreview = byId<HTMLImageElement>('upload-preview');
const uploadResult = byId<HTMLImageElement>('upload-result');
const uploadStatus = byId<HTMLElement>('upload-status');

let model: ModelSummary | undefined;
let generator: GeneratorApi | undefined;
let directions: TranslationDirection[] = ['a2b'];

const opposite = (direction: TranslationDirection): TranslationDirection => (direction === 'a2b' ? 'b2a' : 'a2b');
const direction = (): TranslationDirection => directionSelect.value as TranslationDirection;

/** Domain names of a direction: [from, to]. */
function domains(summary: ModelSummary, towards: TranslationDirection): [string, string] {
  const { a, b } = summary.translation!;
  return towards === 'a2b' ? [a.name, b.name] : [b.name, a.name];
}

/** Whether the source domain is edge maps, which the page can trace from a drawing of the thing itself. */
const isEdgeDomain = (name: string): boolean => /edge/.test(name);

/** The Sobel edge map of a drawing's ink, white on black: what the edges → image models were trained on. */
function traced({ ink, width, height }: InkImage): RgbaImage {
  const edges = sobelEdgeMap(Uint8Array.from(ink, (value) => Math.round(value * 255)), width, height);
  return inkToRgba({ ink: Float32Array.from(edges, (value) => value / 255), width, height });
}

/**
 * The drawing resampled the way the target dataset was made: MNIST digits fill 20 of 28 pixels around their
 * centre of mass, Fashion-MNIST items the whole frame. Tracing edges of a drawing off in a corner, or tiny,
 * would show the model edge maps unlike any it was trained on.
 */
function centredDrawing(size: { width: number; height: number }, target: string): InkImage {
  return centreInk(inkOf(pad.pixels()), size, /digit/.test(target) ? 20 / 28 : 1);
}

/** The pad's brush for `size` model pixels (the pad is drawn at 10× a 28-pixel model). */
function setBrush(pad: SketchPad, size: number): void {
  const side = model?.image?.width ?? 28;
  pad.setBrush(size / side);
}

const translateLatest = latestWins<HTMLCanvasElement>(
  async (canvas) => {
    if (!generator || !model) return;
    const towards = direction();
    const format = imageInputOf(generator.manifest, towards);
    const fitted = !traceField.hidden && traceEdges.checked ? traced(centredDrawing(format, domains(model, towards)[1])) : fitImage(canvas, format);
    drawToCanvas(modelInput, fitted);
    const result = await generator.translate(rgbaImagesToTensor([fitted], format), { direction: towards });
    drawToCanvas(translation, generator.toRgba(result)[0]!);
    translation.dataset.ready = 'true';
    translateTime.textContent = `${result.execution.provider}, ${ms(result.timeMs)}`;
    document.body.dataset.provider = result.execution.provider;
    if (directions.includes(opposite(towards))) {
      const back = await generator.translate(result.images, { direction: opposite(towards) });
      drawToCanvas(cycle, generator.toRgba(back)[0]!);
      cycle.dataset.ready = 'true';
      cycleTime.textContent = `${back.execution.provider}, ${ms(back.timeMs)}`;
    }
    document.body.dataset.translations = String(Number(document.body.dataset.translations ?? 0) + 1);
  },
  (error) => {
    translateTime.textContent = error.message;
  },
);

const pad = new SketchPad(byId<HTMLCanvasElement>('pad'), () => translateLatest(pad.canvas), {
  cursor: byId('pad-cursor'),
  onCursor: ({ x, y, penDown }) => {
    const side = model?.image?.width ?? 28;
    byId('pad-cursor-state').textContent = `brush ${penDown ? 'down' : 'up'} at ${Math.round(x * side)}, ${Math.round(y * side)}`;
  },
});

function showDirection(summary: ModelSummary): void {
  const [from, to] = domains(summary, direction());
  const tracing = isEdgeDomain(from) && traceEdges.checked;
  byId('source-domain').textContent = tracing ? `(traced into ${from})` : `(${from})`;
  byId('target-domain').textContent = `(${to})`;
  byId('cycle-domain').textContent = `(${from})`;
  // Drawn by hand, the zoo's edge maps (Sobel magnitude thresholded at 0.5) are solid white bands 3–4 pixels
  // wide; traced from a drawing of the thing itself, strokes of about 2 pixels (an MNIST digit's) give them.
  traceField.hidden = !isEdgeDomain(from);
  brushSelect.value = isEdgeDomain(from) && !tracing ? '3' : '2';
  setBrush(pad, Number(brushSelect.value));
}

async function load(summary: ModelSummary): Promise<void> {
  const device = deviceSelect.value as BrowserDevice;
  status.textContent = `Loading ${summary.name} on ${device}…`;
  generator = await generatorFor(summary.id, device).generator;
  const execution = await generator.execution();
  const { a, b } = summary.translation!;
  const [from, to] = direction() === 'a2b' ? [a, b] : [b, a];
  const tracing = !traceField.hidden && traceEdges.checked;
  const what = tracing
    ? `white strokes in the black square — the page centres them and traces their edges, as the model was trained on: ${from.description} —`
    : `${from.name} in the black square — ${from.description} —`;
  status.textContent = `${summary.name} on ${execution.provider}. Draw ${what} to see ${to.name}: ${to.description}.`;
  translateLatest(pad.canvas);
}

async function translateUpload(file: File): Promise<void> {
  if (!model) return;
  if (uploadPreview.src) URL.revokeObjectURL(uploadPreview.src);
  uploadPreview.src = URL.createObjectURL(file);
  uploadPreview.alt = `Your image: ${file.name}`;
  uploadPreview.hidden = false;
  uploadResult.dataset.state = 'busy';
  uploadStatus.className = 'muted stats-line';
  uploadStatus.textContent = 'translating on the server…';
  try {
    const result = await fetchServerTranslation(model.id, file, direction());
    if (uploadResult.src) URL.revokeObjectURL(uploadResult.src);
    uploadResult.src = URL.createObjectURL(result.blob);
    const [from, to] = domains(model, direction());
    uploadResult.alt = `${file.name} translated from ${from} to ${to} on the server`;
    uploadResult.hidden = false;
    uploadStatus.textContent = `${result.provider}, ${ms(result.timeMs)}`;
    uploadStatus.title = result.execution;
    uploadResult.dataset.state = 'done';
  } catch (error) {
    uploadResult.hidden = true;
    uploadStatus.textContent = (error as Error).message;
    uploadStatus.className = 'error stats-line';
    uploadResult.dataset.state = 'error';
  }
}

async function start(): Promise<void> {
  model = await chooseModel(hasTranslatePage, 'an image-to-image translator (pix2pix or CycleGAN)');
  if (!model) return;
  const summary = model;
  try {
    generator = await generatorFor(summary.id, deviceSelect.value as BrowserDevice).generator;
    directions = translationDirectionsOf(generator.manifest);
    directionSelect.replaceChildren(
      ...directions.map((towards) => {
        const [from, to] = domains(summary, towards);
        return el('option', { value: towards }, `${from} → ${to}`);
      }),
    );
    cycleFigure.hidden = directions.length < 2;
    showDirection(summary);
    byId('clear').addEventListener('click', () => pad.clear());
    brushSelect.addEventListener('change', () => setBrush(pad, Number(brushSelect.value)));
    traceEdges.addEventListener('change', () => {
      showDirection(summary);
      void load(summary).catch((error: unknown) => (status.textContent = (error as Error).message));
    });
    directionSelect.addEventListener('change', () => {
      showDirection(summary);
      void load(summary).catch((error: unknown) => (status.textContent = (error as Error).message));
    });
    deviceSelect.addEventListener('change', () => void load(summary).catch((error: unknown) => (status.textContent = (error as Error).message)));
    upload.addEventListener('change', () => {
      const file = upload.files?.[0];
      if (file) void translateUpload(file);
    });
    await load(summary);
    document.body.dataset.ready = 'true';
  } catch (error) {
    status.textContent = (error as Error).message;
    status.className = 'error';
  }
}

void start();
