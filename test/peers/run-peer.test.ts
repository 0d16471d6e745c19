import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServerHandle } from '../../mock-server/index.ts';
import { InvalidOptionError } from '../../mock-server/errors/index.ts';
import { runPeer, type CustomPeer, type PeerRun } from '../../src/peers/index.ts';

const fixture = (name: string): CustomPeer => ({
  name,
  command: [process.execPath, fileURLToPath(new URL(`../fixtures/peers/${name}.mjs`, import.meta.url))],
});

/** True while `pid` is a live process (a zombie waiting for its reaper counts as gone). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  return !isAlive(pid);
}

function failure(run: PeerRun) {
  if (run.kind !== 'failed') throw new Error(`expected a failed run, got ${JSON.stringify(run).slice(0, 300)}`);
  return run;
}

let server: MockServerHandle;
beforeAll(async () => {
  server = await startMockServer({ profile: 'instant', port: 0 });
});
afterAll(async () => {
  await server.close();
});

describe('runPeer with a well-behaved peer', () => {
  it('returns its report: one outcome per request, the delay of each, its own model', async () => {
    const run = await runPeer(fixture('good'), { url: server.url, n: 12, runTimeoutMs: 20_000 });
    if (run.kind !== 'ok') throw new Error(run.message);
    expect(run.peer).toBe('good');
    expect(run.report.client).toBe('node-fetch-fixture');
    expect(run.report.model).toEqual({ kind: 'concurrent' });
    expect(run.report.counts).toEqual({ ok: 12, 'http-error': 0, 'network-error': 0, timeout: 0 });
    expect(run.report.delaysMs).toEqual(Array.from({ length: 12 }, () => 0));
    expect(run.processWallMs).toBeGreaterThan(0);
    expect(server.api.stats().requests).toBeGreaterThanOrEqual(12);
  });

  it('passes the protocol variables, the caller env, and no stale protocol variable from the parent', async () => {
    process.env['POKEBENCH_WORKERS'] = '99';
    try {
      const run = await runPeer(fixture('good'), { url: `${server.url}/`, n: 2, timeoutMs: 1234, pool: 7, env: { PEER_TEST_EXTRA: 'yes' } });
      expect(run.kind).toBe('ok');
      expect(run.stderrTail).toContain('seen POOL=7 WORKERS=- TIMEOUT_MS=1234 EXTRA=yes');
    } finally {
      delete process.env['POKEBENCH_WORKERS'];
    }
  });

  it('passes the worker count (the thread pool a machine of more cores would pick) to the peer', async () => {
    const run = await runPeer(fixture('good'), { url: server.url, n: 2, workers: 20 });
    expect(run.kind).toBe('ok');
    expect(run.stderrTail).toContain('seen POOL=- WORKERS=20 ');
  });

  it('calls stdout beyond maxStdoutBytes garbage', async () => {
    const run = failure(await runPeer(fixture('good'), { url: server.url, n: 3, maxStdoutBytes: 16 }));
    expect(run.reason).toBe('garbage');
    expect(run.message).toContain('more than 16 bytes');
  });
});

describe('runPeer with a misbehaving peer', () => {
  it('reports a last line that is not a report as garbage', async () => {
    const run = failure(await runPeer(fixture('garbage'), { url: server.url, n: 5 }));
    expect(run.reason).toBe('garbage');
    expect(run.message).toContain('not JSON: "all done!"');
    expect(run.exitCode).toBe(0);
  });

  it('reports counts that lose a request as a miscount', async () => {
    const run = failure(await runPeer(fixture('miscount'), { url: server.url, n: 5 }));
    expect(run.reason).toBe('miscount');
    expect(run.message).toContain('counts sum to 4, expected N = 5');
  });

  it('reports a non-zero exit with its code and the last stderr line', async () => {
    const run = failure(await runPeer(fixture('exit-nonzero'), { url: server.url, n: 5 }));
    expect(run).toMatchObject({ reason: 'exit', exitCode: 3 });
    expect(run.message).toContain('exited with code 3: boom: the client crashed');
    expect(run.stderrTail).toContain('starting\n');
  });

  it('kills a hanging peer and the child it started once runTimeoutMs passes', async () => {
    const run = failure(await runPeer(fixture('hang'), { url: server.url, n: 5, runTimeoutMs: 1500 }));
    expect(run.reason).toBe('timeout');
    expect(run.message).toContain('did not finish within 1500 ms');
    const pids = /pids (\d+) (\d+)/.exec(run.stderrTail);
    expect(pids).not.toBeNull();
    expect(await gone(Number(pids?.[1]))).toBe(true);
    expect(await gone(Number(pids?.[2]))).toBe(true);
  });

  it('stops a peer when the caller aborts, and kills it', async () => {
    const stop = new AbortController();
    const pending = runPeer(fixture('hang'), { url: server.url, n: 5, signal: stop.signal });
    setTimeout(() => stop.abort(), 300);
    const run = failure(await pending);
    expect(run.reason).toBe('aborted');
    const pid = Number(/pids (\d+)/.exec(run.stderrTail)?.[1] ?? Number.NaN);
    if (Number.isFinite(pid)) expect(await gone(pid)).toBe(true);
  });

  it('reports a program that cannot start as a spawn failure', async () => {
    const run = failure(await runPeer({ name: 'missing', command: ['/nonexistent/peer-binary'] }, { url: server.url, n: 1 }));
    expect(run.reason).toBe('spawn');
    expect(run.message).toContain('ENOENT');
  });

  it('reports a shipped peer whose toolchain is missing as a spawn failure naming the install command', async () => {
    const run = failure(await runPeer('py-sync', { url: server.url, n: 1, env: { POKEBENCH_PYTHON: '/nonexistent/python3' } }));
    expect(run.reason).toBe('spawn');
    expect(run.message).toContain('sudo apt-get install -y python3-httpx');
    expect(run.message).toContain('/nonexistent/python3: not found');
  });
});

describe('runPeer options', () => {
  it.each([
    [{ n: 0 }, 'options.n'],
    [{ n: 1.5 }, 'options.n'],
    [{ n: undefined }, 'options.n'],
    [{ url: 'ftp://127.0.0.1:1' }, 'options.url'],
    [{ url: 'not a url' }, 'options.url'],
    [{ runTimeoutMs: -1 }, 'options.runTimeoutMs'],
    [{ timeoutMs: 0 }, 'options.timeoutMs'],
    [{ pool: 0 }, 'options.pool'],
    [{ workers: 2.5 }, 'options.workers'],
  ])('throws InvalidOptionError naming the option for %j', async (bad, option) => {
    const options = { url: 'http://127.0.0.1:1', n: 1, ...bad } as Parameters<typeof runPeer>[1];
    const error = await runPeer(fixture('good'), options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect((error as InvalidOptionError).option).toBe(option);
    expect((error as Error).message).toContain(option);
  });

  it('throws for a malformed custom peer rather than running something else', async () => {
    await expect(runPeer({ name: 'x', command: [] }, { url: server.url, n: 1 })).rejects.toThrow(InvalidOptionError);
    await expect(runPeer('node "unterminated', { url: server.url, n: 1 })).rejects.toThrow('unterminated');
  });
});
