/** The machine's limits as text, for `pokebench calibrate`. */
import type { MachineLimits } from './machine-limits.ts';
import { largestN } from './fan-out.ts';

const show = (n: number) => (n === Infinity ? 'unlimited' : String(n));

/**
 * The limits that bound a cold fan-out and the largest N this process can
 * open at once, with the mock in this process and in another.
 *
 * @example renderLimits(readMachineLimits(), 4096)
 */
export function renderLimits(limits: MachineLimits, serverBacklog?: number): string {
  const unknown = 'unknown here (no /proc)';
  const files = limits.openFiles ? `${show(limits.openFiles.soft)} (hard ${show(limits.openFiles.hard)}), ${limits.openNow ?? '?'} open now` : unknown;
  const ports = limits.ephemeralPorts ? `${limits.ephemeralPorts.count} (${limits.ephemeralPorts.low}-${limits.ephemeralPorts.high})` : unknown;
  const backlog =
    limits.somaxconn === undefined ? unknown : `${Math.min(limits.somaxconn, serverBacklog ?? Infinity)} (net.core.somaxconn ${limits.somaxconn}${serverBacklog !== undefined ? `, the mock asks for ${serverBacklog}` : ''})`;
  const largest = (inProcess: boolean) => {
    const { n, bound } = largestN(limits, inProcess);
    return bound === undefined ? 'no stated limit' : `N = ${n} (bound by ${bound})`;
  };
  return [
    'Machine limits on a fan-out (checked by pokebench run before a sweep)',
    `  open files (ulimit -n)   ${files}`,
    `  local ports              ${ports}`,
    `  listen backlog           ${backlog}`,
    `  largest N at once        ${largest(false)} with the mock in another process; ${largest(true)} with it in this one`,
    '',
  ].join('\n');
}
