import type { Attribute } from './types.js';

/** Constructors for typed node attributes. */
export const attr = {
  int: (value: number): Attribute => ({ type: 'int', value }),
  float: (value: number): Attribute => ({ type: 'float', value }),
  string: (value: string): Attribute => ({ type: 'string', value }),
  ints: (value: readonly number[]): Attribute => ({ type: 'ints', value }),
  floats: (value: readonly number[]): Attribute => ({ type: 'floats', value }),
};
