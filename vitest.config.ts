import { defineConfig } from 'vitest/config';

// Two projects: `unit` holds everything that must not depend on wall-clock
// timing; `perf` holds the scaling laws measured over loopback. The perf suite
// runs its files one at a time (no file parallelism) because two sweeps sharing
// the 2 cores would measure each other, not the strategy.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/perf/**', 'test/image/**'],
          testTimeout: 30_000,
        },
      },
      {
        // The OCI image built and run for real (docker): its own project, so its time shows apart,
        // and run after the others (groupOrder 1), so its build does not share the cores with the perf suite.
        test: {
          name: 'image',
          include: ['test/image/**/*.test.ts'],
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 300_000,
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
    ],
  },
});
