import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'tests/core/**/*.test.ts',
            'tests/storage/**/*.test.ts',
            'tests/platform/**/*.test.ts',
            'tests/build/**/*.test.ts',
            'tests/background/**/*.test.ts',
            'tests/team/**/*.test.ts',
          ],
          setupFiles: ['tests/setup/indexeddb.ts'],
        },
      },
      {
        plugins: [preact()],
        test: {
          name: 'components',
          environment: 'happy-dom',
          include: ['tests/popup/**/*.test.{ts,tsx}', 'tests/options/**/*.test.tsx'],
          setupFiles: ['tests/setup/indexeddb.ts', 'tests/setup/dom.ts'],
        },
      },
      {
        // `npm run bench` (tests/bench/run.bench.ts): plain tests that measure and report, never assert a time.
        test: {
          name: 'bench',
          environment: 'node',
          include: ['tests/bench/**/*.bench.ts'],
          fileParallelism: false,
          testTimeout: 1_200_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
      {
        // The Firefox build (dist-firefox/) in firefox-esr: `npm run test:firefox`.
        test: {
          name: 'e2e-firefox',
          environment: 'node',
          include: ['tests/e2e-firefox/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
