import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCalibration, parseCalibration, readCalibration, writeCalibration } from '../../src/calibrate/file.ts';
import { CALIBRATION_FILE, type Calibration } from '../../src/calibrate/calibration.ts';
import { sampleCalibration } from './sample-calibration.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pokebench-calibration-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// A figure as a run can produce it: any finite number but -0 (JSON writes it as 0), or NaN for "not measured".
const figure = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
  fc.constant(Number.NaN),
);

describe('calibration.json', () => {
  it('round-trips through write and read', async () => {
    const calibration = sampleCalibration();
    const file = await writeCalibration(path.join(dir, 'nested', 'out'), calibration);
    expect(path.basename(file)).toBe(CALIBRATION_FILE);
    expect(await readCalibration(path.dirname(file))).toEqual(calibration);
  });

  it('law: formatting then parsing gives the same calibration back, NaN figures included', () =>
    fc.assert(
      fc.property(figure, figure, figure, fc.integer({ min: 0, max: 4096 }), (rps, observedMs, p99Ms, safeConcurrency) => {
        const base = sampleCalibration({ safeConcurrency });
        const calibration: Calibration = {
          ...base,
          capacity: { ...base.capacity, mock: { ...base.capacity.mock, rps } },
          fidelity: { ...base.fidelity, rows: base.fidelity.rows.map((r) => ({ ...r, observedMs })) },
          concurrency: { ...base.concurrency, steps: base.concurrency.steps.map((s) => ({ ...s, p99Ms })) },
        };
        const back = parseCalibration(JSON.parse(formatCalibration(calibration)), 'memory');
        expect(back).toEqual(calibration);
        expect(Object.is(back.capacity.mock.rps, rps)).toBe(true);
      }),
    ));

  it('writes NaN as null, so the file is plain JSON', () => {
    const text = formatCalibration(sampleCalibration());
    expect(text).toContain('"observedMs": null');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('reads a folder without a calibration as undefined', async () => {
    expect(await readCalibration(path.join(dir, 'never-calibrated'))).toBeUndefined();
  });

  it('refuses a file that is not JSON, naming it', async () => {
    const bad = path.join(dir, 'not-json');
    await writeCalibration(bad, sampleCalibration());
    await writeFile(path.join(bad, CALIBRATION_FILE), '{ nope');
    await expect(readCalibration(bad)).rejects.toMatchObject({ code: 'ERR_POKEBENCH_CALIBRATION_INVALID', file: path.join(bad, CALIBRATION_FILE) });
  });

  it('refuses another schema version or a missing field, saying which', async () => {
    const other = { ...sampleCalibration(), schema: 'pokebench-calibration/0' };
    expect(() => parseCalibration(other, 'old.json')).toThrow(/old\.json[\s\S]*schema/);
    const { concurrency: _dropped, ...partial } = sampleCalibration();
    expect(() => parseCalibration(partial, 'partial.json')).toThrow(expect.objectContaining({ code: 'ERR_POKEBENCH_CALIBRATION_INVALID', message: expect.stringContaining('concurrency') }));
  });
});
