/**
 * Names for a client's draws, sent as `x-pokebench-draw`, so that a mock
 * with several workers or replicas gives each request the delay one process
 * would, whichever of them answers: the draw is the run's name and how many
 * times this client has asked for the id (`run-3/25.0`, `run-3/25.1`, ...).
 */

/**
 * A namer for one client: each call names the next draw of `id` under `prefix`.
 *
 * @example
 * const name = drawNamer('run-3');
 * name(25); // 'run-3/25.0'
 * name(25); // 'run-3/25.1'
 */
export function drawNamer(prefix: string): (id: number) => string {
  const counts = new Map<number, number>();
  return (id) => {
    const n = counts.get(id) ?? 0;
    counts.set(id, n + 1);
    return `${prefix}/${id}.${n}`;
  };
}
