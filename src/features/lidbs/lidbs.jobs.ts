import type { AppDeps } from '../../context.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import { formatTn } from '../../shared/numbering.js';
import {
  insertOrderNumbers,
  processingJob,
  type OrderJobPayload,
  type OrderNumber,
} from '../orders-common/index.js';
import { applyNumberOptions, refusalError, type RefusalErrors } from '../sip-peer-tns/index.js';
import { LidbErrors } from './lidbs.errors.js';
import { LIDBS, type LidbError } from './lidbs.kind.js';

/** Why a number cannot take a caller name, as LIDB's error. */
export const LIDB_REFUSALS: RefusalErrors = {
  'not-on-system': LidbErrors.notOnSystem,
  otherwise: LidbErrors.notOnAccount,
};

/**
 * A LIDB order's round (orders-common's processing job): each group's caller name on each of its
 * numbers still in service on the account, in one transaction; the others are errors.
 */
export function processJob(deps: AppDeps): JobDefinition<OrderJobPayload> {
  return processingJob(deps, LIDBS, 'lidbs.process', async (tx, order) => {
    const errors: LidbError[] = [...(order.details.errors ?? [])];
    const numbers: OrderNumber[] = [];
    for (const g of order.details.groups) {
      const { subscriberInformation, useType, visibility } = g;
      const result = await applyNumberOptions(deps, tx.db, order.accountId, g.tns, {
        callerName: { kind: 'set', value: { subscriberInformation, useType, visibility } },
      });
      numbers.push(...result.changed.map((tn): OrderNumber => ({ tn, outcome: 'completed' })));
      for (const [tn, why] of result.refused) {
        const e = refusalError(why, LIDB_REFUSALS);
        errors.push({ code: e.code, description: e.template, tn: formatTn(tn) });
        numbers.push({ tn, outcome: 'failed', errorCode: e.code, errorDescription: e.template });
      }
    }
    await insertOrderNumbers(tx.db, order.id, numbers, deps.clock.now().toISOString());
    const done = numbers.filter((n) => n.outcome === 'completed').length;
    return {
      done,
      refused: errors.length,
      details: { ...order.details, errors: errors.length > 0 ? errors : undefined },
    };
  });
}

export function lidbJobs(deps: AppDeps): JobDefinition<OrderJobPayload>[] {
  return [processJob(deps)];
}
