import type { AppDeps } from '../../context.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import { formatTn } from '../../shared/numbering.js';
import {
  insertOrderNumbers,
  processingJob,
  type OrderJobPayload,
  type OrderNumber,
} from '../orders-common/index.js';
import {
  applyNumberOptions,
  refusalError,
  type DirectoryListing,
  type OptionChange,
  type RefusalErrors,
} from '../sip-peer-tns/index.js';
import { DldaErrors } from './dldas.errors.js';
import { DLDAS, type DldaDetails, type DldaError } from './dldas.kind.js';
import type { DldaStatus } from './dldas.machine.js';

/** Why a number cannot be listed, as DL/DA's error (one that left service since: 16108, in the job). */
export const DLDA_REFUSALS: RefusalErrors = {
  'not-on-system': DldaErrors.notOnSystem,
  otherwise: DldaErrors.notOnAccount,
};

/**
 * A DL/DA order's round (orders-common's processing job): each group's listing set on (or, after a
 * PUT's DeleteDldaTnGroups, removed from) each of its numbers still in service on the account, in
 * one transaction; a number that left service since the order was accepted is an error (16108).
 */
export function processJob(deps: AppDeps): JobDefinition<OrderJobPayload> {
  return processingJob<DldaStatus, DldaDetails>(deps, DLDAS, 'dldas.process', async (tx, order) => {
    const d = order.details;
    const errors: DldaError[] = [...(d.errors ?? [])];
    const numbers: OrderNumber[] = [];
    for (const { tns, ...listing } of d.groups) {
      const change: OptionChange<DirectoryListing> = d.remove
        ? { kind: 'systemdefault' }
        : { kind: 'set', value: listing };
      const result = await applyNumberOptions(deps, tx.db, order.accountId, tns, { listing: change });
      numbers.push(...result.changed.map((tn): OrderNumber => ({ tn, outcome: 'completed' })));
      for (const [tn, why] of result.refused) {
        const e = refusalError(why, { otherwise: DldaErrors.numberChanged });
        errors.push({ code: e.code, description: e.template, tn: formatTn(tn) });
        numbers.push({ tn, outcome: 'failed', errorCode: e.code, errorDescription: e.template });
      }
    }
    await insertOrderNumbers(tx.db, order.id, numbers, deps.clock.now().toISOString());
    return {
      done: numbers.filter((n) => n.outcome === 'completed').length,
      refused: errors.length,
      details: { ...d, errors: errors.length > 0 ? errors : undefined, processed: true },
    };
  });
}

export function dldaJobs(deps: AppDeps): JobDefinition<OrderJobPayload>[] {
  return [processJob(deps)];
}
