import { describe, expect, it } from 'vitest';
import { datasetDisplayName } from './dataset-names.js';

describe('datasetDisplayName', () => {
  it('names the packaged datasets as people write them, and a folder by its last part', () => {
    expect(datasetDisplayName('mnist')).toBe('MNIST');
    expect(datasetDisplayName('fashion-mnist')).toBe('Fashion-MNIST');
    expect(datasetDisplayName('data/my-faces/')).toBe('my-faces');
  });
});
