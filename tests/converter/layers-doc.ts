/** Renders docs/layers.md from the parity suite's measurements. */
import type { ParityCase } from './parity-cases.js';

export type Runtime = 'node' | 'wasm' | 'webgpu' | 'webgpuNchw';
export const RUNTIMES: Runtime[] = ['node', 'wasm', 'webgpu', 'webgpuNchw'];
const RUNTIME_HEADINGS: Record<Runtime, string> = {
  node: 'ort-node',
  wasm: 'ort-web wasm',
  webgpu: 'ort-web webgpu',
  webgpuNchw: 'ort-web webgpu, NCHW',
};

/** One runtime's outcome for one model. */
export interface RuntimeOutcome {
  /** Relative L2 error per graph output (same order as the outputs). */
  relL2: number[];
  error?: string;
  /** Nodes placed on the CPU provider in a WebGPU session: "OpType (node name)". */
  cpuNodes?: string[];
  /** Set when the outcome is out of bounds because of a known runtime bug (its id). */
  knownIssue?: string;
}

export interface CaseOutcome {
  parityCase: ParityCase;
  outputNames: string[];
  transposes: number;
  tolerance: number;
  runtimes: Record<Runtime, RuntimeOutcome>;
}

export interface OpsetOutcome {
  opset: number;
  tolerance: number;
  runtimes: Record<Runtime, RuntimeOutcome>;
}

export interface DocInput {
  cases: CaseOutcome[];
  opsets: OpsetOutcome[];
  knownIssues: { id: string; summary: string }[];
  /** Error messages of models the converter rejects, by what they contain. */
  unsupported: { what: string; message: string }[];
  versions: { ortNode: string; ortWeb: string; chromium: string; opset: number };
}

/** Is every figure of this outcome within the bound? */
export function passes(outcome: RuntimeOutcome, tolerance: number): boolean {
  return !outcome.error && outcome.relL2.length > 0 && outcome.relL2.every((e) => e <= tolerance);
}

const escape = (text: string): string => text.replace(/\|/g, '\\|');

function figure(outcome: RuntimeOutcome, tolerance: number, issues: string[], outputs?: number[]): string {
  const note = outcome.knownIssue ? ` [${issues.indexOf(outcome.knownIssue) + 1}]` : '';
  if (outcome.error) return `✗ error: ${escape(outcome.error).slice(0, 120)}${note}`;
  const values = outputs ? outputs.map((i) => outcome.relL2[i]!) : outcome.relL2;
  const worst = Math.max(...values);
  return `${worst <= tolerance ? '' : '✗ '}${worst === 0 ? '0' : worst.toExponential(1)}${worst <= tolerance ? '' : note}`;
}

/** The WebGPU sessions' CPU nodes, by op, for the heads named `heads` (all when undefined). */
function cpuNodes(runtimes: Record<Runtime, RuntimeOutcome>, heads: string[] | undefined, allHeads: string[]): string {
  const nameOf = (node: string): string => /\((.*)\)$/.exec(node)?.[1] ?? node;
  const belongs = (node: string): boolean =>
    !heads || heads.some((h) => nameOf(node).startsWith(h)) || !allHeads.some((h) => nameOf(node).startsWith(h));
  const nodes = new Set([...(runtimes.webgpu.cpuNodes ?? []), ...(runtimes.webgpuNchw.cpuNodes ?? [])].filter(belongs));
  if (runtimes.webgpu.error && runtimes.webgpuNchw.error) return '';
  if (nodes.size === 0) return 'none';
  const byOp = new Map<string, number>();
  for (const node of nodes) byOp.set(node.split(' ')[0]!, (byOp.get(node.split(' ')[0]!) ?? 0) + 1);
  return [...byOp].map(([op, n]) => (n > 1 ? `${op} ×${n}` : op)).join(', ');
}

function caseRows(outcome: CaseOutcome, issues: string[]): string[] {
  const { parityCase, runtimes, tolerance, outputNames } = outcome;
  const perOutput = parityCase.rows.length === outputNames.length && outputNames.length > 1;
  return parityCase.rows.map((row, i) => {
    const outputs = perOutput ? [i] : undefined;
    const cells = [
      escape(row.label),
      escape(row.options + (tolerance > 1e-5 ? ` (bound ${tolerance})` : '')),
      String(outcome.transposes),
      ...RUNTIMES.map((r) => figure(runtimes[r], tolerance, issues, outputs)),
      cpuNodes(runtimes, perOutput ? [outputNames[i]!] : undefined, perOutput ? outputNames : []),
    ];
    return `| ${cells.join(' | ')} |`;
  });
}

const HEADER = [
  `| Layer | Options | Transposes (model) | ${RUNTIMES.map((r) => RUNTIME_HEADINGS[r]).join(' | ')} | WebGPU nodes on CPU |`,
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
];

/** The whole document. */
export function renderLayersDoc(input: DocInput): string {
  const { cases, opsets, unsupported, versions, knownIssues } = input;
  const issueIds = knownIssues.map((i) => i.id);
  const section = (name: ParityCase['section'], intro: string): string[] => [
    `## ${name}`,
    '',
    intro,
    '',
    ...HEADER,
    ...cases.filter((c) => c.parityCase.section === name).flatMap((c) => caseRows(c, issueIds)),
    '',
  ];
  const outOfBounds = (runtimes: Record<Runtime, RuntimeOutcome>, tolerance: number, known: boolean): boolean =>
    RUNTIMES.some((r) => !passes(runtimes[r], tolerance) && !!runtimes[r].knownIssue === known);
  const unexpected = cases.filter((c) => outOfBounds(c.runtimes, c.tolerance, false)).length;
  const known = cases.filter((c) => outOfBounds(c.runtimes, c.tolerance, true)).length;
  return [
    '# tfjs → ONNX converter: coverage and parity',
    '',
    '<!-- Generated by tests/converter/browser-parity.test.ts; do not edit. Regenerate with `npx vitest run converter/browser-parity.test.ts` in tests/. -->',
    '',
    'Every layer class with a registered converter in `@genzoo/tfjs-onnx` is exported with seeded random weights and run on',
    'random inputs (batch 2) in onnxruntime-node (CPU), onnxruntime-web WASM and onnxruntime-web WebGPU (headless Chromium,',
    "SwiftShader's Vulkan adapter), and compared with tfjs `predict` (cpu backend) in Node. WebGPU runs twice: with the",
    "provider's default preferred layout (NHWC; onnxruntime-web rewrites the graph's NCHW convolutions to it) and with",
    '`preferredLayout: "NCHW"`, which keeps the layout the converter chose.',
    '',
    'Each figure is the relative L2 error ‖onnx − tfjs‖₂ / ‖tfjs‖₂ of the worst output of that row. The bound is 1e-5 with float32',
    'weights and 1e-2 with float16 weights; ✗ marks a figure over it, [n] a known runtime issue (below). "WebGPU nodes on CPU" lists',
    "the nodes onnxruntime-web placed on its CPU provider in the WebGPU sessions, read from its verbose node-placement log: ops the",
    'WebGPU provider has no kernel for. "Transposes" counts Transpose nodes in the exported model.',
    '',
    `onnxruntime-node ${versions.ortNode}, onnxruntime-web ${versions.ortWeb}, Chromium ${versions.chromium}, opset ${versions.opset} (the default).`,
    `${cases.length} models, ${cases.reduce((n, c) => n + c.parityCase.rows.length, 0)} rows: ` +
      `${unexpected === 0 ? 'no unexplained figure out of bounds' : `${unexpected} model(s) out of bounds without a known cause`}` +
      `${known > 0 ? `, ${known} model(s) hit a known runtime issue` : ''}.`,
    '',
    ...section('Layers', 'The built-in tfjs layers (every class in `registeredLayerClasses()` appears at least once).'),
    ...section('Genzoo layers', 'Custom layers defined in `@genzoo/tfjs-onnx` (`src/zoo-layers/`), exported with their inference semantics.'),
    ...section('Combinations', 'Models that stress the NCHW layout pass: layout changes at Flatten/Reshape, channel-axis concatenation, resizing and skip connections.'),
    '## Opsets',
    '',
    'A conditional generator (PixelNormalization, Dense, ConditionalBatchNormalization, bilinear UpSampling2D, SpectralNormalization',
    'Conv2D, LayerNormalization, Conv2D) exported at each opset the converter targets.',
    '',
    `| Opset | ${RUNTIMES.map((r) => RUNTIME_HEADINGS[r]).join(' | ')} | WebGPU nodes on CPU |`,
    '| ---: | ---: | ---: | ---: | ---: | --- |',
    ...opsets.map((o) => `| ${o.opset} | ${RUNTIMES.map((r) => figure(o.runtimes[r], o.tolerance, issueIds)).join(' | ')} | ${cpuNodes(o.runtimes, undefined, [])} |`),
    '',
    '## Known runtime issues',
    '',
    ...(knownIssues.length === 0 ? ['None.'] : knownIssues.map((issue, i) => `${i + 1}. \`${issue.id}\`: ${issue.summary}`)),
    '',
    '## Not supported',
    '',
    'Models with these are rejected before anything is written, with one error that lists every offending layer (messages as the converter prints them):',
    '',
    ...unsupported.map((u) => `- ${u.what}: \`${u.message}\``),
    '',
  ].join('\n');
}
