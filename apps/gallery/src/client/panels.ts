import { describeExecution, drawToCanvas, type ExecutionInfo, type RgbaImage } from '@genzoo/web';
import { ms } from './dom.js';

export type PanelId = 'server' | 'webgpu' | 'wasm';

export interface PanelResult {
  image: RgbaImage;
  /** Shown as-is in an <img> when present (the server's PNG), else painted on the canvas. */
  blob?: Blob;
  provider: string;
  detail: string;
  timeMs: number;
  /** Set when this run opened the model: its time includes one-off work such as WebGPU shader compilation. */
  loadMs?: number | undefined;
  /** Set when the provider is not the one this panel is about. */
  warning?: string | undefined;
}

function element<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`page is missing ${selector}`);
  return found;
}

/** One of the three result panels. */
export class Panel {
  private readonly root: HTMLElement;
  private readonly img: HTMLImageElement | null;
  private readonly canvas: HTMLCanvasElement;
  private readonly placeholder: HTMLElement;
  private readonly stats: HTMLElement;
  private readonly badge: HTMLElement;
  private objectUrl: string | undefined;

  constructor(readonly id: PanelId) {
    this.root = element<HTMLElement>(document, `#panel-${id}`);
    this.img = this.root.querySelector('img');
    this.canvas = element(this.root, 'canvas');
    this.placeholder = element(this.root, '.placeholder');
    this.stats = element(this.root, '.stats');
    this.badge = element(this.root, '.badge');
  }

  /** Turned off by the runtime switch: shows nothing and takes no part in parity. */
  off(): void {
    this.root.dataset.state = 'off';
    this.root.setAttribute('aria-busy', 'false');
    this.stats.textContent = 'off';
    this.stats.className = 'stats';
    this.setParity(undefined);
  }

  /** The parity badge: this panel's worst max pixel difference against the other panels; undefined hides it. */
  setParity(worst: number | undefined, unit = '/255', agrees = worst !== undefined && worst <= 1): void {
    this.badge.hidden = worst === undefined;
    if (worst === undefined) return;
    this.badge.textContent = `${agrees ? '✓' : '✗'} Δ ${unit === '/255' ? worst : worst.toExponential(1)}${unit}`;
    this.badge.dataset.agrees = String(agrees);
    this.badge.title = `largest difference from the other runtimes for this seed${unit === '/255' ? ' (pixel values 0–255)' : ' (relative to the data\'s scale)'}`;
  }

  busy(label: string): void {
    this.setParity(undefined);
    this.root.dataset.state = 'busy';
    this.root.setAttribute('aria-busy', 'true');
    this.stats.textContent = label;
    this.stats.className = 'stats';
  }

  show(result: PanelResult, altText: string): void {
    this.root.dataset.state = 'done';
    this.root.dataset.provider = result.provider;
    this.root.dataset.fallback = String(result.warning !== undefined);
    this.root.setAttribute('aria-busy', 'false');
    this.placeholder.hidden = true;
    if (this.img && result.blob) {
      if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
      this.objectUrl = URL.createObjectURL(result.blob);
      this.img.src = this.objectUrl;
      this.img.alt = altText;
      this.img.hidden = false;
      this.canvas.hidden = true;
    } else {
      drawToCanvas(this.canvas, result.image);
      this.canvas.setAttribute('role', 'img');
      this.canvas.setAttribute('aria-label', altText);
      this.canvas.hidden = false;
    }
    const first = result.loadMs !== undefined;
    this.stats.replaceChildren();
    const line = document.createElement('span');
    line.append(`${result.provider} · ${first ? 'first run' : 'run'} `, strong(ms(result.timeMs)));
    if (first) line.append(` · load ${ms(result.loadMs!)}`);
    this.stats.append(line);
    this.stats.title = result.detail;
    if (result.warning) {
      const warning = document.createElement('span');
      warning.className = 'warning';
      warning.textContent = result.warning;
      this.stats.append(warning);
    }
    this.stats.className = 'stats';
  }

  fail(message: string): void {
    this.setParity(undefined);
    this.root.dataset.state = 'error';
    this.root.setAttribute('aria-busy', 'false');
    this.stats.textContent = message;
    this.stats.className = 'stats error';
  }
}

function strong(text: string): HTMLElement {
  const node = document.createElement('strong');
  node.textContent = text;
  return node;
}

/** The one-line detail of an execution, including fallbacks. */
export function executionDetail(execution: ExecutionInfo): string {
  return describeExecution(execution);
}
