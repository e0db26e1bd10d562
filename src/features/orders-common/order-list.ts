import type { AppDeps } from '../../context.js';
import { ApiError } from '../../platform/http/api-error.js';
import type { DateRange } from '../../platform/http/query.js';
import { VENDORS } from '../../shared/tn-status.js';
import { findOrder, orderOf, type OrderKind } from './order-kind.js';
import { statesOf } from './order-machine.js';
import { OrderCommonErrors } from './orders-common.errors.js';
import {
  countNumbersByPlace,
  countOrders,
  listOrderRows,
  type OrderListFilter,
  type OrderRow,
} from './orders-common.store.js';

/**
 * The order lists (`/orders`, `/disconnects`, a site's `/orders`, and the kinds to come): pages in
 * creation order, addressed by the id of the order that starts the page (contract §7), each entry
 * summarising the order's numbers by state, rate centre, city, tier and vendor.
 */
export interface OrderListQuery {
  readonly accountId: string;
  readonly siteId?: number | undefined;
  /** A status of the kind's machine, in any case. */
  readonly status?: string | undefined;
  readonly customerOrderId?: string | undefined;
  readonly userId?: string | undefined;
  readonly dates?: DateRange | undefined;
  /** Last modified within these days. */
  readonly modified?: DateRange | undefined;
  /** Only these orders (a filter another table answers, such as a port-in's numbers). */
  readonly orderIds?: readonly string[] | undefined;
  /** Orders whose id starts with this (orderIdFragment, a port-in's PON). */
  readonly idPrefix?: string | undefined;
  /** Orders of this name (an LSR order's PON). */
  readonly name?: string | undefined;
  /** "1" or absent for the first page, else the id of the order that starts the page. */
  readonly page?: string | undefined;
  readonly size: number;
}

export interface NumberPlaceSummary {
  readonly states: readonly { readonly state: string; readonly count: number }[];
  readonly rateCenters: readonly { readonly rateCenter: string; readonly count: number }[];
  readonly cities: readonly { readonly city: string; readonly count: number }[];
  readonly tiers: readonly { readonly tier: number; readonly count: number }[];
  readonly vendors: readonly {
    readonly vendorId: number;
    readonly vendorName: string | undefined;
    readonly count: number;
  }[];
}

/** One entry of a list: the order's common columns, its details, and its numbers summarised. */
export interface OrderSummary<D = unknown> {
  readonly id: string;
  readonly status: string;
  readonly customerOrderId: string | undefined;
  /** The order's name (a new-number order's Name, an LSR order's PON). */
  readonly name: string | undefined;
  readonly createdBy: string | undefined;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The numbers the order named or asked for. */
  readonly quantity: number;
  readonly details: D;
  readonly countOfTns: number;
  readonly numbers: NumberPlaceSummary;
}

export interface OrderPage<D = unknown> {
  readonly total: number;
  readonly entries: readonly OrderSummary<D>[];
  /** The id of the order that starts the next page, if there is one. */
  readonly nextId: string | undefined;
}

export async function listOrderPage<S extends string, D>(
  deps: AppDeps,
  kind: OrderKind<S, D>,
  q: OrderListQuery,
): Promise<OrderPage<D>> {
  const db = deps.database.db;
  const statuses: readonly string[] = statesOf(kind.machine);
  const status = q.status?.toUpperCase();
  if (status !== undefined && !statuses.includes(status)) {
    throw ApiError.of(OrderCommonErrors.orderListStatusInvalid, status, statuses.join(', '));
  }
  const filter: OrderListFilter = {
    accountId: q.accountId,
    kind: kind.name,
    siteId: q.siteId,
    status,
    customerOrderId: q.customerOrderId,
    userId: q.userId,
    orderIds: q.orderIds,
    idPrefix: q.idPrefix?.toLowerCase(),
    name: q.name,
    from: q.dates?.from,
    before: q.dates?.before,
    modifiedFrom: q.modified?.from,
    modifiedBefore: q.modified?.before,
  };
  let start: { createdAt: string; id: string } | undefined;
  if (q.page !== undefined && q.page !== '1') {
    const order = await findOrder(db, kind, q.accountId, q.page);
    if (!order) throw ApiError.of(OrderCommonErrors.orderListPageInvalid, q.page);
    start = { createdAt: order.createdAt, id: order.id };
  }
  const rows = await listOrderRows(db, filter, start, q.size);
  const page = rows.slice(0, q.size);
  return {
    total: page.length === 0 ? 0 : await countOrders(db, filter),
    entries: await summarise(deps, kind, page),
    nextId: rows[q.size]?.id,
  };
}

/** Counts by key, sorted by key. */
function tally<T, K extends string | number>(
  items: readonly T[],
  key: (item: T) => K | undefined,
  count: (item: T) => number,
): [K, number][] {
  const out = new Map<K, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) out.set(k, (out.get(k) ?? 0) + count(item));
  }
  return [...out.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

async function summarise<S extends string, D>(
  deps: AppDeps,
  kind: OrderKind<S, D>,
  rows: readonly OrderRow[],
): Promise<OrderSummary<D>[]> {
  const cov = deps.coverage;
  const counts = await countNumbersByPlace(
    deps.database.db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const mine = counts.filter((c) => c.orderId === row.id);
    const n = (c: (typeof mine)[number]) => c.count;
    return {
      id: row.id,
      status: row.status,
      customerOrderId: row.customer_order_id ?? undefined,
      name: row.name ?? undefined,
      createdBy: row.created_by ?? undefined,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      quantity: row.quantity,
      details: orderOf(kind, row).details,
      countOfTns: mine.reduce((sum, c) => sum + c.count, 0),
      numbers: {
        states: tally(mine, (c) => c.state ?? undefined, n).map(([state, count]) => ({ state, count })),
        rateCenters: tally(mine, (c) => cov.rateCenter(c.rateCenterId)?.abbreviation, n).map(
          ([rateCenter, count]) => ({ rateCenter, count }),
        ),
        cities: tally(mine, (c) => cov.city(c.cityId)?.name, n).map(([city, count]) => ({ city, count })),
        tiers: tally(mine, (c) => c.tier, n).map(([tier, count]) => ({ tier, count })),
        vendors: tally(mine, (c) => c.vendorId, n).map(([vendorId, count]) => ({
          vendorId,
          vendorName: VENDORS[vendorId],
          count,
        })),
      },
    };
  });
}
