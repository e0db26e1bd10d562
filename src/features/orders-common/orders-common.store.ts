import type { Selectable } from 'kysely';
import type { Dialect, Executor } from '../../platform/db/database.js';
import type { OrdersTable } from '../../platform/db/tables.js';

/**
 * Queries over the tables every kind of order shares: the order row, its numbers, history, notes,
 * events, and the order lists.
 */
export type OrderRow = Selectable<OrdersTable>;

export interface NewOrderRow {
  readonly id: string;
  readonly accountId: string;
  readonly kind: string;
  readonly status: string;
  readonly name?: string | undefined;
  readonly customerOrderId?: string | undefined;
  readonly siteId?: number | undefined;
  readonly sipPeerId?: number | undefined;
  readonly quantity: number;
  /** The kind's details, as JSON. */
  readonly details: string;
  readonly createdBy?: string | undefined;
  readonly createdAt: string;
}

export async function insertOrder(db: Executor, o: NewOrderRow): Promise<void> {
  await db
    .insertInto('orders')
    .values({
      id: o.id,
      account_id: o.accountId,
      kind: o.kind,
      status: o.status,
      name: o.name ?? null,
      customer_order_id: o.customerOrderId ?? null,
      site_id: o.siteId ?? null,
      sip_peer_id: o.sipPeerId ?? null,
      quantity: o.quantity,
      details: o.details,
      created_by: o.createdBy ?? null,
      created_at: o.createdAt,
      updated_at: o.createdAt,
      completed_at: null,
    })
    .execute();
}

/** The account's order of that kind; other accounts' orders do not exist for it. */
export async function findOrderRow(
  db: Executor,
  accountId: string,
  kind: string,
  id: string,
): Promise<OrderRow | undefined> {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

/** The account's order of the kind with this name (an LSR order's PON). */
export async function findOrderRowByName(
  db: Executor,
  accountId: string,
  kind: string,
  name: string,
): Promise<OrderRow | undefined> {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('kind', '=', kind)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** An order of the kind on whichever account it is (orders one kind opens on other accounts). */
export async function findOrderRowOfKind(
  db: Executor,
  kind: string,
  id: string,
): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('id', '=', id).where('kind', '=', kind).executeTakeFirst();
}

/**
 * Reads an order for change, in the caller's transaction: on PostgreSQL the row stays locked until
 * it ends, so a job run and a request that changes the order take turns instead of interleaving
 * (SQLite's single writer already serialises them).
 */
export async function lockOrderRow(
  db: Executor,
  dialect: Dialect,
  id: string,
): Promise<OrderRow | undefined> {
  const q = db.selectFrom('orders').selectAll().where('id', '=', id);
  return (dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
}

/** Moves the order to `to` only if it is still `from`; false when another writer moved it first. */
export async function updateOrderStatus(
  db: Executor,
  id: string,
  from: string,
  set: { status: string; updated_at: string; completed_at: string | null; details?: string },
): Promise<boolean> {
  const updated = await db
    .updateTable('orders')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export async function updateOrderFields(
  db: Executor,
  id: string,
  set: {
    name?: string | null;
    customer_order_id?: string | null;
    site_id?: number | null;
    sip_peer_id?: number | null;
    quantity?: number;
    details?: string;
    updated_at: string;
  },
): Promise<void> {
  await db.updateTable('orders').set(set).where('id', '=', id).execute();
}

/** Forgets what the order did to its numbers (a new round of it starts). */
export async function clearOrderNumbers(db: Executor, orderId: string): Promise<void> {
  await db.deleteFrom('order_numbers').where('order_id', '=', orderId).execute();
}

/** One number of an order: obtained (or disconnected, …), or failed with the error why. */
export interface OrderNumber {
  readonly tn: number;
  readonly outcome: 'completed' | 'failed';
  readonly errorCode?: number | undefined;
  readonly errorDescription?: string | undefined;
}

export async function insertOrderNumbers(
  db: Executor,
  orderId: string,
  numbers: readonly OrderNumber[],
  at: string,
): Promise<void> {
  // One row per number (the last word on it): a statement may not upsert the same key twice.
  const rows = [...new Map(numbers.map((n) => [n.tn, n])).values()];
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('order_numbers')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          order_id: orderId,
          tn: r.tn,
          outcome: r.outcome,
          error_code: r.errorCode ?? null,
          error_description: r.errorDescription ?? null,
          at,
        })),
      )
      // A number that failed on an earlier attempt of a backorder may succeed on a later one.
      .onConflict((oc) =>
        oc.columns(['order_id', 'tn']).doUpdateSet((eb) => ({
          outcome: eb.ref('excluded.outcome'),
          error_code: eb.ref('excluded.error_code'),
          error_description: eb.ref('excluded.error_description'),
          at: eb.ref('excluded.at'),
        })),
      )
      .execute();
  }
}

/** The orders that recorded a number (taken or failed): a list's `tn` filter. */
export async function ordersWithNumber(db: Executor, tn: number): Promise<string[]> {
  const rows = await db.selectFrom('order_numbers').select('order_id').where('tn', '=', tn).execute();
  return rows.map((r) => r.order_id);
}

export async function orderNumbers(db: Executor, orderId: string): Promise<OrderNumber[]> {
  const rows = await db
    .selectFrom('order_numbers')
    .select(['tn', 'outcome', 'error_code', 'error_description'])
    .where('order_id', '=', orderId)
    .orderBy('tn')
    .execute();
  return rows.map((r) => ({
    tn: r.tn,
    outcome: r.outcome,
    errorCode: r.error_code ?? undefined,
    errorDescription: r.error_description ?? undefined,
  }));
}

export async function countCompleted(db: Executor, orderId: string): Promise<number> {
  const row = await db
    .selectFrom('order_numbers')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('order_id', '=', orderId)
    .where('outcome', '=', 'completed')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface HistoryInsert {
  readonly orderId: string;
  readonly at: string;
  readonly status: string;
  readonly note?: string | undefined;
  readonly author?: string | undefined;
  readonly difference?: string | undefined;
}

export async function insertHistory(db: Executor, h: HistoryInsert): Promise<void> {
  await db
    .insertInto('order_history')
    .values({
      order_id: h.orderId,
      at: h.at,
      status: h.status,
      note: h.note ?? null,
      author: h.author ?? null,
      difference: h.difference ?? null,
    })
    .execute();
}

export async function orderHistory(db: Executor, orderId: string) {
  return db.selectFrom('order_history').selectAll().where('order_id', '=', orderId).orderBy('id').execute();
}

export interface EventInsert {
  readonly orderId: string;
  readonly accountId: string;
  readonly kind: string;
  readonly event: 'status' | 'note';
  readonly status: string;
  readonly message?: string | undefined;
  readonly at: string;
}

/** The outbox of order events that notifications are made from. */
export async function insertEvent(db: Executor, e: EventInsert): Promise<void> {
  await db
    .insertInto('order_events')
    .values({
      order_id: e.orderId,
      account_id: e.accountId,
      kind: e.kind,
      event: e.event,
      status: e.status,
      message: e.message ?? null,
      at: e.at,
    })
    .execute();
}

export async function insertNote(
  db: Executor,
  orderId: string,
  userId: string,
  description: string,
  at: string,
): Promise<number> {
  const row = await db
    .insertInto('order_notes')
    .values({ order_id: orderId, user_id: userId, description, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function orderNotes(db: Executor, orderId: string) {
  return db.selectFrom('order_notes').selectAll().where('order_id', '=', orderId).orderBy('id').execute();
}

export interface OrderListFilter {
  readonly accountId: string;
  readonly kind: string;
  readonly siteId?: number | undefined;
  readonly status?: string | undefined;
  readonly customerOrderId?: string | undefined;
  readonly userId?: string | undefined;
  readonly orderIds?: readonly string[] | undefined;
  readonly idPrefix?: string | undefined;
  /** The order's name (an LSR order's PON). */
  readonly name?: string | undefined;
  /** created_at in [from, before) */
  readonly from?: string | undefined;
  readonly before?: string | undefined;
  /** updated_at in [modifiedFrom, modifiedBefore) */
  readonly modifiedFrom?: string | undefined;
  readonly modifiedBefore?: string | undefined;
}

function filtered(db: Executor, f: OrderListFilter) {
  let q = db.selectFrom('orders').where('account_id', '=', f.accountId).where('kind', '=', f.kind);
  if (f.siteId !== undefined) q = q.where('site_id', '=', f.siteId);
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (f.customerOrderId !== undefined) q = q.where('customer_order_id', '=', f.customerOrderId);
  if (f.userId !== undefined) q = q.where('created_by', '=', f.userId);
  // An empty id list matches nothing (an `in ()` is not valid SQL).
  if (f.orderIds !== undefined) q = q.where('id', 'in', f.orderIds.length > 0 ? [...f.orderIds] : ['']);
  // Ids are lower-case UUIDs: a fragment of anything else matches nothing (and no LIKE wildcard gets in).
  if (f.idPrefix !== undefined) {
    q = q.where('id', 'like', /^[0-9a-f-]*$/.test(f.idPrefix) ? `${f.idPrefix}%` : '');
  }
  if (f.name !== undefined) q = q.where('name', '=', f.name);
  if (f.from !== undefined) q = q.where('created_at', '>=', f.from);
  if (f.before !== undefined) q = q.where('created_at', '<', f.before);
  if (f.modifiedFrom !== undefined) q = q.where('updated_at', '>=', f.modifiedFrom);
  if (f.modifiedBefore !== undefined) q = q.where('updated_at', '<', f.modifiedBefore);
  return q;
}

export async function countOrders(db: Executor, f: OrderListFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A page in (created_at, id) order, from the order `from` on; one extra row tells whether more follow. */
export async function listOrderRows(
  db: Executor,
  f: OrderListFilter,
  from: { readonly createdAt: string; readonly id: string } | undefined,
  limit: number,
): Promise<OrderRow[]> {
  let q = filtered(db, f).selectAll();
  if (from) {
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '>', from.createdAt),
        eb.and([eb('created_at', '=', from.createdAt), eb('id', '>=', from.id)]),
      ]),
    );
  }
  return q
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit + 1)
    .execute();
}

export interface NumberPlaceCount {
  readonly orderId: string;
  readonly state: string | null;
  readonly rateCenterId: number | null;
  readonly cityId: number | null;
  readonly tier: number;
  readonly vendorId: number;
  readonly count: number;
}

/** Completed numbers of the orders, counted by place, tier and vendor (list summaries). */
export async function countNumbersByPlace(
  db: Executor,
  orderIds: readonly string[],
): Promise<NumberPlaceCount[]> {
  if (orderIds.length === 0) return [];
  const rows = await db
    .selectFrom('order_numbers')
    .innerJoin('telephone_numbers', 'telephone_numbers.tn', 'order_numbers.tn')
    .select([
      'order_numbers.order_id as order_id',
      'telephone_numbers.state as state',
      'telephone_numbers.rate_center_id as rate_center_id',
      'telephone_numbers.city_id as city_id',
      'telephone_numbers.tier as tier',
      'telephone_numbers.vendor_id as vendor_id',
      (eb) => eb.fn.countAll<string | number>().as('n'),
    ])
    .where('order_numbers.order_id', 'in', [...orderIds])
    .where('order_numbers.outcome', '=', 'completed')
    .groupBy([
      'order_numbers.order_id',
      'telephone_numbers.state',
      'telephone_numbers.rate_center_id',
      'telephone_numbers.city_id',
      'telephone_numbers.tier',
      'telephone_numbers.vendor_id',
    ])
    .execute();
  return rows.map((r) => ({
    orderId: r.order_id,
    state: r.state,
    rateCenterId: r.rate_center_id,
    cityId: r.city_id,
    tier: r.tier,
    vendorId: r.vendor_id,
    count: Number(r.n),
  }));
}

/** Orders of a kind on every account, newest first (an operator's work queue). */
export async function listOrderRowsOfKind(
  db: Executor,
  kind: string,
  statuses: readonly string[] | undefined,
  limit: number,
  accountId?: string,
): Promise<OrderRow[]> {
  let q = db.selectFrom('orders').selectAll().where('kind', '=', kind);
  if (accountId !== undefined) q = q.where('account_id', '=', accountId);
  if (statuses !== undefined) q = q.where('status', 'in', statuses.length > 0 ? [...statuses] : ['']);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
