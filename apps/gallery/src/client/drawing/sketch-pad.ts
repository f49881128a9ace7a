/** Brush width as a share of the pad's side: about an MNIST stroke once scaled down. */
const BRUSH = 0.075;

const KEYS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

export interface SketchPadOptions {
  /** Brush width as a share of the pad's side (default 0.075). */
  brush?: number;
  /**
   * Drawing with the keyboard, when the canvas is focusable (`tabindex="0"`): arrow keys move a cursor
   * (shown by this element, positioned over the canvas), Space lifts or lowers the pen, Enter draws a dot,
   * Delete clears. `onCursor` hears where the cursor is and whether the pen is down.
   */
  cursor?: HTMLElement;
  onCursor?: (state: { x: number; y: number; penDown: boolean }) => void;
  /** Cursor steps per side of the pad (one step per arrow press; Shift moves four). Default 28. */
  steps?: number;
}

/**
 * A square pad to draw on with mouse, touch or pen (pointer events), and with the keyboard when asked:
 * white strokes on black. `onChange` runs after every stroke segment and when the pad is cleared or replaced.
 */
export class SketchPad {
  private readonly context: CanvasRenderingContext2D;
  private last: { x: number; y: number } | undefined;
  private brush: number;
  private readonly steps: number;
  private keyCursor = { x: 0.5, y: 0.5 };
  private penDown = false;

  constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly onChange: () => void,
    private readonly options: SketchPadOptions = {},
  ) {
    this.context = canvas.getContext('2d', { willReadFrequently: true })!;
    this.brush = options.brush ?? BRUSH;
    this.steps = options.steps ?? 28;
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
    if (options.cursor) this.listenToKeys(options.cursor);
  }

  /** Brush width as a share of the pad's side. */
  setBrush(share: number): void {
    this.brush = share;
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

  private listenToKeys(cursor: HTMLElement): void {
    const show = (): void => {
      cursor.style.left = `${this.keyCursor.x * 100}%`;
      cursor.style.top = `${this.keyCursor.y * 100}%`;
      cursor.style.width = cursor.style.height = `${Math.max(this.brush, 0.02) * 100}%`;
      cursor.dataset.pen = this.penDown ? 'down' : 'up';
      this.options.onCursor?.({ ...this.keyCursor, penDown: this.penDown });
    };
    const at = () => ({ x: this.keyCursor.x * this.canvas.width, y: this.keyCursor.y * this.canvas.height });
    // The cursor is for keyboard users: a click or touch focuses the pad too, without showing it.
    this.canvas.addEventListener('focus', () => {
      cursor.hidden = !this.canvas.matches(':focus-visible');
      show();
    });
    this.canvas.addEventListener('blur', () => {
      cursor.hidden = true;
      this.penDown = false;
    });
    this.canvas.addEventListener('keydown', (event) => {
      const move = KEYS[event.key];
      if (move) {
        event.preventDefault();
        const from = at();
        const step = (event.shiftKey ? 4 : 1) / this.steps;
        this.keyCursor = {
          x: Math.min(1, Math.max(0, this.keyCursor.x + move[0] * step)),
          y: Math.min(1, Math.max(0, this.keyCursor.y + move[1] * step)),
        };
        if (this.penDown) this.stroke(from, at());
      } else if (event.key === ' ') {
        event.preventDefault();
        this.penDown = !this.penDown;
        if (this.penDown) this.stroke(at(), at());
      } else if (event.key === 'Enter') {
        event.preventDefault();
        this.stroke(at(), at());
      } else if (event.key === 'Delete' || event.key === 'Backspace') {
        event.preventDefault();
        this.clear();
      } else {
        return;
      }
      cursor.hidden = false;
      show();
    });
  }

  private stroke(from: { x: number; y: number }, to: { x: number; y: number }): void {
    const context = this.context;
    const width = this.brush * this.canvas.width;
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
