import { defineConfig } from 'vitest/config';

// Three projects: `unit` holds everything that must not depend on wall-clock
// timing; `perf` holds the scaling laws measured over loopback. The perf suite
// runs its files one at a time (no file parallelism) because two sweeps sharing
// the 2 cores would measure each other, not the strategy. `package` packs the
// project and uses the tarball from a fresh project, as an installed user would.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/perf/**', 'test/package/**'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'perf',
          include: ['test/perf/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          testTimeout: 150_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
