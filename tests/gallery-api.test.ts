import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGallery, type GalleryServer } from './helpers/gallery-server.js';
import { REPO_ROOT, testModels } from './helpers/test-models.js';

const models = testModels();
const model = models.find((candidate) => candidate.manifest.image)!;
const pointsModel = models.find((candidate) => candidate.manifest.points);
/** A conditional model: its generator takes a one-hot class (`label`). */
const conditional = models.find((candidate) => candidate.manifest.graphs.generator?.inputs.some((input) => input.role === 'label'));
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('gallery HTTP API', () => {
  let server: GalleryServer;
  const get = (path: string) => fetch(`${server.url}${path}`);

  async function expectJsonError(path: string, status: number, message: RegExp): Promise<void> {
    const response = await get(path);
    expect(response.status, path).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { error: string; code: string };
    expect(body.error, path).toMatch(message);
    expect(body.error).not.toContain('\n');
  }

  /** GET with the path sent byte for byte: fetch would resolve `..` and `%2e%2e` segments before sending. */
  function rawGet(path: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const { hostname, port } = new URL(server.url);
      const req = request({ hostname, port, path }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  beforeAll(async () => {
    if (!pointsModel) throw new Error('no model of 2-D points in models/ to test the points endpoint with');
    if (!conditional) throw new Error('no conditional model (a generator with a "label" input) in models/ to test ?class= with');
    server = await startGallery([model.folder, pointsModel.folder, conditional.folder]);
  });
  afterAll(() => server?.stop());

  it('reports health', async () => {
    const response = await get('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', models: 3 });
  });

  it('lists models and serves a manifest', async () => {
    const list = (await (await get('/api/models')).json()) as { models: { id: string; capabilities: string[] }[] };
    expect(list.models.map((entry) => entry.id).sort()).toEqual([model.id, pointsModel!.id, conditional!.id].sort());
    expect(list.models.find((entry) => entry.id === model.id)!.capabilities).toContain('sample');
    expect(list.models.find((entry) => entry.id === pointsModel!.id)!.capabilities).toEqual(expect.arrayContaining(['samplePoints', 'logDensity']));
    const manifest = await (await get(`/api/models/${model.id}`)).json();
    expect(manifest).toEqual(JSON.parse(JSON.stringify(model.manifest)));
  });

  it('draws a sample grid as PNG, saying which runtime drew it and how long it took', async () => {
    const response = await get(`/api/models/${model.id}/sample.png?n=4&seed=12`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-genzoo-runtime')).toBe('onnxruntime-node');
    expect(response.headers.get('x-genzoo-provider')).toMatch(/^(cpu|cuda)$/);
    expect(Number(response.headers.get('x-genzoo-time-ms'))).toBeGreaterThan(0);
    expect(response.headers.get('server-timing')).toMatch(/^run;dur=[\d.]+, total;dur=[\d.]+$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const again = new Uint8Array(await (await get(`/api/models/${model.id}/sample.png?n=4&seed=12`)).arrayBuffer());
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('accepts the extreme valid parameters', async () => {
    expect((await get(`/api/models/${model.id}/sample.png?n=1&seed=4294967295`)).status).toBe(200);
    expect((await get(`/api/models/${model.id}/sample.png?n=1&seed=0&truncation=0.5`)).status).toBe(200);
  });

  it.each([
    ['n=0', /n must be >= 1/],
    ['n=257', /n must be <= 256/],
    ['n=2.5', /n must be an integer/],
    ['n=lots', /n must be an integer/],
    ['seed=-1', /seed must be >= 0/],
    ['seed=4294967296', /seed must be <= 4294967295/],
    ['seed=1e3x', /seed must be an integer/],
    ['seed=', /seed must be an integer/],
    ['truncation=0', /truncation must be > 0/],
    ['truncation=abc', /truncation must be a number/],
    ['sed=5', /unknown query parameter "sed"/],
  ])('rejects ?%s with a 400 JSON error', async (query, message) => {
    await expectJsonError(`/api/models/${model.id}/sample.png?${query}`, 400, message);
  });

  it('rejects unknown model ids with a 400 naming the known ones', async () => {
    await expectJsonError('/api/models/no-such-model', 400, new RegExp(`id must be one of "${model.id}"`));
    await expectJsonError('/api/models/no-such-model/sample.png', 400, /id must be one of/);
    await expectJsonError('/models/no-such-model/manifest.json', 400, /id must be one of/);
  });

  it('serves model files named by the manifest, and nothing else', async () => {
    const manifest = await get(`/models/${model.id}/manifest.json`);
    expect(manifest.status).toBe(200);
    expect(await manifest.json()).toMatchObject({ id: model.id });
    const graph = model.manifest.graphs.generator!;
    const onnx = await get(`/models/${model.id}/${graph.file}`);
    expect(onnx.status).toBe(200);
    expect((await onnx.arrayBuffer()).byteLength).toBe(graph.bytes);
    await expectJsonError(`/models/${model.id}/secret.txt`, 404, /has no file "secret.txt"/);
    await expectJsonError(`/models/${model.id}/..%2F..%2Fpackage.json`, 400, /file must be a plain file name/);
    for (const path of [`/models/${model.id}/%2e%2e`, `/models/${model.id}/.hidden`]) {
      const response = await rawGet(path);
      expect(response.status, path).toBe(400);
      expect(JSON.parse(response.body).error).toMatch(/file must be a plain file name/);
    }
    for (const path of [`/models/${model.id}/../../package.json`, `/models/${model.id}/%2e%2e/%2e%2e/package.json`, '/ort/../package.json']) {
      const response = await rawGet(path);
      expect([403, 404], path).toContain(response.status);
      expect(JSON.parse(response.body).error, path).toBeTypeOf('string');
      expect(response.body, path).not.toContain('"workspaces"');
    }
  });

  it('serves the page and the onnxruntime-web files with cross-origin isolation headers', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('genzoo gallery');
    for (const response of [page, await get('/ort/ort-wasm-simd-threaded.asyncify.mjs')]) {
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    }
    const wasm = await fetch(`${server.url}/ort/ort-wasm-simd-threaded.asyncify.wasm`, { method: 'HEAD' });
    expect(wasm.status).toBe(200);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    await expectJsonError('/ort/ort.webgpu.min.mjs', 404, /no such resource/);
    await expectJsonError('/api/nothing', 404, /no such resource: GET \/api\/nothing/);
  });

  it('draws points of a 2-D model as JSON, the same for the same seed', async () => {
    const path = `/api/models/${pointsModel!.id}/points.json?n=5&seed=3`;
    const first = (await (await get(path)).json()) as { points: number[][]; execution: { provider: string }; timeMs: number };
    expect(first.points).toHaveLength(5);
    expect(first.points.every((row) => row.length === 2 && row.every(Number.isFinite))).toBe(true);
    expect(first.execution.provider).toMatch(/^(cpu|cuda)$/);
    expect(((await (await get(path)).json()) as { points: number[][] }).points).toEqual(first.points);
    const png = await get(`/api/models/${pointsModel!.id}/sample.png?n=64&seed=3`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await png.arrayBuffer()).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  });

  it('rejects bad point requests with a 400', async () => {
    await expectJsonError(`/api/models/${pointsModel!.id}/points.json?n=0`, 400, /n must be >= 1/);
    await expectJsonError(`/api/models/${pointsModel!.id}/points.json?n=4097`, 400, /n must be <= 4096/);
    await expectJsonError(`/api/models/${pointsModel!.id}/points.json?seed=x`, 400, /seed must be an integer/);
    await expectJsonError(`/api/models/${model.id}/points.json`, 400, new RegExp(`${model.id} draws images, not points`));
  });

  it('draws the same grid as lossless WebP', async () => {
    const png = await get(`/api/models/${model.id}/sample.png?n=4&seed=5`);
    const webp = await get(`/api/models/${model.id}/sample.webp?n=4&seed=5`);
    expect(webp.status).toBe(200);
    expect(webp.headers.get('content-type')).toBe('image/webp');
    const [a, b] = await Promise.all([png, webp].map(async (response) => sharp(Buffer.from(await response.arrayBuffer())).ensureAlpha().raw().toBuffer()));
    expect(a!.equals(b!)).toBe(true);
  });

  it('refuses oversized requests and truncation for points', async () => {
    const huge = await rawGet(`/api/models/${model.id}/sample.png?seed=1&pad=${'x'.repeat(20_000)}`);
    expect(huge.status).toBe(431);
    const posted = await fetch(`${server.url}/api/models/${model.id}/sample.png`, { method: 'POST', body: 'x'.repeat(20_000) });
    expect(posted.status).toBe(413);
    await expectJsonError(`/api/models/${pointsModel!.id}/sample.png?truncation=1`, 400, /truncation needs normal image latents; .* draws points/);
  });

  it('draws one class of a conditional model, and refuses classes out of range or for other models', async () => {
    const list = (await (await get('/api/models')).json()) as { models: { id: string; classes?: number }[] };
    const classes = list.models.find((entry) => entry.id === conditional!.id)!.classes!;
    expect(classes).toBe(Number(conditional!.manifest.graphs.generator!.inputs.find((input) => input.role === 'label')!.shape[1]));
    expect(list.models.find((entry) => entry.id === model.id)!.classes).toBeUndefined();
    const first = await get(`/api/models/${conditional!.id}/sample.png?n=4&seed=3&class=0`);
    const last = await get(`/api/models/${conditional!.id}/sample.png?n=4&seed=3&class=${classes - 1}`);
    expect([first.status, last.status]).toEqual([200, 200]);
    expect(Buffer.from(await first.arrayBuffer()).equals(Buffer.from(await last.arrayBuffer()))).toBe(false);
    await expectJsonError(`/api/models/${conditional!.id}/sample.png?class=${classes}`, 400, new RegExp(`class must be from 0 to ${classes - 1} for ${conditional!.id}, got ${classes}`));
    await expectJsonError(`/api/models/${conditional!.id}/sample.png?class=-1`, 400, /class must be >= 0/);
    await expectJsonError(`/api/models/${conditional!.id}/sample.png?class=two`, 400, /class must be an integer/);
    await expectJsonError(`/api/models/${model.id}/sample.png?class=1`, 400, new RegExp(`${model.id} is not conditional: it takes no class`));
  });

  it('serves the memorization check of an evaluated model as a figure', async () => {
    const list = (await (await get('/api/models')).json()) as { models: { id: string; files: { figures: { caption: string; url: string; size?: { width: number } }[] } }[] };
    for (const served of [model, conditional!]) {
      const figures = list.models.find((entry) => entry.id === served.id)!.files.figures;
      const memorization = figures.find((figure) => figure.url.endsWith('/memorization.png'));
      expect(memorization !== undefined, served.id).toBe(existsSync(join(served.folder, 'memorization.png')));
      if (!memorization) continue;
      expect(memorization.caption).toMatch(/^Memorization check/);
      expect(memorization.size!.width).toBeGreaterThan(0);
      const png = await get(memorization.url);
      expect(png.status).toBe(200);
      expect([...new Uint8Array(await png.arrayBuffer()).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    }
  });

  it('draws real points of a 2-D training set, the same for the same seed', async () => {
    const path = `/api/datasets/${pointsModel!.manifest.dataset.name}/points.json?n=50&seed=4`;
    const response = await get(path);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { dataset: string; points: number[][]; centres: number[][]; std: number };
    expect(body.dataset).toBe(pointsModel!.manifest.dataset.name);
    expect(body.points).toHaveLength(50);
    expect(body.points.every((row) => row.length === 2 && row.every(Number.isFinite))).toBe(true);
    expect(body.centres.length).toBeGreaterThan(1);
    // Every point lies near a mode centre (within 6 σ).
    expect(body.points.every(([x, y]) => body.centres.some(([cx, cy]) => Math.hypot(x! - cx!, y! - cy!) < 6 * body.std))).toBe(true);
    expect(((await (await get(path)).json()) as { points: number[][] }).points).toEqual(body.points);
    expect(((await (await get('/api/datasets/grid/points.json')).json()) as { points: number[][] }).points).toHaveLength(1000);
  });

  it.each([
    ['/api/datasets/mnist/points.json', /name must be one of "ring", "grid"/],
    ['/api/datasets/ring/points.json?n=0', /n must be >= 1/],
    ['/api/datasets/ring/points.json?n=4097', /n must be <= 4096/],
    ['/api/datasets/ring/points.json?seed=-3', /seed must be >= 0/],
    ['/api/datasets/ring/points.json?count=5', /unknown query parameter "count"/],
  ])('rejects %s with a 400 JSON error', async (path, message) => {
    await expectJsonError(path, 400, message);
  });

  it('serves every page of the gallery with cross-origin isolation headers', async () => {
    for (const page of ['/', '/model.html', '/latent-map.html', '/draw.html', '/translate.html', '/toy.html', '/leaderboard.html']) {
      const response = await get(page);
      expect(response.status, page).toBe(200);
      expect(response.headers.get('content-type'), page).toMatch(/^text\/html/);
      expect(response.headers.get('cross-origin-embedder-policy'), page).toBe('require-corp');
    }
  });

  it('says there is no leaderboard when the model locations hold none', async () => {
    await expectJsonError('/api/leaderboard', 404, /no leaderboard: run `npm run leaderboard`/);
  });
});

describe('gallery HTTP API: the leaderboard', () => {
  const broken = mkdtempSync(join(tmpdir(), 'genzoo-leaderboard-'));
  let zoo: GalleryServer;
  let empty: GalleryServer;

  beforeAll(async () => {
    writeFileSync(join(broken, 'leaderboard.json'), '{ "datasets": [');
    zoo = await startGallery([join(REPO_ROOT, 'models')]);
    empty = await startGallery([broken]);
  });
  afterAll(async () => {
    await zoo?.stop();
    await empty?.stop();
    rmSync(broken, { recursive: true, force: true });
  });

  it('serves models/leaderboard.json as written', async () => {
    const response = await fetch(`${zoo.url}/api/leaderboard`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(readFileSync(join(REPO_ROOT, 'models', 'leaderboard.json'), 'utf8')));
  });

  it('reports a corrupt leaderboard file in one line, as JSON', async () => {
    const response = await fetch(`${empty.url}/api/leaderboard`);
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: string; code: string };
    expect(body.code).toBe('E_LEADERBOARD');
    expect(body.error).toMatch(/leaderboard\.json is not valid JSON/);
    expect(body.error).not.toContain('\n');
  });
});
