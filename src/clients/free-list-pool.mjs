// A connection pool for one origin whose dispatch costs the same at 10 or
// 10,000 connections. undici's `Pool` picks a connection by scanning its list
// of clients for one that is not busy, twice per request when all are busy:
// during a cold fan-out of N requests every connection is busy, so each
// dispatch walks all of them and the fan-out does O(N²) work on the event
// loop (measured: the largest self-time item of a 10,000-request fan-out
// after GC). Here the free connections sit on a stack: a request takes the
// top one, or opens a new connection, or waits in a FIFO queue at the limit.
// Plain JS so worker threads load it too. The connections are undici
// `Client`s, so the wire behaviour (timeouts, keep-alive, pipelining) is undici's.
import { buildConnector, Client, Dispatcher } from 'undici';

/**
 * A `Dispatcher` over undici `Client`s with O(1) dispatch. Options are
 * undici `Pool`'s: `connections` (null or Infinity for no limit), `connect`
 * (an object of connector options) and any `Client` option.
 */
export class FreeListPool extends Dispatcher {
  #origin;
  #clientOptions;
  #limit;
  /** Every live connection. */
  #clients = new Set();
  /** Connections that can take a request now (a stack: the warmest on top). */
  #free = [];
  #isFree = new WeakSet();
  /** Requests waiting for a connection, FIFO; `#head` is the next one. */
  #queue = [];
  #head = 0;
  #closing = undefined;
  #destroyed = false;
  #onQueueEmpty = undefined;

  constructor(origin, { connections, connect, ...clientOptions } = {}) {
    super();
    this.#origin = origin;
    this.#limit = connections == null ? Infinity : connections;
    // One connector for every connection, as `Pool` does.
    const connector = typeof connect === 'function' ? connect : buildConnector({ ...connect });
    this.#clientOptions = { ...clientOptions, connect: connector };
  }

  /** Connections open or opening. */
  get size() {
    return this.#clients.size;
  }

  /** Requests waiting for a connection. */
  get queued() {
    return this.#queue.length - this.#head;
  }

  get closed() {
    return this.#closing !== undefined;
  }

  get destroyed() {
    return this.#destroyed;
  }

  dispatch(opts, handler) {
    if (this.#closing !== undefined || this.#destroyed) {
      const error = new Error(this.#destroyed ? 'The pool was destroyed' : 'The pool was closed');
      error.code = this.#destroyed ? 'UND_ERR_DESTROYED' : 'UND_ERR_CLOSED';
      if (typeof handler?.onError !== 'function') throw error;
      handler.onError(error);
      return false;
    }
    const client = this.#take();
    if (client === undefined) {
      this.#queue.push({ opts, handler });
      return false;
    }
    this.#send(client, opts, handler);
    return true;
  }

  close(callback) {
    this.#closing ??= this.#drainQueue().then(() => Promise.all([...this.#clients].map((c) => c.close()))).then(() => undefined);
    if (typeof callback === 'function') {
      this.#closing.then(() => callback(null, null), callback);
      return undefined;
    }
    return this.#closing;
  }

  destroy(err, callback) {
    if (typeof err === 'function') {
      callback = err;
      err = null;
    }
    this.#destroyed = true;
    const reason = err ?? Object.assign(new Error('The pool was destroyed'), { code: 'UND_ERR_DESTROYED' });
    while (this.queued > 0) this.#shift().handler.onError?.(reason);
    this.#onQueueEmpty?.();
    const done = Promise.all([...this.#clients].map((c) => c.destroy(err))).then(() => undefined);
    if (typeof callback === 'function') {
      done.then(() => callback(null, null), callback);
      return undefined;
    }
    return done;
  }

  #take() {
    while (this.#free.length > 0) {
      const client = this.#free.pop();
      this.#isFree.delete(client);
      if (this.#clients.has(client) && !client.closed && !client.destroyed) return client;
    }
    return this.#clients.size < this.#limit ? this.#open() : undefined;
  }

  #open() {
    const client = new Client(this.#origin, this.#clientOptions);
    this.#clients.add(client);
    client
      .on('drain', () => this.#onDrain(client))
      .on('connect', (origin, targets) => this.emit('connect', origin, [this, ...targets]))
      .on('disconnect', (origin, targets, error) => this.emit('disconnect', origin, [this, ...targets], error))
      .on('connectionError', (origin, targets, error) => {
        // A connection that failed to connect is not reused (as undici's Pool does).
        this.#clients.delete(client);
        this.emit('connectionError', origin, [this, ...targets], error);
        if (this.queued > 0 && this.#clients.size < this.#limit) this.#onDrain(this.#open());
      });
    return client;
  }

  // Client.dispatch returns false once the connection is busy; it emits 'drain' when it can take more.
  #send(client, opts, handler) {
    if (client.dispatch(opts, handler)) this.#release(client);
  }

  #release(client) {
    if (this.#isFree.has(client)) return;
    this.#isFree.add(client);
    this.#free.push(client);
  }

  #onDrain(client) {
    while (this.queued > 0) {
      const { opts, handler } = this.#shift();
      if (!client.dispatch(opts, handler)) return;
    }
    this.#onQueueEmpty?.();
    this.#release(client);
  }

  #shift() {
    const item = this.#queue[this.#head];
    this.#queue[this.#head] = undefined;
    this.#head += 1;
    if (this.#head === this.#queue.length) {
      this.#queue.length = 0;
      this.#head = 0;
    }
    return item;
  }

  #drainQueue() {
    if (this.queued === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.#onQueueEmpty = () => {
        if (this.queued > 0) return;
        this.#onQueueEmpty = undefined;
        resolve();
      };
    });
  }
}
