import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { ApiError } from './api-error.js';
import { genericErrorShape } from './error-shapes.js';
import { ProtocolErrors } from './protocol-errors.js';

interface Logger {
  debug(obj: object, msg: string): void;
}

/** How long a closing connection may take to flush its answer before it is cut. */
const CLOSE_GRACE_MS = 2_000;

function errorFor(err: Error & { code?: string; reason?: string }, timeoutMs: number): ApiError {
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return ApiError.of(ProtocolErrors.requestTimeout, Math.round(timeoutMs / 100) / 10);
  }
  if (err.code === 'HPE_HEADER_OVERFLOW') return ApiError.of(ProtocolErrors.headersTooLarge);
  return ApiError.of(ProtocolErrors.badRequest, `Malformed HTTP request: ${err.reason ?? err.message}`);
}

function statusText(status: number): string {
  return { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' }[status] ?? '';
}

/**
 * Answers what Node's HTTP parser refuses before any route runs (malformed HTTP, oversized headers,
 * and requests not received within the timeout) with the generic XML error body, then closes the
 * connection. It knows which request each connection is on: a connection whose request already
 * has its answer (its unread body was still arriving) is closed without a second answer, and one
 * whose previous request is still being answered gets that answer first.
 */
export class ClientErrorResponder {
  private readonly exchanges = new WeakMap<Socket, { req: IncomingMessage; res: ServerResponse }>();

  constructor(
    private readonly timeoutMs: number,
    private readonly log: () => Logger,
  ) {}

  track(server: Server): void {
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const socket = req.socket;
      const exchange = { req, res };
      this.exchanges.set(socket, exchange);
      // Once answered and fully received, the connection is between requests again: an error on
      // it (the next request's malformed headers, say) gets its own answer.
      const release = () => {
        if (this.exchanges.get(socket) === exchange) this.exchanges.delete(socket);
      };
      res.once('finish', () => {
        if (req.complete) release();
        else req.once('end', release);
      });
    });
  }

  answer(err: Error & { code?: string; reason?: string }, socket: Socket): void {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    this.log().debug({ err }, 'connection refused by the HTTP parser or timed out');
    const current = this.exchanges.get(socket);
    const error = errorFor(err, this.timeoutMs);
    if (!current) {
      this.close(socket, error);
    } else if (current.req.complete) {
      // A pipelined request broke while the one before it is still being answered: that answer
      // goes out first, then this one.
      const { res } = current;
      if (res.writableFinished) this.close(socket, error);
      else {
        res.once('finish', () => this.close(socket, error));
        res.once('close', () => setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref());
      }
    } else if (!current.res.headersSent) {
      // The request itself did not arrive in time (its body is incomplete) and has no answer yet.
      this.close(socket, error);
    } else {
      // It has its answer already; what failed is its unread body arriving: just close.
      socket.destroy();
    }
  }

  private close(socket: Socket, apiError: ApiError): void {
    if (socket.destroyed) return;
    if (socket.writable) {
      const body = Buffer.from(genericErrorShape(apiError) ?? '');
      socket.end(
        `HTTP/1.1 ${apiError.status} ${statusText(apiError.status)}\r\n` +
          'Content-Type: application/xml; charset=utf-8\r\n' +
          `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.toString()}`,
      );
    }
    setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
  }
}
