import type { AppDeps } from '../../context.js';
import type { Tx } from '../../platform/db/transaction.js';
import { ApiError } from '../../platform/http/api-error.js';
import { formatTn } from '../../shared/numbering.js';
import {
  findOrderOnAnyAccount,
  lockOpenOrder,
  transition,
  updateOrderFields,
} from '../orders-common/index.js';
import {
  cancelPortOut,
  portedOutNumbers,
  portOutsOfLsrOrder,
  PORT_OUTS,
  REFUSED,
  VALIDATING,
  type PortOutView,
} from '../portouts/index.js';
import { LsrErrors } from './lsrorders.errors.js';
import { LSR_ORDERS, type LsrDetails, type LsrError } from './lsrorders.kind.js';
import type { LsrOrderStatus } from './lsrorders.machine.js';

/**
 * An LSR order's status follows its port-outs (one per owner of its numbers), settled in the
 * transaction of each port-out move: PENDING while any is being validated; then FOC when every
 * owner approved, PARTIAL when some refused, EXCEPTION when all did; COMPLETE once the approved
 * ones have completed (the refused ones are then cancelled), FAILED when none could. Refusals are
 * shown per number in `LsrOrderErrors`.
 */
export async function settleLsrOrder(deps: AppDeps, tx: Tx, portOutId: string): Promise<void> {
  const portOut = await findOrderOnAnyAccount(tx.db, PORT_OUTS, portOutId);
  const lsrId = portOut?.details.lsrOrderId;
  if (!lsrId) return;
  const order = await lockOpenOrder(tx.db, deps.database.dialect, LSR_ORDERS, lsrId);
  if (!order) return;
  const portOuts = await portOutsOfLsrOrder(tx.db, lsrId);
  const next = await derive(tx, portOuts);
  if (next === undefined) return;
  // A final order leaves none of its port-outs open (they would hold their numbers for ever).
  if (next.status === 'COMPLETE' || next.status === 'FAILED') {
    for (const v of portOuts.filter((p) => (REFUSED as string[]).includes(p.order.status)))
      await cancelPortOut(
        deps,
        tx,
        v.order,
        `The LSR order ended ${next.status} without these numbers`,
        'System',
      );
  }
  const details: LsrDetails = { ...order.details, actualFocDate: next.actualFocDate, errors: next.errors };
  if (next.status === order.status) {
    await updateOrderFields(tx.db, order.id, {
      details: JSON.stringify(LSR_ORDERS.details.parse(details)),
      updated_at: deps.clock.now().toISOString(),
    });
    return;
  }
  await transition(
    tx.db,
    deps.clock,
    LSR_ORDERS,
    order,
    next.status,
    { note: next.note, author: 'System', difference: next.difference },
    details,
  );
}

interface Settled {
  readonly status: LsrOrderStatus;
  readonly note: string;
  readonly difference?: string;
  readonly actualFocDate: string | undefined;
  readonly errors: LsrError[] | undefined;
}

const among = (list: readonly string[], v: PortOutView) => list.includes(v.order.status);

async function derive(tx: Tx, portOuts: readonly PortOutView[]): Promise<Settled | undefined> {
  if (portOuts.length === 0 || portOuts.some((v) => among(VALIDATING, v))) return undefined;
  const confirmed = portOuts.filter((v) => v.order.status === 'FOC');
  const done = portOuts.filter((v) => v.order.status === 'COMPLETE');
  const refused = portOuts.filter((v) => among(REFUSED, v));
  const focDays = [...confirmed, ...done].flatMap((v) =>
    v.order.details.actualFocDate ? [v.order.details.actualFocDate] : [],
  );
  const actualFocDate = focDays.sort().at(-1);
  const errors: LsrError[] = refused.flatMap((v) =>
    (v.order.details.errors ?? []).map((e) => ({
      code: e.code,
      description: `${e.description}: ${(e.tns ?? v.tns).map(formatTn).join(', ')}`,
    })),
  );
  if (confirmed.length > 0) {
    return refused.length > 0
      ? { status: 'PARTIAL', note: 'Some owners refused the port-out', actualFocDate, errors }
      : {
          status: 'FOC',
          note: 'Port-out date has been set',
          difference: `ActualFocDate : "" --> ${actualFocDate ?? ''}`,
          actualFocDate,
          errors: undefined,
        };
  }
  if (done.length > 0) {
    const left = new Set((await Promise.all(done.map((v) => portedOutNumbers(tx.db, v.order.id)))).flat());
    const stayed = [...done, ...refused].flatMap((v) => v.tns).filter((tn) => !left.has(tn));
    const partly =
      stayed.length > 0 ? [described(LsrErrors.partlyCompleted, stayed.map(formatTn).join(', '))] : [];
    return {
      status: 'COMPLETE',
      note: `Port-out complete: ${left.size} numbers ported out`,
      actualFocDate,
      errors: [...partly, ...errors],
    };
  }
  if (refused.length === 0) return undefined;
  // Refused by every owner, or approved but nothing could leave on the FOC date.
  const failedAtCompletion = refused.every((v) => v.order.status === 'EXCEPTION');
  return failedAtCompletion
    ? {
        status: 'FAILED',
        note: 'No number could be ported out',
        actualFocDate,
        errors: [described(LsrErrors.noneCompleted), ...errors],
      }
    : { status: 'EXCEPTION', note: 'The port-out was refused', actualFocDate: undefined, errors };
}

function described(def: { code: number; template: string; status: number }, ...args: string[]): LsrError {
  const e = ApiError.of(def, ...args);
  return { code: e.code, description: e.description };
}
