/**
 * The machine a calibration speaks for: cores, CPU, load average, Node. Read
 * once at the start (and the load average again at the end); the only I/O is
 * the `os` module.
 */
import os from 'node:os';
import type { MachineInfo } from './calibration.ts';

/** The current load average as a 1-, 5- and 15-minute triple. */
export function loadAverage(): [number, number, number] {
  const [one = 0, five = 0, fifteen = 0] = os.loadavg();
  return [one, five, fifteen];
}

/** Facts about this machine; `loadAverageAfter` starts equal to `loadAverage` (the caller updates it at the end). */
export function machineInfo(): MachineInfo {
  const load = loadAverage();
  return {
    cores: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    loadAverage: load,
    loadAverageAfter: load,
    platform: process.platform,
    arch: process.arch,
    node: process.version,
    memoryMb: Math.round(os.totalmem() / 2 ** 20),
  };
}
