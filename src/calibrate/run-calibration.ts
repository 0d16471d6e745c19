/**
 * A calibration, as a function: start the mock and a bare server in a child
 * process, measure (a) capacity, (b) fidelity and (c) safe concurrency with
 * autocannon from this process, and return the result. The CLI's
 * `calibrate` is a thin shell around this; it writes the file and the report.
 */
import { loadProfile, type Profile } from '../../mock-server/profile/index.ts';
import { CALIBRATION_SCHEMA, type Calibration } from './calibration.ts';
import { resolveCalibrateOptions, type CalibrateOptions } from './calibrate-options.ts';
import { startCalibrationServers } from './calibration-servers.ts';
import { loadAverage, machineInfo } from '../results/index.ts';
import { measureCapacity } from './measure-capacity.ts';
import { measureConcurrency } from './measure-concurrency.ts';
import { measureFidelity } from './measure-fidelity.ts';

/** Hooks of {@link runCalibration}. */
export interface CalibrationHooks {
  /** One line per step (a round, the fidelity run, a rung), for a progress log. */
  onProgress?: ((line: string) => void) | undefined;
  /** Monotonic clock, ms. @defaultValue `performance.now` */
  now?: (() => number) | undefined;
}

/**
 * Measures the mock on this machine. Takes ≲ 60 s with the defaults and
 * ≲ 15 s with `quick` on a 2-core machine.
 *
 * @throws {ProfileError} / {ProfileNotFoundError} before starting anything, when the profile is bad.
 * @throws {InvalidOptionError} when an option is out of range.
 * @throws {CalibrationRunError} `SERVER_START_FAILED` when the servers do not start.
 * @example
 * const calibration = await runCalibration({ profile: 'fixed-100ms', quick: true });
 * calibration.fidelity.verdict; // 'faithful'
 */
export async function runCalibration(options: CalibrateOptions = {}, hooks: CalibrationHooks = {}): Promise<Calibration> {
  const resolved = resolveCalibrateOptions(options);
  const now = hooks.now ?? (() => performance.now());
  const started = now();
  const progress = (line: string) => hooks.onProgress?.(`[${((now() - started) / 1000).toFixed(1).padStart(4)}s] ${line}`);
  // Load the profile first: a bad one should fail before a minute of measuring.
  const profile: Profile = typeof resolved.profile === 'string' ? await loadProfile(resolved.profile) : resolved.profile;
  const profileName = typeof resolved.profile === 'string' ? resolved.profile : (profile.name ?? 'inline profile');
  const start = loadAverage();
  const machine = { ...machineInfo(), loadAverage: start, loadAverageAfter: start };
  const date = new Date().toISOString();

  progress(`starting the mock and a bare node:http server in a child process (payload ${resolved.payload})`);
  const servers = await startCalibrationServers({ payload: resolved.payload, ladderDelayMs: resolved.ladderDelayMs });
  try {
    const capacity = await measureCapacity(servers, resolved, progress);
    const fidelity = await measureFidelity(servers, profile, profileName, resolved, progress);
    const concurrency = await measureConcurrency(servers, resolved, progress);
    return {
      schema: CALIBRATION_SCHEMA,
      date,
      durationMs: now() - started,
      quick: resolved.quick,
      profile: profileName,
      payload: resolved.payload,
      machine: { ...machine, loadAverageAfter: loadAverage() },
      capacity,
      fidelity,
      concurrency,
    };
  } finally {
    await servers.close();
  }
}
