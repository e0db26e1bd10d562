import type { AppDeps } from '../../context.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import { ApiError } from '../../platform/http/api-error.js';
import { text } from '../../shared/fields.js';
import {
  canMove,
  isState,
  lockOrder,
  ordersOfKind,
  recordHistory,
  requireOrder,
  updateOrderFields,
} from '../orders-common/index.js';
import { easternDay, easternInstant, focInstantOf, isBusinessDay } from '../porting-calendar/index.js';
import { portingReference } from './carriers.js';
import { PortInErrors } from './portins.errors.js';
import {
  activate,
  activationJob,
  cancelNow,
  confirmFoc,
  reject,
  requestCancel,
  submit,
} from './portins.jobs.js';
import { PORT_INS, type PortInOrder } from './portins.kind.js';
import { portInMachine, type PortInStatus } from './portins.machine.js';
import { numbersOfPortIn } from './portins.store.js';
import { lockPortIn } from './portins.service.js';

/**
 * What moves a port-in besides the simulated carrier: the customer's activation of a triggered port
 * (rows 26–27), and the operator's porting desk (`bwdash port …`, PORTING_MODE=desk), which answers
 * for the losing carrier through the same machine and moves.
 */

// ---- activation (rows 26–27) -----------------------------------------------------------------

export interface ActivationStatus {
  readonly autoActivationDate: string | undefined;
  readonly activated: readonly number[];
  readonly notYetActivated: readonly number[];
}

export async function activationStatusOf(
  deps: AppDeps,
  accountId: string,
  id: string,
): Promise<ActivationStatus> {
  const order = await requireOrder(deps, PORT_INS, accountId, id);
  const numbers = await numbersOfPortIn(deps.database.db, order.id);
  return {
    autoActivationDate: order.details.autoActivationDate,
    activated: numbers.filter((n) => n.activatedAt !== undefined).map((n) => n.tn),
    notYetActivated: numbers.filter((n) => n.activatedAt === undefined).map((n) => n.tn),
  };
}

/** Activation can be scheduled from 8:00 to 21:00 Eastern on the FOC date. */
const WINDOW = { open: 8 * 60, close: 21 * 60, text: ['8:00AM', '9:00PM'] } as const;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * PUT activationStatus: when a triggered port's numbers are activated, on its FOC date; a time
 * already past activates them now.
 */
export async function scheduleActivationAt(
  deps: AppDeps,
  accountId: string,
  id: string,
  dateText: string | undefined,
  userId: string,
): Promise<string> {
  const t = text(dateText);
  if (t === undefined || !ISO_WITH_ZONE.test(t) || Number.isNaN(Date.parse(t)))
    throw ApiError.of(PortInErrors.activationDateRequired);
  await inTransaction(deps.database.db, async (tx) => {
    const order = await lockPortIn(deps, tx, accountId, id);
    if (order.status === 'COMPLETE' || order.status === 'CANCELLED')
      throw ApiError.of(PortInErrors.activationFinal);
    if (!order.details.triggered) throw ApiError.of(PortInErrors.activationNotTriggered);
    if (order.status !== 'FOC' || !order.details.actualFocDate)
      throw ApiError.of(PortInErrors.activationNotFoc);
    const day = easternDay(Date.parse(order.details.actualFocDate));
    const at = Math.max(Date.parse(t), deps.clock.nowMs());
    if (at < easternInstant(day, WINDOW.open) || at > easternInstant(day, WINDOW.close)) {
      throw ApiError.of(PortInErrors.activationOutsideFoc, WINDOW.text[0], WINDOW.text[1], day);
    }
    const details = { ...order.details, autoActivationDate: t };
    const now = deps.clock.now().toISOString();
    await updateOrderFields(tx.db, order.id, { details: JSON.stringify(details), updated_at: now });
    await recordHistory(tx.db, deps.clock, order.id, order.status, {
      note: `Activation scheduled for ${new Date(at).toISOString()}`,
      author: userId,
    });
    const payload = { orderId: order.id, round: details.round, at: new Date(Date.parse(t)).toISOString() };
    await deps.jobs.enqueue(tx, activationJob(deps), payload, { runAt: at });
  });
  return t;
}

// ---- the porting desk ---------------------------------------------------------------------------

export async function deskList(
  deps: AppDeps,
  status: string | undefined,
  limit = 100,
): Promise<PortInOrder[]> {
  const wanted = status?.toUpperCase();
  if (wanted !== undefined && !isState(portInMachine, wanted))
    throw new Error(`unknown port-in status ${status}`);
  return ordersOfKind(deps.database.db, PORT_INS, wanted === undefined ? undefined : [wanted], limit);
}

export async function deskShow(deps: AppDeps, id: string) {
  const order = await lockOrder(deps.database.db, deps.database.dialect, PORT_INS, id.toLowerCase());
  if (!order) throw new Error(`no port-in ${id}`);
  return { order, numbers: await numbersOfPortIn(deps.database.db, order.id) };
}

async function deskMove(
  deps: AppDeps,
  id: string,
  to: PortInStatus,
  move: (tx: Tx, order: PortInOrder) => Promise<void>,
): Promise<PortInOrder> {
  return inTransaction(deps.database.db, async (tx) => {
    const order = await lockOrder(tx.db, deps.database.dialect, PORT_INS, id.toLowerCase());
    if (!order) throw new Error(`no port-in ${id}`);
    if (!canMove(portInMachine, order.status, to)) {
      const allowed = portInMachine.transitions[order.status].join(', ') || 'none (final)';
      throw new Error(
        `port-in ${order.id} is ${order.status}; it cannot move to ${to} (allowed: ${allowed})`,
      );
    }
    await move(tx, order);
    return order;
  });
}

const DESK = 'Porting desk';

export const deskSubmit = (deps: AppDeps, id: string) =>
  deskMove(deps, id, 'SUBMITTED', (tx, o) => submit(deps, tx, o, 'Submitted to the losing carrier', DESK));

/** The carrier confirmed a FOC date (yyyy-MM-dd, a business day; or an instant for a triggered port). */
export async function deskFoc(deps: AppDeps, id: string, date: string): Promise<PortInOrder> {
  const cal = (await portingReference(deps)).calendar;
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const ms = Date.parse(dayOnly ? `${date}T12:00:00Z` : date);
  if (Number.isNaN(ms)) throw new Error(`--date must be yyyy-MM-dd or an ISO-8601 time, got '${date}'`);
  const day = dayOnly ? date : easternDay(ms);
  if (!isBusinessDay(cal, day)) throw new Error(`${day}: ${PortInErrors.focNotBusinessDay.template}`);
  const foc = dayOnly ? focInstantOf(day) : new Date(ms).toISOString();
  if (Date.parse(foc) < deps.clock.nowMs()) throw new Error(PortInErrors.focPast.template);
  return deskMove(deps, id, 'FOC', (tx, o) => confirmFoc(deps, tx, o, foc, DESK));
}

export const deskReject = (deps: AppDeps, id: string, code: number, message: string) =>
  deskMove(deps, id, 'EXCEPTION', (tx, o) => reject(deps, tx, o, { code, description: message }, DESK));

export const deskComplete = (deps: AppDeps, id: string) =>
  deskMove(deps, id, 'COMPLETE', (tx, o) => activate(deps, tx, o, DESK));

/** Cancels outright where the machine allows it, else requests it and confirms it at once. */
export async function deskCancel(deps: AppDeps, id: string): Promise<PortInOrder> {
  const { order } = await deskShow(deps, id);
  if (canMove(portInMachine, order.status, 'CANCELLED')) {
    return deskMove(deps, id, 'CANCELLED', (tx, o) =>
      cancelNow(deps, tx, o, 'Cancelled by the porting desk', DESK),
    );
  }
  await deskMove(deps, id, 'REQUESTED_CANCEL', (tx, o) => requestCancel(deps, tx, o, DESK));
  return deskMove(deps, id, 'CANCELLED', (tx, o) => cancelNow(deps, tx, o, 'Cancellation confirmed', DESK));
}
