import { defineConfig } from 'vitest/config';

// Property tests read FC_SEED so CI can pin it; see protocol/test-support.
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
