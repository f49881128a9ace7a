import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { copyFixture, corruptGraph, flipByte, makeTempDir, removeTempDir } from '../../test-support/fixture.js';
import { main, type MainOptions } from './main.js';
import { expectOneLineError, runGenzoo, type CliRun } from '../../test-support/cli.js';

type Run = CliRun;

let root: string;

function genzoo(argv: string[], env: Record<string, string> = {}, options: MainOptions = {}): Promise<Run> {
  return runGenzoo(argv, root, env, options);
}


beforeAll(async () => {
  root = await makeTempDir();
  const models = path.join(root, 'models');
  await mkdir(models);
  await copyFixture(models, 'tiny-vae');
  await copyFixture(models, 'flipped-byte', ({ folder }) => flipByte(folder, 'generator.onnx'));
  await copyFixture(models, 'wrong-sha', async ({ manifest, writeManifest }) => {
    manifest.graphs.generator.sha256 = 'a'.repeat(64);
    await writeManifest(manifest);
  });
  await copyFixture(models, 'corrupt-onnx', async ({ folder, manifest, writeManifest }) =>
    writeManifest(await corruptGraph(folder, 'generator.onnx', manifest, 'generator')),
  );
  await copyFixture(models, 'bad-latent-size', async ({ manifest, writeManifest }) => {
    manifest.latent.size = 'eight';
    await writeManifest(manifest);
  });
  await copyFixture(models, 'bad-layout', async ({ manifest, writeManifest }) => {
    manifest.graphs.generator.outputs[0].layout = 'CHWN';
    await writeManifest(manifest);
  });
  await copyFixture(models, 'not-json', async ({ folder }) => writeFile(path.join(folder, 'manifest.json'), '{ "schemaVersion": 1,'));
  await copyFixture(models, 'uniform', async ({ manifest, writeManifest }) => {
    manifest.latent.distribution = 'uniform';
    await writeManifest(manifest);
  });
  await copyFixture(models, 'a-classifier', async ({ manifest, writeManifest }) => {
    const image = manifest.graphs.encoder.inputs[0];
    manifest.kind = 'classifier';
    manifest.id = 'a-classifier';
    manifest.classes = ['a', 'b'];
    delete manifest.latent;
    manifest.graphs = {
      classifier: {
        ...manifest.graphs.encoder,
        inputs: [image],
        outputs: [
          { name: 'mean', role: 'logits', dtype: 'float32', shape: ['batch', 2] },
          { name: 'logvar', role: 'features', dtype: 'float32', shape: ['batch', 2] },
        ],
      },
    };
    await writeManifest(manifest);
  });
  await writeFile(path.join(root, 'a-file'), 'not a folder');
});
afterAll(() => removeTempDir(root));

describe('genzoo sample', () => {
  it('writes a PNG grid of the right size and prints one line about it', async () => {
    const run = await genzoo(['sample', '--model', 'tiny-vae', '-n', '10', '--seed', '7', '--columns', '4', '--device', 'cpu', '-o', 'grid.png']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^grid\.png: 10 samples of tiny-vae \(seed 7\) in 3 rows of 4, 42x32 px, \d+ B; onnxruntime-node on cpu; sampling [\d.]+ ms, total [\d.]+ ms\n$/,
    );
    const metadata = await sharp(path.join(root, 'grid.png')).metadata();
    expect(metadata).toMatchObject({ format: 'png', width: 4 * 8 + 5 * 2, height: 3 * 8 + 4 * 2, channels: 1 });
  });

  it('defaults to 64 samples in a square grid, and repeats itself for the same seed', async () => {
    const first = await genzoo(['sample', '--model', 'tiny-vae', '--device', 'cpu', '-o', 'a.png']);
    const second = await genzoo(['sample', '-m', 'tiny-vae', '-d', 'cpu', '-s', '0', '-o', 'b.png']);
    expect(first.stdout).toContain('64 samples of tiny-vae (seed 0) in 8 rows of 8, 82x82 px');
    expect(second.code).toBe(0);
    const [a, b] = await Promise.all([readFile(path.join(root, 'a.png')), readFile(path.join(root, 'b.png'))]);
    expect(a.equals(b)).toBe(true);
  });

  it('reports the provider that ran and why cuda was not used', async () => {
    const run = await genzoo(['sample', '--model', 'tiny-vae', '-n', '2', '--device', 'cuda', '--truncation', '0.8', '-o', 'cuda.png']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('(seed 0, truncation 0.8)');
    expect(run.stdout).toMatch(/onnxruntime-node on (cuda|cpu \(cuda unavailable: [^\n]+\))/);
  });

  it('accepts a model folder path and GENZOO_THREADS', async () => {
    const run = await genzoo(['sample', '--model', './models/tiny-vae', '-n', '1', '-o', 'one.png'], { GENZOO_THREADS: '1' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 samples of tiny-vae (seed 0) in 1 row of 1, 12x12 px');
  });

  const sample = (...args: string[]) => ['sample', '--model', 'tiny-vae', '-o', 'bad.png', ...args];
  const badInputs: [string, string[], string | RegExp, Record<string, string>?][] = [
    ['unknown model', ['sample', '--model', 'nope', '-o', 'x.png'], /unknown model "nope": known models: .*tiny-vae/],
    ['missing model folder', ['sample', '--model', './nope', '-o', 'x.png'], 'model folder ./nope does not exist'],
    ['n = 0', sample('-n', '0'), '-n must be an integer from 1 to 4096, got "0"'],
    ['negative n', sample('-n', '-3'), '-n must be an integer from 1 to 4096, got "-3"'],
    ['n above MAX_SAMPLES', sample('-n', '4097'), '-n must be an integer from 1 to 4096, got "4097"'],
    ['non-integer n', sample('-n', '2.5'), '-n must be an integer from 1 to 4096, got "2.5"'],
    ['n in exponent form', sample('-n', '1e2'), 'got "1e2"'],
    ['non-integer seed', sample('--seed', '1.5'), '--seed must be an integer from 0 to 4294967295, got "1.5"'],
    ['negative seed', sample('--seed', '-1'), '--seed must be an integer from 0 to 4294967295, got "-1"'],
    ['huge seed', sample('--seed', '4294967296'), 'got "4294967296"'],
    ['very huge seed', sample('--seed', '99999999999999999999999'), 'got "99999999999999999999999"'],
    ['text seed', sample('--seed', 'abc'), 'got "abc"'],
    ['zero truncation', sample('--truncation', '0'), '--truncation must be a number of at least 0.04, got "0"'],
    ['negative truncation', sample('--truncation', '-2'), 'got "-2"'],
    ['text truncation', sample('--truncation', 'NaN'), 'got "NaN"'],
    ['infinite truncation', sample('--truncation', 'Infinity'), 'got "Infinity"'],
    ['truncation of uniform latents', ['sample', '-m', 'uniform', '-t', '1', '-o', 'x.png'], '--truncation needs normal latents; model tiny-vae draws uniform latents'],
    ['--class on an unconditional model', sample('--class', '3'), '--class needs a class-conditional model; tiny-vae takes no class'],
    ['browser device', sample('--device', 'webgpu'), 'device "webgpu" is a browser device'],
    ['unknown device', sample('--device', 'gpu'), '--device must be one of auto, cpu, cuda, got "gpu"'],
    ['zero columns', sample('--columns', '0'), '--columns must be an integer from 1 to 4096, got "0"'],
    ['zero threads', sample('--threads', '0'), '--threads must be an integer from 1 to 1024, got "0"'],
    ['bad GENZOO_THREADS', sample(), 'GENZOO_THREADS must be an integer from 1 to 1024, got "lots"', { GENZOO_THREADS: 'lots' }],
    ['corrupt .onnx', ['sample', '-m', 'corrupt-onnx', '-o', 'x.png'], /cannot open the generator graph of .*corrupt-onnx: no execution provider .*cpu: Failed to load model because protobuf parsing failed/],
    ['flipped byte in .onnx', ['sample', '-m', 'flipped-byte', '-o', 'x.png'], /flipped-byte\/generator\.onnx has sha256 [0-9a-f]{64}, the manifest says [0-9a-f]{64}: the file is corrupt or was replaced/],
    ['wrong sha256', ['sample', '-m', 'wrong-sha', '-o', 'x.png'], `the manifest says ${'a'.repeat(64)}`],
    ['invalid manifest field', ['sample', '-m', 'bad-latent-size', '-o', 'x.png'], /invalid .*bad-latent-size\/manifest\.json: manifest\.latent\.size: /],
    ['invalid image layout', ['sample', '-m', 'bad-layout', '-o', 'x.png'], 'manifest.graphs.generator.outputs[0].layout'],
    ['manifest not JSON', ['sample', '-m', 'not-json', '-o', 'x.png'], 'manifest.json: not valid JSON'],
    ['a classifier', ['sample', '-m', 'a-classifier', '-o', 'x.png'], 'a-classifier/manifest.json: model "a-classifier" is a classifier (kind "classifier"): it classifies images and cannot generate'],
    ['output folder missing', sample().map((arg) => (arg === 'bad.png' ? 'no/such/folder/x.png' : arg)), 'cannot write no/such/folder/x.png: folder no/such/folder: it does not exist'],
    ['output under a file', sample().map((arg) => (arg === 'bad.png' ? 'a-file/x.png' : arg)), 'cannot write a-file/x.png: folder a-file: a part of the path is not a folder'],
    ['output is a folder', sample().map((arg) => (arg === 'bad.png' ? 'models.png' : arg)), 'cannot write models.png: it is a folder'],
    ['output not a png', sample().map((arg) => (arg === 'bad.png' ? 'x.jpg' : arg)), 'output must be a .png file, got "x.jpg"'],
    ['unknown flag', sample('--sedd', '3'), "unknown option '--sedd' (Did you mean --seed?)"],
    ['missing output', ['sample', '--model', 'tiny-vae'], "required option '-o, --output <file.png>' not specified"],
    ['missing flag value', sample('-n'), "option '-n, --count <n>' argument missing"],
    ['extra argument', sample('extra'), "too many arguments for 'sample'"],
    ['unknown command', ['frobnicate'], "unknown command 'frobnicate'"],
  ];

  beforeAll(async () => {
    await mkdir(path.join(root, 'models.png'));
  });

  for (const [name, argv, message, env] of badInputs) {
    it(`rejects ${name} with one line and a non-zero exit`, async () => {
      expectOneLineError(await genzoo(argv, env), message);
    });
  }
});

describe('genzoo train / export', () => {
  const notFound = (specifier: string) =>
    Object.assign(new Error(`Cannot find package '${specifier.replace(/\/cli$/, '')}' imported from /somewhere/main.js`), { code: 'ERR_MODULE_NOT_FOUND' });

  it('says which package to install when the plugin is absent', async () => {
    const importer = async (specifier: string) => Promise.reject(notFound(specifier));
    expectOneLineError(await genzoo(['train', '--epochs', '3'], {}, { importer }), '"genzoo train" needs @genzoo/train: install it with npm install @genzoo/train');
    expectOneLineError(await genzoo(['export'], {}, { importer }), '"genzoo export" needs @genzoo/tfjs-onnx: install it with npm install @genzoo/tfjs-onnx');
  });

  it('says to update a plugin package without a cli entry point', async () => {
    const importer = async () => Promise.reject(Object.assign(new Error('Package subpath ./cli is not defined'), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' }));
    expectOneLineError(await genzoo(['train'], {}, { importer }), 'needs a version of @genzoo/train that exports ./cli; update it');
    expectOneLineError(await genzoo(['export'], {}, { importer: async () => ({}) }), '@genzoo/tfjs-onnx/cli does not export run(argv)');
  });

  it('hands the remaining arguments to the plugin and returns its exit code', async () => {
    const seen: { specifier?: string; argv?: string[] } = {};
    const importer = async (specifier: string) => {
      seen.specifier = specifier;
      return { run: async (argv: string[]) => ((seen.argv = argv), 3) };
    };
    const run = await genzoo(['train', '--model', 'vae-mnist', '--epochs', '2'], {}, { importer });
    expect(run.code).toBe(3);
    expect(seen).toEqual({ specifier: '@genzoo/train/cli', argv: ['--model', 'vae-mnist', '--epochs', '2'] });
  });

  it('lists plugin commands in the help', async () => {
    const run = await genzoo(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/sample \[options\][\s\S]*train[\s\S]*@genzoo\/train[\s\S]*export[\s\S]*@genzoo\/tfjs-onnx/);
  });
});

describe('the built genzoo binary', () => {
  const bin = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));

  it.skipIf(!existsSync(bin))('exits non-zero with one line and no stack trace, and writes PNGs', () => {
    const bad = spawnSync(process.execPath, [bin, 'sample', '--model', 'flipped-byte', '-o', 'x.png'], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^genzoo: [^\n]*generator\.onnx has sha256 [^\n]+\n$/);
    const good = spawnSync(process.execPath, [bin, 'sample', '--model', 'tiny-vae', '-n', '4', '-o', 'spawned.png'], { cwd: root, encoding: 'utf8' });
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/^spawned\.png: 4 samples of tiny-vae \(seed 0\) in 2 rows of 2, 22x22 px, .*; onnxruntime-node on /);
  });
});
