/** Writes tfjs models to disk the way tfjs's file/http savers lay them out: model.json + weight shards. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tf, type tfl } from './parity.js';

/**
 * Saves `model` to `dir` as model.json plus shards of at most `shardBytes` bytes, split over
 * `groups` manifest groups (consecutive weights), so loaders must handle several of each.
 */
export async function saveModelFolder(model: tfl.LayersModel, dir: string, { shardBytes = 4096, groups = 2 } = {}): Promise<void> {
  mkdirSync(dir, { recursive: true });
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const specs = artifacts!.weightSpecs ?? [];
  const data = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts!.weightData!));
  const sizes = specs.map((s) => s.shape.reduce((a, b) => a * b, 1) * 4);
  const perGroup = Math.ceil(specs.length / groups);
  const manifest = [];
  let offset = 0;
  for (let g = 0; g * perGroup < specs.length; g++) {
    const weights = specs.slice(g * perGroup, (g + 1) * perGroup);
    const bytes = sizes.slice(g * perGroup, (g + 1) * perGroup).reduce((a, b) => a + b, 0);
    const groupData = data.subarray(offset, offset + bytes);
    offset += bytes;
    const count = Math.max(1, Math.ceil(bytes / shardBytes));
    const paths = [];
    for (let s = 0; s < count; s++) {
      const name = `group${g + 1}-shard${s + 1}of${count}.bin`;
      writeFileSync(join(dir, name), groupData.subarray(s * shardBytes, Math.min(bytes, (s + 1) * shardBytes)));
      paths.push(`./${name}`);
    }
    manifest.push({ paths, weights });
  }
  const json = { modelTopology: artifacts!.modelTopology, format: 'layers-model', generatedBy: artifacts!.generatedBy, convertedBy: null, weightsManifest: manifest };
  writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
}
