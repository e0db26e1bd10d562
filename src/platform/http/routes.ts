import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decodeXml, rootText, type ParsedDocument } from '../xml/parse.js';
import type { RootIn, RootNode, RootOut } from '../xml/schema.js';
import { encodeXml } from '../xml/encode.js';
import { ApiError } from './api-error.js';
import type { Permission, Principal } from './auth.js';
import type { ErrorShape } from './error-shapes.js';
import { ProtocolErrors } from './protocol-errors.js';
import { hasControlCharacters } from '../text.js';
import type { RawUpload } from './body.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
/** Methods answered with 405 on a known path that does not define them. */
const OTHER_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;

/**
 * Who may call a route. `account`: the `:accountId` in the path must be granted to the user.
 * `role`: the user needs that role, with VIEW for GET and UPDATE for other methods.
 */
export interface RouteAccess {
  readonly account: boolean;
  readonly role?: string;
}

export interface RouteResult {
  readonly status: number;
  /** A stream for files sent as they are read (a report's file, part by part). */
  readonly body?: string | Buffer | Readable;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** What a handler sees: decoded inputs and URL helpers, never the raw request. */
export interface RouteContext {
  readonly params: Readonly<Record<string, string>>;
  /** A path parameter the route declares (e.g. `accountId` for `/accounts/:accountId`). */
  readonly param: (name: string) => string;
  /**
   * Query parameters by lower-cased name: Bandwidth's own spellings vary (usernamefragment vs
   * userNamefragment), so names match in any case. Handlers look them up in lower case.
   */
  readonly query: Readonly<Record<string, string | undefined>>;
  /** Query parameters that repeat (`embed=A&embed=B`), by lower-cased name. */
  readonly queryAll: (name: string) => string[];
  readonly principal: Principal;
  readonly requestId: string;
  /** Decodes the XML body against a declared root; 400 when it is missing or of another kind. */
  readonly body: <R extends RootNode>(root: R) => RootIn<R>;
  /** The raw upload of a route that takes them; 400 without one. */
  readonly upload: () => RawUpload;
  /** The text of a single-element body such as `<Password>…</Password>`. */
  readonly bodyText: (rootName: string) => string;
  /** Absolute URL under the prefix the request came in on (/api or /v1.0). */
  readonly url: (path: string) => string;
  /** Absolute URL under /v1.0, as paging links need (the Ruby client strips up to `/v1.0`). */
  readonly linkUrl: (path: string) => string;
}

export interface RouteDef {
  readonly method: Method;
  /** Path below the prefix, Fastify style: `/accounts/:accountId/sites/:siteId`. */
  readonly path: string;
  readonly errorShape: ErrorShape;
  readonly access: RouteAccess;
  /** The route takes raw uploads (any Content-Type other than XML) up to this size; read with `ctx.upload()`. */
  readonly upload?: { readonly maxBytes: number };
  handle(ctx: RouteContext): Promise<RouteResult>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    errorShape?: ErrorShape;
    access?: RouteAccess;
    /** Set on a known path for a method it does not define: the methods it allows (405). */
    allow?: string;
    upload?: { readonly maxBytes: number };
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

export function ok(body?: string): RouteResult {
  return body === undefined ? { status: 200 } : { status: 200, body };
}

export function okXml<R extends RootNode>(root: R, value: RootOut<R>): RouteResult {
  return { status: 200, body: encodeXml(root, value) };
}

export function created(location: string, body?: string): RouteResult {
  return { status: 201, headers: { Location: location }, ...(body === undefined ? {} : { body }) };
}

export function noContent(): RouteResult {
  return { status: 204 };
}

export function requiredPermission(method: string): Permission {
  return method === 'GET' || method === 'HEAD' ? 'VIEW' : 'UPDATE';
}

export interface RouteMountOptions {
  /** Fixed public base (scheme://host[:port]); default: from the request. */
  readonly publicUrl: string | undefined;
}

function baseUrl(request: FastifyRequest, options: RouteMountOptions): string {
  return options.publicUrl ?? `${request.protocol}://${request.host}`;
}

function routeContext(request: FastifyRequest, prefix: string, options: RouteMountOptions): RouteContext {
  // Null-prototype maps: a query name such as `__proto__` or `constructor` is just a name here.
  const rawQuery: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [k, v] of Object.entries(request.query as Record<string, string | string[] | undefined>)) {
    if (v === undefined) continue;
    const key = k.toLowerCase();
    rawQuery[key] = [...(rawQuery[key] ?? []), ...(Array.isArray(v) ? v : [v])];
  }
  const query = Object.create(null) as Record<string, string | undefined>;
  for (const [k, v] of Object.entries(rawQuery)) query[k] = v[0];
  const received = request.body as ParsedDocument | RawUpload | undefined;
  const upload = received && 'content' in received ? received : undefined;
  const doc = received && !('content' in received) ? received : undefined;
  const principal = request.principal;
  if (!principal) throw new Error('route reached without authentication');
  const params = request.params as Record<string, string>;
  // No id or query value holds control characters; refused here, they reach no operation or query.
  for (const [name, value] of [...Object.entries(params), ...Object.entries(rawQuery)]) {
    if ([value].flat().some(hasControlCharacters)) throw ApiError.of(ProtocolErrors.controlCharacters, name);
  }
  return {
    params,
    param: (name) => {
      const value = params[name];
      if (value === undefined) throw new Error(`route has no parameter ${name}`);
      return value;
    },
    query,
    queryAll: (name) => rawQuery[name.toLowerCase()] ?? [],
    principal,
    requestId: request.id,
    upload: () => {
      if (!upload) throw ApiError.of(ProtocolErrors.badRequest, 'A document is required as the request body');
      return upload;
    },
    body: (root) => {
      if (upload) throw ApiError.of(ProtocolErrors.unsupportedMediaType, upload.mediaType);
      if (!doc) throw ApiError.of(ProtocolErrors.missingBody, root.name);
      const decoded = decodeXml(root, doc);
      if (!decoded) throw ApiError.of(ProtocolErrors.wrongRoot, root.name, doc.rootName);
      return decoded;
    },
    bodyText: (rootName) => {
      if (!doc) throw ApiError.of(ProtocolErrors.missingBody, rootName);
      if (doc.rootName.toLowerCase() !== rootName.toLowerCase()) {
        throw ApiError.of(ProtocolErrors.wrongRoot, rootName, doc.rootName);
      }
      return rootText(doc);
    },
    url: (path) => `${baseUrl(request, options)}${prefix}${path}`,
    linkUrl: (path) => `${baseUrl(request, options)}/v1.0${path}`,
  };
}

async function send(reply: FastifyReply, result: RouteResult): Promise<void> {
  reply.code(result.status);
  if (result.headers) reply.headers(result.headers);
  if (result.body === undefined || result.body === '') {
    await reply.send();
    return;
  }
  reply.type(result.contentType ?? 'application/xml; charset=utf-8');
  await reply.send(result.body);
}

/**
 * Mounts the route table under one prefix, and answers 405 (with Allow) for the other methods on
 * every known path.
 */
export function mountRoutes(
  app: FastifyInstance,
  prefix: string,
  routes: readonly RouteDef[],
  options: RouteMountOptions,
): void {
  const byPath = new Map<string, RouteDef[]>();
  for (const route of routes) {
    const list = byPath.get(route.path) ?? [];
    list.push(route);
    byPath.set(route.path, list);
    app.route({
      method: route.method,
      url: prefix + route.path,
      config: { errorShape: route.errorShape, access: route.access, upload: route.upload },
      handler: async (request, reply) => {
        await send(reply, await route.handle(routeContext(request, prefix, options)));
      },
    });
  }
  for (const [path, defined] of byPath) {
    const allowed = defined.map((r) => r.method);
    const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : [])].sort().join(', ');
    const first = defined[0] as RouteDef;
    for (const method of OTHER_METHODS.filter((m) => !(allowed as readonly string[]).includes(m))) {
      // Answered by the onRequest hook once the caller is authenticated, before any body is read.
      app.route({
        method,
        url: prefix + path,
        config: { errorShape: first.errorShape, access: { account: false }, allow },
        handler: () => {
          throw methodNotAllowed(method, allow);
        },
      });
    }
  }
}

export function methodNotAllowed(method: string, allow: string): ApiError {
  const base = ApiError.of(ProtocolErrors.methodNotAllowed, method);
  return new ApiError(405, base.code, base.description, { Allow: allow });
}
