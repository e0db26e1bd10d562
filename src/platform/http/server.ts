import { randomUUID } from 'node:crypto';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { parseXmlDocument, XmlSyntaxError } from '../xml/parse.js';
import { ApiError } from './api-error.js';
import { hasAccount, hasRole, type BasicAuthenticator } from './auth.js';
import { genericErrorShape } from './error-shapes.js';
import { ProtocolErrors } from './protocol-errors.js';
import { requiredPermission } from './routes.js';

export interface HttpServerOptions {
  readonly authenticator: BasicAuthenticator;
  readonly maxBodyBytes: number;
  readonly trustProxy: boolean;
  readonly logLevel: string;
}

function toApiError(
  err: FastifyError | Error,
  request: FastifyRequest,
  maxBodyBytes: number,
): ApiError | undefined {
  if (err instanceof ApiError) return err;
  if (err instanceof XmlSyntaxError) return ApiError.of(ProtocolErrors.malformedXml, err.message);
  const code = (err as FastifyError).code;
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return ApiError.of(ProtocolErrors.bodyTooLarge, maxBodyBytes);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? ApiError.of(ProtocolErrors.unsupportedMediaType, request.headers['content-type'] ?? '(none)')
        : ApiError.of(ProtocolErrors.badRequest, err.message);
  }
  const status = (err as FastifyError).statusCode;
  // Other client errors raised by Fastify itself (bad URL encoding, invalid headers).
  if (status && status >= 400 && status < 500) return new ApiError(status, status, err.message);
  return undefined;
}

async function sendError(reply: FastifyReply, request: FastifyRequest, err: ApiError): Promise<void> {
  const shape = request.routeOptions.config.errorShape ?? genericErrorShape;
  const body = shape(err);
  reply.code(err.status).headers(err.headers);
  if (body === null) await reply.send();
  else await reply.type('application/xml; charset=utf-8').send(body);
}

/**
 * The HTTP shell every feature runs in: XML bodies only (parsed safely, size-limited), Basic auth
 * and account/role checks before any body is read, one error handler for every error body, and a
 * request id on every response and log line.
 */
export function createHttpServer(options: HttpServerOptions): FastifyInstance {
  const app = Fastify({
    logger: { level: options.logLevel },
    bodyLimit: options.maxBodyBytes,
    trustProxy: options.trustProxy,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, ignoreDuplicateSlashes: true },
    return503OnClosing: true,
    // Errors raised before routing (a URL that does not decode, …) get the generic XML body too.
    frameworkErrors: (err, request, rawReply) => {
      void (rawReply as unknown as FastifyReply)
        .code(400)
        .type('application/xml; charset=utf-8')
        .send(genericErrorShape(ApiError.of(ProtocolErrors.badRequest, err.message)));
      request.log.info({ err }, 'request refused before routing');
    },
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string' }, (_req, body, done) => {
    try {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      done(null, text.trim() === '' ? undefined : parseXmlDocument(text));
    } catch (err) {
      done(err as Error, undefined);
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
    const access = request.routeOptions.config.access;
    if (!access) return; // unknown route: answered by the not-found handler
    const principal = await options.authenticator.authenticate(request.headers.authorization, request.ip);
    request.principal = principal;
    if (access.account) {
      const accountId = (request.params as Record<string, string>).accountId ?? '';
      if (!hasAccount(principal, accountId)) throw ApiError.of(ProtocolErrors.accessDenied);
    }
    if (access.role && !hasRole(principal, access.role, requiredPermission(request.method))) {
      throw ApiError.of(ProtocolErrors.accessDenied);
    }
  });

  app.setNotFoundHandler(async (request, reply) => {
    await sendError(
      reply,
      request,
      ApiError.of(ProtocolErrors.routeNotFound, request.url.split('?')[0] ?? ''),
    );
  });

  app.setErrorHandler(async (err: FastifyError, request, reply) => {
    const apiError = toApiError(err, request, options.maxBodyBytes);
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
