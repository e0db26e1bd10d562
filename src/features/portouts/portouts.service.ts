import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../context.js';
import type { Executor } from '../../platform/db/database.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import { ApiError } from '../../platform/http/api-error.js';
import { numbersByTn, TnStatus } from '../inventory/index.js';
import {
  findOrderOnAnyAccount,
  lockOrder,
  OrderCommonErrors,
  orderNumbers,
  receiveOrder,
  requireOrder,
} from '../orders-common/index.js';
import { PORT_OUTS, type PortOutDetails, type PortOutOrder, type ValidationFields } from './portouts.kind.js';
import { approve, cancel, moveFoc, queueValidation, recordInternalCompletion } from './portouts.moves.js';
import { holdPortOutNumbers, numbersOfPortOut, openPortOutsOf, portOutsOfLsr } from './portouts.store.js';

/**
 * Port-outs: opening them (one per owner of the numbers a carrier asks for), reading them, and the
 * port-outs that mirror internal port-ins. Their moves are in portouts.moves.ts, their durable work
 * in portouts.jobs.ts.
 */

/** What a winning carrier asks for, in our names. */
export interface PortOutRequest {
  readonly pon: string;
  readonly spid: string;
  /** yyyy-MM-dd. */
  readonly requestedFocDate: string;
  readonly validation: ValidationFields;
  readonly source: PortOutDetails['source'];
  readonly lsrOrderId?: string | undefined;
  readonly lsrAccountId?: string | undefined;
  readonly portInId?: string | undefined;
}

/** Who owns each number a carrier asks for, and the numbers that cannot be ported out from here. */
export interface PortOutCandidates {
  /** Owner account → its numbers (in service there). */
  readonly byOwner: ReadonlyMap<string, readonly number[]>;
  /** Not in service on this system. */
  readonly notHere: readonly number[];
  /** An operator's imported, customer-owned numbers. */
  readonly external: readonly number[];
  /** Held by another open port-out. */
  readonly pending: readonly number[];
}

export async function portOutCandidates(db: Executor, tns: readonly number[]): Promise<PortOutCandidates> {
  const rows = new Map((await numbersByTn(db, tns)).map((r) => [r.tn, r]));
  const open = await openPortOutsOf(db, tns);
  const byOwner = new Map<string, number[]>();
  const notHere: number[] = [];
  const external: number[] = [];
  const pending: number[] = [];
  for (const tn of tns) {
    const row = rows.get(tn);
    if (row?.status === TnStatus.external) external.push(tn);
    else if (row?.status !== TnStatus.inService || !row.account_id) notHere.push(tn);
    else if (open.has(tn)) pending.push(tn);
    else byOwner.set(row.account_id, [...(byOwner.get(row.account_id) ?? []), tn]);
  }
  return { byOwner, notHere, external, pending };
}

/**
 * Opens a port-out per owner, in the caller's transaction, each NEW with its validation queued.
 * Answers the port-outs opened and the numbers another port-out took meanwhile (then the caller
 * rolls back: nothing is half-written).
 */
export async function openPortOuts(
  deps: AppDeps,
  tx: Tx,
  request: PortOutRequest,
  byOwner: ReadonlyMap<string, readonly number[]>,
): Promise<{ readonly ids: readonly string[]; readonly taken: readonly number[] }> {
  const ids: string[] = [];
  const taken: number[] = [];
  const createdAt = deps.clock.now().toISOString();
  for (const [accountId, tns] of byOwner) {
    const id = randomUUID();
    const details: PortOutDetails = {
      spid: request.spid,
      requestedFocDate: request.requestedFocDate,
      source: request.source,
      lsrOrderId: request.lsrOrderId,
      lsrAccountId: request.lsrAccountId,
      portInId: request.portInId,
      validation: request.validation,
      round: 0,
    };
    await receiveOrder(tx.db, deps.clock, PORT_OUTS, {
      id,
      accountId,
      name: request.pon,
      quantity: tns.length,
      details,
      createdBy: 'System',
      createdAt,
    });
    const held = new Set(await holdPortOutNumbers(tx.db, id, tns, request.lsrOrderId));
    taken.push(...tns.filter((tn) => !held.has(tn)));
    ids.push(id);
    const order = await lockOrder(tx.db, deps.database.dialect, PORT_OUTS, id);
    if (order && request.source !== 'internal') await queueValidation(deps, tx, order);
  }
  return { ids, taken };
}

export interface PortOutView {
  readonly order: PortOutOrder;
  readonly tns: readonly number[];
}

export async function getPortOut(deps: AppDeps, accountId: string, id: string): Promise<PortOutView> {
  const order = await requireOrder(deps, PORT_OUTS, accountId, id);
  return { order, tns: await numbersOfPortOut(deps.database.db, order.id) };
}

/** A port-out on whichever account it is (the operator's CLI, an outside carrier's request). */
export async function portOutAnywhere(deps: AppDeps, id: string): Promise<PortOutView> {
  const order = await findOrderOnAnyAccount(deps.database.db, PORT_OUTS, id.toLowerCase());
  if (!order) throw ApiError.of(OrderCommonErrors.orderNotFound, PORT_OUTS.label, id);
  return { order, tns: await numbersOfPortOut(deps.database.db, order.id) };
}

/** The port-outs an LSR order asked for (read through `db`, a transaction's if any). */
export async function portOutsOfLsrOrder(db: Executor, lsrOrderId: string): Promise<PortOutView[]> {
  const out: PortOutView[] = [];
  for (const id of await portOutsOfLsr(db, lsrOrderId)) {
    const order = await findOrderOnAnyAccount(db, PORT_OUTS, id);
    if (order) out.push({ order, tns: await numbersOfPortOut(db, id) });
  }
  return out;
}

/** The numbers that left with a completed port-out. */
export async function portedOutNumbers(db: Executor, id: string): Promise<number[]> {
  return (await orderNumbers(db, id)).filter((n) => n.outcome === 'completed').map((n) => n.tn);
}

/**
 * An operator cancels an outside carrier's port-out (`bwdash portout cancel`): the carrier withdrew
 * it, or it was refused and will not be supplemented. Port-outs of an LSR order or an internal
 * port-in are cancelled with them.
 */
export async function cancelOutsidePortOut(deps: AppDeps, id: string, author: string): Promise<PortOutView> {
  const found = await portOutAnywhere(deps, id);
  if (found.order.details.source !== 'carrier')
    throw new Error(
      `port-out ${found.order.id} belongs to ${found.order.details.source === 'lsr' ? 'an LSR order' : 'an internal port-in'}: cancel that instead`,
    );
  await inTransaction(deps.database.db, async (tx) => {
    const order = await lockOrder(tx.db, deps.database.dialect, PORT_OUTS, found.order.id);
    if (!order || order.status === 'COMPLETE' || order.status === 'CANCELLED')
      throw new Error(`port-out ${found.order.id} is ${order?.status ?? 'gone'}`);
    await cancel(deps, tx, order, 'Cancelled by the operator', author);
  });
  return portOutAnywhere(deps, id);
}

// ---- internal port-ins, as the losing account sees them --------------------------------------

/** The open port-out mirroring an internal port-in, locked. */
async function mirrorOf(deps: AppDeps, tx: Tx, portInId: string, tns: readonly number[]) {
  const first = tns[0];
  const id = first === undefined ? undefined : (await openPortOutsOf(tx.db, [first])).get(first);
  const order = id === undefined ? undefined : await lockOrder(tx.db, deps.database.dialect, PORT_OUTS, id);
  return order?.details.portInId === portInId ? order : undefined;
}

/** An internal port-in was placed: the losing account sees a port-out (NEW), holding its numbers. */
export async function openInternalPortOut(
  deps: AppDeps,
  tx: Tx,
  p: {
    readonly portInId: string;
    readonly losingAccountId: string;
    readonly tns: readonly number[];
    readonly spid: string;
    readonly requestedFocDate: string;
  },
): Promise<readonly number[]> {
  const request: PortOutRequest = {
    pon: p.portInId,
    spid: p.spid,
    requestedFocDate: p.requestedFocDate,
    validation: {},
    source: 'internal',
    portInId: p.portInId,
  };
  return (await openPortOuts(deps, tx, request, new Map([[p.losingAccountId, p.tns]]))).taken;
}

/** The internal port-in moved: its port-out follows (FOC with the date, COMPLETE with the numbers, CANCELLED). */
export async function followInternalPortIn(
  deps: AppDeps,
  tx: Tx,
  portInId: string,
  tns: readonly number[],
  to:
    | { readonly status: 'FOC'; readonly focDay: string }
    | { readonly status: 'COMPLETE'; readonly moved: readonly number[] }
    | { readonly status: 'CANCELLED' },
): Promise<void> {
  const order = await mirrorOf(deps, tx, portInId, tns);
  if (!order) return;
  if (to.status === 'FOC') {
    if (order.status === 'NEW' || order.status === 'SUPP')
      await approve(deps, tx, order, 'The internal port-in was confirmed', 'System', to.focDay);
    else if (order.status === 'FOC' && order.details.actualFocDate !== to.focDay)
      await moveFoc(deps, tx, order, to.focDay, 'System');
  } else if (to.status === 'COMPLETE') {
    if (order.status === 'FOC') await recordInternalCompletion(deps, tx, order, to.moved, 'System');
  } else {
    await cancel(deps, tx, order, 'The internal port-in was cancelled', 'System');
  }
}
