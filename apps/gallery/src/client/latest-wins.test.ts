import { describe, expect, it } from 'vitest';
import { latestWins } from './latest-wins.js';

describe('latestWins', () => {
  it('runs the first request, then only the newest of those that came while it ran', async () => {
    const ran: number[] = [];
    let release!: () => void;
    const run = latestWins<number>(async (value) => {
      ran.push(value);
      if (value === 1) await new Promise<void>((resolve) => (release = resolve));
    }, () => undefined);
    run(1);
    run(2);
    run(3);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ran).toEqual([1, 3]);
  });

  it('reports errors and keeps going', async () => {
    const errors: string[] = [];
    const run = latestWins<number>(async (value) => {
      if (value === 1) throw new Error('boom');
    }, (error) => errors.push(error.message));
    run(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    run(2);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(errors).toEqual(['boom']);
  });
});
