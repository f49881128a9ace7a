import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { LossPoint } from '../image/loss-curve.js';

/**
 * Per-step losses of a run, appended to a JSON-lines file so the curve survives resumes: on resume,
 * lines after the checkpoint's step (written by the killed process after its last checkpoint) are dropped.
 */
export class LossHistory {
  private readonly points: LossPoint[] = [];

  /** Starts the file afresh, or keeps its lines up to `resumedStep`. */
  constructor(readonly path: string, resumedStep?: number) {
    if (resumedStep !== undefined && existsSync(path)) {
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        try {
          const point = JSON.parse(line) as LossPoint;
          if (point.step <= resumedStep) this.points.push(point);
        } catch {
          // A line cut short by a kill: drop it.
        }
      }
    }
    writeFileSync(path, this.points.map((p) => `${JSON.stringify(p)}\n`).join(''));
  }

  append(step: number, losses: Record<string, number>): void {
    const point = { step, losses };
    this.points.push(point);
    appendFileSync(this.path, `${JSON.stringify(point)}\n`);
  }

  all(): readonly LossPoint[] {
    return this.points;
  }
}
