import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/*/test/**/*.test.ts',
            'local/test/**/*.test.ts',
            'functions/*/test/**/*.test.ts',
            'web/test/**/*.test.ts',
            'scripts/test/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'infra',
          include: ['infra/test/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/setup/local-stack.ts'],
          setupFiles: ['test/support/teardown.ts'],
          testTimeout: 60_000,
          // A seeded environment with its stream projector takes about 10 s on an idle 2-core
          // machine; each file also starts its own DynamoDB Local (test/support/environment.ts).
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/support/build-web.ts'],
          // Each file starts the whole local product (DynamoDB Local, s3rver, API) and a browser.
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
