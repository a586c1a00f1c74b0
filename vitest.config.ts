import { defineConfig } from 'vitest/config';

// Dates in tests are Swedish dates: deadlines and diary-number years are computed in Stockholm time.
process.env.TZ = 'Europe/Stockholm';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          globalSetup: ['apps/server/src/test/globalSetup.ts'],
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/server/src/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
            'apps/web/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Files share their worker's modules: importing the server's and the domain's module graph again for
          // each of ≈ 150 files was ≈ 2 s of a worker per file (a third of the unit project's time). A file that
          // needs a module's state fresh asks for it (vi.resetModules; lazyEnglish.test.ts).
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['apps/web/e2e/**/*.e2e.ts'],
          globalSetup: ['apps/web/e2e/globalSetup.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // Two files at a time: a file mostly waits (BankID polls, the server's answers, the browser's rendering),
          // and each has its own server on a free port, its own data directory and browser. Half the e2e time in CI.
          maxWorkers: 2,
          // After the unit files (group 0): projects with their own worker count run as separate groups.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
