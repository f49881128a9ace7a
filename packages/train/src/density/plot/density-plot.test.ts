import { scatterPlot } from '@genzoo/core';
import { describe, expect, it } from 'vitest';
import { PANEL_GAP, renderDensityPlot, SAMPLE_COLOR, windowLogDensity } from './density-plot.js';

describe('density plot', () => {
  it('floors log-densities a fixed number of nats below the maximum', () => {
    expect(Array.from(windowLogDensity([0, -5, -100, -Infinity], 16))).toEqual([0, -5, -16, -16]);
  });

  it('draws the heat map alone on the left and with data and samples on the right', () => {
    const bounds = { xMin: 0, xMax: 4, yMin: 0, yMax: 4 };
    const logDensity = Array.from({ length: 16 }, (_, i) => (i === 0 ? 0 : -100));
    const image = renderDensityPlot({ bounds, resolution: 4, logDensity, data: [], samples: [3.5, 0.5], size: 4 });
    expect([image.width, image.height]).toEqual([8 + PANEL_GAP, 4]);
    const pixel = (x: number, y: number): number[] => Array.from(image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 4));
    const heatOnly = scatterPlot([], { size: 4, bounds, heat: { values: windowLogDensity(logDensity, 16), resolution: 4 } });
    expect(pixel(0, 0)).toEqual(Array.from(heatOnly.data.subarray(0, 4)));
    expect(pixel(0, 0)).not.toEqual(pixel(1, 1));
    expect(pixel(3, 3)).toEqual(pixel(1, 1));
    expect(pixel(4 + PANEL_GAP + 3, 3)).toEqual([...SAMPLE_COLOR]);
    expect(pixel(4, 0)).toEqual([255, 255, 255, 255]);
  });
});
