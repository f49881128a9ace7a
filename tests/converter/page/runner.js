// Runs exported ONNX models in onnxruntime-web (WASM and WebGPU) inside the parity test's page.
// The WebGPU build also carries the WASM provider. Files come from the test's 127.0.0.1 server.
import * as ort from '/ort/ort.webgpu.min.mjs';

ort.env.wasm.wasmPaths = '/ort/';
ort.env.wasm.numThreads = 1;

// onnxruntime's wasm module binds console methods once, when it is instantiated, so output is
// captured by one permanent hook that writes to whichever sink is current (none: printed as usual).
let sink = null;
for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
  const original = console[level].bind(console);
  console[level] = (...args) => (sink ? sink.push(args.map(String).join(' ')) : original(...args));
}

/** Base64 of a Float32Array's bytes. */
function toBase64(values) {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/**
 * Node placement lines from onnxruntime's verbose session log ("All nodes placed on [X]…",
 * "Node(s) placed on [CPUExecutionProvider]…" followed by "OpType (node name)" lines).
 */
function placementLines(lines) {
  const out = [];
  let inBlock = false;
  for (const raw of lines) {
    for (const line of raw.split('\n')) {
      if (line.includes('VerifyEachNodeIsAssignedToAnEp')) {
        inBlock = true;
        const text = line.replace(/^.*VerifyEachNodeIsAssignedToAnEp\]\s*/, '').trim();
        if (text && text !== 'Node placements') out.push(text);
      } else if (inBlock && /^\s+\S+ \(.*\)\s*$/.test(line)) {
        out.push(line.trim());
      } else if (inBlock && line.includes('[') && line.includes(':onnxruntime')) {
        inBlock = false;
      }
    }
  }
  return out;
}

/** Runs `fn` with console output collected instead of printed (onnxruntime logs through console). */
async function capturingConsole(fn) {
  const captured = [];
  sink = captured;
  try {
    return { result: await fn(), captured };
  } finally {
    sink = null;
  }
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Execution provider settings by the names the test uses. */
const PROVIDERS = {
  wasm: 'wasm',
  // onnxruntime-web's default for WebGPU: it prefers NHWC and rewrites NCHW convolutions to it.
  webgpu: 'webgpu',
  // Keeps the graph's own NCHW layout.
  'webgpu-nchw': { name: 'webgpu', preferredLayout: 'NCHW' },
};

/**
 * Runs one model on each provider. `spec`: { model: url, inputs: [{name, dims, url}], providers }.
 * Returns per provider { provider, ms, outputs: {name: {dims, base64}}, placements, error }.
 */
async function runCase(spec) {
  const model = await fetchBytes(spec.model);
  const feeds = {};
  for (const input of spec.inputs) {
    const bytes = await fetchBytes(input.url);
    feeds[input.name] = new ort.Tensor('float32', new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4), input.dims);
  }
  const runs = [];
  for (const provider of spec.providers) {
    const started = performance.now();
    const { result, captured } = await capturingConsole(async () => {
      let session;
      try {
        // Verbose session logs list where each node was placed (WebGPU fallbacks show as CPU).
        const logSeverityLevel = provider === 'wasm' ? 2 : 0;
        session = await ort.InferenceSession.create(model, { executionProviders: [PROVIDERS[provider]], graphOptimizationLevel: 'all', logSeverityLevel, logVerbosityLevel: 0 });
        const results = await session.run(feeds);
        const outputs = {};
        for (const [name, tensor] of Object.entries(results)) {
          outputs[name] = { dims: tensor.dims.map(Number), base64: toBase64(await tensor.getData()) };
          tensor.dispose();
        }
        return { outputs };
      } catch (error) {
        return { error: String(error && error.message ? error.message : error).split('\n')[0] };
      } finally {
        await session?.release();
      }
    });
    runs.push({ provider, ms: performance.now() - started, placements: placementLines(captured), ...result });
  }
  return runs;
}

window.genzooParity = { runCase, ortVersion: ort.env.versions?.web ?? 'unknown' };
window.genzooParityReady = true;
