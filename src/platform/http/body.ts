import type { IncomingHttpHeaders } from 'node:http';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { TextDecoder } from 'node:util';
import { XML_PIECE, XmlDocumentReader, type ParsedDocument } from '../xml/parse.js';
import { ApiError } from './api-error.js';
import { ProtocolErrors } from './protocol-errors.js';

export interface BodyLimits {
  /** Largest body accepted (413 above it). */
  readonly maxBytes: number;
  /**
   * How much of a refused body is still read and thrown away so that the client, which is still
   * sending, receives the error instead of a connection reset; beyond it the connection is cut.
   */
  readonly drainBytes: number;
}

/**
 * The reader parses XML_PIECE characters (8 KiB) in one go before it lets other requests run: a
 * piece of the most expensive markup costs a few milliseconds, so a large or hostile body never
 * holds the event loop for long, whatever arrives at once.
 */
const PIECE = XML_PIECE;

export function declaredLength(headers: IncomingHttpHeaders): number | undefined {
  const value = headers['content-length'];
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

function decoderFor(contentType: string | undefined): TextDecoder {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset, { fatal: true });
  } catch {
    throw ApiError.of(ProtocolErrors.unsupportedCharset, charset);
  }
}

/**
 * Reads an XML request body as it arrives and parses it piece by piece, yielding to the event loop
 * between pieces. Enforces the byte limit as it reads and the reader's structural limits as it
 * parses. A body refused part-way is still read to its end (up to `drainBytes`) before the error is
 * thrown, so that the answer reaches a client that is still sending.
 */
export async function readXmlBody(
  body: AsyncIterable<Buffer | string>,
  headers: IncomingHttpHeaders,
  limits: BodyLimits,
): Promise<ParsedDocument | undefined> {
  const decoder = decoderFor(headers['content-type']);
  const reader = new XmlDocumentReader();
  let failure: Error | undefined;
  let received = 0;
  let sinceYield = 0;

  const feed = async (text: string) => {
    for (let at = 0; at < text.length; at += PIECE) {
      if (sinceYield >= PIECE) {
        await yieldToEventLoop();
        sinceYield = 0;
      }
      const piece = at === 0 && text.length <= PIECE ? text : text.slice(at, at + PIECE);
      reader.write(piece);
      sinceYield += piece.length;
    }
  };

  try {
    for await (const chunk of body) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      received += bytes.length;
      if (failure === undefined && received > limits.maxBytes) {
        failure = ApiError.of(ProtocolErrors.bodyTooLarge, limits.maxBytes);
      }
      if (failure !== undefined) {
        if (received > limits.drainBytes) break; // leaving the loop destroys the request
        continue;
      }
      try {
        await feed(decodeChunk(decoder, bytes, true));
      } catch (err) {
        failure = err as Error;
      }
    }
  } catch {
    // The client went away (or its connection timed out) before the body was complete.
    throw ApiError.of(ProtocolErrors.incompleteBody);
  }
  if (failure !== undefined) throw failure;
  await feed(decodeChunk(decoder, new Uint8Array(0), false));
  return reader.end();
}

function decodeChunk(decoder: TextDecoder, bytes: Uint8Array, stream: boolean): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch {
    throw ApiError.of(ProtocolErrors.badRequest, `The request body is not valid ${decoder.encoding}`);
  }
}

/**
 * Reads a raw upload (a document) as it arrives, refusing it once it passes `maxBytes` (the rest is
 * still read, up to `drainBytes`, so the client receives the 413).
 */
export async function readRawBody(body: AsyncIterable<Buffer | string>, limits: BodyLimits): Promise<Buffer> {
  const parts: Buffer[] = [];
  let received = 0;
  let failure: ApiError | undefined;
  try {
    for await (const chunk of body) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      received += bytes.length;
      if (failure === undefined && received > limits.maxBytes) {
        failure = ApiError.of(ProtocolErrors.bodyTooLarge, limits.maxBytes);
        parts.length = 0;
      }
      if (failure !== undefined) {
        if (received > limits.drainBytes) break;
        continue;
      }
      parts.push(bytes);
    }
  } catch {
    throw ApiError.of(ProtocolErrors.incompleteBody);
  }
  if (failure !== undefined) throw failure;
  return Buffer.concat(parts);
}

/** A raw upload as a handler sees it. */
export interface RawUpload {
  readonly mediaType: string;
  readonly content: Buffer;
}
