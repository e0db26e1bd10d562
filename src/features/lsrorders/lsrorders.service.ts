import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../context.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { inTransaction, lockNamed, type Tx } from '../../platform/db/transaction.js';
import { ApiError } from '../../platform/http/api-error.js';
import { text } from '../../shared/fields.js';
import { Locks } from '../../shared/locks.js';
import { getAccount } from '../accounts/index.js';
import {
  findOrder,
  findOrderByName,
  lockOrder,
  OrderCommonErrors,
  Problems,
  receiveOrder,
  requireOrder,
  transition,
  describeChanges,
  updateOrderFields,
} from '../orders-common/index.js';
import { portingCalendar } from '../porting-calendar/index.js';
import { PortInErrors } from '../portins/index.js';
import {
  cancelPortOut,
  numbersOfLsr,
  openPortOuts,
  portOutAnywhere,
  portOutCandidates,
  portOutsOfLsrOrder,
  PORT_OUTS,
  suppPortOut,
  type PortOutCandidates,
  type PortOutOrder,
  type PortOutView,
} from '../portouts/index.js';
import { LsrErrors, LsrRejected } from './lsrorders.errors.js';
import { LSR_ORDERS, type LsrDetails, type LsrOrder } from './lsrorders.kind.js';
import {
  parseAuthorizingPerson,
  parseLsrBtn,
  parseLsrCustomerOrderId,
  parseLsrFocDate,
  parseLsrSubscriber,
  parseLsrTns,
  parsePon,
  parseSpid,
  validationFieldsOf,
} from './lsrorders.validation.js';

/**
 * LSR orders: a carrier's request to take numbers off the network. Accepting one opens a port-out
 * for each owner of its numbers (features/portouts), whose validations decide where it goes
 * (lsrorders.settle.ts); a PUT changes it (a SUPP, validated again) or cancels it.
 */
export interface LsrAddressInput {
  readonly housePrefix?: string | undefined;
  readonly houseNumber?: string | undefined;
  readonly houseSuffix?: string | undefined;
  readonly preDirectional?: string | undefined;
  readonly streetName?: string | undefined;
  readonly streetSuffix?: string | undefined;
  readonly postDirectional?: string | undefined;
  readonly addressLine2?: string | undefined;
  readonly city?: string | undefined;
  readonly stateCode?: string | undefined;
  readonly zip?: string | undefined;
  readonly county?: string | undefined;
  readonly country?: string | undefined;
}

export interface LsrSubscriberInput {
  readonly type?: string | undefined;
  readonly businessName?: string | undefined;
  readonly firstName?: string | undefined;
  readonly middleInitial?: string | undefined;
  readonly lastName?: string | undefined;
  readonly accountNumber?: string | undefined;
  readonly pinNumber?: string | undefined;
  readonly address?: LsrAddressInput | undefined;
}

/** POST and PUT /lsrorders, in our names, as sent (checked here). */
export interface LsrOrderInput {
  readonly pon?: string | undefined;
  readonly customerOrderId?: string | undefined;
  readonly spid?: string | undefined;
  readonly billingTelephoneNumber?: string | undefined;
  readonly requestedFocDate?: string | undefined;
  readonly authorizingPerson?: string | undefined;
  readonly subscriber?: LsrSubscriberInput | undefined;
  readonly telephoneNumbers?: readonly string[] | undefined;
  /** PUT only: CANCELLED cancels. */
  readonly orderStatus?: string | undefined;
}

export interface LsrOrderView {
  readonly order: LsrOrder;
  readonly tns: readonly number[];
}

/** POST /lsrorders: PENDING, with a port-out per owner of its numbers, or a 400 listing every problem. */
export async function createLsrOrder(
  deps: AppDeps,
  accountId: string,
  input: LsrOrderInput,
  userId: string,
): Promise<LsrOrderView> {
  const account = await getAccount(deps, accountId);
  const cal = await portingCalendar(deps);
  const p = new Problems();
  const pon = parsePon(input.pon, p);
  const customerOrderId = parseLsrCustomerOrderId(input.customerOrderId, p);
  const spid = parseSpid(input.spid, account, p);
  const btn = parseLsrBtn(input.billingTelephoneNumber, p);
  const authorizingPerson = parseAuthorizingPerson(input.authorizingPerson, p);
  const subscriber = parseLsrSubscriber(input.subscriber, p);
  const tns = parseLsrTns(input.telephoneNumbers, p);
  const requestedFocDate = parseLsrFocDate(
    input.requestedFocDate,
    { cal, nowMs: deps.clock.nowMs(), count: tns?.length ?? 0 },
    p,
  );
  const db = deps.database.db;
  if (pon !== undefined && (await findOrderByName(db, LSR_ORDERS, accountId, pon))) p.add(LsrErrors.ponTaken);
  const candidates = tns ? await portOutCandidates(db, tns) : undefined;
  if (candidates && tns) numberProblems(candidates, tns.length, p);
  LsrRejected.throwIfAny(p.list);
  if (!pon || !spid || !authorizingPerson || !subscriber || !tns || !requestedFocDate || !candidates) {
    throw new LsrRejected([{ code: 17000, description: LsrErrors.payloadRequired.template }]);
  }
  const id = randomUUID();
  const details: LsrDetails = {
    spid,
    billingTelephoneNumber: btn,
    requestedFocDate,
    authorizingPerson,
    subscriber,
    ponVersion: 0,
  };
  try {
    await inTransaction(db, async (tx) => {
      await receiveOrder(tx.db, deps.clock, LSR_ORDERS, {
        id,
        accountId,
        name: pon,
        customerOrderId,
        quantity: tns.length,
        details,
        createdBy: userId,
        createdAt: deps.clock.now().toISOString(),
      });
      const { taken } = await openPortOuts(
        deps,
        tx,
        {
          pon,
          spid,
          requestedFocDate,
          validation: validationFieldsOf(subscriber),
          source: 'lsr',
          lsrOrderId: id,
          lsrAccountId: accountId,
        },
        candidates.byOwner,
      );
      // Another port-out took some of the numbers since they were checked: refused, nothing written.
      if (taken.length > 0) {
        const q = new Problems();
        q.addForNumbers(PortInErrors.tnPending, taken);
        LsrRejected.throwIfAny(q.list);
      }
    });
  } catch (err) {
    // Two orders with one PON raced: the database kept the first.
    if (isUniqueViolation(err))
      throw new LsrRejected([{ code: 17032, description: LsrErrors.ponTaken.template }]);
    throw err;
  }
  return getLsrOrder(deps, accountId, id);
}

/** An outside carrier's port request, as an operator records it (`bwdash portout request`, the sandbox). */
export interface OutsidePortOutInput {
  readonly tns: readonly string[];
  readonly spid: string;
  readonly pon: string;
  readonly pin?: string | undefined;
  readonly accountNumber?: string | undefined;
  readonly zip?: string | undefined;
  readonly name?: string | undefined;
  /** yyyy-MM-dd; default the next business day. */
  readonly focDate?: string | undefined;
}

/**
 * A carrier outside this system asks for numbers here: the same rules as an LSR order's numbers,
 * PON, SPID and FOC date, then a port-out per owner, validated and carried out as any other.
 * Answers the port-outs opened; refuses (LsrRejected) with every problem found.
 */
export async function requestOutsidePortOut(
  deps: AppDeps,
  input: OutsidePortOutInput,
): Promise<PortOutView[]> {
  const cal = await portingCalendar(deps);
  const p = new Problems();
  const pon = parsePon(input.pon, p);
  const spid = text(input.spid)?.toUpperCase();
  if (!spid || !/^[A-Z0-9]{4}$/.test(spid)) p.add(LsrErrors.spidInvalid, spid ?? '');
  const pin = text(input.pin);
  if (pin !== undefined && !/^[A-Za-z0-9]{1,10}$/.test(pin)) p.add(LsrErrors.pinInvalid);
  const accountNumber = text(input.accountNumber);
  if (accountNumber !== undefined && !/^[A-Za-z0-9]{1,32}$/.test(accountNumber))
    p.add(LsrErrors.accountNumberInvalid);
  const tns = parseLsrTns(input.tns, p);
  const requestedFocDate = parseLsrFocDate(
    input.focDate,
    { cal, nowMs: deps.clock.nowMs(), count: tns?.length ?? 0 },
    p,
  );
  const candidates = tns ? await portOutCandidates(deps.database.db, tns) : undefined;
  if (candidates) numberProblems(candidates, tns?.length ?? 0, p);
  LsrRejected.throwIfAny(p.list);
  if (!pon || !spid || !tns || !requestedFocDate || !candidates) {
    throw new LsrRejected([{ code: 17000, description: LsrErrors.payloadRequired.template }]);
  }
  const ids = await inTransaction(deps.database.db, async (tx) => {
    const opened = await openPortOuts(
      deps,
      tx,
      {
        pon,
        spid,
        requestedFocDate,
        validation: { pin, accountNumber, zipCode: text(input.zip), subscriberName: text(input.name) },
        source: 'carrier',
      },
      candidates.byOwner,
    );
    if (opened.taken.length > 0) {
      const q = new Problems();
      q.addForNumbers(PortInErrors.tnPending, opened.taken);
      LsrRejected.throwIfAny(q.list);
    }
    return opened.ids;
  });
  return Promise.all(ids.map((id) => portOutAnywhere(deps, id)));
}

/** The numbers a port-out cannot take from here, with their codes. */
function numberProblems(c: PortOutCandidates, count: number, p: Problems): void {
  if (c.notHere.length === count) p.add(LsrErrors.allInvalid);
  else if (c.notHere.length > 0) p.add(LsrErrors.invalidTns, `[${c.notHere.join(', ')}]`);
  if (c.external.length > 0) p.add(LsrErrors.external, c.external.join(', '));
  if (c.pending.length > 0) p.addForNumbers(PortInErrors.tnPending, c.pending);
}

export async function getLsrOrder(deps: AppDeps, accountId: string, id: string): Promise<LsrOrderView> {
  const order = await requireOrder(deps, LSR_ORDERS, accountId, id);
  return { order, tns: await numbersOfLsr(deps.database.db, order.id) };
}

/**
 * The order and its port-outs, locked for a change: the LSR order's named lock first, as the
 * port-outs' jobs take it, then the port-outs, then the order.
 */
async function lockForChange(
  deps: AppDeps,
  tx: Tx,
  accountId: string,
  id: string,
): Promise<{ order: LsrOrder; portOuts: PortOutOrder[] }> {
  const found = await findOrder(tx.db, LSR_ORDERS, accountId, id);
  if (!found) throw ApiError.of(OrderCommonErrors.orderNotFound, LSR_ORDERS.label, id);
  await lockNamed(tx, deps.database.dialect, Locks.lsrOrder(found.id));
  const portOuts: PortOutOrder[] = [];
  for (const v of await portOutsOfLsrOrder(tx.db, found.id)) {
    const locked = await lockOrder(tx.db, deps.database.dialect, PORT_OUTS, v.order.id);
    if (locked) portOuts.push(locked);
  }
  const order = (await lockOrder(tx.db, deps.database.dialect, LSR_ORDERS, found.id)) ?? found;
  // Once any of its numbers has left, the order can no longer change or be cancelled.
  if (portOuts.some((o) => o.status === 'COMPLETE'))
    throw new LsrRejected([{ code: 17029, description: LsrErrors.containsPorted.template }]);
  if (order.status === 'COMPLETE' || order.status === 'CANCELLED' || order.status === 'FAILED')
    throw new LsrRejected([{ code: 17015, description: LsrErrors.unmodifiable.template }]);
  return { order, portOuts };
}

/** PUT /lsrorders/{id}: a SUPP (PonVersion + 1, validated again), or with OrderStatus CANCELLED a cancel. */
export async function updateLsrOrder(
  deps: AppDeps,
  accountId: string,
  id: string,
  input: LsrOrderInput,
  userId: string,
): Promise<{ view: LsrOrderView; warnings: { code: number; description: string }[] }> {
  const status = text(input.orderStatus)?.toUpperCase();
  if (status !== undefined && status !== 'CANCELLED' && status !== 'CANCELED') {
    const q = new Problems();
    q.add(LsrErrors.statusNotModifiable, status);
    LsrRejected.throwIfAny(q.list);
  }
  if (status !== undefined) {
    const others = Object.entries(input).filter(
      ([k, v]) => k !== 'orderStatus' && v !== undefined && !(Array.isArray(v) && v.length === 0),
    );
    await cancelLsrOrder(deps, accountId, id, userId);
    const view = await getLsrOrder(deps, accountId, id);
    const w = LsrErrors.cancelIgnoresChanges;
    return { view, warnings: others.length > 0 ? [{ code: w.code, description: w.template }] : [] };
  }
  await suppLsrOrder(deps, accountId, id, input, userId);
  return { view: await getLsrOrder(deps, accountId, id), warnings: [] };
}

async function suppLsrOrder(
  deps: AppDeps,
  accountId: string,
  id: string,
  input: LsrOrderInput,
  userId: string,
) {
  const account = await getAccount(deps, accountId);
  const cal = await portingCalendar(deps);
  await inTransaction(deps.database.db, async (tx) => {
    const { order, portOuts } = await lockForChange(deps, tx, accountId, id);
    const d = order.details;
    const p = new Problems();
    const fixed: string[] = [];
    if (input.pon !== undefined && text(input.pon) !== order.name) fixed.push('Pon');
    const tns = await numbersOfLsr(tx.db, order.id);
    const sent = (input.telephoneNumbers ?? []).map((t) => t.trim()).filter(Boolean);
    if (sent.length > 0 && [...sent].sort().join() !== tns.map(String).sort().join())
      fixed.push('ListOfTelephoneNumbers');
    if (fixed.length > 0) p.add(LsrErrors.fieldsNotModifiable, fixed.join(', '), fixed.length > 1 ? 's' : '');
    const customerOrderId =
      input.customerOrderId === undefined
        ? order.customerOrderId
        : parseLsrCustomerOrderId(input.customerOrderId, p);
    const next: LsrDetails = {
      ...d,
      spid: input.spid === undefined ? d.spid : (parseSpid(input.spid, account, p) ?? d.spid),
      billingTelephoneNumber:
        input.billingTelephoneNumber === undefined
          ? d.billingTelephoneNumber
          : parseLsrBtn(input.billingTelephoneNumber, p),
      authorizingPerson:
        input.authorizingPerson === undefined
          ? d.authorizingPerson
          : (parseAuthorizingPerson(input.authorizingPerson, p) ?? d.authorizingPerson),
      subscriber:
        input.subscriber === undefined
          ? d.subscriber
          : (parseLsrSubscriber(input.subscriber, p) ?? d.subscriber),
      requestedFocDate:
        input.requestedFocDate === undefined
          ? d.requestedFocDate
          : (parseLsrFocDate(
              input.requestedFocDate,
              { cal, nowMs: deps.clock.nowMs(), count: tns.length },
              p,
            ) ?? d.requestedFocDate),
      ponVersion: d.ponVersion + 1,
      actualFocDate: undefined,
      errors: undefined,
      lastModifiedBy: userId,
    };
    LsrRejected.throwIfAny(p.list);
    const difference = changesOf(order, d, next, customerOrderId);
    await updateOrderFields(tx.db, order.id, {
      customer_order_id: customerOrderId ?? null,
      updated_at: deps.clock.now().toISOString(),
    });
    const validation = validationFieldsOf(next.subscriber);
    for (const portOut of portOuts) {
      if (portOut.status === 'COMPLETE' || portOut.status === 'CANCELLED') continue;
      await suppPortOut(
        deps,
        tx,
        portOut,
        { spid: next.spid, requestedFocDate: next.requestedFocDate, validation },
        'System',
      );
    }
    await transition(
      tx.db,
      deps.clock,
      LSR_ORDERS,
      order,
      'PENDING',
      { note: 'Supp received', author: userId, difference },
      next,
    );
  });
}

function changesOf(
  order: LsrOrder,
  before: LsrDetails,
  after: LsrDetails,
  customerOrderId: string | undefined,
) {
  const flat = (sub: LsrDetails['subscriber']): Record<string, string | undefined> => {
    const { address, type, ...names } = sub;
    return { SubscriberType: type, ...capitalised(names), ...capitalised(address) };
  };
  const was = flat(before.subscriber);
  const is = flat(after.subscriber);
  return describeChanges([
    ['CustomerOrderId', order.customerOrderId, customerOrderId],
    ['SPID', before.spid, after.spid],
    ['BillingTelephoneNumber', before.billingTelephoneNumber, after.billingTelephoneNumber],
    ['AuthorizingPerson', before.authorizingPerson, after.authorizingPerson],
    ['RequestedFocDate', before.requestedFocDate, after.requestedFocDate],
    ...[...new Set([...Object.keys(was), ...Object.keys(is)])].map(
      (key) => [key, was[key], is[key]] as const,
    ),
    ['PonVersion', before.ponVersion, after.ponVersion],
  ]);
}

const capitalised = (o: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), v]));

/** Cancels the order and every port-out of it still open. */
export async function cancelLsrOrder(
  deps: AppDeps,
  accountId: string,
  id: string,
  userId: string,
): Promise<void> {
  await inTransaction(deps.database.db, async (tx) => {
    const { order, portOuts } = await lockForChange(deps, tx, accountId, id);
    for (const portOut of portOuts) {
      if (portOut.status !== 'COMPLETE' && portOut.status !== 'CANCELLED')
        await cancelPortOut(
          deps,
          tx,
          portOut,
          'The LSR order was cancelled by the winning carrier',
          'System',
        );
    }
    await transition(tx.db, deps.clock, LSR_ORDERS, order, 'CANCELLED', {
      note: 'Order cancelled',
      author: userId,
    });
  });
}
