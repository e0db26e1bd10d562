import type { AppDeps } from '../../context.js';
import type { Tx } from '../../platform/db/transaction.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import { numbersByTn, TnStatus, transitionNumbers, type OrderRef } from '../inventory/index.js';
import {
  parseOrderJobPayload,
  type OrderJobPayload,
  lockOpenOrder,
  transition,
  OrderCommonErrors,
  insertOrderNumbers,
  type OrderNumber,
} from '../orders-common/index.js';
import { clearNumberSettings, withFeaturesRemoved } from '../sip-peer-tns/index.js';
import { DisconnectErrors } from './disconnects.errors.js';
import { DISCONNECTS } from './disconnects.kind.js';
import type { DisconnectStatus } from './disconnects.machine.js';
import { stillAgingFrom } from './disconnects.store.js';

/**
 * Disconnect processing, as durable jobs. `disconnects.process` takes the order's numbers out of
 * service in one transaction: each number in service on the account moves to aging, off the
 * account, its site, SIP peer and per-number settings (a ported-in number goes back to its losing
 * carrier instead: ported out); any other number gets a per-number error.
 * `disconnects.release` runs when the aging period is over and makes them available again.
 */
export const DISCONNECT_ORDER_TYPE = 'DISCONNECT_NUMBER_ORDER';

export function processJob(deps: AppDeps): JobDefinition<OrderJobPayload> {
  return {
    name: 'disconnects.process',
    maxAttempts: 5,
    parse: parseOrderJobPayload,
    run: (ctx, { orderId }) => processDisconnect(deps, ctx.tx, orderId),
    // Every attempt rolled back, so no number changed: the order fails (5086) instead of staying open.
    giveUp: async (ctx, { orderId }) => {
      const order = await lockOpenOrder(ctx.tx.db, deps.database.dialect, DISCONNECTS, orderId);
      if (!order) return;
      const e = OrderCommonErrors.orderProcessingFailed;
      await transition(
        ctx.tx.db,
        deps.clock,
        DISCONNECTS,
        order,
        'FAILED',
        { note: `Disconnect failed: ${e.template}`, author: 'System' },
        { ...order.details, errors: [{ code: e.code, description: e.template }] },
      );
    },
  };
}

export function releaseJob(deps: AppDeps): JobDefinition<OrderJobPayload> {
  return {
    name: 'disconnects.release',
    maxAttempts: 10,
    parse: parseOrderJobPayload,
    run: (ctx, { orderId }) => releaseAged(deps, ctx.tx, orderId),
  };
}

export function disconnectJobs(deps: AppDeps): JobDefinition<OrderJobPayload>[] {
  return [processJob(deps), releaseJob(deps)];
}

/** Why a number could not be disconnected from `accountId`. */
function refusal(row: { account_id: string | null; status: number } | undefined, accountId: string) {
  if (!row) return OrderCommonErrors.orderTnNotOnSystem;
  if (row.account_id !== null && row.account_id !== accountId) return OrderCommonErrors.orderTnOtherAccount;
  if (row.status === TnStatus.external) return DisconnectErrors.disconnectTnNotDisconnectable;
  return OrderCommonErrors.orderTnNotInService;
}

function noteFor(status: DisconnectStatus, done: number, asked: number): string {
  const outcome =
    status === 'COMPLETE' ? 'successful' : status === 'PARTIAL' ? 'partially succeeded' : 'failed';
  return `Disconnect ${outcome}: ${done} of ${asked} numbers`;
}

async function processDisconnect(deps: AppDeps, tx: Tx, orderId: string): Promise<void> {
  const order = await lockOpenOrder(tx.db, deps.database.dialect, DISCONNECTS, orderId);
  if (!order) return;
  const { details } = order;
  const ref: OrderRef = {
    id: order.id,
    type: DISCONNECT_ORDER_TYPE,
    createdAt: order.createdAt,
    status: 'COMPLETE',
  };
  const leaving = {
    accountId: null,
    siteId: null,
    sipPeerId: null,
    protected: details.protected === 'UNCHANGED' ? undefined : details.protected === 'TRUE',
    order: ref,
    userId: order.createdBy,
  };
  // A number that came in by a port goes back to its losing carrier; ours age and come back to us.
  const portedBack = await transitionNumbers(tx.db, deps.clock, details.tns, {
    ...leaving,
    to: TnStatus.portedOut,
    guard: { statuses: [TnStatus.inService], accountId: order.accountId, portedIn: true },
  });
  const aging = await transitionNumbers(tx.db, deps.clock, portedBack.refused, {
    ...leaving,
    to: TnStatus.aging,
    guard: { statuses: [TnStatus.inService], accountId: order.accountId, portedIn: false },
  });
  const result = { changed: [...portedBack.changed, ...aging.changed], refused: aging.refused };
  const featuresRemoved = await clearNumberSettings(tx.db, result.changed);
  if (details.mode === 'purge') {
    await transitionNumbers(tx.db, deps.clock, aging.changed, {
      to: TnStatus.available,
      order: ref,
      guard: { statuses: [TnStatus.aging] },
    });
  } else if (aging.changed.length > 0) {
    const runAt = deps.clock.nowMs() + deps.config.orders.agingPeriodMs;
    await deps.jobs.enqueue(tx, releaseJob(deps), { orderId }, { runAt });
  }
  const rows = new Map((await numbersByTn(tx.db, result.refused)).map((r) => [r.tn, r]));
  const failed = result.refused.map((tn): OrderNumber => {
    const e = refusal(rows.get(tn), order.accountId);
    return { tn, outcome: 'failed', errorCode: e.code, errorDescription: e.template };
  });
  await insertOrderNumbers(
    tx.db,
    orderId,
    [...result.changed.map((tn): OrderNumber => ({ tn, outcome: 'completed' })), ...failed],
    deps.clock.now().toISOString(),
  );
  const next: DisconnectStatus =
    failed.length === 0 ? 'COMPLETE' : result.changed.length > 0 ? 'PARTIAL' : 'FAILED';
  await transition(tx.db, deps.clock, DISCONNECTS, order, next, {
    note: withFeaturesRemoved(noteFor(next, result.changed.length, details.tns.length), featuresRemoved),
    author: 'System',
  });
}

/** The end of aging: the order's numbers still aging from it become available to everyone. */
async function releaseAged(deps: AppDeps, tx: Tx, orderId: string): Promise<void> {
  await transitionNumbers(tx.db, deps.clock, await stillAgingFrom(tx.db, orderId), {
    to: TnStatus.available,
    userId: 'System',
    guard: { statuses: [TnStatus.aging] },
  });
}
