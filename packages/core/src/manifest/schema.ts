import { z } from 'zod';

/** Symbolic name of the dynamic batch dimension in tensor shapes. */
export const BATCH = 'batch';

const identifier = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and dashes');
const positiveInt = z.number().int().positive();

export const tensorRoleSchema = z.enum(['latent', 'label', 'image', 'mean', 'logvar']);
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
  file: z.string().regex(/^[A-Za-z0-9_.-]+\.onnx$/, 'must be a plain file name ending in .onnx'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters'),
  bytes: positiveInt,
  opset: z.number().int().min(7).max(30),
  inputs: z.array(tensorSpecSchema).min(1),
  outputs: z.array(tensorSpecSchema).min(1),
});

/** Graph roles a model can ship; each capability of the Generator API needs some of them. */
export const graphRoleSchema = z.enum(['generator', 'encoder']);

export const manifestSchema = z
  .object({
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
    latent: z.object({
      size: positiveInt,
      distribution: z.enum(['normal', 'uniform']),
    }),
    image: z.object({
      width: positiveInt,
      height: positiveInt,
      channels: z.union([z.literal(1), z.literal(3)]),
    }),
    graphs: z.partialRecord(graphRoleSchema, graphSpecSchema),
    training: z.record(z.string(), z.unknown()),
    metrics: z.record(z.string(), z.number()),
    files: z.object({
      samples: z.string().regex(/^[A-Za-z0-9_.-]+\.png$/, 'must be a plain file name ending in .png'),
      card: z.string().regex(/^[A-Za-z0-9_.-]+\.md$/, 'must be a plain file name ending in .md'),
    }),
    createdAt: z.iso.datetime(),
  })
  .superRefine((manifest, context) => {
    const generator = manifest.graphs.generator;
    if (!generator) {
      context.addIssue({ code: 'custom', path: ['graphs', 'generator'], message: 'every model needs a generator graph' });
      return;
    }
    const latent = generator.inputs.findIndex((input) => input.role === 'latent');
    if (latent < 0) {
      context.addIssue({ code: 'custom', path: ['graphs', 'generator', 'inputs'], message: 'needs an input with role "latent"' });
    } else {
      const shape = generator.inputs[latent]?.shape;
      if (shape?.[0] !== BATCH || shape[1] !== manifest.latent.size || shape.length !== 2) {
        context.addIssue({
          code: 'custom',
          path: ['graphs', 'generator', 'inputs', latent, 'shape'],
          message: `must be ["batch", ${manifest.latent.size}] to match latent.size`,
        });
      }
    }
    for (const [role, graph] of Object.entries(manifest.graphs)) {
      for (const [kind, specs] of [['inputs', graph.inputs], ['outputs', graph.outputs]] as const) {
        specs.forEach((spec, index) => {
          if (spec.role !== 'image') return;
          const path = ['graphs', role, kind, index];
          if (!spec.layout) context.addIssue({ code: 'custom', path: [...path, 'layout'], message: 'image tensors need a layout' });
          if (!spec.range) context.addIssue({ code: 'custom', path: [...path, 'range'], message: 'image tensors need a value range' });
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
  });

export type TensorSpec = z.infer<typeof tensorSpecSchema>;
export type TensorRole = z.infer<typeof tensorRoleSchema>;
export type ImageLayout = z.infer<typeof layoutSchema>;
export type GraphSpec = z.infer<typeof graphSpecSchema>;
export type GraphRole = z.infer<typeof graphRoleSchema>;
/** The `manifest.json` of a model folder. */
export type Manifest = z.infer<typeof manifestSchema>;
