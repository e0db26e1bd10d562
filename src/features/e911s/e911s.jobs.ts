import type { AppDeps } from '../../context.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import { formatTn } from '../../shared/numbering.js';
import {
  insertOrderNumbers,
  processingJob,
  roundOutcome,
  type OrderJobPayload,
  type OrderNumber,
} from '../orders-common/index.js';
import {
  applyNumberOptions,
  refusalError,
  type EmergencyAddress,
  type OptionChange,
} from '../sip-peer-tns/index.js';
import { E911Errors } from './e911s.errors.js';
import { E911S, type E911Details, type E911Error } from './e911s.kind.js';
import type { E911Status } from './e911s.machine.js';
import { zipPlace } from './e911s.store.js';
import { geocode } from './geocoder.js';

type Refusal = { readonly code: number; readonly description: string };

/** The refused numbers, one entry per reason. */
function grouped(refusals: ReadonlyMap<number, Refusal>): E911Error[] {
  const byReason = new Map<number, E911Error>();
  for (const [tn, r] of refusals) {
    const entry = byReason.get(r.code) ?? { code: r.code, description: r.description, tns: [] };
    entry.tns.push(formatTn(tn));
    byReason.set(r.code, entry);
  }
  return [...byReason.values()];
}

/**
 * An E911 order's round, in one transaction (orders-common's processing job): the address through
 * the geocoder (refused: every number fails with why), then set on (or removed from) each number in
 * service on the account; the others are errors (8034 unknown, 8003 not in service here). An
 * address provisioned corrected ends ADJUSTED_COMPLETE or ADJUSTED_PARTIAL.
 */
export function processJob(deps: AppDeps): JobDefinition<OrderJobPayload> {
  return processingJob<E911Status, E911Details>(deps, E911S, 'e911s.process', async (tx, order) => {
    const d = order.details;
    const refusals = new Map<number, Refusal>();
    let details: E911Details = d;
    let change: OptionChange<EmergencyAddress> = { kind: 'systemdefault' };
    let adjusted = false;
    if (!d.remove) {
      const result = await geocode(d.address ?? {}, (zip) => zipPlace(tx.db, zip));
      if (!result.ok) {
        for (const tn of d.tns) refusals.set(tn, result.error);
      } else {
        adjusted = result.corrections.length > 0;
        const address = result.address;
        const outcome = adjusted ? 'ADJUSTED_COMPLETE' : 'COMPLETE';
        change = { kind: 'set', value: { callerName: d.callerName, address, outcome } };
        details = { ...d, address, corrections: adjusted ? [...result.corrections] : undefined };
      }
    }
    const changed: number[] = [];
    if (refusals.size === 0) {
      const result = await applyNumberOptions(deps, tx.db, order.accountId, d.tns, { e911: change });
      changed.push(...result.changed);
      for (const [tn, why] of result.refused) {
        const e = refusalError(why, {
          'not-on-system': E911Errors.numberDoesNotExist,
          otherwise: E911Errors.notOnAccount,
        });
        refusals.set(tn, { code: e.code, description: e.template });
      }
    }
    const numbers: OrderNumber[] = [
      ...changed.map((tn): OrderNumber => ({ tn, outcome: 'completed' })),
      ...[...refusals].map(([tn, r]): OrderNumber => ({
        tn,
        outcome: 'failed',
        errorCode: r.code,
        errorDescription: r.description,
      })),
    ];
    await insertOrderNumbers(tx.db, order.id, numbers, deps.clock.now().toISOString());
    const errors = grouped(refusals);
    const outcome = roundOutcome(changed.length, refusals.size);
    return {
      done: changed.length,
      refused: refusals.size,
      details: { ...details, errors: errors.length > 0 ? errors : undefined },
      status: adjusted && outcome !== 'FAILED' ? (`ADJUSTED_${outcome}` as const) : outcome,
      remark: details.corrections && `address corrected: ${details.corrections.join('; ')}`,
    };
  });
}

export function e911Jobs(deps: AppDeps): JobDefinition<OrderJobPayload>[] {
  return [processJob(deps)];
}
