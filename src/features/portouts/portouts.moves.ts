import type { AppDeps } from '../../context.js';
import type { Tx } from '../../platform/db/transaction.js';
import { releasePortedOut, type OrderRef } from '../inventory/index.js';
import { withdrawCalls } from '../notifications/index.js';
import {
  insertOrderNumbers,
  recordHistory,
  transition,
  updateOrderFields,
  type OrderNumber,
} from '../orders-common/index.js';
import {
  addBusinessDays,
  easternDay,
  focInstantOf,
  isBusinessDay,
  portingCalendar,
} from '../porting-calendar/index.js';
import { clearNumberSettings, withFeaturesRemoved } from '../sip-peer-tns/index.js';
import { PortOutErrors } from './portouts.errors.js';
import { PORT_OUTS, type PortOutDetails, type PortOutError, type PortOutOrder } from './portouts.kind.js';
import { numbersOfPortOut, releasePortOutNumbers } from './portouts.store.js';

/**
 * How a port-out moves, each in the caller's transaction: shared by its jobs, the LSR orders that
 * ask for it, internal port-ins, and the operator's CLI. Only `transition()` changes its status.
 */

/** Told, in the same transaction, of every move a job makes (an LSR order settles its status). */
export type PortOutMoved = (deps: AppDeps, tx: Tx, portOutId: string) => Promise<void>;

export const PORT_OUT_ORDER_TYPE = 'PORT_OUT_ORDER';

/** The port-out's jobs (portouts.jobs.ts), enqueued by name from the moves that need them. */
export const VALIDATE_JOB = 'portouts.validate';
export const ANSWER_JOB = 'portouts.validation-answer';
export const COMPLETE_JOB = 'portouts.complete';

const changed = (order: PortOutOrder, d: Partial<PortOutDetails>): PortOutDetails => ({
  ...order.details,
  ...d,
});

/** Queues the owner's validation of the port-out's current round. */
export async function queueValidation(deps: AppDeps, tx: Tx, order: PortOutOrder): Promise<void> {
  await deps.jobs.enqueueNamed(tx, VALIDATE_JOB, { orderId: order.id, round: order.details.round });
}

/**
 * The FOC date of an approved port-out: the date asked for, unless it has passed or is not a
 * business day; then the next business day.
 */
async function focDayOf(deps: AppDeps, tx: Tx, requested: string): Promise<string> {
  const cal = await portingCalendar(deps, tx.db);
  const today = easternDay(deps.clock.nowMs());
  return requested >= today && isBusinessDay(cal, requested) ? requested : addBusinessDays(cal, today, 1);
}

/** The owner approved: FOC, and the numbers leave at the FOC time of that date. */
export async function approve(
  deps: AppDeps,
  tx: Tx,
  order: PortOutOrder,
  note: string,
  author: string,
  focDay?: string,
): Promise<void> {
  const day = focDay ?? (await focDayOf(deps, tx, order.details.requestedFocDate));
  await transition(
    tx.db,
    deps.clock,
    PORT_OUTS,
    order,
    'FOC',
    { note: `${note}; FOC date ${day}`, author },
    changed(order, { actualFocDate: day, errors: undefined }),
  );
  if (order.details.source !== 'internal') {
    await deps.jobs.enqueueNamed(
      tx,
      COMPLETE_JOB,
      { orderId: order.id, round: order.details.round },
      { runAt: Math.max(deps.clock.nowMs(), Date.parse(focInstantOf(day))) },
    );
  }
}

/** The FOC date moved (an internal port-in confirmed again for another day): the port-out follows it. */
export async function moveFoc(
  deps: AppDeps,
  tx: Tx,
  order: PortOutOrder,
  day: string,
  author: string,
): Promise<void> {
  await updateOrderFields(tx.db, order.id, {
    details: JSON.stringify(PORT_OUTS.details.parse(changed(order, { actualFocDate: day }))),
    updated_at: deps.clock.now().toISOString(),
  });
  await recordHistory(tx.db, deps.clock, order.id, order.status, {
    note: 'FOC date moved',
    author,
    difference: `ActualFocDate : "${order.details.actualFocDate ?? ''}" --> ${day}`,
  });
}

/** The owner (or the system) refused: VALIDATION_FAILED_NEW or _SUPP, with the reasons. */
export async function refuse(
  deps: AppDeps,
  tx: Tx,
  order: PortOutOrder,
  errors: readonly PortOutError[],
  author: string,
  note?: string,
): Promise<void> {
  const to = order.status === 'NEW' ? 'VALIDATION_FAILED_NEW' : 'VALIDATION_FAILED_SUPP';
  const why = note ?? `Refused: ${errors.map((e) => `${e.code} ${e.description}`).join('; ')}`;
  await transition(
    tx.db,
    deps.clock,
    PORT_OUTS,
    order,
    to,
    { note: why, author },
    changed(order, { errors: [...errors], actualFocDate: undefined }),
  );
}

/** The request changed (a SUPP): a new round, validated again. */
export async function supp(
  deps: AppDeps,
  tx: Tx,
  order: PortOutOrder,
  changes: Partial<Pick<PortOutDetails, 'spid' | 'requestedFocDate' | 'validation'>>,
  author: string,
): Promise<void> {
  const round = order.details.round + 1;
  await transition(
    tx.db,
    deps.clock,
    PORT_OUTS,
    order,
    'SUPP',
    { note: 'Supp received', author },
    changed(order, { ...changes, round, errors: undefined, actualFocDate: undefined }),
  );
  await withdrawCalls(tx.db, order.id, deps.clock.now().toISOString());
  await queueValidation(deps, tx, { ...order, details: { ...order.details, round } });
}

export async function cancel(deps: AppDeps, tx: Tx, order: PortOutOrder, note: string, author: string) {
  await transition(tx.db, deps.clock, PORT_OUTS, order, 'CANCELLED', { note, author });
  await withdrawCalls(tx.db, order.id, deps.clock.now().toISOString());
  await releasePortOutNumbers(tx.db, order.id);
}

/**
 * The FOC date has come: the numbers still in service on the owner's account leave it (out of its
 * site and SIP peer, their settings removed, ported out to the winning SPID) and the port-out is
 * COMPLETE; when none can leave (they left service meanwhile) it is EXCEPTION.
 */
export async function complete(deps: AppDeps, tx: Tx, order: PortOutOrder, author: string): Promise<void> {
  const tns = await numbersOfPortOut(tx.db, order.id);
  const ref: OrderRef = {
    id: order.id,
    type: PORT_OUT_ORDER_TYPE,
    createdAt: order.createdAt,
    status: 'COMPLETE',
  };
  const spid = order.details.spid;
  const result = await releasePortedOut(tx.db, deps.clock, tns, {
    accountId: order.accountId,
    portedTo: spid,
    order: ref,
    userId: author,
  });
  const featuresRemoved = await clearNumberSettings(tx.db, result.changed);
  const e = PortOutErrors.notActive;
  const now = deps.clock.now().toISOString();
  await insertOrderNumbers(
    tx.db,
    order.id,
    [
      ...result.changed.map((tn): OrderNumber => ({ tn, outcome: 'completed' })),
      ...result.refused.map((tn): OrderNumber => ({
        tn,
        outcome: 'failed',
        errorCode: e.code,
        errorDescription: e.template,
      })),
    ],
    now,
  );
  if (result.changed.length === 0) {
    await transition(
      tx.db,
      deps.clock,
      PORT_OUTS,
      order,
      'EXCEPTION',
      { note: 'No number could be ported out: none is in service on the account any more', author },
      changed(order, { errors: [{ code: e.code, description: e.template, tns: [...result.refused] }] }),
    );
    // None of them is in service here any more: nothing to hold them against.
    await releasePortOutNumbers(tx.db, order.id);
    return;
  }
  const errors =
    result.refused.length > 0
      ? [{ code: e.code, description: e.template, tns: [...result.refused] }]
      : undefined;
  await transition(
    tx.db,
    deps.clock,
    PORT_OUTS,
    order,
    'COMPLETE',
    {
      note: withFeaturesRemoved(
        `Ported out to SPID ${spid}: ${result.changed.length} of ${tns.length} numbers`,
        featuresRemoved,
      ),
      author,
    },
    changed(order, { errors }),
  );
  await releasePortOutNumbers(tx.db, order.id);
}

/** A port-out whose numbers an internal port-in moved itself: COMPLETE, the numbers recorded. */
export async function recordInternalCompletion(
  deps: AppDeps,
  tx: Tx,
  order: PortOutOrder,
  moved: readonly number[],
  author: string,
): Promise<void> {
  const now = deps.clock.now().toISOString();
  await insertOrderNumbers(
    tx.db,
    order.id,
    moved.map((tn): OrderNumber => ({ tn, outcome: 'completed' })),
    now,
  );
  await transition(tx.db, deps.clock, PORT_OUTS, order, 'COMPLETE', {
    note: `Ported out by an internal port-in: ${moved.length} numbers`,
    author,
  });
  await releasePortOutNumbers(tx.db, order.id);
}
