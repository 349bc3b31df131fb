import { defineConfig } from 'vitest/config';

// One run, two projects: pure models in Node, and checks over one real build (site + browser)
// that share a single build, static server and Chromium (see tests/support/global-setup.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'models',
          include: ['tests/models/**/*.test.ts', 'tests/lib/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'dist',
          include: ['tests/site/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          // expect.poll waits on a state the page announces; its default limit of 1 s is shorter than
          // a busy machine can take, so only the test's own timeout bounds it.
          expect: { poll: { timeout: 50_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
