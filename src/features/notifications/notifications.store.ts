import type { Insertable, Selectable } from 'kysely';
import { wallClockMs } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import type { DeliveriesTable, DeliveryAttemptsTable, DeliveryStatus } from '../../platform/db/tables.js';

/** The queries of deliveries and the delivery log. */
export type DeliveryRow = Selectable<DeliveriesTable>;
export type AttemptRow = Selectable<DeliveryAttemptsTable>;

export async function insertDeliveries(db: Executor, rows: Insertable<DeliveriesTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('deliveries').values(rows).execute();
}

/**
 * Deliveries that may be sent now, oldest first: pending and due, or being sent by a process whose
 * lease ran out; never one while an earlier delivery of the same order to the same subscriber is
 * still open, so one order's notifications reach a subscriber in the order its events happened.
 */
export async function dueDeliveries(
  db: Executor,
  r: { businessNow: number; skipTargets: readonly string[]; limit: number },
): Promise<Pick<DeliveryRow, 'id' | 'target'>[]> {
  let q = db
    .selectFrom('deliveries as d')
    .select(['d.id', 'd.target'])
    .where((eb) =>
      eb.or([
        eb.and([eb('d.status', '=', 'pending'), eb('d.next_attempt_at', '<=', r.businessNow)]),
        eb.and([eb('d.status', '=', 'sending'), eb('d.lease_until', '<', wallClockMs())]),
      ]),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('deliveries as e')
            .select('e.id')
            .whereRef('e.subscription_id', '=', 'd.subscription_id')
            .whereRef('e.order_id', '=', 'd.order_id')
            .whereRef('e.id', '<', 'd.id')
            .where('e.status', 'in', ['pending', 'sending']),
        ),
      ),
    );
  if (r.skipTargets.length > 0) q = q.where('d.target', 'not in', [...r.skipTargets]);
  return q.orderBy('d.id').limit(r.limit).execute();
}

/**
 * Takes deliveries for `worker`, in one statement: their attempt counts go up and they are leased
 * until `leaseUntil` (wall clock). The status is checked again in the update, so of two processes
 * reaching for the same delivery only one takes it; the others are simply not returned.
 */
export async function claimDeliveries(
  db: Executor,
  ids: readonly number[],
  r: { businessNow: number; worker: string; leaseUntil: number },
): Promise<DeliveryRow[]> {
  if (ids.length === 0) return [];
  return db
    .updateTable('deliveries')
    .set((eb) => ({
      status: 'sending',
      leased_by: r.worker,
      lease_until: r.leaseUntil,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', 'in', [...ids])
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', r.businessNow)]),
        eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', wallClockMs())]),
      ]),
    )
    .returningAll()
    .execute();
}

/** Keeps this worker's lease on a delivery until `until` (wall clock), if it still holds it. */
export async function extendLease(
  db: Executor,
  d: Pick<DeliveryRow, 'id' | 'attempts'>,
  worker: string,
  until: number,
): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({ lease_until: until })
    .where('id', '=', d.id)
    .where('leased_by', '=', worker)
    .where('attempts', '=', d.attempts)
    .execute();
}

/** Records the end of this worker's attempt; false when its lease was lost meanwhile. */
export async function finishDelivery(
  db: Executor,
  d: Pick<DeliveryRow, 'id' | 'attempts'>,
  worker: string,
  f: { status: DeliveryStatus; nextAttemptAt?: number; finishedAt: string | null; error: string | null },
): Promise<boolean> {
  const r = await db
    .updateTable('deliveries')
    .set({
      status: f.status,
      ...(f.nextAttemptAt === undefined ? {} : { next_attempt_at: f.nextAttemptAt }),
      finished_at: f.finishedAt,
      last_error: f.error,
      leased_by: null,
      lease_until: null,
    })
    .where('id', '=', d.id)
    .where('leased_by', '=', worker)
    .where('attempts', '=', d.attempts)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertAttempt(db: Executor, a: Insertable<DeliveryAttemptsTable>): Promise<void> {
  await db.insertInto('delivery_attempts').values(a).execute();
}

/** Subscriptions with digest items held from before `before` (business epoch ms). */
export async function subscriptionsWithHeldItems(db: Executor, before: number): Promise<string[]> {
  const rows = await db
    .selectFrom('deliveries')
    .select('subscription_id')
    .distinct()
    .where('status', '=', 'held')
    .where('next_attempt_at', '<', before)
    .execute();
  return rows.map((r) => r.subscription_id);
}

/** Marks a subscription's held items from before `before` as digested, answering those it took. */
export async function takeHeldItems(
  db: Executor,
  subscriptionId: string,
  before: number,
  finishedAt: string,
): Promise<Pick<DeliveryRow, 'id' | 'account_id' | 'payload' | 'notification_id'>[]> {
  return db
    .updateTable('deliveries')
    .set({ status: 'digested', finished_at: finishedAt })
    .where('subscription_id', '=', subscriptionId)
    .where('status', '=', 'held')
    .where('next_attempt_at', '<', before)
    .returning(['id', 'account_id', 'payload', 'notification_id'])
    .execute();
}

/** A new delivery of a delivery's notification, due at `dueAt`. */
export async function insertReplay(
  db: Executor,
  of: DeliveryRow,
  createdAt: string,
  dueAt: number,
): Promise<DeliveryRow> {
  return db
    .insertInto('deliveries')
    .values({
      notification_id: of.notification_id,
      subscription_id: of.subscription_id,
      account_id: of.account_id,
      order_id: of.order_id,
      channel: of.channel,
      target: of.target,
      payload: of.payload,
      status: 'pending',
      attempts: 0,
      next_attempt_at: dueAt,
      replay_of: of.id,
      created_at: createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findDelivery(db: Executor, id: number): Promise<DeliveryRow | undefined> {
  return db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function attemptsOf(db: Executor, deliveryId: number): Promise<AttemptRow[]> {
  return db
    .selectFrom('delivery_attempts')
    .selectAll()
    .where('delivery_id', '=', deliveryId)
    .orderBy('id')
    .execute();
}

export async function listDeliveryRows(
  db: Executor,
  f: { subscriptionId?: string | undefined; failedOnly?: boolean | undefined; limit: number },
): Promise<DeliveryRow[]> {
  let q = db.selectFrom('deliveries').selectAll();
  if (f.subscriptionId !== undefined) q = q.where('subscription_id', '=', f.subscriptionId);
  if (f.failedOnly) q = q.where('status', '=', 'failed');
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

/** An order's calls still waiting to be made end as cancelled. */
export async function cancelPendingCalls(db: Executor, orderId: string, finishedAt: string): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({
      status: 'cancelled',
      finished_at: finishedAt,
      last_error: 'withdrawn: the request changed or ended',
    })
    .where('order_id', '=', orderId)
    .where('channel', '=', 'call')
    .where('status', '=', 'pending')
    .execute();
}

/** Open deliveries of a deleted subscription end as cancelled. */
export async function cancelOpenDeliveries(
  db: Executor,
  subscriptionId: string,
  finishedAt: string,
): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({ status: 'cancelled', finished_at: finishedAt, last_error: 'subscription deleted' })
    .where('subscription_id', '=', subscriptionId)
    .where('status', 'in', ['pending', 'held'])
    .execute();
}

/** Deletes finished deliveries, and their attempts, finished before `before` (ISO). */
export async function pruneDeliveries(db: Executor, before: string): Promise<void> {
  const old = db
    .selectFrom('deliveries')
    .select('id')
    .where('status', 'in', ['delivered', 'failed', 'digested', 'cancelled'])
    .where('finished_at', '<', before);
  await db.deleteFrom('delivery_attempts').where('delivery_id', 'in', old).execute();
  await db
    .deleteFrom('deliveries')
    .where('status', 'in', ['delivered', 'failed', 'digested', 'cancelled'])
    .where('finished_at', '<', before)
    .execute();
}
