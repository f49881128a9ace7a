import { describe, expect, it } from 'vitest';
import { checkParity, logError, randomizeWeights, tfl } from '../../test-support/parity.js';
import { getLayerConverter, registeredLayerClasses, registerLayerConverter } from '../index.js';

describe('layer converter registry', () => {
  it('lists the built-in converters by tfjs class name', () => {
    const classes = registeredLayerClasses();
    for (const name of ['InputLayer', 'Dense', 'Conv2D', 'Conv2DTranspose', 'BatchNormalization', 'ReLU', 'LeakyReLU', 'Reshape', 'Flatten']) {
      expect(classes).toContain(name);
    }
  });

  it('lets a caller replace a converter', async () => {
    const original = getLayerConverter('LeakyReLU')!;
    // LeakyReLU as max(x, alpha·x): a legal alternative lowering for 0 < alpha < 1.
    registerLayerConverter('LeakyReLU', {
      convert(ctx, call) {
        const x = call.inputs[0]!;
        const alpha = call.config['alpha'] as number;
        const scaled = ctx.op('Mul', [x.name, ctx.scalar(`${call.name}_alpha`, alpha)]);
        return [{ name: ctx.op('Max', [x.name, scaled], {}, call.name), perm: x.perm }];
      },
    });
    try {
      const model = tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [4], units: 3 }), tfl.layers.leakyReLU({ alpha: 0.2 })] });
      randomizeWeights(model);
      const result = await checkParity(model);
      logError('custom LeakyReLU converter', result);
      expect(result.maxError).toBeLessThanOrEqual(1e-4);
      expect(result.conversion.report.nodesByType['Max']).toBe(1);
    } finally {
      registerLayerConverter('LeakyReLU', original);
    }
  });
});
