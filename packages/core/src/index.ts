export { GenzooError, InputError, isGenzooError } from './errors.js';
export { tensor, sizeOf, assertShape, sliceBatch, concatBatch, type TensorData } from './tensor.js';
export { now } from './clock.js';

export {
  manifestSchema,
  classifierManifestSchema,
  evaluationSchema,
  mixtureSchema,
  translationSchema,
  translationDirectionSchema,
  tensorSpecSchema,
  graphSpecSchema,
  BATCH,
  type Manifest,
  type ClassifierManifest,
  type AnyManifest,
  type ModelKind,
  type Evaluation,
  type Mixture,
  type Translation,
  type TranslationDirection,
  type GraphSpec,
  type GraphRole,
  type TensorSpec,
  type TensorRole,
  type ImageLayout,
} from './manifest/schema.js';
export {
  parseManifest,
  parseManifestText,
  parseModelManifest,
  parseModelManifestText,
  parseClassifierManifest,
  isClassifierManifest,
  ManifestError,
} from './manifest/parse.js';

export { createRng, restoreRng, assertSeed, MAX_SEED, type Rng, type RngState } from './random/prng.js';
export { Xoshiro128, seededPermutation, type Xoshiro128State } from './random/xoshiro128.js';
export {
  normalArray,
  truncatedNormalArray,
  uniformArray,
  oneHot,
  sampleLatents,
  sampleComponents,
  type LatentRequest,
  type ComponentRequest,
} from './random/samplers.js';
export { lerp, slerp, interpolationPath, type InterpolationMethod } from './interpolate.js';

export { tensorToRgbaImages, toByte, maxPixelDifference, type RgbaImage, type PixelFormat } from './image/rgba.js';
export { rgbaImagesToTensor, imageInputOf, luminance, type ImageInputFormat } from './image/image-input.js';
export { tileImages, type GridOptions } from './image/grid.js';
export { sobelEdgeMap, EDGE_THRESHOLD } from './image/sobel-edges.js';
export {
  scatterPlot,
  plotGrid,
  boundsOf,
  type PlotBounds,
  type ScatterLayer,
  type ScatterOptions,
  type HeatMap,
  type Rgba,
} from './image/scatter.js';

export {
  DEVICES,
  type Device,
  type ExecutionInfo,
  type FallbackNote,
  type SessionHandle,
  type RuntimeAdapter,
} from './runtime/adapter.js';
export { openSession, describeExecution, NoProviderError, type OpenedSession } from './runtime/open-session.js';
export { sha256Hex, readVerifiedGraph, IntegrityError, type ModelSource, type ExpectedContent } from './runtime/model-source.js';

export { Generator, CapabilityError, MAX_SAMPLES } from './generator/generator.js';
export type {
  GeneratorApi,
  GeneratorOptions,
  SampleOptions,
  SampleResult,
  PointSampleOptions,
  PointSampleResult,
  DensityResult,
  ReconstructOptions,
  ImageBatch,
  InterpolateOptions,
  Encoding,
  TranslateOptions,
} from './generator/generator.js';
export { capabilitiesOf, translationDirectionsOf, CAPABILITY_GRAPHS, type Capability } from './generator/capabilities.js';
export { callCapability, toPlain, fromPlain, type CapabilityCall, type CapabilityOutput, type PlainTensor } from './generator/capability-call.js';
