/** Typed readers for tfjs layer configs (the output of `layer.getConfig()`). */
export type LayerConfig = Record<string, unknown>;

/** A numeric option, or `fallback` when absent. */
export function configNumber(config: LayerConfig, key: string, fallback: number): number {
  const v = config[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number') throw new Error(`option ${key} must be a number, got ${JSON.stringify(v)}`);
  return v;
}

/** A string option, or `fallback` when absent. */
export function configString(config: LayerConfig, key: string, fallback: string): string {
  const v = config[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'string') throw new Error(`option ${key} must be a string, got ${JSON.stringify(v)}`);
  return v;
}

/** A boolean option, or `fallback` when absent. */
export function configBool(config: LayerConfig, key: string, fallback: boolean): boolean {
  const v = config[key];
  return v === undefined || v === null ? fallback : Boolean(v);
}

/** A number-or-tuple option expanded to `n` entries (tfjs accepts `3` for `[3, 3]`). */
export function configTuple(config: LayerConfig, key: string, n: number, fallback: number): number[] {
  const v = config[key];
  if (v === undefined || v === null) return new Array<number>(n).fill(fallback);
  if (typeof v === 'number') return new Array<number>(n).fill(v);
  if (Array.isArray(v) && v.length === 1 && typeof v[0] === 'number') return new Array<number>(n).fill(v[0]);
  if (Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number')) return v as number[];
  throw new Error(`option ${key} must be a number or ${n} numbers, got ${JSON.stringify(v)}`);
}
