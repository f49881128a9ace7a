/** Gradient magnitude (pixels scaled to [0, 1]) above which a pixel is an edge: the zoo's edge maps use 0.5. */
export const EDGE_THRESHOLD = 0.5;

/**
 * A binary edge map of one grayscale image (bytes, row-major): the Sobel gradient magnitude with borders
 * replicated, 255 where it exceeds `threshold` (pixels scaled to [0, 1]) and 0 elsewhere. The edges →
 * image translators were trained on exactly these maps, so pages and tools trace drawings with it too.
 */
export function sobelEdgeMap(plane: ArrayLike<number>, width: number, height: number, threshold = EDGE_THRESHOLD): Uint8Array {
  if (plane.length !== width * height) throw new RangeError(`an edge map of ${width}×${height} needs ${width * height} pixels, got ${plane.length}`);
  const out = new Uint8Array(width * height);
  const squared = threshold * threshold * 255 * 255;
  const at = (y: number, x: number): number => plane[Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))]!;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const gx = at(y - 1, x + 1) + 2 * at(y, x + 1) + at(y + 1, x + 1) - at(y - 1, x - 1) - 2 * at(y, x - 1) - at(y + 1, x - 1);
      const gy = at(y + 1, x - 1) + 2 * at(y + 1, x) + at(y + 1, x + 1) - at(y - 1, x - 1) - 2 * at(y - 1, x) - at(y - 1, x + 1);
      out[y * width + x] = gx * gx + gy * gy > squared ? 255 : 0;
    }
  }
  return out;
}
