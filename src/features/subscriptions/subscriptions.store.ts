import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { SubscriptionsTable } from '../../platform/db/tables.js';

/** The queries of subscriptions. */
export type SubscriptionRow = Selectable<SubscriptionsTable>;

export async function insertSubscription(db: Executor, row: Insertable<SubscriptionsTable>): Promise<void> {
  await db.insertInto('subscriptions').values(row).execute();
}

export async function updateSubscriptionRow(
  db: Executor,
  id: string,
  values: Updateable<SubscriptionsTable>,
): Promise<boolean> {
  const r = await db.updateTable('subscriptions').set(values).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteSubscriptionRow(db: Executor, accountId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('subscriptions')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function findSubscriptionRow(
  db: Executor,
  id: string,
  accountId?: string,
): Promise<SubscriptionRow | undefined> {
  let q = db.selectFrom('subscriptions').selectAll().where('id', '=', id);
  if (accountId !== undefined) q = q.where('account_id', '=', accountId);
  return q.executeTakeFirst();
}

export async function listSubscriptionRows(
  db: Executor,
  accountId: string,
  filter: { orderType?: string | undefined; orderId?: string | undefined },
): Promise<SubscriptionRow[]> {
  let q = db.selectFrom('subscriptions').selectAll().where('account_id', '=', accountId);
  if (filter.orderType !== undefined) q = q.where('order_type', '=', filter.orderType);
  if (filter.orderId !== undefined) q = q.where('order_id', '=', filter.orderId);
  return q.orderBy('created_at').orderBy('id').execute();
}

/** Another subscription of the account to the same order type, order and target. */
export async function findSameTarget(
  db: Executor,
  s: {
    accountId: string;
    orderType: string;
    orderId: string | null;
    url: string | null;
    email: string | null;
  },
  exceptId?: string,
): Promise<boolean> {
  let q = db
    .selectFrom('subscriptions')
    .select('id')
    .where('account_id', '=', s.accountId)
    .where('order_type', '=', s.orderType);
  q = s.orderId === null ? q.where('order_id', 'is', null) : q.where('order_id', '=', s.orderId);
  q = s.url === null ? q.where('url', 'is', null) : q.where('url', '=', s.url);
  q = s.email === null ? q.where('email', 'is', null) : q.where('email', '=', s.email);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** The subscriptions an event of the account's order notifies: of its type, for every order or this one. */
export async function subscriptionsForOrder(
  db: Executor,
  accountId: string,
  orderType: string,
  orderId: string,
  nowMs: number,
): Promise<SubscriptionRow[]> {
  return db
    .selectFrom('subscriptions')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('order_type', '=', orderType)
    .where((eb) => eb.or([eb('order_id', 'is', null), eb('order_id', '=', orderId)]))
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', nowMs)]))
    .orderBy('id')
    .execute();
}
