import { autoencoderFamily } from './autoencoder-family.js';
import { biganFamily } from './bigan-family.js';
import { bigganFamily } from './biggan-family.js';
import { cganFamily } from './cgan-family.js';
import { classifierFamily } from './classifier-family.js';
import { cvaeFamily } from './cvae-family.js';
import { cycleganFamily } from './cyclegan-family.js';
import { dcganMnistFamily } from './dcgan-mnist-family.js';
import { ganMlpFamily } from './gan-mlp-family.js';
import { pix2pixFamily } from './pix2pix-family.js';
import type { TrainingFamily } from './training-family.js';
import { vaeFamily } from './vae-family.js';
import { vaeMnistFamily } from './vae-mnist-family.js';

/** Every family `genzoo-train` knows, by name. */
export const FAMILIES: ReadonlyMap<string, TrainingFamily> = new Map(
  [dcganMnistFamily, vaeMnistFamily, classifierFamily, cvaeFamily, autoencoderFamily, vaeFamily, biganFamily, pix2pixFamily, cycleganFamily, ganMlpFamily, cganFamily, bigganFamily].map((family) => [family.name, family]),
);

/** Looks a family up, with a one-line error listing the known ones. */
export function getFamily(name: string): TrainingFamily {
  const family = FAMILIES.get(name);
  if (family === undefined) throw new Error(`unknown model family '${name}' (expected one of ${[...FAMILIES.keys()].join(', ')})`);
  return family;
}
