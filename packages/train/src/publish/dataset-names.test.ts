import { describe, expect, it } from 'vitest';
import { datasetDisplayName, datasetSubject, ganArtefacts } from './dataset-names.js';

describe('datasetDisplayName', () => {
  it('names the packaged datasets as people write them, and a folder by its last part', () => {
    expect(datasetDisplayName('mnist')).toBe('MNIST');
    expect(datasetDisplayName('fashion-mnist')).toBe('Fashion-MNIST');
    expect(datasetDisplayName('data/my-faces/')).toBe('my-faces');
  });
});

describe('datasetSubject and ganArtefacts', () => {
  it('speak of digits for MNIST, garments for Fashion-MNIST, and images for a folder', () => {
    expect([datasetSubject('mnist'), datasetSubject('fashion-mnist'), datasetSubject('data/faces')]).toEqual(['digit', 'garment', 'image']);
    expect(ganArtefacts('mnist')).toContain('strokes');
    expect(ganArtefacts('fashion-mnist')).not.toContain('stroke');
    expect(ganArtefacts('data/faces')).toBe('smeared or doubled shapes');
  });
});
