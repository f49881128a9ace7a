import { InputError } from '@genzoo/core';
import type { FeatureMatrix } from '../features/feature-matrix.js';
import type { Mixture2d } from './mixtures.js';

export interface ModeMetrics {
  /** Modes with at least `minPerMode` high-quality samples. */
  modesCaptured: number;
  modes: number;
  /** Share of samples within 3 standard deviations of their nearest mode centre (0…1). */
  highQuality: number;
  /** KL(sample mode histogram ‖ uniform) in nats, over high-quality samples; 0 is perfectly balanced, log(modes) is one mode. */
  reverseKl: number;
  /** High-quality samples per mode. */
  histogram: number[];
}

/**
 * The 2-D protocol of VEEGAN (Srivastava et al., 2017) and PacGAN (Lin et al., 2018): each sample is
 * assigned to its nearest mode centre; it is high quality when within 3σ of it; a mode is captured
 * when it has at least `minPerMode` high-quality samples (1 by default, as in those papers); and the
 * reverse KL compares the histogram of high-quality samples over modes with the uniform one. With no
 * high-quality sample at all the reverse KL is reported as log(modes), the value of total collapse.
 */
export function modeMetrics(points: FeatureMatrix, mixture: Mixture2d, minPerMode = 1): ModeMetrics {
  if (points.cols !== 2) throw new InputError(`the 2-D protocol needs points with 2 coordinates, got ${points.cols}`);
  const modes = mixture.centres.length;
  const histogram = new Array<number>(modes).fill(0);
  const limit = (3 * mixture.std) ** 2;
  let good = 0;
  for (let i = 0; i < points.rows; i++) {
    const x = points.data[2 * i]!;
    const y = points.data[2 * i + 1]!;
    let best = Infinity;
    let nearest = 0;
    mixture.centres.forEach(([cx, cy], k) => {
      const d = (x - cx) ** 2 + (y - cy) ** 2;
      if (d < best) {
        best = d;
        nearest = k;
      }
    });
    if (best <= limit) {
      good++;
      histogram[nearest]!++;
    }
  }
  let reverseKl = Math.log(modes);
  if (good > 0) {
    reverseKl = 0;
    for (const count of histogram) if (count > 0) reverseKl += (count / good) * Math.log((count / good) * modes);
  }
  return {
    modesCaptured: histogram.filter((count) => count >= minPerMode).length,
    modes,
    highQuality: good / points.rows,
    reverseKl,
    histogram,
  };
}
