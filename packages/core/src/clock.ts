/** Milliseconds from a monotonic clock where the runtime has one (Node and browsers both do). */
export function now(): number {
  const performance = (globalThis as { performance?: { now(): number } }).performance;
  return performance ? performance.now() : Date.now();
}
