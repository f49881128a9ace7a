export interface CliOptions {
  port: number;
  host: string;
}

export const DEFAULT_PORT = 5173;

function parsePort(text: string, where: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new Error(`${where} must be a port number from 0 to 65535, got "${text}"`);
  return port;
}

/** `--port N` / `--port=N` / `PORT`, and `--host` (default 127.0.0.1). Bad flags throw a one-line error. */
export function parseCliOptions(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions {
  const options: CliOptions = { port: env.PORT ? parsePort(env.PORT, 'PORT') : DEFAULT_PORT, host: '127.0.0.1' };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++index];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--port') options.port = parsePort(value(), '--port');
    else if (flag === '--host') options.host = value();
    else if (flag === '--help' || flag === '-h') throw new HelpRequested();
    else throw new Error(`unknown option "${arg}" (options: --port N, --host ADDRESS)`);
  }
  return options;
}

export class HelpRequested extends Error {
  constructor() {
    super('usage: genzoo-gallery [--port N] [--host ADDRESS]  (env: PORT, GENZOO_MODELS=dir[:dir...])');
  }
}
