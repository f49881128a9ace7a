import { InputError } from '../errors.js';
import { tensor, type TensorData } from '../tensor.js';
import { fillRgba } from './grid.js';
import type { RgbaImage } from './rgba.js';

/** The data rectangle a plot shows. */
export interface PlotBounds {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export type Rgba = readonly [number, number, number, number];

/** One set of points drawn in one colour; later layers draw over earlier ones. */
export interface ScatterLayer {
  /** `[n, 2]`: x, y per row. */
  points: TensorData;
  color: Rgba;
  /** Dot radius in pixels; default 1.5. */
  radius?: number;
}

/** A scalar field over the plot (e.g. a log-density), sampled at the points of {@link plotGrid}. */
export interface HeatMap {
  values: ArrayLike<number>;
  /** Samples per side of the grid. */
  resolution: number;
}

export interface ScatterOptions {
  /** Square image side in pixels; default 320. */
  size?: number;
  /** Default: the points' bounding box, squared up, with a 10% margin. */
  bounds?: PlotBounds;
  background?: Rgba;
  heat?: HeatMap;
}

function assertPoints(points: TensorData, what: string): void {
  if (points.dims.length !== 2 || points.dims[1] !== 2) throw new InputError(`${what} must have shape [N, 2], got [${points.dims.join(', ')}]`);
}

/** A square box around every point with `margin` (a fraction of the side) on each side. */
export function boundsOf(sets: readonly TensorData[], margin = 0.1): PlotBounds {
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const points of sets) {
    assertPoints(points, 'points');
    for (let row = 0; row < points.dims[0]!; row++) {
      const x = points.data[2 * row]!;
      const y = points.data[2 * row + 1]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      [xMin, xMax, yMin, yMax] = [Math.min(xMin, x), Math.max(xMax, x), Math.min(yMin, y), Math.max(yMax, y)];
    }
  }
  if (xMin > xMax) return { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
  const side = Math.max(xMax - xMin, yMax - yMin, 1e-6) * (1 + 2 * margin);
  const [cx, cy] = [(xMin + xMax) / 2, (yMin + yMax) / 2];
  return { xMin: cx - side / 2, xMax: cx + side / 2, yMin: cy - side / 2, yMax: cy + side / 2 };
}

/** The `resolution²` cell centres of `bounds`, row by row from the top, as `[resolution², 2]` points. */
export function plotGrid(bounds: PlotBounds, resolution: number): TensorData {
  if (!Number.isInteger(resolution) || resolution <= 0) throw new InputError(`resolution must be a positive integer, got ${resolution}`);
  const data = new Float32Array(resolution * resolution * 2);
  for (let row = 0; row < resolution; row++) {
    for (let column = 0; column < resolution; column++) {
      const index = 2 * (row * resolution + column);
      data[index] = bounds.xMin + ((column + 0.5) / resolution) * (bounds.xMax - bounds.xMin);
      data[index + 1] = bounds.yMax - ((row + 0.5) / resolution) * (bounds.yMax - bounds.yMin);
    }
  }
  return tensor(data, [resolution * resolution, 2]);
}

/** Dark blue → teal → yellow, a perceptually ordered ramp for t in [0, 1]. */
function heatColor(t: number): Rgba {
  const stops: Rgba[] = [
    [16, 16, 40, 255],
    [30, 90, 120, 255],
    [60, 160, 130, 255],
    [240, 220, 90, 255],
  ];
  const scaled = Math.min(Math.max(t, 0), 1) * (stops.length - 1);
  const low = Math.min(Math.floor(scaled), stops.length - 2);
  const mix = scaled - low;
  const [a, b] = [stops[low]!, stops[low + 1]!];
  return [0, 1, 2, 3].map((channel) => Math.round(a[channel]! + (b[channel]! - a[channel]!) * mix)) as unknown as Rgba;
}

function paintHeat(data: Uint8ClampedArray, size: number, { values, resolution }: HeatMap): void {
  if (values.length !== resolution * resolution) throw new InputError(`heat map needs ${resolution * resolution} values, got ${values.length}`);
  let [low, high] = [Infinity, -Infinity];
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    if (Number.isFinite(value)) [low, high] = [Math.min(low, value), Math.max(high, value)];
  }
  const span = high > low ? high - low : 1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const cell = Math.floor((y * resolution) / size) * resolution + Math.floor((x * resolution) / size);
      const value = values[cell]!;
      data.set(heatColor(Number.isFinite(value) ? (value - low) / span : 0), 4 * (y * size + x));
    }
  }
}

function paintDot(data: Uint8ClampedArray, size: number, cx: number, cy: number, radius: number, [r, g, b, a]: Rgba): void {
  const alpha = a / 255;
  for (let y = Math.max(0, Math.floor(cy - radius)); y <= Math.min(size - 1, Math.ceil(cy + radius)); y++) {
    for (let x = Math.max(0, Math.floor(cx - radius)); x <= Math.min(size - 1, Math.ceil(cx + radius)); x++) {
      if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 > radius * radius) continue;
      const index = 4 * (y * size + x);
      data[index] = data[index]! + (r - data[index]!) * alpha;
      data[index + 1] = data[index + 1]! + (g - data[index + 1]!) * alpha;
      data[index + 2] = data[index + 2]! + (b - data[index + 2]!) * alpha;
      data[index + 3] = 255;
    }
  }
}

/**
 * Draws 2-D point sets, optionally over a heat map, into a square RGBA image (y grows upwards).
 * Pure arithmetic on the inputs, so every runtime draws the same pixels for the same points.
 */
export function scatterPlot(layers: readonly ScatterLayer[], options: ScatterOptions = {}): RgbaImage {
  const size = options.size ?? 320;
  if (!Number.isInteger(size) || size <= 0) throw new InputError(`plot size must be a positive integer, got ${size}`);
  layers.forEach((layer, index) => assertPoints(layer.points, `scatter layer ${index}`));
  const bounds = options.bounds ?? boundsOf(layers.map((layer) => layer.points));
  const data = new Uint8ClampedArray(size * size * 4);
  const background = options.background ?? [250, 250, 250, 255];
  fillRgba(data, background);
  if (options.heat) paintHeat(data, size, options.heat);
  const [sx, sy] = [size / (bounds.xMax - bounds.xMin), size / (bounds.yMax - bounds.yMin)];
  for (const { points, color, radius = 1.5 } of layers) {
    for (let row = 0; row < points.dims[0]!; row++) {
      const x = (points.data[2 * row]! - bounds.xMin) * sx;
      const y = (bounds.yMax - points.data[2 * row + 1]!) * sy;
      if (Number.isFinite(x) && Number.isFinite(y)) paintDot(data, size, x, y, radius, color);
    }
  }
  return { width: size, height: size, data };
}
