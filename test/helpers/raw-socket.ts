/**
 * Raw TCP exchanges with an HTTP server, for tests that must send what no
 * HTTP client would: garbage, oversized or half-sent heads, slow dribbles,
 * pipelined bursts. Parses the answers back into status lines.
 */
import net from 'node:net';

/** One HTTP response parsed from the bytes a server sent. */
export interface RawResponse {
  status: number;
  /** Header names lower-cased; a repeated header keeps its last value. */
  headers: Record<string, string>;
  body: Buffer;
}

/** What happened on one connection. */
export interface RawExchange {
  /** Every byte the server sent. */
  bytes: Buffer;
  /** The complete responses in {@link bytes}, in order. */
  responses: RawResponse[];
  /**
   * How it ended: the server closed the connection (`closed`: FIN;
   * `reset`: ECONNRESET/EPIPE), `enough` responses arrived, or the
   * connection was still open at the timeout (`timeout`).
   */
  end: 'closed' | 'reset' | 'enough' | 'timeout';
  /** Whether the server closed the connection before every chunk was written (a dribble cut short). */
  cutShort: boolean;
}

/** Options of {@link rawExchange}. */
export interface RawExchangeOptions {
  /** Bytes to send. A list is written one chunk at a time, `intervalMs` apart. */
  send: string | Uint8Array | readonly (string | Uint8Array)[];
  /** Pause between chunks, ms. @defaultValue 0 */
  intervalMs?: number;
  /** Half-close (send FIN) after the last chunk. @defaultValue false */
  halfClose?: boolean;
  /** Stop waiting once this many complete responses arrived. @defaultValue wait for close or timeout */
  untilResponses?: number;
  /** Give up (and destroy the socket) after this long. */
  timeoutMs: number;
}

/** Opens a connection to 127.0.0.1:`port`, sends, and collects what comes back until close, enough, or timeout. */
export function rawExchange(port: number, options: RawExchangeOptions): Promise<RawExchange> {
  const chunks = typeof options.send === 'string' || options.send instanceof Uint8Array ? [options.send] : options.send;
  return new Promise((resolve) => {
    const received: Buffer[] = [];
    let settled = false;
    let reset = false;
    let written = 0;
    let dribble: NodeJS.Timeout | undefined;
    const socket = net.connect({ port, host: '127.0.0.1' });
    const finish = (end: RawExchange['end']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(dribble);
      socket.destroy();
      const bytes = Buffer.concat(received);
      resolve({ bytes, responses: parseResponses(bytes).responses, end, cutShort: written < chunks.length });
    };
    const timer = setTimeout(() => finish('timeout'), options.timeoutMs);
    const writeNext = () => {
      if (settled || socket.destroyed) return;
      const chunk = chunks[written];
      if (chunk === undefined) {
        if (options.halfClose) socket.end();
        return;
      }
      written += 1;
      socket.write(chunk);
      if ((options.intervalMs ?? 0) > 0) dribble = setTimeout(writeNext, options.intervalMs);
      else writeNext();
    };
    socket.once('connect', writeNext);
    socket.on('data', (data: Buffer) => {
      received.push(data);
      const wanted = options.untilResponses;
      if (wanted !== undefined && parseResponses(Buffer.concat(received)).responses.length >= wanted) finish('enough');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      reset = error.code === 'ECONNRESET' || error.code === 'EPIPE';
      if (!reset) finish('closed');
    });
    socket.on('end', () => finish('closed'));
    socket.on('close', () => finish(reset ? 'reset' : 'closed'));
  });
}

/**
 * Splits bytes into complete HTTP/1.x responses (by `content-length`, or
 * chunked encoding); what follows the last complete one is `rest`. Assumes
 * no response to a HEAD request.
 */
export function parseResponses(bytes: Buffer): { responses: RawResponse[]; rest: Buffer } {
  const responses: RawResponse[] = [];
  let at = 0;
  for (;;) {
    const headEnd = bytes.indexOf('\r\n\r\n', at);
    if (headEnd === -1) break;
    const [statusLine = '', ...lines] = bytes.subarray(at, headEnd).toString('latin1').split('\r\n');
    const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
    if (!match) break;
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const bodyStart = headEnd + 4;
    const body = readBody(bytes, bodyStart, headers);
    if (body === undefined) break;
    responses.push({ status: Number(match[1]), headers, body: body.body });
    at = body.next;
  }
  return { responses, rest: bytes.subarray(at) };
}

function readBody(bytes: Buffer, start: number, headers: Record<string, string>): { body: Buffer; next: number } | undefined {
  const length = headers['content-length'];
  if (length !== undefined) {
    const end = start + Number(length);
    return end <= bytes.length ? { body: bytes.subarray(start, end), next: end } : undefined;
  }
  if (headers['transfer-encoding']?.toLowerCase() !== 'chunked') return { body: Buffer.alloc(0), next: start };
  const parts: Buffer[] = [];
  let at = start;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    if (lineEnd === -1) return undefined;
    const size = Number.parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) return undefined;
    const dataEnd = lineEnd + 2 + size;
    if (size === 0) return bytes.length >= dataEnd + 2 ? { body: Buffer.concat(parts), next: dataEnd + 2 } : undefined;
    if (bytes.length < dataEnd + 2) return undefined;
    parts.push(bytes.subarray(lineEnd + 2, dataEnd));
    at = dataEnd + 2;
  }
}

/** A well-formed GET of `path` that asks the server to close after answering. */
export function getRequest(path: string, extraHeaders = ''): string {
  return `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extraHeaders}Connection: close\r\n\r\n`;
}
