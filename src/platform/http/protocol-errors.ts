import { defineError } from './api-error.js';

/**
 * HTTP-level failures that Bandwidth's catalogue has no code for. They carry the HTTP status as their
 * code, as the generic `irisStatus` and LSR bodies do.
 */
export const ProtocolErrors = {
  unauthenticated: defineError(401, 401, 'Authentication is required: send HTTP Basic credentials'),
  badCredentials: defineError(401, 401, 'The user name or password is incorrect'),
  accessDenied: defineError(403, 1001, 'Access Denied'),
  notFound: defineError(404, 404, 'The resource does not exist'),
  routeNotFound: defineError(404, 404, 'Resource %s was not found'),
  methodNotAllowed: defineError(405, 405, 'Method %s is not allowed on this resource'),
  missingBody: defineError(400, 400, 'A request body with a <%s> element is required'),
  wrongRoot: defineError(400, 400, 'The request body must be a <%s> element, not <%s>'),
  bodyTooLarge: defineError(413, 413, 'The request body is larger than the limit of %s bytes'),
  bodyTooComplex: defineError(413, 413, '%s'),
  incompleteBody: defineError(400, 400, 'The request body ended before it was complete'),
  unsupportedMediaType: defineError(415, 415, "Content-Type '%s' is not supported; send application/xml"),
  uploadTypeNotAccepted: defineError(415, 415, "Content-Type '%s' is not accepted here; send one of %s"),
  documentNotOfType: defineError(415, 415, 'The content is not a valid %s file'),
  documentUnrecognised: defineError(
    415,
    415,
    'The content is none of the accepted types (PDF, TIFF, JPEG, PNG, GIF, plain text); send it with its Content-Type',
  ),
  unsupportedCharset: defineError(415, 415, "Charset '%s' is not supported; send UTF-8"),
  /** A request that cannot be read (malformed XML or HTTP), with the reason. */
  badRequest: defineError(400, 400, '%s'),
  controlCharacters: defineError(400, 400, "'%s' in the URL contains a control character"),
  requestTimeout: defineError(408, 408, 'The request was not received completely within %s seconds'),
  headersTooLarge: defineError(431, 431, 'The request headers are too large'),
  tooManyAttempts: defineError(
    429,
    429,
    'Too many authentication attempts from this client are waiting; retry in a moment',
  ),
  shuttingDown: defineError(503, 503, 'The server is shutting down; retry shortly'),
  internal: defineError(500, 1000, 'Internal Server Error. Please try again. (request id %s)'),
} as const;
