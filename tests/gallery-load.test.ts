import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGallery, type GalleryServer } from './helpers/gallery-server.js';
import { testModels } from './helpers/test-models.js';

const model = testModels().find((candidate) => candidate.manifest.image)!;

describe('gallery under load (loopback)', () => {
  let server: GalleryServer;
  beforeAll(async () => {
    server = await startGallery([model.folder]);
  });
  afterAll(() => server?.stop());

  it('answers 50 concurrent sample requests, every one with a PNG', async () => {
    let seed = 0;
    const result = await autocannon({
      url: server.url,
      connections: 50,
      amount: 100,
      timeout: 60,
      requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/api/models/${model.id}/sample.png?n=16&seed=${seed++}` }) }],
    });
    expect(result.errors, 'connection errors').toBe(0);
    expect(result.timeouts, 'timeouts').toBe(0);
    expect(result['2xx'], server.output()).toBe(100);
    expect(result.non2xx).toBe(0);
    expect(result.statusCodeStats).toEqual({ 200: expect.objectContaining({ count: 100 }) });
  });
});
