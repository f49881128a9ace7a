import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/test-output/**'],
    // Browser and cross-runtime tests start servers, browsers and several runtimes: be generous.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Two shared cores: one test file at a time keeps Chromium and onnxruntime from starving each other.
    fileParallelism: false,
  },
});
