import { describe, expect, it } from 'vitest';
import { EXTRA_CONFIGS, STUDY_CONFIGS, resolveSettings } from '../study/study-configs.js';
import { parseGan2dArgs, reproduceFlags } from './gan-2d-flags.js';

const everyStudySetting = [...STUDY_CONFIGS, ...EXTRA_CONFIGS].map((config) => [config.name, resolveSettings(config, { steps: 20000 })] as const);

describe('gan-2d flags', () => {
  it.each(everyStudySetting)('reproduces the settings of %s through the command line', (_name, settings) => {
    const family = settings.method === 'veegan' ? 'veegan-2d' : 'gan-2d';
    const parsed = parseGan2dArgs([family, '--dataset', 'grid', '--out', 'models/x', ...reproduceFlags(settings)]);
    expect(parsed.settings).toEqual(settings);
  });

  it('names only what differs from the defaults', () => {
    expect(reproduceFlags(parseGan2dArgs(['gan-2d', '--dataset', 'ring', '--out', 'x']).settings)).toEqual([]);
    expect(reproduceFlags(parseGan2dArgs(['gan-2d', '--dataset', 'ring', '--out', 'x', '--no-progress']).settings)).toEqual([]);
    expect(reproduceFlags(parseGan2dArgs(['gan-2d', '--dataset', 'ring', '--out', 'x', '--spectral-norm', 'hidden', '--loss', 'hinge']).settings)).toEqual(['--loss', 'hinge', '--spectral-norm', 'hidden']);
    expect(reproduceFlags(parseGan2dArgs(['veegan-2d', '--dataset', 'ring', '--out', 'x', '--latent', '8', '--d-lr', '0.0001']).settings)).toEqual(['--latent', '8', '--d-lr', '0.0001']);
  });

  it('takes layer sizes and the noise of a Gaussian reconstructor, and refuses them where they do not apply', () => {
    const parsed = parseGan2dArgs(['veegan-2d', '--dataset', 'ring', '--out', 'x', '--generator-hidden', '64, 32', '--discriminator-hidden', '16', '--reconstructor-noise', '0.5']);
    expect(parsed.settings).toMatchObject({ generatorHidden: [64, 32], discriminatorHidden: [16], reconstructorNoise: 0.5 });
    expect(reproduceFlags(parsed.settings)).toEqual(['--generator-hidden', '64,32', '--discriminator-hidden', '16', '--reconstructor-noise', '0.5']);
    expect(() => parseGan2dArgs(['gan-2d', '--dataset', 'ring', '--out', 'x', '--generator-hidden', '128,x'])).toThrow("--generator-hidden must be layer sizes like 128,128, got '128,x'");
    expect(() => parseGan2dArgs(['gan-2d', '--dataset', 'ring', '--out', 'x', '--discriminator-hidden', '0'])).toThrow("--discriminator-hidden must be layer sizes like 128,128, got '0'");
    expect(() => parseGan2dArgs(['gan-2d', '--dataset', 'ring', '--out', 'x', '--reconstructor-noise', '1'])).toThrow('--reconstructor-noise is for veegan-2d');
    expect(() => parseGan2dArgs(['veegan-2d', '--dataset', 'ring', '--out', 'x', '--reconstructor-noise', '-1'])).toThrow("--reconstructor-noise must be a positive number, got '-1'");
  });

  it('throws one line for a family it does not train', () => {
    expect(() => parseGan2dArgs(['gan-3d', '--dataset', 'ring', '--out', 'x'])).toThrow("unknown 2-D family 'gan-3d' (expected gan-2d or veegan-2d)");
  });
});
