export { exampleManifest, exampleMixtureManifest, exampleTranslatorManifest } from './example-manifest.js';
export { FakeRuntime, MemorySource, fakeModelSource } from './fake-runtime.js';
export { exampleClassifierManifest } from './example-classifier-manifest.js';
export { mutatedManifest, type MutableManifest } from './mutated-manifest.js';
