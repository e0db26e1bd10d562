import { encodeXml } from '../xml/encode.js';
import { x } from '../xml/schema.js';
import type { ApiError } from './api-error.js';

/**
 * The XML error bodies Bandwidth uses (contract §4). There is no single envelope: each route declares
 * the shape of its resource family, and the one error handler renders every error through it.
 * A shape returning null answers with an empty body.
 */
export type ErrorShape = (err: ApiError) => string | null;

const responseStatus = x.object({ ErrorCode: x.text(), Description: x.text() });

/** `<XxxResponse><ResponseStatus><ErrorCode/><Description/></ResponseStatus></XxxResponse>`: the dominant shape. */
export function responseStatusShape(rootName: string): ErrorShape {
  const root = x.root(rootName, { ResponseStatus: responseStatus });
  return (err) => encodeXml(root, { ResponseStatus: { ErrorCode: err.code, Description: err.description } });
}

const genericRoot = x.root('ErrorResponse', {
  irisStatus: x.object({ Code: x.text(), Description: x.text() }),
});

/** `<ErrorResponse><irisStatus><Code/><Description/></irisStatus></ErrorResponse>`: the generic fallback. */
export const genericErrorShape: ErrorShape = (err) =>
  encodeXml(genericRoot, { irisStatus: { Code: err.code, Description: err.description } });

/** `<Root><Error><Code/><Description/></Error></Root>`: searches (SearchResult, SearchResultForAvailableNpaNxx). */
export function searchErrorShape(rootName: string): ErrorShape {
  const root = x.root(rootName, { Error: x.object({ Code: x.text(), Description: x.text() }) });
  return (err) => encodeXml(root, { Error: { Code: err.code, Description: err.description } });
}

/** Documented as an empty body (e.g. 404 on SIP-peer DELETE). */
export const emptyErrorShape: ErrorShape = () => null;
