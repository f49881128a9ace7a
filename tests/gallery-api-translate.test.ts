import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { dirname } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translationDirectionsOf } from '@genzoo/core';
import { loadModel, translateImage } from '@genzoo/node';
import { startGallery, type GalleryServer } from './helpers/gallery-server.js';
import { testModels } from './helpers/test-models.js';
import { oneWayCopy, translatorModels, twoWayFirst } from './helpers/translators.js';

const translators = translatorModels();
const translator = twoWayFirst(translators);
const { width, height } = translator.manifest.image!;
/** An image model that cannot translate. */
const sampler = testModels().find((model) => model.manifest.image && !model.manifest.translation)!;
const oneWay = oneWayCopy(translator);
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A white stroke on black at the model's size: what a drawing or an edge map looks like. */
function strokePng(size = { width, height }): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}"><rect width="100%" height="100%" fill="black"/>` +
    `<path d="M ${size.width * 0.3} ${size.height * 0.2} L ${size.width * 0.6} ${size.height * 0.8}" stroke="white" stroke-width="${Math.max(1, size.width / 14)}"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function decode(bytes: ArrayBuffer | Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(Buffer.from(bytes as ArrayBuffer)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('gallery HTTP API: POST /api/models/:id/translate.png', () => {
  let server: GalleryServer;
  const post = (path: string, body?: Buffer | string, type: string | undefined = 'image/png') =>
    fetch(`${server.url}${path}`, { method: 'POST', ...(body !== undefined && { body: typeof body === 'string' ? body : new Uint8Array(body) }), headers: type ? { 'content-type': type } : {} });

  /**
   * Sends only the headers of a POST announcing `bytes` of PNG, and returns the answer: the server refuses an
   * oversized body before reading it (fetch would fail writing a body the server no longer reads).
   */
  function announce(path: string, bytes: number): Promise<Response> {
    return new Promise((resolve, reject) => {
      const { hostname, port } = new URL(server.url);
      const req = request({ hostname, port, path, method: 'POST', headers: { 'content-type': 'image/png', 'content-length': bytes } }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => {
          req.destroy();
          resolve(new Response(body, { status: response.statusCode, headers: { 'content-type': String(response.headers['content-type']) } }));
        });
      });
      req.on('error', reject);
      req.flushHeaders();
    });
  }

  async function expectJsonError(response: Response, status: number, message: RegExp): Promise<void> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { error: string; code: string };
    expect(body.error).toMatch(message);
    expect(body.error).not.toContain('\n');
  }

  beforeAll(async () => {
    if (!sampler) throw new Error('no image model that cannot translate in models/ to test the capability error with');
    server = await startGallery([...translators.map((model) => model.folder), sampler.folder, oneWay.folder]);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dirname(oneWay.folder), { recursive: true, force: true });
  });

  it('lists translators with their domains and the translate capability', async () => {
    const list = (await (await fetch(`${server.url}/api/models`)).json()) as { models: { id: string; capabilities: string[]; translation?: { a: { name: string } }; latent?: unknown; directions?: string[] }[] };
    const entry = list.models.find((model) => model.id === translator.id)!;
    expect(entry.capabilities).toEqual(['translate']);
    expect(entry.latent).toBeUndefined();
    expect(entry.translation!.a.name).toBe(translator.manifest.translation!.a.name);
    expect(list.models.find((model) => model.id === oneWay.id)).toMatchObject({ directions: ['a2b'] });
  });

  it('translates a PNG at the model size, exactly as @genzoo/node does, saying what ran', async () => {
    const png = await strokePng();
    const response = await post(`/api/models/${translator.id}/translate.png`, png);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-genzoo-runtime')).toBe('onnxruntime-node');
    expect(response.headers.get('x-genzoo-provider')).toMatch(/^(cpu|cuda)$/);
    expect(response.headers.get('x-genzoo-direction')).toBe('a2b');
    expect(Number(response.headers.get('x-genzoo-time-ms'))).toBeGreaterThan(0);
    expect(response.headers.get('server-timing')).toMatch(/^decode;dur=[\d.]+, run;dur=[\d.]+, total;dur=[\d.]+$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const served = await decode(bytes);
    expect([served.width, served.height]).toEqual([width, height]);
    const model = await loadModel(translator.folder, { device: 'cpu' });
    try {
      const local = await translateImage(model, png);
      expect(Buffer.from(local.image.data).equals(served.data)).toBe(true);
    } finally {
      await model.dispose();
    }
  });

  it('takes JPEG and transparent WebP of any size and colour, translates b2a, and upscales with ?scale', async () => {
    const jpeg = await sharp({ create: { width: 97, height: 41, channels: 3, background: { r: 200, g: 40, b: 90 } } }).jpeg().toBuffer();
    const webp = await sharp(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="30" height="300"><circle cx="15" cy="150" r="9" fill="white"/></svg>')).webp().toBuffer();
    const back = translationDirectionsOf(translator.manifest).includes('b2a') ? 'b2a' : 'a2b';
    for (const [body, type, query] of [[jpeg, 'image/jpeg', ''], [webp, 'image/webp', `?direction=${back}`]] as const) {
      const response = await post(`/api/models/${translator.id}/translate.png${query}`, body, type);
      expect(response.status, `${type} ${await response.clone().text().then((text) => text.slice(0, 200))}`).toBe(200);
      const image = await decode(await response.arrayBuffer());
      expect([image.width, image.height]).toEqual([width, height]);
    }
    const small = await decode(await (await post(`/api/models/${translator.id}/translate.png`, await strokePng())).arrayBuffer());
    const scaled = await decode(await (await post(`/api/models/${translator.id}/translate.png?scale=4&direction=a2b`, await strokePng())).arrayBuffer());
    expect([scaled.width, scaled.height]).toEqual([width * 4, height * 4]);
    for (const [x, y] of [[0, 0], [Math.floor(width / 2), Math.floor(height / 2)], [width - 1, 3]] as const) {
      expect(scaled.data.readUInt32LE(((y * 4 + 3) * width * 4 + x * 4 + 2) * 4)).toBe(small.data.readUInt32LE((y * width + x) * 4));
    }
  });

  it('answers many uploads at once', async () => {
    const png = await strokePng({ width: 64, height: 64 });
    const statuses = await Promise.all(Array.from({ length: 12 }, () => post(`/api/models/${translator.id}/translate.png`, png).then((response) => response.status)));
    expect(statuses).toEqual(new Array(12).fill(200));
  });

  const bad: [string, () => Promise<Response>, number, RegExp][] = [
    ['an unknown model', async () => post('/api/models/no-such-model/translate.png', await strokePng()), 404, new RegExp(`no model "no-such-model": translators served here: .*${translator.id}`)],
    ['a model that cannot translate', async () => post(`/api/models/${sampler.id}/translate.png`, await strokePng()), 400, new RegExp(`model "${sampler.id}" cannot translate a2b: it ships no graph for it \\(it can: sample`)],
    ['b2a on a one-way model', async () => post(`/api/models/${oneWay.id}/translate.png?direction=b2a`, await strokePng()), 400, new RegExp(`model "${oneWay.id}" cannot translate b2a: it ships no graph for it \\(it can: translate a2b\\)`)],
    ['a bad direction', async () => post(`/api/models/${translator.id}/translate.png?direction=sideways`, await strokePng()), 400, /direction must be one of "a2b", "b2a"/],
    ['scale 0', async () => post(`/api/models/${translator.id}/translate.png?scale=0`, await strokePng()), 400, /scale must be >= 1/],
    ['scale 17', async () => post(`/api/models/${translator.id}/translate.png?scale=17`, await strokePng()), 400, /scale must be <= 16/],
    ['an unknown parameter', async () => post(`/api/models/${translator.id}/translate.png?dir=b2a`, await strokePng()), 400, /unknown query parameter "dir"/],
    ['an empty body', () => post(`/api/models/${translator.id}/translate.png`, ''), 400, /the request body is empty: send the image's bytes as image\/png, image\/jpeg, image\/webp/],
    ['no body at all', () => post(`/api/models/${translator.id}/translate.png`), 400, /the request body is empty/],
    ['a body that is not an image', () => post(`/api/models/${translator.id}/translate.png`, 'not an image, just text'.repeat(10)), 400, /the uploaded image is not an image in a format this can read/],
    ['a truncated PNG', async () => post(`/api/models/${translator.id}/translate.png`, (await strokePng()).subarray(0, 70)), 400, /the uploaded image cannot be decoded: /],
    ['a JPEG labelled PNG that is corrupt inside', async () => post(`/api/models/${translator.id}/translate.png`, Buffer.concat([(await sharp({ create: { width: 50, height: 50, channels: 3, background: 'white' } }).jpeg().toBuffer()).subarray(0, 200)]), 'image/jpeg'), 400, /the uploaded image cannot be decoded: /],
    ['a GIF', () => post(`/api/models/${translator.id}/translate.png`, 'GIF89a...', 'image/gif'), 415, /unsupported media type "image\/gif": send the image as image\/png, image\/jpeg, image\/webp/],
    ['JSON', () => post(`/api/models/${translator.id}/translate.png`, '{"image": "x"}', 'application/json'), 415, /unsupported media type "application\/json"/],
    ['a body larger than 8 MiB', () => announce(`/api/models/${translator.id}/translate.png`, 8 * 1024 * 1024 + 1), 413, /the image is larger than 8 MiB/],
    ['a pixel bomb', async () => post(`/api/models/${translator.id}/translate.png`, await sharp({ create: { width: 7000, height: 7000, channels: 3, background: 'black' } }).png({ compressionLevel: 9 }).toBuffer()), 400, /the uploaded image is too large: at most 36000000 pixels/],
  ];

  for (const [name, send, status, message] of bad) {
    it(`refuses ${name} with a ${status} JSON error`, async () => {
      await expectJsonError(await send(), status, message);
    });
  }

  it('stays healthy after all of that, and keeps the 16 KB limit everywhere else', async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const posted = await fetch(`${server.url}/api/models/${sampler.id}/sample.png`, { method: 'POST', body: 'x'.repeat(20_000) });
    expect(posted.status).toBe(413);
    await expectJsonError(await fetch(`${server.url}/api/models/${translator.id}/translate.png`), 404, /no such resource: GET/);
    // A translator has nothing to sample: the sample endpoint says so instead of failing.
    await expectJsonError(await fetch(`${server.url}/api/models/${translator.id}/sample.png`), 400, new RegExp(`model "${translator.id}" cannot sample: it ships no graph for it \\(it can: translate\\)`));
  });
});
