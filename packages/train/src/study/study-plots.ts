import { sampleMixture, type Mixture2d } from '@genzoo/metrics';
import { scatterPlot, tensor, tileImages, type PlotBounds, type RgbaImage } from '@genzoo/core';
import type { StudySnapshot } from './study-result.js';

const DATA_COLOR = [150, 150, 150, 255] as const;
const SAMPLE_COLOR = [214, 39, 40, 255] as const;
/** Seed of the data points drawn under the samples. */
const PLOT_DATA_SEED = 7;

/** The mode centres' box with half the spacing of neighbouring modes (at least 0.5) around it. */
export function mixtureBounds(mixture: Mixture2d): PlotBounds {
  const xs = mixture.centres.map(([x]) => x);
  const ys = mixture.centres.map(([, y]) => y);
  const margin = Math.max(0.5, (Math.max(...xs) - Math.min(...xs)) / 8);
  return { xMin: Math.min(...xs) - margin, xMax: Math.max(...xs) + margin, yMin: Math.min(...ys) - margin, yMax: Math.max(...ys) + margin };
}

/** Samples (red) over 2,500 data points (grey), on the mixture's fixed bounds. */
export function samplesOverData(mixture: Mixture2d, samples: readonly number[], size = 320): RgbaImage {
  const data = sampleMixture(mixture, 2500, PLOT_DATA_SEED);
  return scatterPlot(
    [
      { points: tensor(Float32Array.from(data.data), [data.rows, 2]), color: DATA_COLOR, radius: 1 },
      { points: tensor(Float32Array.from(samples), [samples.length / 2, 2]), color: SAMPLE_COLOR, radius: 1 },
    ],
    { size, bounds: mixtureBounds(mixture) },
  );
}

/** One row of snapshots over training, left to right: where the generator's samples sat at each point. */
export function snapshotStrip(mixture: Mixture2d, snapshots: readonly StudySnapshot[], size = 200): RgbaImage {
  return tileImages(
    snapshots.map((snapshot) => samplesOverData(mixture, snapshot.points, size)),
    { columns: snapshots.length, padding: 4, background: [255, 255, 255, 255] },
  );
}
