#!/usr/bin/env node
import { publishClassifierRun } from '../publish/publish-classifier.js';
import { selectBackend } from '../backend/select-backend.js';

/** `publish-classifier-bin <run folder> <id> <model folder>`: ships a finished classifier run into models/. */
const [runDir, id, outDir] = process.argv.slice(2);
if (!runDir || !id || !outDir) {
  console.error('usage: publish-classifier-bin <run folder> <id> <model folder>');
  process.exitCode = 2;
} else {
  try {
    await selectBackend('auto');
    const manifest = await publishClassifierRun(runDir, id, outDir);
    console.log(`${outDir}: ${manifest.id}, held-out accuracy ${(manifest.metrics.heldOutAccuracy! * 100).toFixed(2)} %, export error ${manifest.metrics.exportMaxAbsError!.toExponential(2)}`);
  } catch (error) {
    console.error(`publish-classifier: ${(error as Error).message.split('\n')[0]}`);
    process.exitCode = 1;
  }
}
