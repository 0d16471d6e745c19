/**
 * What the server does with a request it cannot parse or that took too long
 * to arrive (Node's `clientError` event).
 *
 * Node's default writes its answer and destroys the socket in the same tick,
 * and when a response is still pending on the connection (a delayed reply,
 * pipelined requests) it either writes the error ahead of that response or
 * drops the connection without a word. Here the error answer waits for the
 * responses already owed on the connection, goes out in order, and the
 * socket is half-closed so the bytes reach the client before it is destroyed.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';

/** Node's error codes that get a more precise status than 400. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
};
const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  431: 'Request Header Fields Too Large',
};
/** A client that never reads its error answer is dropped after this long. */
const LINGER_MS = 1_000;

/** The status the server answers a `clientError` with: 431, 408, 413, else 400. */
export function clientErrorStatus(error: NodeJS.ErrnoException): number {
  return STATUS_BY_CODE[error.code ?? ''] ?? 400;
}

/** The raw bytes of a plain-text error answer that closes the connection. */
export function clientErrorResponse(status: number): string {
  const reason = REASONS[status] ?? 'Bad Request';
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(reason)}\r\nConnection: close\r\n\r\n${reason}`;
}

/** A server-side socket with the response Node has attached to it and not finished yet. */
type HttpSocket = Duplex & { _httpMessage?: http.ServerResponse | null };

const answered = new WeakSet<Duplex>();

/**
 * The `clientError` listener. Answers once per connection (the parser keeps
 * reporting errors for bytes that follow the first), after the responses the
 * connection already owes, then half-closes; a peer that is gone or reset
 * is just destroyed.
 */
export function onClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (answered.has(socket)) return;
  answered.add(socket);
  if (error.code === 'ECONNRESET' || error.code === 'EPIPE' || !socket.writable) {
    socket.destroy();
    return;
  }
  answerWhenIdle(socket as HttpSocket, clientErrorResponse(clientErrorStatus(error)));
}

function answerWhenIdle(socket: HttpSocket, response: string): void {
  // Node's own default clientError handler reads this field: the response the connection owes next.
  // oxlint-disable-next-line no-underscore-dangle
  const owed = socket._httpMessage;
  // A response not started whose own request broke mid-body (or timed out) will never be
  // written: the error is its answer. Any other owed response goes out first.
  if (owed && (owed.headersSent || owed.req.complete)) {
    // Node attaches the next pipelined response in its own 'finish' listener,
    // which runs before 'close': look again then.
    owed.once('close', () => answerWhenIdle(socket, response));
    return;
  }
  if (!socket.writable || socket.writableEnded) {
    socket.destroy();
    return;
  }
  const linger = setTimeout(() => socket.destroy(), LINGER_MS).unref();
  socket.once('close', () => clearTimeout(linger));
  socket.end(response, () => socket.destroy());
}
