import type { Calibration, ConcurrencyStep } from '../../src/calibrate/index.ts';

/** A rung of the ladder with plausible figures. */
export function step(connections: number, pass: boolean, addedP99Ms = pass ? 0.8 : 6): ConcurrencyStep {
  return { connections, responses: 400, p50Ms: 50.4, p99Ms: 50.6 + addedP99Ms, bareP99Ms: 50.6, addedP99Ms, errors: 0, pass, attempts: pass ? 1 : 2 };
}

/** A complete, plausible calibration; `concurrency` fields can be overridden. */
export function sampleCalibration(concurrency: Partial<Calibration['concurrency']> = {}): Calibration {
  const figures = (rps: number) => ({ rps, p50Ms: 2, p99Ms: 6, errors: 0 });
  return {
    schema: 'pokebench-calibration/2',
    date: '2025-03-04T10:20:30.000Z',
    durationMs: 36_000,
    quick: false,
    profile: 'fast-jitter-30ms',
    payload: 'slim',
    machine: {
      platform: 'linux',
      arch: 'x64',
      cpus: 2,
      cpuModel: 'Test CPU',
      totalMemoryMb: 8192,
      node: 'v20.20.2',
      loadAverage1m: 0.5,
      loadAverage: [0.5, 0.4, 0.3],
      loadAverageAfter: [1.5, 0.6, 0.35],
    },
    capacity: {
      connections: 50,
      roundMs: 2000,
      bytes: 6211,
      rounds: [{ round: 1, first: 'bare', mock: figures(20_000), bare: figures(25_000), ratio: 0.8 }],
      mock: figures(20_000),
      bare: figures(25_000),
      ratio: 0.8,
    },
    fidelity: {
      profile: 'fast-jitter-30ms',
      route: 'pokemon',
      connections: 16,
      durationMs: 7500,
      rows: [
        { label: 'p50', p: 0.5, theoryMs: 30, bandLowMs: 29.8, bandHighMs: 30.2, observedMs: 30.4, serverMs: 29.9, errorMs: 0.4, relativeError: 0.4 / 30, boundMs: 1.5, judged: true, within: true },
        { label: 'p99.9', p: 0.999, theoryMs: 36, bandLowMs: 35.9, bandHighMs: 36, observedMs: Number.NaN, serverMs: 35.8, errorMs: Number.NaN, relativeError: null, boundMs: 1.8, judged: false, within: false },
      ],
      counts: { measured: 4000, dropped: 16, non2xx: 0, errors: 0, timeouts: 0 },
      faultProbability: 0,
      caveats: [],
      verdict: 'faithful',
      attempts: 1,
    },
    concurrency: {
      delayMs: 50,
      stepMs: 1500,
      budgetMs: 1,
      timerSlackMs: 1,
      steps: [step(1, true), step(8, true), step(32, true), step(64, false)],
      safeConcurrency: 32,
      limitFound: true,
      ...concurrency,
    },
  };
}
