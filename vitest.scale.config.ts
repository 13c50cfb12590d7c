import { defineConfig } from 'vitest/config';

/**
 * The scale and fault tests (test/scale/): many real processes each, so they run after the main suite, one
 * file at a time, instead of competing with it for the machine's cores.
 */
export default defineConfig({
  test: {
    include: ['test/scale/**/*.test.ts'],
    testTimeout: 30 * 60_000,
    hookTimeout: 5 * 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
