/**
 * `npm run bench:startup`: how fast the installed CLI starts, as ratios to a
 * bare `node -e 0` measured in the same run. Each round runs every command
 * once, in an order that rotates between rounds, so drift on a shared machine
 * hits all of them alike; the figure is the median over the rounds.
 *
 * Commands: `pokebench --help`, `pokebench --version`, and `pokebench serve`
 * timed until it prints its URL (fixtures and profile loaded, listening).
 * Bars: `--help` <= 2x `node -e 0`; `serve` ready <= 0.5 s.
 *
 * Runs the build (`dist/src/cli/bin.js`: `npm run build` first). With
 * `--compare PATH`, also times another entry point in the same rounds, e.g.
 * an older checkout's `bin/pokebench.mjs`, for before/after figures.
 *
 * Usage: npm run bench:startup -- [--rounds 10] [--compare /path/to/bin.mjs]
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { packagePath } from '../mock-server/package-files/index.ts';
import { median } from '../src/stats/index.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '10' }, compare: { type: 'string' } } });
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a whole number >= 1, got ${values.rounds}.`);

const bin = packagePath('dist', 'src', 'cli', 'bin.js');
if (!existsSync(bin)) throw new Error(`No build at ${bin}: run \`npm run build\` first.`);

/** One timed start: resolves milliseconds from spawn to the process exiting, or to `readyLine` on stdout. */
function time(args: string[], readyLine?: RegExp): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let ready: number | undefined;
    child.stderr.on('data', (chunk: Buffer) => void (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (readyLine && ready === undefined && readyLine.test(out)) {
        ready = performance.now() - started;
        child.kill('SIGTERM');
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (readyLine) {
        if (ready === undefined) reject(new Error(`${args.join(' ')} exited (${code}) before printing its URL: ${err.trim()}`));
        else resolve(ready);
      } else if (code !== 0) reject(new Error(`${args.join(' ')} exited with ${code}: ${err.trim()}`));
      else resolve(performance.now() - started);
    });
  });
}

interface Case {
  name: string;
  run: () => Promise<number>;
  samples: number[];
}

const URL_LINE = /listening on http:\/\/\S+\n/;
const entry = (label: string, file: string): Case[] => [
  { name: `${label} --help`, run: () => time([file, '--help']), samples: [] },
  { name: `${label} --version`, run: () => time([file, '--version']), samples: [] },
  { name: `${label} serve (ready)`, run: () => time([file, 'serve', '--profile', 'instant'], URL_LINE), samples: [] },
];

const baseline: Case = { name: 'node -e 0', run: () => time(['-e', '0']), samples: [] };
const cases: Case[] = [baseline, ...entry('pokebench', bin), ...(values.compare ? entry('compare', values.compare) : [])];

console.log(`pokebench bench:startup: ${cases.length} commands, ${rounds} rounds, order rotating each round (median of the rounds)`);
for (const c of cases) await c.run(); // one unmeasured start each: file system caches warm for all alike
for (let round = 0; round < rounds; round++) {
  for (let i = 0; i < cases.length; i++) {
    const c = cases[(i + round) % cases.length] as Case;
    c.samples.push(await c.run());
  }
}

const base = median(baseline.samples);
const width = Math.max(...cases.map((c) => c.name.length));
for (const c of cases) {
  const ms = median(c.samples);
  console.log(`${c.name.padEnd(width)}  ${ms.toFixed(0).padStart(5)} ms  ${(ms / base).toFixed(2).padStart(5)}x node -e 0`);
}
const help = median((cases[1] as Case).samples) / base;
const serve = median((cases[3] as Case).samples);
console.log(`bars: --help ${help.toFixed(2)}x <= 2x: ${help <= 2 ? 'met' : 'NOT met'}; serve ready ${(serve / 1000).toFixed(3)} s <= 0.5 s: ${serve <= 500 ? 'met' : 'NOT met'}`);
