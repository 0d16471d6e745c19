// A workerSpec module for tests: the second thread to build it fails, the
// others get a client that answers 200. `options.built` is a
// SharedArrayBuffer counting builds across threads.
export default function create(options) {
  const built = Atomics.add(new Int32Array(options.built), 0, 1);
  if (built === 1) throw new Error('this thread cannot build its client');
  return async () => ({ status: 200, bytes: 0 });
}
