import { scatterPlot, tensor, type PlotBounds, type RgbaImage, type Rgba } from '@genzoo/core';

/** What {@link renderDensityPlot} draws. */
export interface DensityPlot {
  bounds: PlotBounds;
  /** Heat-map samples per side (core's `plotGrid(bounds, resolution)` points). */
  resolution: number;
  /** Log-density at those points, resolution² values. */
  logDensity: ArrayLike<number>;
  /** Training points [x, y, …]. */
  data: ArrayLike<number>;
  /** Model samples [x, y, …]. */
  samples: ArrayLike<number>;
  /** Panel side in pixels (default 480). */
  size?: number;
  /** Only the top `range` nats of log-density are coloured; lower values share the darkest colour (default 16). */
  range?: number;
}

/** Pixels between the two panels. */
export const PANEL_GAP = 8;
export const DATA_COLOR: Rgba = [255, 255, 255, 150];
export const SAMPLE_COLOR: Rgba = [235, 50, 50, 255];

/** Log-densities floored at `range` nats below their maximum, so the heat map shows where the mass is. */
export function windowLogDensity(values: ArrayLike<number>, range: number): Float32Array {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) max = Math.max(max, values[i]!);
  return Float32Array.from(values, (v) => (Number.isFinite(v) ? Math.max(v, max - range) : max - range));
}

/**
 * Two square panels drawn with core's `scatterPlot`: left, the learned log-density as a heat map (the
 * top `range` nats); right, the same map with the training data (white) and the model's samples (red).
 */
export function renderDensityPlot(plot: DensityPlot): RgbaImage {
  const size = plot.size ?? 480;
  const heat = { values: windowLogDensity(plot.logDensity, plot.range ?? 16), resolution: plot.resolution };
  const points = (values: ArrayLike<number>) => tensor(Float32Array.from(values), [values.length / 2, 2]);
  const left = scatterPlot([], { size, bounds: plot.bounds, heat });
  const right = scatterPlot(
    [
      { points: points(plot.data), color: DATA_COLOR, radius: 1 },
      { points: points(plot.samples), color: SAMPLE_COLOR, radius: 1.2 },
    ],
    { size, bounds: plot.bounds, heat },
  );
  const width = 2 * size + PANEL_GAP;
  const data = new Uint8ClampedArray(width * size * 4).fill(255);
  for (let row = 0; row < size; row++) {
    data.set(left.data.subarray(row * size * 4, (row + 1) * size * 4), row * width * 4);
    data.set(right.data.subarray(row * size * 4, (row + 1) * size * 4), (row * width + size + PANEL_GAP) * 4);
  }
  return { width, height: size, data };
}
