/** Brush width as a share of the pad's side: about an MNIST stroke once scaled down. */
const BRUSH = 0.075;

/**
 * A square pad to draw on with mouse, touch or pen (pointer events): white strokes on black.
 * `onChange` runs after every stroke segment and when the pad is cleared or replaced.
 */
export class SketchPad {
  private readonly context: CanvasRenderingContext2D;
  private last: { x: number; y: number } | undefined;

  constructor(readonly canvas: HTMLCanvasElement, private readonly onChange: () => void) {
    this.context = canvas.getContext('2d', { willReadFrequently: true })!;
    this.clear(false);
    canvas.addEventListener('pointerdown', (event) => {
      canvas.setPointerCapture(event.pointerId);
      this.last = this.position(event);
      this.stroke(this.last, this.last);
    });
    canvas.addEventListener('pointermove', (event) => {
      if (!this.last) return;
      const point = this.position(event);
      this.stroke(this.last, point);
      this.last = point;
    });
    for (const type of ['pointerup', 'pointercancel'] as const) canvas.addEventListener(type, () => (this.last = undefined));
  }

  clear(notify = true): void {
    this.context.fillStyle = '#000';
    this.context.fillRect(0, 0, this.canvas.width, this.canvas.height);
    if (notify) this.onChange();
  }

  /** Replaces the drawing with an image, scaled to the pad (e.g. a sample of the model). */
  async drawImage(image: ImageData): Promise<void> {
    const bitmap = await createImageBitmap(image);
    this.context.imageSmoothingEnabled = true;
    this.context.drawImage(bitmap, 0, 0, this.canvas.width, this.canvas.height);
    bitmap.close();
    this.onChange();
  }

  pixels(): ImageData {
    return this.context.getImageData(0, 0, this.canvas.width, this.canvas.height);
  }

  private position(event: PointerEvent): { x: number; y: number } {
    const box = this.canvas.getBoundingClientRect();
    return { x: ((event.clientX - box.left) / box.width) * this.canvas.width, y: ((event.clientY - box.top) / box.height) * this.canvas.height };
  }

  private stroke(from: { x: number; y: number }, to: { x: number; y: number }): void {
    const context = this.context;
    const width = BRUSH * this.canvas.width;
    context.fillStyle = '#fff';
    context.strokeStyle = '#fff';
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.lineWidth = width;
    context.beginPath();
    // A tap is a dot: a zero-length line draws nothing.
    context.arc(to.x, to.y, width / 2, 0, 2 * Math.PI);
    context.fill();
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
    context.stroke();
    this.onChange();
  }
}
