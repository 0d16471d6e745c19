import { describe, expect, it } from 'vitest';
import { LIMIT_FILES, parseOpenFiles, parsePortRange, readMachineLimits, type LimitSource } from '../../src/limits/index.ts';

const PROC_LIMITS = `Limit                     Soft Limit           Hard Limit           Units
Max cpu time              unlimited            unlimited            seconds
Max processes             96367                96367                processes
Max open files            1024                 524288               files
Max locked memory         8388608              8388608              bytes
`;

function fakeSource(files: Record<string, string>, open?: number): LimitSource {
  return { readFile: (path) => files[path], openDescriptors: () => open };
}

describe('readMachineLimits', () => {
  it('reads the open-file limit, the port range and somaxconn from /proc', () => {
    const limits = readMachineLimits(
      fakeSource({ [LIMIT_FILES.limits]: PROC_LIMITS, [LIMIT_FILES.portRange]: '32768\t60999\n', [LIMIT_FILES.somaxconn]: '4096\n' }, 12),
    );
    expect(limits).toEqual({
      openFiles: { soft: 1024, hard: 524288 },
      openNow: 12,
      ephemeralPorts: { low: 32768, high: 60999, count: 28232 },
      somaxconn: 4096,
    });
  });

  it('leaves every limit unknown where there is no /proc', () => {
    expect(readMachineLimits(fakeSource({}))).toEqual({ openFiles: undefined, openNow: undefined, ephemeralPorts: undefined, somaxconn: undefined });
  });

  it('reads this machine (Linux) without throwing', () => {
    const limits = readMachineLimits();
    if (process.platform === 'linux') expect(limits.openFiles?.soft).toBeGreaterThan(0);
  });
});

describe('parsers', () => {
  it('reads unlimited as Infinity', () => {
    expect(parseOpenFiles('Max open files            unlimited            unlimited            files')).toEqual({ soft: Infinity, hard: Infinity });
  });

  it('refuses malformed text', () => {
    expect(parseOpenFiles('Max open files  x  y')).toBeUndefined();
    expect(parsePortRange('60999 32768')).toBeUndefined();
    expect(parsePortRange('abc')).toBeUndefined();
  });
});
