import type { AppDeps } from '../../context.js';
import { ApiError } from '../../platform/http/api-error.js';
import { responseStatusShape, type ErrorShape } from '../../platform/http/error-shapes.js';
import { LinksXml, pageLinks, type PageLinks } from '../../platform/http/paging.js';
import { x, type Out } from '../../platform/xml/schema.js';
import { VENDORS } from '../inventory/tn-status.js';
import { param, parseDateRange, parseSize, type Query } from '../../platform/http/query.js';
import {
  countNumbersByPlace,
  countOrders,
  findOrder,
  listOrders,
  type OrderListFilter,
  type OrderRow,
} from './order-records.store.js';
import { OrderCommonErrors } from './orders-common.errors.js';

/**
 * The order lists (`/orders`, `/disconnects`, a site's `/orders`): `ResponseSelectWrapper` pages in
 * creation order, addressed by the id of the order that starts the page (contract §7), each entry
 * summarising the order's numbers by state, rate centre, city, tier and vendor.
 */
export const TelephoneNumberDetailsXml = x.object({
  States: x.list('StateWithCount', x.object({ State: x.text(), Count: x.text() }), 'omit'),
  RateCenters: x.list('RateCenterWithCount', x.object({ Count: x.text(), RateCenter: x.text() }), 'omit'),
  Cities: x.list('CityWithCount', x.object({ City: x.text(), Count: x.text() }), 'omit'),
  Tiers: x.list('TierWithCount', x.object({ Tier: x.text(), Count: x.text() }), 'omit'),
  Vendors: x.list(
    'VendorWithCount',
    x.object({ VendorId: x.text(), VendorName: x.text(), Count: x.text() }),
    'omit',
  ),
});

type Details = NonNullable<Out<typeof TelephoneNumberDetailsXml>>;

/** A list of orders whose entries have the given fields (each list documents its own casing and order). */
export function orderListXml<
  F extends Record<string, ReturnType<typeof x.text> | typeof TelephoneNumberDetailsXml>,
>(entry: F) {
  return x.root('ResponseSelectWrapper', {
    ListOrderIdUserIdDate: x.object({
      TotalCount: x.text(),
      Links: LinksXml,
      OrderIdUserIdDate: x.repeated(x.object(entry)),
    }),
  });
}

const listStatusShape = responseStatusShape('ResponseSelectWrapper');

/**
 * Errors of the order lists: bad parameters (and "none" where it is a 404) have no body, as
 * documented; refused credentials or access still say why.
 */
export const orderListErrorShape: ErrorShape = (err) =>
  err.status === 400 || err.status === 404 ? null : listStatusShape(err);

/** 404 of lists documented to answer "none" with a bare `<Links>` (disconnects, site orders). */
export const NoOrdersXml = x.root('Links', { first: x.text() });

/** Everything an entry of any order list may show; each list's declaration picks its fields. */
export interface OrderSummary {
  readonly row: OrderRow;
  readonly countOfTns: number;
  readonly details: Details;
}

export interface OrderPage {
  readonly total: number;
  readonly entries: readonly OrderSummary[];
  readonly links: PageLinks;
}

export interface OrderListRequest {
  readonly filter: Omit<OrderListFilter, 'status' | 'customerOrderId' | 'userId' | 'from' | 'before'>;
  /** Statuses the `status` filter accepts (upper case). */
  readonly statuses: readonly string[];
  /** Absolute URL of the list, for the paging links. */
  readonly linkBase: string;
  /** Query names echoed in the links, as the endpoint spells them. */
  readonly echoed: readonly string[];
  readonly defaultSize: number;
}

/** Bad list parameters: "400 (no body); 404 (no body)" — Bandwidth answers 404 and an empty body. */
function badQuery(err: unknown): never {
  if (err instanceof ApiError) throw new ApiError(404, err.code, err.description);
  throw err;
}

export async function listOrderPage(deps: AppDeps, query: Query, req: OrderListRequest): Promise<OrderPage> {
  const db = deps.database.db;
  let filter: OrderListFilter;
  let size: number;
  try {
    size = parseSize(param(query, 'size'), req.defaultSize);
    const statusText = param(query, 'status')?.toUpperCase();
    if (statusText !== undefined && !req.statuses.includes(statusText)) {
      throw ApiError.of(OrderCommonErrors.orderListStatusInvalid, statusText, req.statuses.join(', '));
    }
    const dates = parseDateRange(param(query, 'startdate'), param(query, 'enddate'));
    filter = {
      ...req.filter,
      status: statusText,
      customerOrderId: param(query, 'customerorderid'),
      userId: param(query, 'userid'),
      from: dates?.from,
      before: dates?.before,
    };
  } catch (err) {
    badQuery(err);
  }
  const pageKey = param(query, 'page');
  let start: OrderRow | undefined;
  if (pageKey !== undefined && pageKey !== '1') {
    start = await findOrder(db, req.filter.accountId, req.filter.kind, pageKey.toLowerCase());
    if (!start) badQuery(ApiError.of(OrderCommonErrors.orderListPageInvalid, pageKey));
  }
  const rows = await listOrders(db, filter, start && { createdAt: start.created_at, id: start.id }, size);
  const page = rows.slice(0, size);
  const next = rows[size];
  const echoed = Object.fromEntries(req.echoed.map((name) => [name, param(query, name.toLowerCase())]));
  return {
    total: page.length === 0 ? 0 : await countOrders(db, filter),
    entries: await summarise(deps, page),
    links: pageLinks(req.linkBase, echoed, size, next?.id),
  };
}

async function summarise(deps: AppDeps, rows: readonly OrderRow[]): Promise<OrderSummary[]> {
  const cov = deps.coverage;
  const counts = await countNumbersByPlace(
    deps.database.db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const mine = counts.filter((c) => c.orderId === row.id);
    const tally = <K extends string | number>(key: (c: (typeof mine)[number]) => K | undefined) => {
      const out = new Map<K, number>();
      for (const c of mine) {
        const k = key(c);
        if (k !== undefined) out.set(k, (out.get(k) ?? 0) + c.count);
      }
      return [...out.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    };
    return {
      row,
      countOfTns: mine.reduce((n, c) => n + c.count, 0),
      details: {
        States: tally((c) => c.state ?? undefined).map(([State, Count]) => ({ State, Count })),
        RateCenters: tally((c) => cov.rateCenter(c.rateCenterId)?.abbreviation).map(
          ([RateCenter, Count]) => ({
            Count,
            RateCenter,
          }),
        ),
        Cities: tally((c) => cov.city(c.cityId)?.name).map(([City, Count]) => ({ City, Count })),
        Tiers: tally((c) => c.tier).map(([Tier, Count]) => ({ Tier, Count })),
        Vendors: tally((c) => c.vendorId).map(([VendorId, Count]) => ({
          VendorId,
          VendorName: VENDORS[VendorId],
          Count,
        })),
      },
    };
  });
}
