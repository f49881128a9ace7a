import { z } from 'zod';

/** Symbolic name of the dynamic batch dimension in tensor shapes. */
export const BATCH = 'batch';

const identifier = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and dashes');
const positiveInt = z.number().int().positive();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters');
const pngFile = z.string().regex(/^[A-Za-z0-9_.-]+\.png$/, 'must be a plain file name ending in .png');
const onnxFile = z.string().regex(/^[A-Za-z0-9_.-]+\.onnx$/, 'must be a plain file name ending in .onnx');

export const tensorRoleSchema = z.enum(['latent', 'label', 'image', 'point', 'component', 'mean', 'logvar', 'logDensity', 'logits', 'features']);
export const layoutSchema = z.enum(['NCHW', 'NHWC']);

/** One input or output of an ONNX graph, as the runtimes must feed or read it. */
export const tensorSpecSchema = z.object({
  name: z.string().min(1),
  role: tensorRoleSchema,
  dtype: z.literal('float32'),
  shape: z.array(z.union([positiveInt, z.literal(BATCH)])).min(1),
  layout: layoutSchema.optional(),
  range: z
    .tuple([z.number(), z.number()])
    .refine(([low, high]) => low < high, 'low end must be below high end')
    .optional(),
});

/** One ONNX file of a model and the contract of its inputs and outputs. */
export const graphSpecSchema = z.object({
  file: onnxFile,
  sha256,
  bytes: positiveInt,
  opset: z.number().int().min(7).max(30),
  inputs: z.array(tensorSpecSchema).min(1),
  outputs: z.array(tensorSpecSchema).min(1),
});

/**
 * Graph roles a generative model can ship; each capability of the Generator API needs some of them.
 * `density` evaluates the model's log-density (KDE, Gaussian mixtures); `a2b` and `b2a` translate
 * images between the two domains of `translation` (pix2pix ships `a2b`, CycleGAN both).
 */
export const graphRoleSchema = z.enum(['generator', 'encoder', 'density', 'a2b', 'b2a']);

/** Directions an image-to-image model can translate in; each is a graph role. */
export const translationDirectionSchema = z.enum(['a2b', 'b2a']);

/** One image domain of a translator, e.g. `edges` or `digits`. */
const domainSchema = z.object({ name: identifier, description: z.string() });

/** The two domains an image-to-image model translates between. */
export const translationSchema = z.object({ a: domainSchema, b: domainSchema });

/** What a model folder holds: a generative model (the default) or an image classifier (e.g. a feature extractor for evaluation). */
export const modelKindSchema = z.enum(['generative', 'classifier']);

/**
 * How the figures in `metrics` were measured, so anyone can recompute and compare them:
 * sample count and seed, the feature extractor (by id and the sha256 of its graph), the reference set.
 */
export const evaluationSchema = z.object({
  /** The tool and its version, e.g. `@genzoo/metrics 0.1.0`. */
  tool: z.string().min(1),
  /** Generated samples evaluated. */
  n: positiveInt,
  seed: z.number().int().min(0).max(0xffff_ffff),
  extractor: z.object({ id: identifier, file: onnxFile, sha256 }),
  reference: z.object({ dataset: identifier, split: z.enum(['train', 'held-out']), size: positiveInt }),
  /** Numeric settings of the metrics (subset sizes, k of k-NN, …). */
  settings: z.record(z.string(), z.number()),
  /** Names of the entries of `metrics` this evaluation wrote. */
  figures: z.array(z.string().min(1)).min(1),
  /** Wall-clock seconds of the evaluation, end to end. */
  seconds: z.number().nonnegative(),
  evaluatedAt: z.iso.datetime(),
});

const imageShapeSchema = z.object({
  width: positiveInt,
  height: positiveInt,
  channels: z.union([z.literal(1), z.literal(3)]),
});

/** Vector-valued samples (2-D toy data): `dims` numbers per sample. */
const pointsShapeSchema = z.object({ dims: positiveInt });

/**
 * A mixture's components (Gaussian mixtures, KDE). `@genzoo/core` draws component indices from `weights`
 * (uniform when omitted, as for a KDE) and feeds them one-hot to the generator's `component` input.
 */
export const mixtureSchema = z.object({
  components: positiveInt,
  weights: z.array(z.number().nonnegative()).min(1).optional(),
});

/** Fields every model folder's manifest has, whatever its kind. */
const commonShape = {
  schemaVersion: z.literal(1),
  id: identifier,
  name: z.string().min(1),
  family: identifier,
  description: z.string(),
  dataset: z.object({
    name: identifier,
    trainSize: positiveInt,
    heldOutSize: z.number().int().nonnegative(),
    splitSeed: z.number().int().nonnegative(),
  }),
  training: z.record(z.string(), z.unknown()),
  metrics: z.record(z.string(), z.number()),
  evaluation: evaluationSchema.optional(),
  files: z.object({
    samples: pngFile,
    card: z.string().regex(/^[A-Za-z0-9_.-]+\.md$/, 'must be a plain file name ending in .md'),
    /** Further figures by caption, e.g. `{ "Reconstructions of held-out digits": "reconstructions.png" }`; the gallery shows them. */
    figures: z.record(z.string().min(1).max(200), pngFile).optional(),
  }),
  createdAt: z.iso.datetime(),
};

type Context = z.core.$RefinementCtx;
type CommonFields = { image?: { width: number; height: number; channels: 1 | 3 } | undefined; points?: { dims: number } | undefined; metrics: Record<string, number>; evaluation?: { figures: string[] } | undefined };

/** Image tensors need a layout and a range, and a shape that matches `image`. */
function checkImageTensors(manifest: CommonFields, graphs: Record<string, z.infer<typeof graphSpecSchema> | undefined>, context: Context): void {
  for (const [role, graph] of Object.entries(graphs)) {
    if (!graph) continue;
    for (const [kind, specs] of [['inputs', graph.inputs], ['outputs', graph.outputs]] as const) {
      specs.forEach((spec, index) => {
        if (spec.role !== 'image') return;
        const path = ['graphs', role, kind, index];
        if (!spec.layout) context.addIssue({ code: 'custom', path: [...path, 'layout'], message: 'image tensors need a layout' });
        if (!spec.range) context.addIssue({ code: 'custom', path: [...path, 'range'], message: 'image tensors need a value range' });
        if (!manifest.image) {
          context.addIssue({ code: 'custom', path: [...path, 'role'], message: 'image tensors need the manifest\'s "image" block' });
          return;
        }
        const { width, height, channels } = manifest.image;
        const expected = spec.layout === 'NHWC' ? [BATCH, height, width, channels] : [BATCH, channels, height, width];
        if (spec.shape.join() !== expected.join()) {
          context.addIssue({
            code: 'custom',
            path: [...path, 'shape'],
            message: `must be ${JSON.stringify(expected)} to match image and layout`,
          });
        }
      });
    }
  }
}

/** Every figure an evaluation claims to have written must be in `metrics`. */
function checkEvaluation(manifest: CommonFields, context: Context): void {
  manifest.evaluation?.figures.forEach((figure, index) => {
    if (!(figure in manifest.metrics)) {
      context.addIssue({ code: 'custom', path: ['evaluation', 'figures', index], message: `"${figure}" is not in metrics` });
    }
  });
}

type GenerativeFields = CommonFields & {
  latent?: { size: number } | undefined;
  mixture?: { components: number; weights?: number[] | undefined } | undefined;
  graphs: Partial<Record<z.infer<typeof graphRoleSchema>, GraphSpec>>;
};

/** A `[batch, size]` tensor of `role` in `graph`'s inputs or outputs must have `size` columns. */
function checkRowShape(graph: GraphSpec, kind: 'inputs' | 'outputs', role: string, size: number, path: readonly (string | number)[], context: Context): void {
  graph[kind].forEach((spec, index) => {
    if (spec.role !== role) return;
    if (spec.shape.length !== 2 || spec.shape[0] !== BATCH || spec.shape[1] !== size) {
      context.addIssue({ code: 'custom', path: [...path, kind, index, 'shape'], message: `must be ["batch", ${size}]` });
    }
  });
}

/** Exactly one of `image` and `points` says what a sample is. */
function checkSampleSpace(manifest: GenerativeFields, context: Context): void {
  if ((manifest.image === undefined) === (manifest.points === undefined)) {
    context.addIssue({ code: 'custom', path: ['image'], message: 'a generative model has exactly one of "image" (image samples) and "points" (vector samples)' });
  }
  if (manifest.points) {
    for (const [role, graph] of Object.entries(manifest.graphs)) {
      if (graph) {
        checkRowShape(graph, 'inputs', 'point', manifest.points.dims, ['graphs', role], context);
        checkRowShape(graph, 'outputs', 'point', manifest.points.dims, ['graphs', role], context);
      }
    }
  }
}

/** A `component` input needs `mixture`, with matching sizes and weights that sum to 1. */
function checkMixture(manifest: GenerativeFields, generator: GraphSpec, context: Context): void {
  const component = generator.inputs.findIndex((input) => input.role === 'component');
  const { mixture } = manifest;
  if (component < 0) {
    if (mixture) context.addIssue({ code: 'custom', path: ['mixture'], message: 'needs a generator input with role "component"' });
    return;
  }
  if (!mixture) {
    context.addIssue({ code: 'custom', path: ['mixture'], message: 'required when the generator has a "component" input' });
    return;
  }
  checkRowShape(generator, 'inputs', 'component', mixture.components, ['graphs', 'generator'], context);
  if (mixture.weights) {
    if (mixture.weights.length !== mixture.components) {
      context.addIssue({ code: 'custom', path: ['mixture', 'weights'], message: `must have ${mixture.components} entries (one per component)` });
    }
    const total = mixture.weights.reduce((sum, weight) => sum + weight, 0);
    if (Math.abs(total - 1) > 1e-4) context.addIssue({ code: 'custom', path: ['mixture', 'weights'], message: `must sum to 1, sum to ${total}` });
  }
}

/** A density graph takes a sample (`point` or `image`) and returns `logDensity` of shape ["batch"]. */
function checkDensity(density: GraphSpec, context: Context): void {
  const path = ['graphs', 'density'];
  if (!density.inputs.some((input) => input.role === 'point' || input.role === 'image')) {
    context.addIssue({ code: 'custom', path: [...path, 'inputs'], message: 'needs an input with role "point" or "image"' });
  }
  const output = density.outputs.findIndex((spec) => spec.role === 'logDensity');
  if (output < 0) {
    context.addIssue({ code: 'custom', path: [...path, 'outputs'], message: 'needs an output with role "logDensity"' });
  } else if (density.outputs[output]!.shape.join() !== BATCH) {
    context.addIssue({ code: 'custom', path: [...path, 'outputs', output, 'shape'], message: 'must be ["batch"]' });
  }
}

/** A generator needs `latent`, and a `latent` input of that size. */
function checkLatent(manifest: GenerativeFields, generator: GraphSpec, context: Context): void {
  if (!manifest.latent) {
    context.addIssue({ code: 'custom', path: ['latent'], message: 'required when there is a generator graph' });
    return;
  }
  const latent = generator.inputs.findIndex((input) => input.role === 'latent');
  if (latent < 0) {
    context.addIssue({ code: 'custom', path: ['graphs', 'generator', 'inputs'], message: 'needs an input with role "latent"' });
    return;
  }
  const shape = generator.inputs[latent]?.shape;
  if (shape?.[0] !== BATCH || shape[1] !== manifest.latent.size || shape.length !== 2) {
    context.addIssue({
      code: 'custom',
      path: ['graphs', 'generator', 'inputs', latent, 'shape'],
      message: `must be ["batch", ${manifest.latent.size}] to match latent.size`,
    });
  }
}

/**
 * Translators: `translation` exactly when there is an `a2b` graph, `b2a` only beside `a2b`, and each
 * direction takes one image and returns one image (both in the manifest's `image` shape).
 */
function checkTranslation(manifest: GenerativeFields & { translation?: unknown }, context: Context): void {
  const { a2b, b2a } = manifest.graphs;
  if (!a2b) {
    if (b2a) context.addIssue({ code: 'custom', path: ['graphs', 'b2a'], message: 'a b2a graph needs an a2b graph beside it' });
    if (manifest.translation) context.addIssue({ code: 'custom', path: ['translation'], message: 'needs an a2b graph' });
    return;
  }
  if (!manifest.translation) context.addIssue({ code: 'custom', path: ['translation'], message: 'required when there is an a2b graph' });
  if (!manifest.image) context.addIssue({ code: 'custom', path: ['image'], message: 'a translator needs the "image" block' });
  for (const [role, graph] of [['a2b', a2b], ['b2a', b2a]] as const) {
    if (!graph) continue;
    for (const kind of ['inputs', 'outputs'] as const) {
      if (graph[kind].filter((spec) => spec.role === 'image').length !== 1) {
        context.addIssue({ code: 'custom', path: ['graphs', role, kind], message: 'needs exactly one tensor with role "image"' });
      }
    }
  }
}

/**
 * The manifest of a generative model: it ships a generator graph and says how to draw its inputs
 * (latents, and mixture components for mixtures). Samples are images (`image`) or vectors (`points`).
 */
export const manifestSchema = z
  .object({
    ...commonShape,
    /** Absent means generative. */
    kind: z.literal('generative').optional(),
    image: imageShapeSchema.optional(),
    points: pointsShapeSchema.optional(),
    /** How to draw the generator's latent input; required exactly when there is a generator graph. */
    latent: z
      .object({
        size: positiveInt,
        distribution: z.enum(['normal', 'uniform']),
      })
      .optional(),
    mixture: mixtureSchema.optional(),
    /** The domains of an image-to-image model; required exactly when there is an `a2b` graph. */
    translation: translationSchema.optional(),
    graphs: z.partialRecord(graphRoleSchema, graphSpecSchema),
  })
  .superRefine((manifest, context) => {
    checkImageTensors(manifest, manifest.graphs, context);
    checkEvaluation(manifest, context);
    checkSampleSpace(manifest, context);
    if (manifest.graphs.density) checkDensity(manifest.graphs.density, context);
    checkTranslation(manifest, context);
    const generator = manifest.graphs.generator;
    if (!generator) {
      if (!manifest.graphs.a2b) {
        context.addIssue({
          code: 'custom',
          path: ['graphs', 'generator'],
          message: 'every model needs a generator graph, or an a2b graph for a translator (or, for kind "classifier", a classifier graph)',
        });
      }
      if (manifest.latent) context.addIssue({ code: 'custom', path: ['latent'], message: 'only a model with a generator graph has a latent' });
      return;
    }
    checkMixture(manifest, generator, context);
    checkLatent(manifest, generator, context);
  });

/**
 * The manifest of an image classifier: one `classifier` graph, image in, `logits` (one per class) and
 * `features` (the penultimate layer) out. No latent and no generator.
 */
export const classifierManifestSchema = z
  .object({
    ...commonShape,
    kind: z.literal('classifier'),
    image: imageShapeSchema,
    /** Class names, in logit order. */
    classes: z.array(z.string().min(1)).min(2),
    graphs: z.object({ classifier: graphSpecSchema }),
  })
  .superRefine((manifest, context) => {
    checkImageTensors(manifest, manifest.graphs, context);
    checkEvaluation(manifest, context);
    const { classifier } = manifest.graphs;
    const path = ['graphs', 'classifier'];
    if (!classifier.inputs.some((input) => input.role === 'image')) {
      context.addIssue({ code: 'custom', path: [...path, 'inputs'], message: 'needs an input with role "image"' });
    }
    const expected: Record<'logits' | 'features', number | undefined> = { logits: manifest.classes.length, features: undefined };
    for (const role of ['logits', 'features'] as const) {
      const index = classifier.outputs.findIndex((output) => output.role === role);
      const shape = classifier.outputs[index]?.shape;
      if (index < 0) {
        context.addIssue({ code: 'custom', path: [...path, 'outputs'], message: `needs an output with role "${role}"` });
      } else if (shape?.length !== 2 || shape[0] !== BATCH || typeof shape[1] !== 'number' || (expected[role] !== undefined && shape[1] !== expected[role])) {
        const size = expected[role] === undefined ? 'size' : `${expected[role]} (one per class)`;
        context.addIssue({ code: 'custom', path: [...path, 'outputs', index, 'shape'], message: `must be ["batch", ${size}]` });
      }
    }
  });

export type TensorSpec = z.infer<typeof tensorSpecSchema>;
export type TensorRole = z.infer<typeof tensorRoleSchema>;
export type ImageLayout = z.infer<typeof layoutSchema>;
export type GraphSpec = z.infer<typeof graphSpecSchema>;
export type GraphRole = z.infer<typeof graphRoleSchema>;
export type Mixture = z.infer<typeof mixtureSchema>;
export type Translation = z.infer<typeof translationSchema>;
export type TranslationDirection = z.infer<typeof translationDirectionSchema>;
export type ModelKind = z.infer<typeof modelKindSchema>;
export type Evaluation = z.infer<typeof evaluationSchema>;
/** The `manifest.json` of a generative model folder. */
export type Manifest = z.infer<typeof manifestSchema>;
/** The `manifest.json` of a classifier model folder. */
export type ClassifierManifest = z.infer<typeof classifierManifestSchema>;
/** Any model folder's manifest; `kind` tells them apart. */
export type AnyManifest = Manifest | ClassifierManifest;
