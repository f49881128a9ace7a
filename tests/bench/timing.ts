/** Timing of repeated runs of one operation. */
export interface Timing {
  runs: number;
  medianMs: number;
  p90Ms: number;
}

/**
 * Runs `operation` a few times to warm up, then repeatedly for at least `minMs` (and `minRuns`),
 * and reports the median and 90th percentile wall time per run.
 */
export async function time(operation: () => unknown, { warmup = 3, minRuns = 10, minMs = 2000 } = {}): Promise<Timing> {
  for (let run = 0; run < warmup; run++) await operation();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < minRuns || performance.now() - started < minMs) {
    const before = performance.now();
    await operation();
    samples.push(performance.now() - before);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number): number => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { runs: samples.length, medianMs: at(0.5), p90Ms: at(0.9) };
}

export function formatRate(samplesPerRun: number, timing: Timing): string {
  const rate = (samplesPerRun * 1000) / timing.medianMs;
  return `${rate.toFixed(0).padStart(7)} samples/s  (median ${timing.medianMs.toFixed(2)} ms per batch, p90 ${timing.p90Ms.toFixed(2)} ms, ${timing.runs} runs)`;
}
