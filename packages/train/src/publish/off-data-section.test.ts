import { exampleManifest } from '@genzoo/core/testing';
import { describe, expect, it } from 'vitest';
import { offDataSection } from './gan-graphs.js';

describe('offDataSection', () => {
  const measured = (recall: number, dFake?: number) => ({
    ...exampleManifest(),
    metrics: { recall, fid: 500 },
    training: dFake === undefined ? {} : { finalLosses: { d: 0, dFake } },
  });

  it('stays out of cards of GANs that cover the data, or have not been evaluated', () => {
    expect(offDataSection(measured(0.3))).toEqual([]);
    expect(offDataSection(exampleManifest())).toEqual([]);
  });

  it('flags samples off the data, and says so when D ended rejecting every fake', () => {
    const plain = offDataSection(measured(0, 0.2)).join('\n');
    expect(plain).toContain('## Samples off the data');
    expect(plain).not.toContain('D had won');
    expect(offDataSection(measured(0, 0.0001)).join('\n')).toContain('mean D(G(z)) 0.0001 at the last step): D had won');
  });
});
