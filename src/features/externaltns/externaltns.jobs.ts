import type { AppDeps } from '../../context.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import { admitExternalNumbers, removeExternalNumbers, type OrderRef } from '../inventory/index.js';
import {
  insertOrderNumbers,
  processingJob,
  type OrderJobPayload,
  type OrderNumber,
} from '../orders-common/index.js';
import { placesOf } from '../portins/index.js';
import { clearNumberSettings } from '../sip-peer-tns/index.js';
import { ExternalTnErrors } from './externaltns.errors.js';
import { EXTERNAL_TNS, type ExternalTnError } from './externaltns.kind.js';

/**
 * An external-number order's round (orders-common's processing job), in one transaction: IMPORT
 * brings the numbers in as external on the order's site and SIP peer (numbers of this system that are
 * not the account's external ones are refused, 25060); REMOVE takes the account's external numbers
 * out of the inventory with their settings (others refused, 25030).
 */
export const EXTERNAL_TN_ORDER_TYPE = 'EXTERNAL_TN_ORDER';

export function processJob(deps: AppDeps): JobDefinition<OrderJobPayload> {
  return processingJob(deps, EXTERNAL_TNS, 'externaltns.process', async (tx, order) => {
    const { action, tns } = order.details;
    const ref: OrderRef = {
      id: order.id,
      type: EXTERNAL_TN_ORDER_TYPE,
      createdAt: order.createdAt,
      status: 'COMPLETE',
    };
    let changed: readonly number[];
    let refused: readonly number[];
    if (action === 'IMPORT') {
      if (order.siteId === undefined || order.sipPeerId === undefined)
        throw new Error(`order ${order.id} has no site or peer`);
      const r = await admitExternalNumbers(tx.db, deps.clock, await placesOf(deps, tx.db, tns), {
        accountId: order.accountId,
        siteId: order.siteId,
        sipPeerId: order.sipPeerId,
        order: ref,
        userId: order.createdBy,
      });
      changed = r.changed;
      refused = r.refused;
    } else {
      const r = await removeExternalNumbers(tx.db, tns, order.accountId);
      await clearNumberSettings(tx.db, r.changed);
      changed = r.changed;
      refused = r.refused;
    }
    const def = action === 'IMPORT' ? ExternalTnErrors.ours : ExternalTnErrors.notOnAccount;
    await insertOrderNumbers(
      tx.db,
      order.id,
      [
        ...changed.map((tn): OrderNumber => ({ tn, outcome: 'completed' })),
        ...refused.map((tn): OrderNumber => ({
          tn,
          outcome: 'failed',
          errorCode: def.code,
          errorDescription: def.template,
        })),
      ],
      deps.clock.now().toISOString(),
    );
    const errors: ExternalTnError[] =
      refused.length > 0 ? [{ code: def.code, description: def.template, tns: [...refused] }] : [];
    return {
      done: changed.length,
      refused: refused.length,
      details: { ...order.details, errors: errors.length > 0 ? errors : undefined },
    };
  });
}

export function externalTnJobs(deps: AppDeps): JobDefinition<OrderJobPayload>[] {
  return [processJob(deps)];
}
