/** Test helpers: the committed tiny-vae fixture (tests/fixtures/tiny-vae, built by tests/fixtures/build-fixtures.ts). */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the fixture model folder. */
export const FIXTURE = fileURLToPath(new URL('../../../tests/fixtures/tiny-vae', import.meta.url));
/** A two-way 28×28 translator fixture (tests/fixtures/tiny-translator, built by tests/fixtures/build-translator-fixture.ts). */
export const TRANSLATOR_FIXTURE = fileURLToPath(new URL('../../../tests/fixtures/tiny-translator', import.meta.url));

/** A fresh temporary folder; remove it with {@link removeTempDir}. */
export function makeTempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'genzoo-node-'));
}

export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

type Json = Record<string, any>;

/**
 * Copies the fixture (`from`, tiny-vae by default) to `<root>/<name>` and lets `change` edit the copy's files.
 * @returns the copy's folder.
 */
export async function copyFixture(
  root: string,
  name: string,
  change?: (edit: { folder: string; manifest: Json; writeManifest(manifest: Json): Promise<void> }) => Promise<void>,
  from: string = FIXTURE,
): Promise<string> {
  const folder = path.join(root, name);
  await cp(from, folder, { recursive: true });
  const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')) as Json;
  const writeManifest = (value: Json) => writeFile(path.join(folder, 'manifest.json'), JSON.stringify(value, null, 2));
  await change?.({ folder, manifest, writeManifest });
  return folder;
}

/** Flips one byte of `file` in `folder`; the manifest's sha256 no longer matches. */
export async function flipByte(folder: string, file: string, offset = 100): Promise<void> {
  const bytes = await readFile(path.join(folder, file));
  bytes[offset] = bytes[offset]! ^ 0xff;
  await writeFile(path.join(folder, file), bytes);
}

/**
 * Replaces `file` with bytes that are not an ONNX model and records their real sha256 and size in the
 * manifest, so the integrity check passes and the runtime has to reject the file.
 */
export async function corruptGraph(folder: string, file: string, manifest: Json, role: string): Promise<Json> {
  const garbage = Buffer.from('this is not an onnx model, just some bytes\n'.repeat(8));
  await writeFile(path.join(folder, file), garbage);
  manifest.graphs[role].sha256 = createHash('sha256').update(garbage).digest('hex');
  manifest.graphs[role].bytes = garbage.byteLength;
  return manifest;
}
