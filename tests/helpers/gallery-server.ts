import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../apps/gallery/dist/server/main.js', import.meta.url));

export interface GalleryServer {
  url: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts the built gallery on an ephemeral 127.0.0.1 port, serving only `modelLocations`. */
export async function startGallery(modelLocations: readonly string[], timeoutMs = 30_000): Promise<GalleryServer> {
  if (!existsSync(MAIN)) throw new Error(`the gallery is not built: ${MAIN} is missing (run \`npm run build\`)`);
  const child: ChildProcess = spawn(process.execPath, [MAIN, '--port', '0'], {
    env: { ...process.env, GENZOO_MODELS: modelLocations.join(process.platform === 'win32' ? ';' : ':'), PORT: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gallery did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gallery exited with code ${code} before listening:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
