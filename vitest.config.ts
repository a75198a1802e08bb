import { defineConfig } from 'vitest/config';

// Three suites: pure library units, fixture packages through check and the CLI,
// and end-to-end runs of built sites in Chromium (slow: they build sites).
export default defineConfig({
  test: {
    globalSetup: ['tests/support/temp-root.ts'],
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'fixtures', include: ['tests/fixtures/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/support/sample-sites.ts'], testTimeout: 300_000, hookTimeout: 600_000, fileParallelism: false } },
    ],
  },
});
