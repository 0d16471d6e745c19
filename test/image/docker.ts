/**
 * Docker for the image test: find a daemon (or start one, as root), and build
 * a stand-in for the Dockerfile's Node base from this machine's own Node, npm,
 * their libraries, a shell and the npm configuration, since no image registry
 * may be reachable. Only loopback traffic: containers use the host network.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmod, copyFile, cp, mkdir, mkdtemp, readFile, realpath, rm, stat, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Runs `docker args…` and resolves its stdout (trimmed); rejects with stderr. */
export async function docker(args: readonly string[], options: { input?: string; timeoutMs?: number } = {}): Promise<string> {
  const { stdout } = await exec('docker', [...args], { timeout: options.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DOCKER_BUILDKIT: '0' } });
  return stdout.trim();
}

async function daemonUp(): Promise<boolean> {
  try {
    await docker(['info', '--format', '{{.ServerVersion}}'], { timeoutMs: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/** Whether docker can run here without starting anything yet: a CLI, and a daemon up or one root can start. */
export async function dockerPossible(): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await exec('docker', ['--version']);
  } catch {
    return { ok: false, reason: 'no docker CLI (Debian: apt-get install docker.io)' };
  }
  if (await daemonUp()) return { ok: true };
  if (process.getuid?.() !== 0) return { ok: false, reason: 'no docker daemon running, and not root to start one' };
  try {
    await exec('sh', ['-c', 'command -v dockerd']);
    return { ok: true };
  } catch {
    return { ok: false, reason: 'no docker daemon running and no dockerd to start (Debian: apt-get install docker.io)' };
  }
}

/** A usable daemon, or why there is none; `stop` ends the daemon only if this call started it. */
export async function ensureDocker(): Promise<{ ok: true; stop: () => Promise<void> } | { ok: false; reason: string }> {
  try {
    await exec('docker', ['--version']);
  } catch {
    return { ok: false, reason: 'no docker CLI (Debian: apt-get install docker.io)' };
  }
  if (await daemonUp()) return { ok: true, stop: async () => {} };
  if (process.getuid?.() !== 0) return { ok: false, reason: 'no docker daemon running, and not root to start one' };
  let dockerd: ChildProcess;
  try {
    await exec('sh', ['-c', 'command -v dockerd']);
    dockerd = spawn('dockerd', [], { stdio: 'ignore', detached: false });
  } catch {
    return { ok: false, reason: 'no docker daemon running and no dockerd to start (Debian: apt-get install docker.io)' };
  }
  const exited = new Promise<void>((resolve) => dockerd.once('exit', () => resolve()));
  for (let i = 0; i < 60; i++) {
    if (await daemonUp()) {
      return {
        ok: true,
        stop: async () => {
          dockerd.kill('SIGTERM');
          await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
        },
      };
    }
    if (dockerd.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  dockerd.kill('SIGKILL');
  return { ok: false, reason: 'dockerd would not start here (a container without the privileges it needs?)' };
}

/** Copies `file` (following symlinks) to the same path under `root`. */
async function copyIn(root: string, file: string): Promise<void> {
  const target = path.join(root, file);
  await mkdir(path.dirname(target), { recursive: true });
  await copyFile(await realpath(file), target);
  await chmod(target, (await stat(file)).mode & 0o7777);
}

/** The shared libraries `ldd` lists for `binary`, and its loader. */
async function libraries(binary: string): Promise<string[]> {
  const { stdout } = await exec('ldd', [binary]).catch(() => ({ stdout: '' })); // a static binary has none
  return [...stdout.matchAll(/(\/\S+)/g)].map((m) => m[1]!).filter((p) => existsSync(p));
}

/** Copies a binary and its libraries. */
async function copyBinary(root: string, binary: string): Promise<void> {
  await copyIn(root, binary);
  for (const lib of await libraries(binary)) await copyIn(root, lib);
}

/**
 * Builds a root filesystem holding this machine's node, npm, env and sh with
 * their libraries, the npm config files and the CA bundle they name, and
 * imports it as image `tag`.
 */
export async function importStandInNode(tag: string): Promise<void> {
  const root = await mkdtemp(path.join(tmpdir(), 'pokebench-standin-'));
  try {
    const node = await realpath((await exec('sh', ['-c', 'command -v node'])).stdout.trim());
    await copyBinary(root, node);
    if (node !== '/usr/bin/node') {
      await mkdir(path.join(root, 'usr/bin'), { recursive: true });
      await symlink(node, path.join(root, 'usr/bin/node'));
    }
    for (const tool of ['/usr/bin/env', '/bin/sh']) await copyBinary(root, await realpath(tool));
    if ((await realpath('/bin/sh')) !== '/bin/sh') {
      await mkdir(path.join(root, 'bin'), { recursive: true });
      await symlink(await realpath('/bin/sh'), path.join(root, 'bin/sh')).catch(() => {});
    }
    // npm: its package folder, and `npm` on the PATH.
    const npmCli = await realpath((await exec('sh', ['-c', 'command -v npm'])).stdout.trim());
    const npmDir = npmCli.slice(0, npmCli.lastIndexOf('/bin/'));
    await cp(npmDir, path.join(root, npmDir), { recursive: true, dereference: false });
    await mkdir(path.join(root, 'usr/local/bin'), { recursive: true });
    await symlink(npmCli, path.join(root, 'usr/local/bin/npm'));
    // npm's configuration (registry, CA file) as on this machine.
    for (const rc of ['/etc/npmrc', '/usr/etc/npmrc']) {
      if (!existsSync(rc)) continue;
      await copyIn(root, rc);
      for (const m of (await readFile(rc, 'utf8')).matchAll(/^\s*cafile\s*=\s*(\S+)/gm)) if (existsSync(m[1]!)) await copyIn(root, m[1]!);
    }
    if (existsSync('/etc/ssl/certs/ca-certificates.crt')) await copyIn(root, '/etc/ssl/certs/ca-certificates.crt');
    await mkdir(path.join(root, 'tmp'), { recursive: true });
    await chmod(path.join(root, 'tmp'), 0o1777);
    await mkdir(path.join(root, 'root'), { recursive: true });
    const tar = spawn('tar', ['-C', root, '-c', '.'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const load = spawn('docker', ['import', '-c', 'ENV PATH=/usr/local/bin:/usr/bin:/bin', '-', tag], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    load.stderr.on('data', (c: Buffer) => void (stderr += c.toString()));
    tar.stdout.pipe(load.stdin);
    const code = await new Promise<number | null>((resolve) => load.once('exit', resolve));
    if (code !== 0) throw new Error(`docker import failed: ${stderr}`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

