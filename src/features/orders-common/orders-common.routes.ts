import { Readable } from 'node:stream';
import type { AppDeps } from '../../context.js';
import type { ErrorShape } from '../../platform/http/error-shapes.js';
import { ApiError } from '../../platform/http/api-error.js';
import { pageLinks } from '../../platform/http/paging.js';
import {
  param,
  parseDateRange,
  parseOpenDateRange,
  parseSize,
  type Query,
} from '../../platform/http/query.js';
import {
  created,
  noContent,
  okXml,
  type RouteContext,
  type RouteDef,
  type RouteResult,
} from '../../platform/http/routes.js';
import { encodeXml } from '../../platform/xml/encode.js';
import type { RootNode, RootOut } from '../../platform/xml/schema.js';
import { storedFileParts, type StoredFile } from './order-files.js';
import { historyOf } from './order-history.js';
import { requireOrder, type OrderKind } from './order-kind.js';
import { listOrderPage, type OrderListQuery, type OrderPage } from './order-list.js';
import { addNote, notesOf } from './order-notes.js';
import { numberReport, type NumberReport } from './order-reports.js';
import { parseTnFilter } from './order-fields.js';
import { orderNumbers, ordersWithNumber } from './orders-common.store.js';
import {
  areaCodesToXml,
  historyToXml,
  NoOrdersXml,
  noteErrorShape,
  noteInputOf,
  NoteRequestXml,
  notesToXml,
  NotesXml,
  npaNxxToXml,
  OrderHistoryXml,
  orderListErrorShape,
  OrderTnsXml,
  TelephoneDetailsReportsXml,
  tnsToXml,
  totalsToXml,
} from './orders-common.xml.js';

/**
 * The routes every kind of order can mount, one line each in its `<kind>.routes.ts`: notes,
 * history, the number reports, and its list. Each serves `/accounts/{accountId}/{collection}/…`.
 */
type AnyKind = OrderKind;

const accessOf = (kind: AnyKind) => ({ account: true, role: kind.role }) as const;
const onePath = (kind: AnyKind) => `/accounts/:accountId/${kind.collection}/:orderId`;

/** `POST/GET …/{orderId}/notes`: add a note (201, `Location` ends with its id); list them (204 when none). */
export function orderNoteRoutes(deps: AppDeps, kind: AnyKind): RouteDef[] {
  const path = `${onePath(kind)}/notes`;
  return [
    {
      method: 'POST',
      path,
      errorShape: noteErrorShape,
      access: accessOf(kind),
      handle: async ({ param: p, body, url }) => {
        const accountId = p('accountId');
        const order = await requireOrder(deps, kind, accountId, p('orderId'));
        const id = await addNote(deps, kind, order, noteInputOf(body(NoteRequestXml)));
        return created(url(`/accounts/${accountId}/${kind.collection}/${order.id}/notes/${id}`));
      },
    },
    {
      method: 'GET',
      path,
      errorShape: noteErrorShape,
      access: accessOf(kind),
      handle: async ({ param: p }) => {
        const order = await requireOrder(deps, kind, p('accountId'), p('orderId'));
        const notes = await notesOf(deps, order.id);
        return notes.length > 0 ? okXml(NotesXml, notesToXml(notes)) : noContent();
      },
    },
  ];
}

/** `GET …/{orderId}/history`: every status the order went through, and each change made to it. */
export function orderHistoryRoutes(deps: AppDeps, kind: AnyKind): RouteDef[] {
  return [
    {
      method: 'GET',
      path: `${onePath(kind)}/history`,
      errorShape: kind.errorShape,
      access: accessOf(kind),
      handle: async ({ param: p }) => {
        const order = await requireOrder(deps, kind, p('accountId'), p('orderId'));
        return okXml(OrderHistoryXml, historyToXml(await historyOf(deps, order.id)));
      },
    },
  ];
}

/** What the order obtained: `…/tns`, `…/areaCodes`, `…/npaNxx`, `…/totals`. */
export function orderNumberReportRoutes(deps: AppDeps, kind: AnyKind): RouteDef[] {
  const report = async (ctx: RouteContext): Promise<NumberReport> => {
    const order = await requireOrder(deps, kind, ctx.param('accountId'), ctx.param('orderId'));
    return numberReport(await orderNumbers(deps.database.db, order.id));
  };
  const reports: [string, (r: NumberReport) => RootOut<typeof TelephoneDetailsReportsXml>][] = [
    ['areaCodes', areaCodesToXml],
    ['npaNxx', npaNxxToXml],
    ['totals', totalsToXml],
  ];
  return [
    ...reports.map(([name, encode]): RouteDef => ({
      method: 'GET',
      path: `${onePath(kind)}/${name}`,
      errorShape: kind.errorShape,
      access: accessOf(kind),
      handle: async (ctx) => okXml(TelephoneDetailsReportsXml, encode(await report(ctx))),
    })),
    {
      method: 'GET',
      path: `${onePath(kind)}/tns`,
      errorShape: kind.errorShape,
      access: accessOf(kind),
      handle: async (ctx) => okXml(OrderTnsXml, tnsToXml(await report(ctx))),
    },
  ];
}

export interface OrderListRouteOptions<R extends RootNode, D = unknown> {
  /** Below the prefix, e.g. `/accounts/:accountId/orders`; default the kind's collection. */
  readonly path?: string;
  /** The list's payload and how one entry looks in it. */
  readonly xml: R;
  readonly toXml: (page: OrderPage<D>, links: ReturnType<typeof pageLinks>, ctx: RouteContext) => RootOut<R>;
  /** Query names echoed in the paging links, as the endpoint spells them. */
  readonly echoed: readonly string[];
  readonly defaultSize: number;
  /**
   * Nothing to list is a 404: "with a bare <Links> body" (disconnects, site orders) or with none
   * ("404 when nothing matches": external numbers).
   */
  readonly noneIs404?: 'links' | 'empty';
  /**
   * How a malformed query value is answered: 404 by most lists ("malformed values give 404"), 400
   * where the RAML says so (`/orders`: "malformed Query Parameters can result in a 400"); a `page`
   * that is no order of the list is 404 either way.
   */
  readonly malformedQuery?: 400 | 404;
  /** Further scope from the path (a site's list) or the kind's own filters; may throw the path's own 404. */
  readonly scope?: (
    ctx: RouteContext,
  ) => Promise<
    Partial<
      Pick<
        OrderListQuery,
        | 'siteId'
        | 'orderIds'
        | 'idPrefix'
        | 'name'
        | 'dates'
        | 'modified'
        | 'status'
        | 'customerOrderId'
        | 'userId'
      >
    >
  >;
}

/** Bad list parameters: "400 (no body); 404 (no body)": an empty body with the list's status for them. */
function asListError(err: unknown, malformed: 400 | 404): never {
  if (err instanceof ApiError && err.status === 400) throw new ApiError(malformed, err.code, err.description);
  throw err;
}

/** The list parameters: page, size, status, customerOrderId, userid, startdate/enddate. */
export function orderListQuery(accountId: string, query: Query, defaultSize: number): OrderListQuery {
  const dates = parseDateRange(param(query, 'startdate'), param(query, 'enddate'));
  return {
    accountId,
    status: param(query, 'status'),
    customerOrderId: param(query, 'customerorderid'),
    userId: param(query, 'userid'),
    dates,
    page: param(query, 'page'),
    size: parseSize(param(query, 'size'), defaultSize),
  };
}

/** The query names `numberFeatureListScope` reads, as the lists spell them (for their paging links). */
export const NUMBER_FEATURE_LIST_FILTERS = [
  'status',
  'tn',
  'customerOrderId',
  'orderIdFragment',
  'createdDateFrom',
  'createdDateTo',
  'modifiedDateFrom',
  'modifiedDateTo',
  'lastModifiedAfter',
  'lastModifiedBy',
] as const;

/**
 * The filters of the number-feature lists (TN options, LIDB, DL/DA, E911: rows 58, 61, 66, 70):
 * a number the order named, the order's creation and modification days (`yyyy-MM-dd`;
 * `lastModifiedAfter` opens the modified range on its day), the user who placed it
 * (`lastModifiedBy`: these orders are changed after by the system only, a DL/DA PUT aside), an id fragment.
 */
export async function numberFeatureListScope(
  deps: AppDeps,
  ctx: RouteContext,
): Promise<Partial<OrderListQuery>> {
  const q = ctx.query;
  const day = (name: string) => ({ name, value: param(q, name.toLowerCase()) });
  const tn = param(q, 'tn');
  const modified = parseOpenDateRange(day('modifiedDateFrom'), day('modifiedDateTo'));
  const after = parseOpenDateRange(day('lastModifiedAfter'), { name: 'lastModifiedAfter', value: undefined });
  return {
    idPrefix: param(q, 'orderidfragment'),
    userId: param(q, 'lastmodifiedby'),
    orderIds: tn === undefined ? undefined : await ordersWithNumber(deps.database.db, parseTnFilter(tn)),
    dates: parseOpenDateRange(day('createdDateFrom'), day('createdDateTo')),
    // Both ranges are whole (open ends are the far past and future): the later start, the earlier end.
    modified:
      modified === undefined || after === undefined
        ? (modified ?? after)
        : {
            from: modified.from > after.from ? modified.from : after.from,
            before: modified.before < after.before ? modified.before : after.before,
          },
  };
}

/** `GET` of a kind's list (or a site's view of it), paged by order id. */
export function orderListRoute<R extends RootNode, S extends string = string, D = unknown>(
  deps: AppDeps,
  kind: OrderKind<S, D>,
  options: OrderListRouteOptions<R, D>,
): RouteDef {
  const path = options.path ?? `/accounts/:accountId/${kind.collection}`;
  return {
    method: 'GET',
    path,
    errorShape: orderListErrorShape,
    access: accessOf(kind),
    handle: async (ctx) => {
      let page: OrderPage<D>;
      let query: OrderListQuery;
      try {
        const scope = (await options.scope?.(ctx)) ?? {};
        const base = orderListQuery(ctx.param('accountId'), ctx.query, options.defaultSize);
        query = { ...base, ...scope, dates: scope.dates ?? base.dates };
        page = await listOrderPage(deps, kind, query);
      } catch (err) {
        asListError(err, options.malformedQuery ?? 404);
      }
      const concrete = path.replace(/:(\w+)/g, (_m, name: string) => ctx.param(name));
      const echoed = Object.fromEntries(options.echoed.map((n) => [n, param(ctx.query, n)]));
      const links = pageLinks(ctx.linkUrl(concrete), echoed, query.size, page.nextId);
      if (options.noneIs404 && page.entries.length === 0) {
        const body = options.noneIs404 === 'links' ? encodeXml(NoOrdersXml, { first: links.first }) : '';
        return { status: 404, body };
      }
      return okXml(options.xml, options.toXml(page, links, ctx));
    },
  };
}

/** A 400 whose whole body the route composed: the errors and the request echoed (orders, disconnects). */
export class ComposedRejection extends ApiError {
  constructor(
    reason: ApiError,
    readonly body: string,
  ) {
    super(reason.status, reason.code, reason.description, reason.headers);
  }
}

/** Runs an operation; a 400 it throws is answered with the body `compose` makes of it. */
export async function rejectWith<T>(
  run: () => Promise<T>,
  compose: (err: ApiError) => string | Promise<string>,
): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ApiError && err.status === 400) throw new ComposedRejection(err, await compose(err));
    throw err;
  }
}

/** An error shape that answers composed rejections with their body, and anything else with `shape`. */
export function composedOr(shape: ErrorShape): ErrorShape {
  return (err) => (err instanceof ComposedRejection ? err.body : shape(err));
}

/** An order's stored file as a download: streamed part by part, with its length and its name. */
export function fileDownload(deps: AppDeps, orderId: string, file: StoredFile): RouteResult {
  return {
    status: 200,
    contentType: file.contentType,
    headers: {
      'Content-Disposition': `attachment; filename=${file.name}`,
      'Content-Length': String(file.size),
    },
    body: Readable.from(storedFileParts(deps, orderId, file)),
  };
}
