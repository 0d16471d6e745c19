/**
 * The machine a run or a calibration was measured on, read from the `os`
 * module: the one place both ask (core count matters: pool defaults follow it).
 */
import os from 'node:os';
import type { MachineInfo } from './types.ts';

/** The current load average as a 1-, 5- and 15-minute triple. */
export function loadAverage(): [number, number, number] {
  const [one = 0, five = 0, fifteen = 0] = os.loadavg();
  return [one, five, fifteen];
}

/** The machine this process runs on. */
export function machineInfo(): MachineInfo {
  return {
    platform: process.platform,
    arch: process.arch,
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
    node: process.version,
    loadAverage1m: Math.round(loadAverage()[0] * 100) / 100,
    hostname: os.hostname(),
  };
}
