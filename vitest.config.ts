import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Four projects, in three groups that run one after another:
// 1. `unit` (everything that must not depend on wall-clock timing) and
//    `package` (packs the project and uses the tarball from a fresh project,
//    as an installed user would), side by side;
// 2. `perf`, the scaling laws measured over loopback, alone: its files run one
//    at a time (no file parallelism) and after the other groups' load has
//    ended, because two jobs sharing the 2 cores would measure each other,
//    not the strategy;
// 3. `image`, the OCI image built and run for real with docker, last (its
//    build would load the cores the perf suite measures on).
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: a single worker on a
    // 2-core machine, which ran every file one after another (unit alone: 160 s,
    // against 95 s with two). The unit files mostly wait on sockets and timers,
    // and the perf project still runs one file at a time (fileParallelism).
    maxWorkers: Math.max(2, os.availableParallelism()),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/perf/**', 'test/image/**', 'test/package/**'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'image',
          include: ['test/image/**/*.test.ts'],
          sequence: { groupOrder: 2 },
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'perf',
          include: ['test/perf/**/*.test.ts'],
          sequence: { groupOrder: 1 },
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
