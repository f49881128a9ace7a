import { describe, expect, it } from 'vitest';
import { assertModelId, datasetIdentifier } from './model-id.js';

describe('assertModelId', () => {
  it('accepts what the manifest schema accepts', () => {
    for (const id of ['dcgan-mnist', 'x', '0-vae', 'a'.repeat(63)]) expect(() => assertModelId(id)).not.toThrow();
  });

  it('rejects anything else with one line', () => {
    for (const id of ['', 'DCGAN', 'dcgan_mnist', '-x', 'a b', 'a'.repeat(64), 'models/x']) {
      expect(() => assertModelId(id)).toThrow(/^model id '.*' must be 1–63 lowercase letters, digits and dashes/);
    }
  });
});

describe('datasetIdentifier', () => {
  it('keeps packaged dataset names', () => {
    expect(datasetIdentifier('mnist')).toBe('mnist');
    expect(datasetIdentifier('fashion-mnist')).toBe('fashion-mnist');
  });

  it("turns a folder into its basename's identifier", () => {
    expect(datasetIdentifier('/home/me/My Photos/')).toBe('my-photos');
    expect(datasetIdentifier('C:\\data\\Cats_2024')).toBe('cats-2024');
    expect(datasetIdentifier('/tmp/___')).toBe('images');
  });
});
