import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertLayersModel, decodeModelProto, DEFAULT_OPSET, registeredLayerClasses } from '@genzoo/tfjs-onnx';
import { launchChromium, patientPage } from '../browser/chromium.js';
import { REPO_ROOT, TEST_OUTPUT } from '../helpers/test-models.js';
import { passes, renderLayersDoc, RUNTIMES, type CaseOutcome, type OpsetOutcome, type Runtime, type RuntimeOutcome } from './layers-doc.js';
import { KNOWN_ISSUES } from './known-runtime-issues.js';
import { ALL_CASES, OPSET_PROBE, OPSETS } from './parity-cases.js';
import { ORT_NODE_VERSION, prepareCase, relativeL2, runOrtNode, type PreparedCase } from './parity-harness.js';
import { startOrtWebServer, type OrtWebServer } from './ort-web-server.js';

/** What the page's runCase returns per provider. */
type WebProvider = 'wasm' | 'webgpu' | 'webgpu-nchw';

interface PageRun {
  provider: WebProvider;
  ms: number;
  placements: string[];
  outputs?: Record<string, { dims: number[]; base64: string }>;
  error?: string;
}

declare global {
  interface Window {
    genzooParityReady?: boolean;
    genzooParity: {
      ortVersion: string;
      runCase(spec: { model: string; inputs: { name: string; dims: number[]; url: string }[]; providers: string[] }): Promise<PageRun[]>;
    };
  }
}

const FP32_BOUND = 1e-5;
/** Comma-separated case ids (and 'opsets') to run while iterating; docs/layers.md is only written by a full run. */
const ONLY = process.env['GENZOO_PARITY_ONLY']?.split(',').filter(Boolean);
const FP16_BOUND = 1e-2;

function decode(base64: string): Float32Array {
  const bytes = Buffer.from(base64, 'base64');
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** Nodes ("OpType (name)") listed under "placed on [CPUExecutionProvider]" in onnxruntime's placement log. */
function cpuNodes(placements: string[]): string[] {
  let provider = '';
  const nodes: string[] = [];
  for (const line of placements) {
    const header = /placed on \[(\w+)\]/.exec(line);
    if (header) provider = header[1]!;
    else if (provider === 'CPUExecutionProvider' && /^\S+ \(.*\)$/.test(line)) nodes.push(line);
  }
  return nodes;
}

/** Marks out-of-bounds outcomes that a known runtime issue explains; returns the unexplained ones. */
function explain(label: string, bytes: Uint8Array, runtimes: Record<Runtime, RuntimeOutcome>, tolerance: number): string[] {
  const model = decodeModelProto(bytes);
  const unexplained: string[] = [];
  for (const runtime of RUNTIMES) {
    const outcome = runtimes[runtime];
    if (passes(outcome, tolerance)) continue;
    const issue = KNOWN_ISSUES.find((i) => i.runtime === runtime && i.affects(model));
    if (issue) outcome.knownIssue = issue.id;
    else unexplained.push(`${label} on ${runtime}: ${outcome.error ?? outcome.relL2.map((e) => e.toExponential(1)).join(', ')}`);
  }
  return unexplained;
}

describe('exported graphs match tfjs in onnxruntime-node, onnxruntime-web WASM and WebGPU', () => {
  let server: OrtWebServer;
  let browser: Browser;
  let page: Page;
  let served = 0;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await tf.setBackend('cpu');
    server = await startOrtWebServer();
    browser = await launchChromium();
    page = patientPage(await browser.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => window.genzooParityReady === true);
    expect(await page.evaluate(() => window.isSecureContext && 'gpu' in navigator)).toBe(true);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Runs a prepared model in ort-node and, in one page call, in ort-web wasm and webgpu. */
  async function runEverywhere(prepared: PreparedCase): Promise<Record<Runtime, RuntimeOutcome> & { ms: Record<string, number> }> {
    const id = served++;
    const expected = prepared.expected;
    const score = (outputs: Record<string, Float32Array>): number[] => expected.map((e) => relativeL2(outputs[e.name] ?? new Float32Array(0), e.data));
    const nodeOutputs = await runOrtNode(prepared);
    server.put(`/case/${id}/model.onnx`, prepared.conversion.bytes);
    prepared.inputs.forEach((input, i) => server.put(`/case/${id}/input-${i}.bin`, new Uint8Array(input.data.buffer, input.data.byteOffset, input.data.byteLength)));
    const spec = {
      model: `/case/${id}/model.onnx`,
      inputs: prepared.inputs.map((input, i) => ({ name: input.name, dims: input.dims, url: `/case/${id}/input-${i}.bin` })),
      providers: ['wasm', 'webgpu', 'webgpu-nchw'],
    };
    const runs = await page.evaluate((s) => window.genzooParity.runCase(s), spec);
    const web = (provider: WebProvider): RuntimeOutcome => {
      const run = runs.find((r) => r.provider === provider)!;
      if (run.error) return { relL2: [], error: run.error };
      const outputs = Object.fromEntries(Object.entries(run.outputs ?? {}).map(([name, o]) => [name, decode(o.base64)]));
      const outcome: RuntimeOutcome = { relL2: score(outputs) };
      if (provider !== 'wasm') {
        if (!run.placements.some((line) => line.includes('WebGpuExecutionProvider'))) {
          return { relL2: [], error: `no node ran on WebGPU (placements: ${run.placements.join('; ') || 'none logged'})` };
        }
        outcome.cpuNodes = cpuNodes(run.placements);
      }
      return outcome;
    };
    const ms = Object.fromEntries(runs.map((r) => [r.provider, Math.round(r.ms)]));
    return { node: { relL2: score(nodeOutputs) }, wasm: web('wasm'), webgpu: web('webgpu'), webgpuNchw: web('webgpu-nchw'), ms };
  }

  it('covers every layer class that has a registered converter', () => {
    const covered = new Set<string>();
    for (const parityCase of ALL_CASES) {
      const model = parityCase.build();
      const visit = (layers: tfl.layers.Layer[]): void =>
        layers.forEach((layer) => {
          covered.add(layer.getClassName());
          const nested = (layer as unknown as { layers?: tfl.layers.Layer[] }).layers;
          if (nested) visit(nested);
        });
      visit(model.layers);
      model.dispose();
    }
    expect(registeredLayerClasses().filter((c) => !covered.has(c))).toEqual([]);
  });

  it('every case and opset is within bounds on every runtime; writes docs/layers.md', async () => {
    const started = performance.now();
    const cases: CaseOutcome[] = [];
    const unexplained: string[] = [];
    for (const parityCase of ALL_CASES.filter((c) => !ONLY || ONLY.includes(c.id))) {
      const t0 = performance.now();
      const prepared = prepareCase(parityCase);
      const { ms, ...runtimes } = await runEverywhere(prepared);
      const tolerance = prepared.fp16 ? FP16_BOUND : FP32_BOUND;
      unexplained.push(...explain(parityCase.id, prepared.conversion.bytes, runtimes, tolerance));
      cases.push({ parityCase, outputNames: prepared.conversion.outputs.map((o) => o.name), transposes: prepared.conversion.report.transposes, tolerance, runtimes });
      const worst = RUNTIMES.map((r) => `${r} ${runtimes[r].error ? 'error' : Math.max(...runtimes[r].relL2).toExponential(1)}`).join(', ');
      console.log(`[parity] ${parityCase.id}: ${worst}; webgpu cpu nodes ${runtimes.webgpu.cpuNodes?.join(', ') || 'none'} (${(performance.now() - t0).toFixed(0)} ms; wasm ${ms['wasm']}, webgpu ${ms['webgpu']}, webgpu-nchw ${ms['webgpu-nchw']} ms)`);
    }

    const opsets: OpsetOutcome[] = [];
    for (const opset of !ONLY || ONLY.includes('opsets') ? OPSETS : []) {
      const prepared = prepareCase(OPSET_PROBE, { opset });
      const { ms: _ms, ...runtimes } = await runEverywhere(prepared);
      unexplained.push(...explain(`opset ${opset}`, prepared.conversion.bytes, runtimes, FP32_BOUND));
      opsets.push({ opset, tolerance: FP32_BOUND, runtimes });
      console.log(`[parity] opset ${opset}: ${RUNTIMES.map((r) => `${r} ${runtimes[r].error ?? Math.max(...runtimes[r].relL2).toExponential(1)}`).join(', ')}; webgpu cpu nodes ${runtimes.webgpu.cpuNodes?.join(', ') || 'none'}`);
    }

    const versions = {
      ortNode: ORT_NODE_VERSION,
      ortWeb: await page.evaluate(() => window.genzooParity.ortVersion),
      chromium: browser.version(),
      opset: DEFAULT_OPSET,
    };
    const knownIssues = KNOWN_ISSUES.filter((issue) => [...cases, ...opsets].some((c) => RUNTIMES.some((r) => c.runtimes[r].knownIssue === issue.id)));
    const doc = renderLayersDoc({ cases, opsets, knownIssues, unsupported: unsupportedMessages(), versions });
    mkdirSync(TEST_OUTPUT, { recursive: true });
    writeFileSync(ONLY ? join(TEST_OUTPUT, 'layers.partial.md') : join(REPO_ROOT, 'docs', 'layers.md'), doc);
    writeFileSync(join(TEST_OUTPUT, 'converter-parity.json'), `${JSON.stringify({ versions, cases: cases.map(({ parityCase, ...rest }) => ({ id: parityCase.id, rows: parityCase.rows, ...rest })), opsets }, null, 1)}\n`);
    console.log(`[parity] ${cases.length} cases and ${opsets.length} opsets in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // Only failures a known runtime bug explains (by its trigger in the exported graph) are allowed.
    expect(unexplained).toEqual([]);
    // The converter's own graph is never the cause: CPU and WASM are always within bounds.
    for (const c of [...cases, ...opsets]) expect(passes(c.runtimes.node, c.tolerance) && passes(c.runtimes.wasm, c.tolerance)).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 900_000);
});

/** A layer class with no converter, like a user's custom layer. */
class UnconvertibleLayer extends tfl.layers.Layer {
  static readonly className = 'MyCustomLayer';
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return Array.isArray(inputs) ? inputs[0]! : inputs;
  }
}

/** The converter's own error for each kind of model it rejects. */
function unsupportedMessages(): { what: string; message: string }[] {
  const probes: [string, () => tfl.layers.Layer[]][] = [
    [
      'RNN layers',
      () => [
        tfl.layers.lstm({ inputShape: [5, 3], units: 4, returnSequences: true, recurrentInitializer: 'glorotNormal', name: 'lstm' }),
        tfl.layers.gru({ units: 2, recurrentInitializer: 'glorotNormal', name: 'gru' }),
      ],
    ],
    ['masking', () => [tfl.layers.masking({ inputShape: [5, 3], name: 'masking' }), tfl.layers.dense({ units: 2, name: 'dense' })]],
    ['embedding masks', () => [tfl.layers.embedding({ inputShape: [4], inputDim: 10, outputDim: 3, maskZero: true, name: 'embedding' })]],
    ['causal padding', () => [tfl.layers.conv1d({ inputShape: [8, 2], filters: 2, kernelSize: 3, padding: 'causal', name: 'causal_conv' })]],
    ['a custom layer with no converter', () => [tfl.layers.dense({ inputShape: [3], units: 3, name: 'dense' }), new UnconvertibleLayer({ name: 'mine' })]],
  ];
  return probes.map(([what, layers]) => {
    try {
      convertLayersModel(tfl.sequential({ name: 'model', layers: layers() }));
      return { what, message: 'unexpectedly converted' };
    } catch (error) {
      return { what, message: (error as Error).message };
    }
  });
}
