import { GenzooError, Generator, NoProviderError, type GeneratorOptions } from '@genzoo/core';
import { FolderSource } from './folder-source.js';
import { OrtAdapter, type OrtAdapterOptions } from './ort-adapter.js';
import { resolveModelFolder, type ResolveOptions } from './resolve-model.js';

/** Where to run ({@link GeneratorOptions}), onnxruntime threads, and where to look up model ids. */
export interface LoadModelOptions extends GeneratorOptions, OrtAdapterOptions, ResolveOptions {}

/**
 * Loads a model by id or folder and opens its generator graph with onnxruntime-node.
 * @param idOrFolder a model id (see `resolveModelFolder`) or a model folder.
 * @throws GenzooError with a one-line message for an unknown model, an invalid manifest, a corrupt or
 *   replaced graph file, a bad option, or when no execution provider can run the graph.
 */
export async function loadModel(idOrFolder: string, options: LoadModelOptions = {}): Promise<Generator> {
  const adapter = new OrtAdapter({ threads: options.threads, shareSessions: options.shareSessions }, options.env ?? process.env);
  const folder = await resolveModelFolder(idOrFolder, options);
  const source = new FolderSource(folder);
  try {
    return await Generator.load(source, adapter, { device: options.device, maxBatch: options.maxBatch });
  } catch (error) {
    // Only the generator graph is opened at load; say which model could not be opened.
    if (error instanceof NoProviderError) throw new GenzooError(`cannot open the generator graph of ${source.location}: ${error.message}`, error.code);
    throw error;
  }
}
