import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    // The scale and fault tests run after this suite, on their own (vitest.scale.config.ts).
    exclude: [...configDefaults.exclude, 'test/scale/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The browser tests need the built console; it is built once, before any test file runs.
    globalSetup: ['test/web/build-console.ts'],
  },
});
