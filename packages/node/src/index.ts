export * from '@genzoo/core';
export { OrtAdapter, type OrtAdapterOptions } from './ort-adapter.js';
export { SessionCache, processSessionCache } from './session-cache.js';
export { FolderSource, ModelFileError } from './folder-source.js';
export { resolveModelFolder, listModels, modelRoots, UnknownModelError, type ResolveOptions, type ModelEntry } from './resolve-model.js';
export { loadModel, type LoadModelOptions } from './load-model.js';
export { encodePng, encodeWebp, writePng, writeSampleGrid, writeSvgPng, channelsNeeded, OutputError, type PngInfo } from './png.js';
export {
  readImageAt,
  imageFileToTensor,
  translateImage,
  ImageInputError,
  MAX_INPUT_PIXELS,
  IMAGE_FIT,
  type ImageInput,
  type FittedImage,
  type TranslatedImage,
} from './image-file.js';
export { processIo, type CliIo } from './cli/io.js';
