import type { AppDeps } from '../../context.js';
import type { Tx } from '../../platform/db/transaction.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import {
  insertOrderNumbers,
  lockOpenOrder,
  OrderCommonErrors,
  parseOrderJobPayload,
  transition,
  type OrderJobPayload,
  type OrderNumber,
} from '../orders-common/index.js';
import {
  applyNumberOptions,
  type NumberOptionsChange,
  type OptionChange,
  type OptionsRefusal,
} from '../sip-peer-tns/index.js';
import { TnOptionErrors } from './tnoptions.errors.js';
import { TN_OPTIONS, type TnOptionError, type TnOptionValues } from './tnoptions.kind.js';

/**
 * A TN-option order's work, as one durable job: PROCESSING, then each group's options on each of
 * its numbers in service on the account (sip-peer-tns' one rule), in one transaction; COMPLETE,
 * PARTIAL or FAILED with the refused numbers in ErrorList.
 */
export function processJob(deps: AppDeps): JobDefinition<OrderJobPayload> {
  return {
    name: 'tnoptions.process',
    maxAttempts: 5,
    parse: parseOrderJobPayload,
    run: (ctx, { orderId }) => processOrder(deps, ctx.tx, orderId),
    giveUp: async (ctx, { orderId }) => {
      const order = await lockOpenOrder(ctx.tx.db, deps.database.dialect, TN_OPTIONS, orderId);
      if (!order) return;
      const e = OrderCommonErrors.orderProcessingFailed;
      await transition(ctx.tx.db, deps.clock, TN_OPTIONS, order, 'FAILED', {
        note: e.template,
        author: 'System',
      });
    },
  };
}

export function tnOptionJobs(deps: AppDeps): JobDefinition<OrderJobPayload>[] {
  return [processJob(deps)];
}

/** A group's accepted values as the change sip-peer-tns applies. */
export function changeOf(o: TnOptionValues): NumberOptionsChange {
  const of = <T>(v: string | undefined, value: (s: string) => T): OptionChange<T> | undefined =>
    v === undefined || v === 'unchanged'
      ? undefined
      : v === 'systemdefault'
        ? { kind: 'systemdefault' }
        : { kind: 'set', value: value(v) };
  return {
    numberFormat: of(o.numberFormat, (v) => v),
    rpidFormat: of(o.rpidFormat, (v) => v),
    rewriteUser: of(o.rewriteUser, (v) => v),
    callForward: of(o.callForward, (v) => v),
    callingNameDisplay: of(o.callingNameDisplay, (v) => v === 'on'),
    protected: of(o.protected, (v) => v === 'true'),
    smsEnabled: of(o.sms, (v) => v === 'on'),
    finalDestinationUri: of(o.finalDestinationUri, (v) => v),
  };
}

/** Why a number's options could not change, as its error. */
export function refusalOf(tn: number, why: OptionsRefusal, forward: string | undefined): TnOptionError {
  const def =
    why === 'not-on-system'
      ? OrderCommonErrors.orderTnNotOnSystem
      : why === 'not-on-account'
        ? OrderCommonErrors.orderTnOtherAccount
        : why === 'not-in-service'
          ? OrderCommonErrors.orderTnNotInService
          : TnOptionErrors.forwardToItself;
  const description =
    why === 'forward-to-itself'
      ? def.template.replace('%s', forward ?? '').replace('%s', String(tn))
      : def.template;
  return { code: def.code, description, tn };
}

async function processOrder(deps: AppDeps, tx: Tx, orderId: string): Promise<void> {
  const received = await lockOpenOrder(tx.db, deps.database.dialect, TN_OPTIONS, orderId);
  if (!received) return;
  await transition(tx.db, deps.clock, TN_OPTIONS, received, 'PROCESSING', {
    note: 'Processing',
    author: 'System',
  });
  const order = { ...received, status: 'PROCESSING' as const };
  const errors: TnOptionError[] = [];
  let changed = 0;
  for (const group of order.details.groups) {
    const result = await applyNumberOptions(deps, tx.db, order.accountId, group.tns, changeOf(group.options));
    changed += result.changed.length;
    for (const [tn, why] of result.refused) errors.push(refusalOf(tn, why, group.options.callForward));
  }
  const failed = new Set(errors.map((e) => e.tn));
  await insertOrderNumbers(
    tx.db,
    order.id,
    order.details.groups.flatMap((g) =>
      g.tns.map((tn): OrderNumber => {
        const e = errors.find((x) => x.tn === tn);
        return failed.has(tn) && e
          ? { tn, outcome: 'failed', errorCode: e.code, errorDescription: e.description }
          : { tn, outcome: 'completed' };
      }),
    ),
    deps.clock.now().toISOString(),
  );
  const status = errors.length === 0 ? 'COMPLETE' : changed === 0 ? 'FAILED' : 'PARTIAL';
  await transition(
    tx.db,
    deps.clock,
    TN_OPTIONS,
    order,
    status,
    { note: `TN options ${status.toLowerCase()}: ${changed} of ${order.quantity} numbers`, author: 'System' },
    { ...order.details, errors: errors.length > 0 ? errors : undefined },
  );
}
