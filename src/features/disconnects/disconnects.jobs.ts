import type { AppDeps } from '../../context.js';
import type { Tx } from '../../platform/db/transaction.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import { transitionNumbers, type OrderRef } from '../inventory/inventory.service.js';
import { findNumbers } from '../inventory/inventory.store.js';
import { TnStatus } from '../inventory/tn-status.js';
import { lockOpenOrder, parseOrderJobPayload, type OrderJobPayload } from '../orders-common/order-jobs.js';
import { transition } from '../orders-common/order-machine.js';
import { insertOrderNumbers, type OrderNumberRow } from '../orders-common/order-records.store.js';
import { removeTnSettings } from '../sip-peer-tns/tn-settings.store.js';
import { disconnectOrderMachine, type DisconnectStatus } from './disconnects.machine.js';
import type { DisconnectDetails } from './disconnects.service.js';
import { DisconnectErrors } from './disconnects.errors.js';
import { OrderCommonErrors } from '../orders-common/orders-common.errors.js';

/**
 * Disconnect processing, as durable jobs. `disconnects.process` takes the order's numbers out of
 * service in one transaction: each number in service on the account moves to aging, off the
 * account, its site, SIP peer and per-number settings; any other number gets a per-number error.
 * `disconnects.release` runs when the aging period is over and makes them available again.
 */
export const DISCONNECT_ORDER_TYPE = 'DISCONNECT_NUMBER_ORDER';

export function disconnectJob(deps: AppDeps): JobDefinition<OrderJobPayload> {
  return {
    name: 'disconnects.process',
    maxAttempts: 5,
    parse: parseOrderJobPayload,
    run: (ctx, { orderId }) => processDisconnect(deps, ctx.tx, orderId),
    // Every attempt rolled back, so no number changed: the order fails (5086) instead of staying open.
    giveUp: async (ctx, { orderId }) => {
      const row = await lockOpenOrder(ctx.tx.db, deps.database.dialect, disconnectOrderMachine, orderId);
      if (!row) return;
      const e = OrderCommonErrors.orderProcessingFailed;
      await transition(
        ctx.tx.db,
        deps.clock,
        disconnectOrderMachine,
        { id: row.id, accountId: row.account_id, status: row.status },
        'FAILED',
        { note: `Disconnect failed: ${e.template}`, author: 'System' },
        JSON.stringify({
          ...(JSON.parse(row.details) as DisconnectDetails),
          errors: [{ code: e.code, description: e.template }],
        }),
      );
    },
  };
}

export function agingReleaseJob(deps: AppDeps): JobDefinition<OrderJobPayload> {
  return {
    name: 'disconnects.release',
    maxAttempts: 10,
    parse: parseOrderJobPayload,
    run: (ctx, { orderId }) => releaseAged(deps, ctx.tx, orderId),
  };
}

/** Why a number could not be disconnected from `accountId`. */
function refusal(row: { account_id: string | null; status: number } | undefined, accountId: string) {
  if (!row) return OrderCommonErrors.orderTnNotOnSystem;
  if (row.account_id !== null && row.account_id !== accountId)
    return DisconnectErrors.disconnectTnOtherAccount;
  if (row.status === TnStatus.external) return DisconnectErrors.disconnectTnNotDisconnectable;
  return DisconnectErrors.disconnectTnNotInService;
}

async function processDisconnect(deps: AppDeps, tx: Tx, orderId: string): Promise<void> {
  const row = await lockOpenOrder(tx.db, deps.database.dialect, disconnectOrderMachine, orderId);
  if (!row) return;
  const details = JSON.parse(row.details) as DisconnectDetails;
  const order: OrderRef = {
    id: row.id,
    type: DISCONNECT_ORDER_TYPE,
    createdAt: row.created_at,
    status: 'COMPLETE',
  };

  const result = await transitionNumbers(tx.db, deps.clock, details.tns, {
    to: TnStatus.aging,
    accountId: null,
    siteId: null,
    sipPeerId: null,
    protected: details.protected === 'UNCHANGED' ? undefined : details.protected === 'TRUE',
    order,
    userId: row.created_by ?? undefined,
    guard: { statuses: [TnStatus.inService], accountId: row.account_id },
  });
  await removeTnSettings(tx.db, result.changed);
  if (details.mode === 'purge') {
    await transitionNumbers(tx.db, deps.clock, result.changed, {
      to: TnStatus.available,
      order,
      guard: { statuses: [TnStatus.aging] },
    });
  } else if (result.changed.length > 0) {
    const runAt = deps.clock.nowMs() + deps.config.orders.agingPeriodMs;
    await deps.jobs.enqueue(tx, agingReleaseJob(deps), { orderId }, { runAt });
  }

  const rows = new Map((await findNumbers(tx.db, result.refused)).map((r) => [r.tn, r]));
  const failed = result.refused.map((tn): OrderNumberRow => {
    const e = refusal(rows.get(tn), row.account_id);
    return { tn, outcome: 'failed', errorCode: e.code, errorDescription: e.template };
  });
  await insertOrderNumbers(
    tx.db,
    orderId,
    [...result.changed.map((tn): OrderNumberRow => ({ tn, outcome: 'completed' })), ...failed],
    deps.clock.now().toISOString(),
  );
  const next: DisconnectStatus =
    failed.length === 0 ? 'COMPLETE' : result.changed.length > 0 ? 'PARTIAL' : 'FAILED';
  await transition(
    tx.db,
    deps.clock,
    disconnectOrderMachine,
    { id: row.id, accountId: row.account_id, status: row.status },
    next,
    {
      note: `Disconnect ${next === 'COMPLETE' ? 'successful' : next === 'PARTIAL' ? 'partially succeeded' : 'failed'}: ${result.changed.length} of ${details.tns.length} numbers`,
      author: 'System',
    },
  );
}

/** The end of aging: the order's numbers still aging from it become available to everyone. */
async function releaseAged(deps: AppDeps, tx: Tx, orderId: string): Promise<void> {
  const aging = await tx.db
    .selectFrom('order_numbers')
    .innerJoin('telephone_numbers', 'telephone_numbers.tn', 'order_numbers.tn')
    .select('telephone_numbers.tn as tn')
    .where('order_numbers.order_id', '=', orderId)
    .where('order_numbers.outcome', '=', 'completed')
    .where('telephone_numbers.status', '=', TnStatus.aging)
    .where('telephone_numbers.order_id', '=', orderId)
    .execute();
  await transitionNumbers(
    tx.db,
    deps.clock,
    aging.map((r) => r.tn),
    { to: TnStatus.available, userId: 'System', guard: { statuses: [TnStatus.aging] } },
  );
}
