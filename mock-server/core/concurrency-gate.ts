/**
 * The server's concurrency cap: at most `max` requests are served at once,
 * the rest wait in FIFO order, optionally in a bounded queue. No timers and
 * no sockets: an adapter hands each admitted request a `start` callback and
 * releases its ticket when the response ends (sent, or the client left).
 */

/** One request's place at the gate. */
export interface GateTicket {
  state: 'queued' | 'running' | 'done';
  /** When the ticket was queued (the adapter's clock), to report the wait. */
  queuedAt: number;
  /** Set by the adapter; called once when the request may be served. */
  start: (() => void) | undefined;
}

/** A FIFO gate of `max` slots and a queue of at most `queueLimit`. */
export class ConcurrencyGate {
  readonly max: number;
  readonly queueLimit: number;
  #running = 0;
  // Head index instead of shift(): dequeuing stays O(1) under a long queue.
  #queue: (GateTicket | undefined)[] = [];
  #head = 0;
  #queued = 0;

  constructor(max: number, queueLimit = Number.POSITIVE_INFINITY) {
    this.max = max;
    this.queueLimit = queueLimit;
  }

  /** Requests being served now. */
  get running(): number {
    return this.#running;
  }

  /** Requests waiting. */
  get queued(): number {
    return this.#queued;
  }

  /**
   * Admits a request: a running ticket, a queued one, or undefined when the
   * queue is full (the adapter answers 503).
   */
  admit(nowMs: number): GateTicket | undefined {
    if (this.#running < this.max) {
      this.#running += 1;
      return { state: 'running', queuedAt: nowMs, start: undefined };
    }
    if (this.#queued >= this.queueLimit) return undefined;
    const ticket: GateTicket = { state: 'queued', queuedAt: nowMs, start: undefined };
    this.#queue.push(ticket);
    this.#queued += 1;
    return ticket;
  }

  /** Calls `start` now if the ticket is running, or when it leaves the queue. */
  whenRunning(ticket: GateTicket, start: () => void): void {
    if (ticket.state === 'running') start();
    else if (ticket.state === 'queued') ticket.start = start;
  }

  /**
   * The request is over (answered, or its client gave up): frees its slot
   * and starts the next in line, or takes it out of the queue. Idempotent.
   */
  release(ticket: GateTicket): void {
    if (ticket.state === 'done') return;
    const wasRunning = ticket.state === 'running';
    ticket.state = 'done';
    ticket.start = undefined;
    if (!wasRunning) {
      // Left the queue early; its entry is skipped when reached.
      this.#queued -= 1;
      return;
    }
    this.#running -= 1;
    while (this.#running < this.max && this.#head < this.#queue.length) {
      const next = this.#queue[this.#head];
      this.#queue[this.#head] = undefined;
      this.#head += 1;
      if (!next || next.state !== 'queued') continue;
      this.#queued -= 1;
      this.#running += 1;
      next.state = 'running';
      const start = next.start;
      next.start = undefined;
      start?.();
    }
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
  }
}
