#!/usr/bin/env node
// Committed entry point: npm links bins when the package is installed, before any build, so the bin
// itself must exist then. It runs the compiled CLI and says so plainly when the package is not built.
try {
  await import('../dist/cli/bin.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/bin.js')) {
    console.error('genzoo-train: this package is not built yet; run `npm run build` at the repository root');
    process.exitCode = 1;
  } else {
    throw error;
  }
}
