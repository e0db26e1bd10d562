import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { AppDeps } from '../../context.js';
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import type { DeliveriesTable } from '../../platform/db/tables.js';
import { subscribersOf, type Subscription } from '../subscriptions/index.js';
import { DeliveryPayload, type CallRequest, type OrderNotification } from './notification.js';
import {
  attemptsOf,
  findDelivery,
  insertDeliveries,
  insertReplay,
  listDeliveryRows,
  type AttemptRow,
  type DeliveryRow,
} from './notifications.store.js';

/** The order an event belongs to, as subscriptions name it. */
export interface EventOrder {
  readonly accountId: string;
  /** Bandwidth's subscription spelling: orders, disconnects, portins, … */
  readonly orderType: string;
  readonly orderId: string;
}

/** Where a delivery goes: the callback's host (sends to one host are limited together), or mail. */
export const MAIL_TARGET = 'mail';

function targetOf(s: Subscription): string {
  return s.callback ? new URL(s.callback.url).host.toLowerCase() : MAIL_TARGET;
}

/**
 * Makes an order event's deliveries, in the caller's transaction (the one that writes the event):
 * one per subscription of the account to the order's type (and to this order), by callback, by
 * e-mail, or held for the subscriber's daily digest. `build` is called only when someone listens.
 * Answers how many deliveries were made.
 */
export async function notifyOrderEvent(
  db: Executor,
  clock: Clock,
  order: EventOrder,
  build: () => Promise<OrderNotification>,
): Promise<number> {
  const now = clock.nowMs();
  const subscribers = await subscribersOf(db, order, now);
  if (subscribers.length === 0) return 0;
  const payload = JSON.stringify(DeliveryPayload.parse({ type: 'event', notification: await build() }));
  const createdAt = new Date(now).toISOString();
  const rows: Insertable<DeliveriesTable>[] = subscribers.map((s) => {
    const digest = s.email?.digest === 'DAILY';
    return {
      notification_id: randomUUID(),
      subscription_id: s.id,
      account_id: order.accountId,
      order_id: order.orderId,
      channel: s.callback ? 'callback' : digest ? 'digest' : 'email',
      target: targetOf(s),
      payload,
      status: digest ? 'held' : 'pending',
      attempts: 0,
      // Held items wait for the digest that follows the event.
      next_attempt_at: now,
      created_at: createdAt,
    };
  });
  await insertDeliveries(db, rows);
  return rows.length;
}

/** A call to make (see CallRequest), secrets in the clear: they are sealed here. */
export interface NewCall {
  readonly accountId: string;
  readonly orderId: string;
  readonly purpose: string;
  /** Calls of one sequence are sent one after another (a port-out's round): a new one never waits on an older. */
  readonly sequence: string;
  readonly url: string;
  readonly username?: string | undefined;
  readonly password?: string | undefined;
  readonly body: string;
  readonly timeoutMs: number;
  readonly attempts: number;
  readonly retryEveryMs: number;
  readonly answerTo: { readonly job: string; readonly payload: Record<string, unknown> };
}

/**
 * Requests a call, in the caller's transaction: the dispatcher makes it (outside any transaction),
 * records each attempt in the delivery log, and hands the answer to `answerTo.job`.
 */
export async function requestCall(deps: AppDeps, db: Executor, call: NewCall): Promise<void> {
  const now = deps.clock.nowMs();
  const payload: CallRequest = {
    type: 'call',
    purpose: call.purpose,
    url: call.url,
    username: call.username,
    password: call.password ? deps.secrets.seal(call.password) : undefined,
    body: call.body,
    timeoutMs: call.timeoutMs,
    attempts: call.attempts,
    retryEveryMs: call.retryEveryMs,
    answerTo: { job: call.answerTo.job, payload: call.answerTo.payload },
  };
  await insertDeliveries(db, [
    {
      notification_id: randomUUID(),
      subscription_id: `${call.purpose}:${call.sequence}`,
      account_id: call.accountId,
      order_id: call.orderId,
      channel: 'call',
      target: new URL(call.url).host.toLowerCase(),
      payload: JSON.stringify(DeliveryPayload.parse(payload)),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      created_at: new Date(now).toISOString(),
    },
  ]);
}

/** A delivery as the log shows it. */
export interface Delivery {
  readonly id: number;
  readonly notificationId: string;
  readonly subscriptionId: string;
  readonly accountId: string;
  readonly orderId: string;
  readonly channel: DeliveryRow['channel'];
  readonly target: string;
  readonly status: DeliveryRow['status'];
  readonly attempts: number;
  readonly nextAttemptAt: string | undefined;
  readonly lastError: string | undefined;
  readonly replayOf: number | undefined;
  readonly createdAt: string;
  readonly finishedAt: string | undefined;
  readonly payload: DeliveryPayload;
}

export interface DeliveryAttempt {
  readonly attempt: number;
  readonly at: string;
  readonly target: string;
  readonly statusCode: number | undefined;
  readonly durationMs: number;
  readonly outcome: AttemptRow['outcome'];
  readonly error: string | undefined;
  readonly responseExcerpt: string | undefined;
}

export function deliveryOf(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    notificationId: row.notification_id,
    subscriptionId: row.subscription_id,
    accountId: row.account_id,
    orderId: row.order_id,
    channel: row.channel,
    target: row.target,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? new Date(row.next_attempt_at).toISOString() : undefined,
    lastError: row.last_error ?? undefined,
    replayOf: row.replay_of ?? undefined,
    createdAt: row.created_at,
    finishedAt: row.finished_at ?? undefined,
    payload: DeliveryPayload.parse(JSON.parse(row.payload)),
  };
}

export async function listDeliveries(
  deps: AppDeps,
  filter: {
    subscriptionId?: string | undefined;
    failedOnly?: boolean | undefined;
    limit?: number | undefined;
  } = {},
): Promise<Delivery[]> {
  const rows = await listDeliveryRows(deps.database.db, {
    subscriptionId: filter.subscriptionId?.toLowerCase(),
    failedOnly: filter.failedOnly,
    limit: filter.limit ?? 100,
  });
  return rows.map(deliveryOf);
}

export async function deliveryWithAttempts(
  deps: AppDeps,
  id: number,
): Promise<{ delivery: Delivery; attempts: DeliveryAttempt[] } | undefined> {
  const row = await findDelivery(deps.database.db, id);
  if (!row) return undefined;
  const attempts = await attemptsOf(deps.database.db, id);
  return {
    delivery: deliveryOf(row),
    attempts: attempts.map((a) => ({
      attempt: a.attempt,
      at: a.at,
      target: a.target,
      statusCode: a.status_code ?? undefined,
      durationMs: a.duration_ms,
      outcome: a.outcome,
      error: a.error ?? undefined,
      responseExcerpt: a.response_excerpt ?? undefined,
    })),
  };
}

/**
 * A new delivery of the same notification (same X-Notification-Id, so a receiver that did get it
 * can tell), due now. Held digest items cannot be replayed one by one: their digest can.
 */
export async function replayDelivery(deps: AppDeps, id: number): Promise<Delivery> {
  const db = deps.database.db;
  const row = await findDelivery(db, id);
  if (!row) throw new Error(`no delivery ${id}`);
  if (row.channel === 'digest') throw new Error(`delivery ${id} is a digest item; replay its digest e-mail`);
  if (row.channel === 'call') throw new Error(`delivery ${id} is a call whose answer was already used`);
  const now = deps.clock.nowMs();
  const inserted = await insertReplay(db, row, new Date(now).toISOString(), now);
  return deliveryOf(inserted);
}
