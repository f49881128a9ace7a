import { DEVICES, InputError, type Device } from '@genzoo/core';

/** An integer flag in [min, max]; only plain digits are accepted (no `1e3`, `0x10`, `12.0`). */
export function parseIntegerFlag(flag: string, value: string, min: number, max: number): number {
  const parsed = /^\s*-?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new InputError(`${flag} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return parsed;
}

/**
 * Smallest truncation threshold accepted: BigGAN's lowest (Brock et al. 2019). Rejection sampling keeps ~3% of draws
 * there; far below it sampling would crawl.
 */
export const MIN_TRUNCATION = 0.04;

/** A truncation threshold: a finite decimal number of at least {@link MIN_TRUNCATION}. */
export function parseTruncationFlag(flag: string, value: string): number {
  const parsed = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(parsed) || parsed < MIN_TRUNCATION) {
    throw new InputError(`${flag} must be a number of at least ${MIN_TRUNCATION}, got ${JSON.stringify(value)}`);
  }
  return parsed;
}

/**
 * One of core's devices; whether this runtime can use it is the adapter's call (it explains browser-only ones).
 * @param offered the devices named in the error message.
 */
export function parseDeviceFlag(flag: string, value: string, offered: readonly string[] = DEVICES): Device {
  if (!(DEVICES as readonly string[]).includes(value)) {
    throw new InputError(`${flag} must be one of ${offered.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as Device;
}

/** A comma-separated list of class indices, each in [0, classes), e.g. `3` or `0,1,2`. */
export function parseClassListFlag(flag: string, value: string, classes: number): number[] {
  const parts = value.split(',');
  const parsed = parts.map((part) => (/^\s*\d+\s*$/.test(part) ? Number(part) : Number.NaN));
  if (parts.length === 0 || parsed.some((label) => !Number.isInteger(label) || label < 0 || label >= classes)) {
    throw new InputError(`${flag} must be class numbers from 0 to ${classes - 1}, comma-separated, got ${JSON.stringify(value)}`);
  }
  return parsed;
}
