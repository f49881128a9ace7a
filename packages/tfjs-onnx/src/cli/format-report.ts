import type { ConversionResult, IoSpec } from '../convert/options.js';
import type { ParityFigures } from './parity-check.js';

/** What `genzoo export` prints about one export. */
export interface ExportSummary {
  source: string;
  output: string;
  conversion: ConversionResult;
  weightType: 'float32' | 'float16';
  /** Bytes of the tfjs weights (model.json shards). */
  rawWeightBytes: number;
  exportMs: number;
  parity?: ParityFigures;
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
const io = (spec: IoSpec): string => `${spec.name} [${spec.shape.join(', ')}]${spec.layout ? ` ${spec.layout}` : ''}`;

/** The export report, one fact per line. */
export function formatReport(s: ExportSummary): string {
  const { report, inputs, outputs } = s.conversion;
  const nodes = Object.entries(report.nodesByType).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = nodes.reduce((sum, [, n]) => sum + n, 0);
  const overhead = s.rawWeightBytes > 0 ? ` (${((report.bytes / s.rawWeightBytes) * 100).toFixed(1)}% of the ${kib(s.rawWeightBytes)} tfjs weights)` : '';
  const lines = [
    `exported ${s.source} → ${s.output} in ${s.exportMs.toFixed(0)} ms`,
    `  opset ${report.opset}, ${s.weightType} weights`,
    `  inputs:     ${inputs.map(io).join(', ')}`,
    `  outputs:    ${outputs.map(io).join(', ')}`,
    `  nodes:      ${total} (${nodes.map(([type, n]) => `${type} ${n}`).join(', ')})`,
    `  parameters: ${report.parameters.toLocaleString('en-US')}`,
    `  file size:  ${kib(report.bytes)}${overhead}`,
    `  transposes: ${report.transposes}`,
  ];
  if (s.parity) {
    const p = s.parity;
    lines.push(
      `  parity:     rel L2 ${p.relL2.toExponential(2)}, max abs ${p.maxAbs.toExponential(2)} vs tfjs on random inputs (batch ${p.batchSizes.join(' and ')}, onnxruntime-node) — ${p.ok ? 'ok' : 'FAILED'} (bound ${p.tolerance})`,
    );
  }
  return `${lines.join('\n')}\n`;
}
