import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, REPO_ROOT } from '../helpers/test-models.js';

/** What users install: the inference packages, never TensorFlow.js. */
const PACKAGES = ['@genzoo/core', '@genzoo/node', '@genzoo/web'];
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    // onnxruntime-node's install script would fetch CUDA binaries; the CPU provider ships in the package.
    env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'skip', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
  });
}

interface NpmTree {
  dependencies?: Record<string, NpmTree>;
}

function allPackageNames(tree: NpmTree, names = new Set<string>()): Set<string> {
  for (const [name, child] of Object.entries(tree.dependencies ?? {})) {
    names.add(name);
    allPackageNames(child, names);
  }
  return names;
}

function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the inference packages install from npm pack tarballs into an empty folder', () => {
  let root: string;
  let app: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'genzoo-pack-'));
    const tarballs = join(root, 'tarballs');
    app = join(root, 'app');
    mkdirSync(tarballs);
    mkdirSync(app);
    run(NPM, ['pack', '--pack-destination', tarballs, ...PACKAGES.flatMap((name) => ['-w', name])], REPO_ROOT);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'genzoo-pack-check', private: true, type: 'module' }));
    const files = readdirSync(tarballs).map((file) => join(tarballs, file));
    expect(files).toHaveLength(PACKAGES.length);
    // --prefer-offline: the workspace install already cached every dependency.
    run(NPM, ['install', '--prefer-offline', '--no-package-lock', ...files], app);
    cpSync(FIXTURE, join(app, 'tiny'), { recursive: true });
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('pulls in no TensorFlow.js, anywhere in the dependency tree', () => {
    const tree = JSON.parse(run(NPM, ['ls', '--all', '--json'], app)) as NpmTree;
    const names = allPackageNames(tree);
    for (const name of PACKAGES) expect(names.has(name), name).toBe(true);
    expect([...names].filter((name) => name.startsWith('@tensorflow/'))).toEqual([]);
  });

  it('ships type declarations behind each exports map', () => {
    for (const name of PACKAGES) {
      const manifest = JSON.parse(readFileSync(join(app, 'node_modules', name, 'package.json'), 'utf8')) as { exports: Record<string, { types?: string }> };
      const types = manifest.exports['.']?.types;
      expect(types, `${name} exports["."].types`).toBeDefined();
      expect(readFileSync(join(app, 'node_modules', name, types!), 'utf8')).toMatch(/export /);
    }
  });

  it('samples through the genzoo CLI and writes a PNG', () => {
    const line = run(join(app, 'node_modules', '.bin', 'genzoo'), ['sample', '-m', './tiny', '-n', '4', '--seed', '3', '--device', 'cpu', '-o', 'grid.png'], app);
    expect(line).toMatch(/^grid\.png: 4 samples of tiny-vae \(seed 3\)/);
    expect(pngSize(join(app, 'grid.png'))).toEqual({ width: 22, height: 22 });
  });

  it('samples through the API of @genzoo/node, and @genzoo/web resolves', () => {
    const script = `
      import { loadModel, writePng } from '@genzoo/node';
      import { tileImages } from '@genzoo/core';
      const model = await loadModel('./tiny', { device: 'cpu' });
      const result = await model.sample({ n: 9, seed: 1 });
      await writePng(tileImages(model.toRgba(result)), 'api.png');
      const web = await import('@genzoo/web');
      console.log(JSON.stringify({ dims: result.images.dims, provider: result.execution.provider, web: [typeof web.loadModel, typeof web.loadModelInWorker] }));
    `;
    writeFileSync(join(app, 'check.mjs'), script);
    const output = JSON.parse(run(process.execPath, ['check.mjs'], app).trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(output).toEqual({ dims: [9, 1, 8, 8], provider: 'cpu', web: ['function', 'function'] });
    expect(pngSize(join(app, 'api.png'))).toEqual({ width: 32, height: 32 });
  });
});
