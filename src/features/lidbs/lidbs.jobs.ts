import type { AppDeps } from '../../context.js';
import type { Tx } from '../../platform/db/transaction.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import { formatTn } from '../../shared/numbering.js';
import {
  insertOrderNumbers,
  lockOpenOrder,
  OrderCommonErrors,
  parseOrderJobPayload,
  transition,
  type OrderJobPayload,
  type OrderNumber,
} from '../orders-common/index.js';
import { applyNumberOptions } from '../sip-peer-tns/index.js';
import { LidbErrors } from './lidbs.errors.js';
import { LIDBS, type LidbError } from './lidbs.kind.js';

/**
 * A LIDB order's work, as one durable job: PROCESSING, then each group's caller name on each of its
 * numbers still in service on the account, in one transaction; COMPLETE, PARTIAL or FAILED.
 */
export function processJob(deps: AppDeps): JobDefinition<OrderJobPayload> {
  return {
    name: 'lidbs.process',
    maxAttempts: 5,
    parse: parseOrderJobPayload,
    run: (ctx, { orderId }) => processOrder(deps, ctx.tx, orderId),
    giveUp: async (ctx, { orderId }) => {
      const order = await lockOpenOrder(ctx.tx.db, deps.database.dialect, LIDBS, orderId);
      if (!order) return;
      const e = OrderCommonErrors.orderProcessingFailed;
      await transition(ctx.tx.db, deps.clock, LIDBS, order, 'FAILED', { note: e.template, author: 'System' });
    },
  };
}

export function lidbJobs(deps: AppDeps): JobDefinition<OrderJobPayload>[] {
  return [processJob(deps)];
}

async function processOrder(deps: AppDeps, tx: Tx, orderId: string): Promise<void> {
  const received = await lockOpenOrder(tx.db, deps.database.dialect, LIDBS, orderId);
  if (!received) return;
  await transition(tx.db, deps.clock, LIDBS, received, 'PROCESSING', {
    note: 'Processing',
    author: 'System',
  });
  const order = { ...received, status: 'PROCESSING' as const };
  const errors: LidbError[] = [...(order.details.errors ?? [])];
  const numbers: OrderNumber[] = [];
  for (const g of order.details.groups) {
    const { subscriberInformation, useType, visibility } = g;
    const result = await applyNumberOptions(deps, tx.db, order.accountId, g.tns, {
      callerName: { kind: 'set', value: { subscriberInformation, useType, visibility } },
    });
    numbers.push(...result.changed.map((tn): OrderNumber => ({ tn, outcome: 'completed' })));
    for (const tn of result.refused.keys()) {
      const e = LidbErrors.notOnAccount;
      errors.push({ code: e.code, description: e.template, tn: formatTn(tn) });
      numbers.push({ tn, outcome: 'failed', errorCode: e.code, errorDescription: e.template });
    }
  }
  await insertOrderNumbers(tx.db, order.id, numbers, deps.clock.now().toISOString());
  const done = numbers.filter((n) => n.outcome === 'completed').length;
  const status = errors.length === 0 ? 'COMPLETE' : done === 0 ? 'FAILED' : 'PARTIAL';
  await transition(
    tx.db,
    deps.clock,
    LIDBS,
    order,
    status,
    { note: `Caller names ${status.toLowerCase()}: ${done} numbers`, author: 'System' },
    { ...order.details, errors: errors.length > 0 ? errors : undefined },
  );
}
