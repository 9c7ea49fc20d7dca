import { defineConfig } from 'vitest/config';

// Two projects: unit tests resolve workspace packages to their TypeScript sources (the `@sid/source`
// export condition); the `published` project resolves them exactly as a user would, through dist/.
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/plain-summary-reporter.ts'],
    projects: [
      {
        resolve: { conditions: ['@sid/source'] },
        ssr: { resolve: { conditions: ['@sid/source'] } },
        test: {
          name: 'unit',
          include: ['packages/**/test/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', 'tests/published/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Module failures are logged at warn level; tests assert on events instead.
          env: { SID_LOG_LEVEL: 'silent' },
        },
      },
      {
        test: {
          name: 'published',
          include: ['tests/published/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
