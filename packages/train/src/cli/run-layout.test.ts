import { describe, expect, it } from 'vitest';
import { resolveRunLayout } from './run-layout.js';

describe('resolveRunLayout', () => {
  it('without --out: trains into runs/<family> and ships nothing', () => {
    expect(resolveRunLayout({ family: 'dcgan-mnist' })).toEqual({ runDir: 'runs/dcgan-mnist' });
    expect(resolveRunLayout({ family: 'dcgan-mnist', runDir: 'scratch/a' })).toEqual({ runDir: 'scratch/a' });
  });

  it('--out models/<id>: the id is its basename and the state goes to runs/<id>', () => {
    expect(resolveRunLayout({ family: 'dcgan-mnist', out: 'models/dcgan-hinge/' })).toEqual({
      runDir: 'runs/dcgan-hinge',
      ship: { id: 'dcgan-hinge', modelDir: 'models/dcgan-hinge/' },
    });
  });

  it('--id and --run-dir override the defaults', () => {
    expect(resolveRunLayout({ family: 'vae-mnist', out: '/tmp/m/Folder', id: 'vae-2', runDir: '/tmp/r' })).toEqual({
      runDir: '/tmp/r',
      ship: { id: 'vae-2', modelDir: '/tmp/m/Folder' },
    });
  });

  it('rejects a model id the manifest would reject, saying where it came from', () => {
    expect(() => resolveRunLayout({ family: 'vae-mnist', out: 'models/My_Model' })).toThrow(
      /^model id 'My_Model' must be 1–63 lowercase letters, digits and dashes, .* \(it defaults to the basename of --out; give --id\)$/,
    );
    expect(() => resolveRunLayout({ family: 'vae-mnist', out: 'models/x', id: '-x' })).toThrow(/^model id '-x' must be/);
  });

  it('rejects --id without --out', () => {
    expect(() => resolveRunLayout({ family: 'vae-mnist', id: 'x' })).toThrow('--id names the model that --out ships; give --out too');
  });

  it('rejects a run dir inside the model folder (or the other way round), since shipping replaces the folder', () => {
    expect(() => resolveRunLayout({ family: 'vae-mnist', out: 'models/x', runDir: 'models/x/state' })).toThrow(/overlap/);
    expect(() => resolveRunLayout({ family: 'vae-mnist', out: 'runs/x/model', runDir: 'runs/x' })).toThrow(/overlap/);
    expect(() => resolveRunLayout({ family: 'vae-mnist', out: 'models/x', runDir: 'models/x' })).toThrow(/overlap/);
    expect(resolveRunLayout({ family: 'vae-mnist', out: 'models/x', runDir: 'models/x-state' }).runDir).toBe('models/x-state');
  });
});
