import { drawToCanvas, toImageData, type GeneratorApi, type Manifest, type TensorSpec } from '@genzoo/web';
import type { ModelSummary } from '../api.js';
import { generatorFor, type BrowserDevice } from '../browser-runs.js';
import { byId, el, ms } from '../dom.js';
import { SketchPad } from '../drawing/sketch-pad.js';
import { centreInk, inkOf, inkToRgba, toImageTensor, type ImageInputFormat } from '../drawing/to-model-image.js';
import { latestWins } from '../latest-wins.js';
import { chooseModel } from '../model-chooser.js';
import { hasDrawPage } from '../model-traits.js';

const status = byId<HTMLElement>('page-status');
const deviceSelect = byId<HTMLSelectElement>('device');
const classField = byId<HTMLElement>('class-field');
const classSelect = byId<HTMLSelectElement>('class');
const modelInput = byId<HTMLCanvasElement>('model-input');
const reconstruction = byId<HTMLCanvasElement>('reconstruction');
const timing = byId<HTMLElement>('reconstruct-time');

let generator: GeneratorApi | undefined;
let format: ImageInputFormat | undefined;

function encoderImageSpec(manifest: Manifest): TensorSpec {
  const spec = manifest.graphs.encoder?.inputs.find((input) => input.role === 'image');
  if (!spec) throw new Error(`${manifest.id}'s encoder takes no image`);
  return spec;
}

/** Class count of a conditional encoder (a one-hot `label` input); undefined otherwise. */
function encoderClasses(manifest: Manifest): number | undefined {
  const label = manifest.graphs.encoder?.inputs.find((input) => input.role === 'label');
  return typeof label?.shape[1] === 'number' ? label.shape[1] : undefined;
}

function chosenLabels(): number[] | undefined {
  return classField.hidden ? undefined : [Number(classSelect.value)];
}

const reconstruct = latestWins<ImageData>(
  async (drawing) => {
    if (!generator || !format) return;
    const image = generator.manifest.image!;
    const ink = centreInk(inkOf(drawing), image);
    const input = toImageTensor(ink, format);
    drawToCanvas(modelInput, inkToRgba(ink));
    const result = await generator.reconstruct(input, { labels: chosenLabels() });
    drawToCanvas(reconstruction, generator.toRgba(result)[0]!);
    reconstruction.dataset.ready = 'true';
    timing.textContent = `· ${result.execution.provider}, ${ms(result.timeMs)}`;
  },
  (error) => {
    timing.textContent = error.message;
  },
);

const pad = new SketchPad(byId<HTMLCanvasElement>('pad'), () => reconstruct(pad.pixels()));

/** Draws one sample of the model onto the pad: a way in without a pointer, and a fair test of the round trip. */
async function drawSample(): Promise<void> {
  if (!generator) return;
  const seed = crypto.getRandomValues(new Uint32Array(1))[0]!;
  const labels = chosenLabels();
  const result = await generator.sample({ n: 1, seed, labels });
  await pad.drawImage(toImageData(generator.toRgba(result)[0]!));
}

async function load(model: ModelSummary): Promise<void> {
  const device = deviceSelect.value as BrowserDevice;
  status.textContent = `Loading ${model.name} on ${device}…`;
  generator = await generatorFor(model.id, device).generator;
  const spec = encoderImageSpec(generator.manifest);
  format = { layout: spec.layout ?? 'NCHW', range: spec.range ?? [0, 1], channels: generator.manifest.image!.channels };
  const execution = await generator.execution();
  status.textContent = `${model.name} on ${execution.provider}: draw in the black square.`;
  reconstruct(pad.pixels());
}

async function start(): Promise<void> {
  const model = await chooseModel(hasDrawPage, 'an encoder');
  if (!model) return;
  byId('clear').addEventListener('click', () => pad.clear());
  byId('sample-digit').addEventListener('click', () => void drawSample().catch((error: unknown) => (status.textContent = (error as Error).message)));
  classSelect.addEventListener('change', () => reconstruct(pad.pixels()));
  deviceSelect.addEventListener('change', () => void load(model).catch((error: unknown) => (status.textContent = (error as Error).message)));
  try {
    await load(model);
    const classes = encoderClasses(generator!.manifest);
    classField.hidden = classes === undefined;
    classSelect.replaceChildren(...Array.from({ length: classes ?? 0 }, (_, index) => el('option', { value: String(index) }, String(index))));
    document.body.dataset.ready = 'true';
  } catch (error) {
    status.textContent = (error as Error).message;
    status.className = 'error';
  }
}

void start();
