import { MAX_SEED, drawToCanvas, interpolationPath, sampleLatents, tensorToRgbaImages, type GeneratorApi, type InterpolationMethod, type RgbaImage } from '@genzoo/web';
import { byId } from './dom.js';

/** Frames of one path; the animation plays them forth and back. */
export const FRAMES = 32;
const FRAME_MS = 80;

/**
 * Latent interpolation between two seeds as an animation, computed in the page's inference worker.
 * Unconditional models use `interpolate`; conditional ones decode the same path with one class.
 */
export class InterpolationPlayer {
  private readonly canvas = byId<HTMLCanvasElement>('interpolation-canvas');
  private readonly fromInput = byId<HTMLInputElement>('from-seed');
  private readonly toInput = byId<HTMLInputElement>('to-seed');
  private readonly method = byId<HTMLSelectElement>('path-method');
  private readonly playButton = byId<HTMLButtonElement>('play');
  private readonly frameInput = byId<HTMLInputElement>('frame');
  private readonly frameValue = byId<HTMLOutputElement>('frame-value');
  private readonly status = byId<HTMLElement>('interpolation-status');
  private frames: RgbaImage[] = [];
  private frame = 0;
  private direction = 1;
  private timer: number | undefined;
  private request = 0;

  constructor(private readonly generator: () => Promise<GeneratorApi>, private readonly label: () => number | undefined) {
    this.playButton.addEventListener('click', () => (this.timer === undefined ? this.play() : this.pause()));
    this.frameInput.addEventListener('input', () => {
      this.pause();
      this.show(Number(this.frameInput.value));
    });
    for (const input of [this.fromInput, this.toInput, this.method]) input.addEventListener('change', () => void this.load());
  }

  /** Computes the frames for the current seeds and method; plays them unless the user prefers reduced motion. */
  async load(autoplay = !matchMedia('(prefers-reduced-motion: reduce)').matches): Promise<void> {
    const from = Number(this.fromInput.value);
    const to = Number(this.toInput.value);
    if (![from, to].every((seed) => Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED)) {
      this.status.textContent = `Seeds must be whole numbers from 0 to ${MAX_SEED}.`;
      return;
    }
    const request = ++this.request;
    this.pause();
    this.playButton.disabled = true;
    this.status.textContent = 'Computing frames…';
    try {
      const generator = await this.generator();
      const method = this.method.value as InterpolationMethod;
      const label = this.label();
      let images: RgbaImage[];
      let timeMs: number;
      if (label === undefined) {
        const result = await generator.interpolate({ from, to, steps: FRAMES, method });
        [images, timeMs] = [generator.toRgba(result), result.timeMs];
      } else {
        const { latent } = generator.manifest;
        if (!latent) throw new Error(`${generator.id} has no latent to interpolate`);
        const { size, distribution } = latent;
        const end = (seed: number) => sampleLatents({ n: 1, size, seed, distribution }).data;
        const result = await generator.decode(interpolationPath(end(from), end(to), FRAMES, method), new Array<number>(FRAMES).fill(label));
        [images, timeMs] = [tensorToRgbaImages(result.images, result.format), result.timeMs];
      }
      if (request !== this.request) return;
      this.frames = images;
      this.status.textContent = `${FRAMES} frames${label === undefined ? '' : ` of class ${label}`} in ${timeMs.toFixed(1)} ms`;
      this.frameInput.disabled = false;
      this.playButton.disabled = false;
      this.show(0);
      if (autoplay) this.play();
    } catch (error) {
      if (request === this.request) this.status.textContent = (error as Error).message;
    }
  }

  play(): void {
    if (this.frames.length === 0 || this.timer !== undefined) return;
    this.playButton.textContent = 'Pause';
    this.playButton.setAttribute('aria-pressed', 'true');
    this.timer = window.setInterval(() => {
      if (this.frame + this.direction < 0 || this.frame + this.direction >= this.frames.length) this.direction *= -1;
      this.show(this.frame + this.direction);
    }, FRAME_MS);
  }

  pause(): void {
    if (this.timer !== undefined) window.clearInterval(this.timer);
    this.timer = undefined;
    this.playButton.textContent = 'Play';
    this.playButton.setAttribute('aria-pressed', 'false');
  }

  private show(frame: number): void {
    const image = this.frames[frame];
    if (!image) return;
    this.frame = frame;
    drawToCanvas(this.canvas, image);
    this.frameInput.value = String(frame);
    this.frameValue.textContent = `${frame + 1}/${this.frames.length}`;
  }
}
