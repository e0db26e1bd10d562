import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { XmlLimitError, XmlSyntaxError } from '../xml/parse.js';
import { ApiError } from './api-error.js';
import { hasAccount, hasRole, type BasicAuthenticator } from './auth.js';
import { declaredLength, readRawBody, readXmlBody, type BodyLimits } from './body.js';
import { ClientErrorResponder } from './client-errors.js';
import { genericErrorShape } from './error-shapes.js';
import { ProtocolErrors } from './protocol-errors.js';
import { methodNotAllowed, requiredPermission } from './routes.js';

export interface HttpServerOptions {
  readonly authenticator: BasicAuthenticator;
  readonly maxBodyBytes: number;
  readonly trustProxy: boolean;
  /** Headers and body must arrive within this time (408 and a closed connection otherwise). */
  readonly requestTimeoutMs: number;
  readonly logLevel: string;
}

/** A refused body is still read (and discarded) up to this much, so the client receives the answer. */
const MIN_DRAIN_BYTES = 64 * 1024 * 1024;

function toApiError(err: FastifyError | Error, request: FastifyRequest): ApiError | undefined {
  if (err instanceof ApiError) return err;
  if (err instanceof XmlSyntaxError) return ApiError.of(ProtocolErrors.badRequest, err.message);
  if (err instanceof XmlLimitError) return ApiError.of(ProtocolErrors.bodyTooComplex, err.message);
  const code = (err as FastifyError).code;
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return ApiError.of(ProtocolErrors.unsupportedMediaType, request.headers['content-type'] ?? '(none)');
  }
  const status = (err as FastifyError).statusCode;
  // Other client errors raised by Fastify itself (bad URL encoding, invalid headers).
  if (status && status >= 400 && status < 500) return new ApiError(status, status, err.message);
  return undefined;
}

function notFound(request: FastifyRequest): ApiError {
  return ApiError.of(ProtocolErrors.routeNotFound, request.url.split('?')[0] ?? '');
}

async function sendError(reply: FastifyReply, request: FastifyRequest, err: ApiError): Promise<void> {
  const shape = request.routeOptions.config.errorShape ?? genericErrorShape;
  const body = shape(err);
  reply.code(err.status).headers(err.headers);
  if (body === null) await reply.send();
  else await reply.type('application/xml; charset=utf-8').send(body);
}

/** The body types the API reads; anything else is 415. */
const XML_TYPES = ['application/xml', 'text/xml'];

function isXml(contentType: string | undefined): boolean {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return XML_TYPES.includes(mediaType);
}

function expectsContinue(request: FastifyRequest): boolean {
  return /^\s*100-continue\s*$/i.test(request.headers.expect ?? '');
}

/**
 * The HTTP shell every feature runs in: XML bodies only (read and parsed piece by piece, size- and
 * structure-limited), Basic auth and account/role checks before any body is read, unknown routes
 * answered without reading the body, request timeouts, one error handler for every error body, and
 * a request id on every response and log line.
 */
function uploadLimits(maxBytes: number): BodyLimits {
  return { maxBytes, drainBytes: Math.max(MIN_DRAIN_BYTES, 2 * maxBytes) };
}

export function createHttpServer(options: HttpServerOptions): FastifyInstance {
  const limits: BodyLimits = {
    maxBytes: options.maxBodyBytes,
    drainBytes: Math.max(MIN_DRAIN_BYTES, 4 * options.maxBodyBytes),
  };
  const timeout = options.requestTimeoutMs;
  const clientErrors = new ClientErrorResponder(timeout, () => app.log);
  const app: FastifyInstance = Fastify({
    logger: { level: options.logLevel },
    trustProxy: options.trustProxy,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, ignoreDuplicateSlashes: true },
    return503OnClosing: true,
    // Headers and body must both arrive within the timeout; Node checks open requests every
    // interval, so the interval is a small fraction of it.
    requestTimeout: timeout,
    http: {
      headersTimeout: timeout,
      connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(timeout / 10))),
    },
    // Malformed HTTP, oversized headers and timeouts are answered in XML too, and the connection closed.
    clientErrorHandler: (err: Error & { code?: string }, socket: Socket) => clientErrors.answer(err, socket),
    // No route is known yet, so the generic shape applies; 414 for a path segment over 100 characters.
    frameworkErrors: (err, request, rawReply) => {
      const status = err.statusCode === 414 ? 414 : 400;
      void (rawReply as unknown as FastifyReply)
        .code(status)
        .type('application/xml; charset=utf-8')
        .send(genericErrorShape(new ApiError(status, status, err.message)));
      request.log.info({ err }, 'request refused before routing');
    },
  });
  clientErrors.track(app.server);
  // `Expect: 100-continue` is answered by us, once the request is known to be allowed and its body
  // is about to be read (preParsing below), so a refused upload is never sent at all. A request that
  // expects 100-continue closes its connection after the answer, since its body may never come.
  app.server.on('checkContinue', (req, res) => {
    res.shouldKeepAlive = false;
    app.server.emit('request', req, res);
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser(XML_TYPES, (request: FastifyRequest, payload: IncomingMessage) =>
    readXmlBody(payload, request.headers, limits),
  );
  // Any other type is read raw, and only on routes that take uploads (LOA documents); elsewhere 415.
  app.addContentTypeParser('*', async (request: FastifyRequest, payload: IncomingMessage) => {
    const upload = request.routeOptions.config.upload;
    if (!upload)
      throw ApiError.of(ProtocolErrors.unsupportedMediaType, request.headers['content-type'] ?? '(none)');
    const content = await readRawBody(payload, uploadLimits(upload.maxBytes));
    return { mediaType: request.headers['content-type'] ?? 'application/octet-stream', content };
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
    // Unknown paths are answered at once: their body is never read, let alone parsed.
    if (request.is404) throw notFound(request);
    const { access, allow } = request.routeOptions.config;
    if (!access) return;
    const principal = await options.authenticator.authenticate(request.headers.authorization, request.ip);
    request.principal = principal;
    if (allow) throw methodNotAllowed(request.method, allow);
    if (access.account) {
      const accountId = (request.params as Record<string, string>).accountId ?? '';
      if (!hasAccount(principal, accountId)) throw ApiError.of(ProtocolErrors.accessDenied);
    }
    if (access.role && !hasRole(principal, access.role, requiredPermission(request.method))) {
      throw ApiError.of(ProtocolErrors.accessDenied);
    }
  });

  // Runs once the request is allowed, before its body is read.
  app.addHook('preParsing', async (request, reply, payload) => {
    const length = declaredLength(request.headers);
    const upload = request.routeOptions.config.upload;
    const max = upload && !isXml(request.headers['content-type']) ? upload.maxBytes : limits.maxBytes;
    if (length !== undefined && length > max) {
      throw ApiError.of(ProtocolErrors.bodyTooLarge, max);
    }
    if (expectsContinue(request) && (isXml(request.headers['content-type']) || upload))
      reply.raw.writeContinue();
    return payload;
  });

  // An answer sent before the body was read (401, 404, 413 by length…) leaves Node to read and
  // discard the rest, so the client still receives it and the connection can serve the next
  // request; a body of unknown length, or too big even to discard, closes the connection instead.
  app.addHook('onSend', async (request, reply, payload) => {
    const length = declaredLength(request.headers); // undefined with a body: chunked
    if (!request.raw.complete && (length === undefined || length > limits.drainBytes)) {
      reply.header('connection', 'close');
    }
    return payload;
  });

  app.setNotFoundHandler(async (request, reply) => {
    await sendError(reply, request, notFound(request));
  });

  app.setErrorHandler(async (err: FastifyError, request, reply) => {
    const apiError = toApiError(err, request);
    if (apiError) {
      if (apiError.status >= 500) request.log.error({ err }, 'request failed');
      await sendError(reply, request, apiError);
      return;
    }
    request.log.error({ err }, 'unexpected error');
    await sendError(reply, request, ApiError.of(ProtocolErrors.internal, request.id));
  });

  return app;
}
