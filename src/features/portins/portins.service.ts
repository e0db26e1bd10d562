import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../context.js';
import type { Executor } from '../../platform/db/database.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import { ApiError } from '../../platform/http/api-error.js';
import type { AddressInput } from '../../shared/address.js';
import { parseId, text } from '../../shared/fields.js';
import { vendorForTier } from '../../shared/tn-status.js';
import {
  findOrder,
  listOrderPage,
  lockOrder,
  OrderCommonErrors,
  Problems,
  receiveOrder,
  recordHistory,
  requireOrder,
  transition,
  updateOrderFields,
} from '../orders-common/index.js';
import { findAccountOf } from '../accounts/index.js';
import { easternDay } from '../porting-calendar/index.js';
import { openInternalPortOut } from '../portouts/index.js';
import { defaultPeerIdOf, findSipPeerOnSite } from '../sip-peers/index.js';
import { findSiteOf } from '../sites/index.js';
import { INTERNAL_CARRIER, portingReference } from './carriers.js';
import { classifyNumbers, type NumberPortability } from './portability.js';
import { PortInErrors, PortInRejected } from './portins.errors.js';
import { cancelNow, requestCancel, resubmitJob } from './portins.jobs.js';
import { PORT_INS, type PortInDetails, type PortInOrder } from './portins.kind.js';
import { holdNumbers, numbersOfPortIn, openPortInsOf } from './portins.store.js';
import {
  parseBillingType,
  parseBtn,
  parseCustomerOrderId,
  parseLoaPerson,
  parsePartialPort,
  parsePortTns,
  parseRequestedFoc,
  parseSubscriber,
  parseTnAttributes,
  parseTriggered,
  parseWireless,
} from './portins.validation.js';

/**
 * Port-in orders: accepting one (every rule checked at once, every problem reported), reading it,
 * changing it (SUPP) and cancelling it. What happens next is the carrier's (portins.jobs.ts) or the
 * porting desk's (portins.desk.ts).
 */
export interface SubscriberInput {
  readonly type?: string | undefined;
  readonly businessName?: string | undefined;
  readonly firstName?: string | undefined;
  readonly middleInitial?: string | undefined;
  readonly lastName?: string | undefined;
  readonly address?: AddressInput | undefined;
}

export interface WirelessInput {
  readonly accountNumber?: string | undefined;
  readonly pinNumber?: string | undefined;
}

/** POST /portins, in our names (portins.xml.ts decodes it): as sent, checked here. */
export interface PortInInput {
  readonly requestedFocDate?: string | undefined;
  readonly alternateSpid?: string | undefined;
  readonly billingTelephoneNumber?: string | undefined;
  readonly siteId?: string | undefined;
  readonly peerId?: string | undefined;
  readonly subscriber?: SubscriberInput | undefined;
  readonly loaAuthorizingPerson?: string | undefined;
  readonly wirelessInfo?: WirelessInput | undefined;
  readonly tnAttributes?: readonly string[] | undefined;
  readonly telephoneNumbers?: readonly string[] | undefined;
  readonly triggered?: string | undefined;
  readonly billingType?: string | undefined;
  readonly customerOrderId?: string | undefined;
  readonly partialPort?: string | undefined;
}

/** PUT /portins/{id} (a SUPP): only what is sent changes. */
export interface PortInSuppInput {
  readonly customerOrderId?: string | undefined;
  readonly requestedFocDate?: string | undefined;
  readonly billingTelephoneNumber?: string | undefined;
  readonly wirelessInfo?: WirelessInput | undefined;
  readonly tnAttributes?: readonly string[] | undefined;
  readonly subscriber?: SubscriberInput | undefined;
  readonly siteId?: string | undefined;
  readonly peerId?: string | undefined;
  readonly partialPort?: string | undefined;
  readonly loaAuthorizingPerson?: string | undefined;
}

export interface PortInView {
  readonly order: PortInOrder;
  readonly tns: readonly number[];
}

/** The site (required) and SIP peer (default: the site's default peer) the numbers will go to. */
async function placeOf(
  db: Executor,
  accountId: string,
  siteText: string | undefined,
  peerText: string | undefined,
  p: Problems,
): Promise<{ siteId: number; peerId: number } | undefined> {
  if (text(siteText) === undefined) return p.add(PortInErrors.siteRequired);
  const siteId = /^\d{1,9}$/.test(siteText ?? '') ? Number(siteText) : undefined;
  const site = siteId === undefined ? undefined : await findSiteOf(db, accountId, siteId);
  if (!site) return p.add(PortInErrors.siteInvalid);
  if (text(peerText) === undefined) {
    const peerId = await defaultPeerIdOf(db, site.id);
    return peerId === undefined ? p.add(PortInErrors.noDefaultPeer) : { siteId: site.id, peerId };
  }
  const peerId = parseId(peerText, () => ApiError.of(PortInErrors.peerInvalid));
  if (!(await findSipPeerOnSite(db, accountId, site.id, peerId))) return p.add(PortInErrors.peerInvalid);
  return { siteId: site.id, peerId };
}

/** What keeps the numbers from one port-in, per number, with Bandwidth's codes. */
function numberProblems(classified: readonly NumberPortability[], p: Problems): void {
  const rules = [
    ['unknownNpaNxx', PortInErrors.tnInvalid],
    ['inService', PortInErrors.tnInService],
    ['pendingPortIn', PortInErrors.tnPending],
    ['ours', PortInErrors.tnOurs],
    ['external', PortInErrors.tnExternal],
    ['unsupportedRateCenter', PortInErrors.tnRateCenterUnsupported],
    ['unsupportedCarrier', PortInErrors.tnCarrierUnsupported],
  ] as const;
  for (const [problem, def] of rules) {
    const tns = classified.filter((c) => c.problem === problem).map((c) => c.tn);
    if (tns.length > 0) p.addForNumbers(def, tns);
  }
  const tollFree = classified.filter((c) => c.tollFree).map((c) => c.tn);
  if (tollFree.length > 0 && tollFree.length < classified.length) {
    p.addForNumbers(PortInErrors.mixedTollFree, tollFree);
  } else if (new Set(classified.map((c) => c.portType)).size > 1) {
    p.add(PortInErrors.multipleVendors);
  }
}

/** POST /portins: PENDING_DOCUMENTS, holding its numbers, or a 400 listing every problem. */
export async function createPortIn(
  deps: AppDeps,
  accountId: string,
  input: PortInInput,
  userId: string,
): Promise<PortInView> {
  const p = new Problems();
  const ref = await portingReference(deps);
  const tns = parsePortTns(input.telephoneNumbers, p);
  const btn = parseBtn(input.billingTelephoneNumber, p);
  const subscriber = parseSubscriber(input.subscriber, p);
  const loaAuthorizingPerson = parseLoaPerson(input.loaAuthorizingPerson, p);
  const wirelessInfo = parseWireless(input.wirelessInfo);
  const tnAttributes = parseTnAttributes(input.tnAttributes, p);
  const triggered = parseTriggered(input.triggered, p);
  const billingType = parseBillingType(input.billingType, p);
  const partialPort = parsePartialPort(input.partialPort, p);
  const customerOrderId = parseCustomerOrderId(input.customerOrderId, p);
  const place = await placeOf(deps.database.db, accountId, input.siteId, input.peerId, p);

  const classified = tns ? await classifyNumbers(deps, accountId, tns) : [];
  numberProblems(classified, p);
  const first = classified[0];
  const carrier = first?.carrier;
  const carriers = new Set(classified.map((c) => c.carrier?.spid));
  if (btn !== undefined && carrier && !first.tollFree && !tns?.includes(btn)) {
    const [ofBtn] = await classifyNumbers(deps, accountId, [btn]);
    if (ofBtn?.carrier) carriers.add(ofBtn.carrier.spid);
  }
  if (carriers.size > 1) p.add(PortInErrors.sameCarrier);
  if (carrier?.accountNumberRequired && !wirelessInfo?.accountNumber)
    p.add(PortInErrors.accountNumberRequired);
  if (tnAttributes.includes('Protected')) {
    if (classified.some((c) => c.tollFree)) p.add(PortInErrors.protectedTollFree);
    else if (classified.some((c) => c.tier === 1)) p.add(PortInErrors.protectedOffNet);
  }
  const requestedFocDate = parseRequestedFoc(
    input.requestedFocDate,
    {
      triggered,
      nowMs: deps.clock.nowMs(),
      cal: ref.calendar,
      intervalDays: carrier?.minimumPortingInterval ?? 1,
    },
    p,
  );
  PortInRejected.throwIfAny(p.list);
  if (
    !tns ||
    !first ||
    !carrier ||
    btn === undefined ||
    !subscriber ||
    !loaAuthorizingPerson ||
    !place ||
    !requestedFocDate
  ) {
    throw new PortInRejected([{ code: 7598, description: 'Invalid Request' }]);
  }

  const details: PortInDetails = {
    portType: first.portType,
    losingCarrier: { spid: carrier.spid, name: carrier.name, isWireless: carrier.isWireless },
    losingAccountId: first.losingAccountId,
    vendorId: vendorForTier(first.tier ?? 0),
    requestedFocDate,
    billingTelephoneNumber: btn,
    subscriber,
    loaAuthorizingPerson,
    wirelessInfo,
    tnAttributes,
    triggered,
    billingType,
    partialPort,
    alternateSpid: text(input.alternateSpid),
    round: 0,
  };
  const id = randomUUID();
  await inTransaction(deps.database.db, async (tx) => {
    await receiveOrder(tx.db, deps.clock, PORT_INS, {
      id,
      accountId,
      customerOrderId,
      siteId: place.siteId,
      sipPeerId: place.peerId,
      quantity: tns.length,
      details,
      createdBy: userId,
      createdAt: deps.clock.now().toISOString(),
    });
    // An internal port: the losing account sees it as a port-out, which holds the numbers too.
    const held = first.losingAccountId
      ? await openInternalPortOut(deps, tx, {
          portInId: id,
          losingAccountId: first.losingAccountId,
          tns,
          spid: (await findAccountOf(tx.db, accountId))?.spid ?? INTERNAL_CARRIER.spid,
          requestedFocDate: easternDay(Date.parse(requestedFocDate)),
        })
      : [];
    if (held.length > 0) {
      const q = new Problems();
      q.addForNumbers(PortInErrors.tnPending, held);
      PortInRejected.throwIfAny(q.list);
    }
    // Another port-in took some of the numbers since they were checked: refused, nothing written.
    if ((await holdNumbers(tx.db, id, tns)) < tns.length) {
      const taken = [...(await openPortInsOf(tx.db, tns)).entries()]
        .filter(([, o]) => o !== id)
        .map(([tn]) => tn);
      const q = new Problems();
      q.addForNumbers(PortInErrors.tnPending, taken);
      PortInRejected.throwIfAny(q.list);
    }
  });
  return getPortIn(deps, accountId, id);
}

export async function getPortIn(deps: AppDeps, accountId: string, id: string): Promise<PortInView> {
  const order = await requireOrder(deps, PORT_INS, accountId, id);
  const tns = (await numbersOfPortIn(deps.database.db, order.id)).map((n) => n.tn);
  return { order, tns };
}

/** The account's port-in, locked in the transaction (read through it: SQLite has one connection). */
export async function lockPortIn(deps: AppDeps, tx: Tx, accountId: string, id: string): Promise<PortInOrder> {
  const found = await findOrder(tx.db, PORT_INS, accountId, id);
  if (!found) throw ApiError.of(OrderCommonErrors.orderNotFound, PORT_INS.label, id);
  return (await lockOrder(tx.db, deps.database.dialect, PORT_INS, found.id)) ?? found;
}

/** The order locked for a change by its customer, refused when final or past the point of change. */
export async function lockForChange(
  deps: AppDeps,
  tx: Tx,
  accountId: string,
  id: string,
): Promise<PortInOrder> {
  const order = await lockPortIn(deps, tx, accountId, id);
  if (order.status === 'COMPLETE')
    throw new PortInRejected([PortInErrors.alreadyComplete].map(asError), order.id);
  if (order.status === 'CANCELLED')
    throw new PortInRejected([PortInErrors.alreadyCancelled].map(asError), order.id);
  if (order.status === 'REQUESTED_CANCEL')
    throw new PortInRejected([PortInErrors.cancelRequested].map(asError), order.id);
  return order;
}

const asError = (d: { code: number; template: string }) => ({ code: d.code, description: d.template });
const DAY_MS = 86_400_000;

/** At FOC, a change needs a day's notice (7301) and none is possible once the FOC time has passed (7371). */
function focGuard(deps: AppDeps, order: PortInOrder, passed: { code: number; template: string }): void {
  if (order.status !== 'FOC' || !order.details.actualFocDate) return;
  const left = Date.parse(order.details.actualFocDate) - deps.clock.nowMs();
  if (left <= 0) throw new PortInRejected([asError(passed)], order.id);
  if (left < DAY_MS) throw new PortInRejected([asError(PortInErrors.focTooNear)], order.id);
}

/**
 * PUT /portins/{id}: a SUPP. What is sent is checked as on create and replaces what the order had;
 * before submission the order simply changes; afterwards it is REQUESTED_SUPP until it goes to the
 * carrier again (at once with the simulated carrier; by the porting desk otherwise).
 */
export async function suppPortIn(
  deps: AppDeps,
  accountId: string,
  id: string,
  input: PortInSuppInput,
  userId: string,
): Promise<PortInView> {
  const ref = await portingReference(deps);
  await inTransaction(deps.database.db, async (tx) => {
    const order = await lockForChange(deps, tx, accountId, id);
    focGuard(deps, order, PortInErrors.focPassed);
    const p = new Problems();
    const d = order.details;
    const changes: Partial<PortInDetails> = {};
    const diff: string[] = [];
    const note = (name: string, before: string | number | undefined, after: string | number | undefined) => {
      if (before !== after) diff.push(`${name} : "${before ?? ''}" --> ${after ?? ''}`);
    };
    if (input.billingTelephoneNumber !== undefined) {
      const btn = parseBtn(input.billingTelephoneNumber, p);
      if (btn !== undefined) {
        changes.billingTelephoneNumber = btn;
        note('BillingTelephoneNumber', d.billingTelephoneNumber, btn);
      }
    }
    if (input.subscriber !== undefined) {
      const s = parseSubscriber(input.subscriber, p);
      if (s) {
        changes.subscriber = s;
        note('Subscriber', JSON.stringify(d.subscriber), JSON.stringify(s));
      }
    }
    if (input.loaAuthorizingPerson !== undefined) {
      const loa = parseLoaPerson(input.loaAuthorizingPerson, p);
      if (loa) {
        changes.loaAuthorizingPerson = loa;
        note('LoaAuthorizingPerson', d.loaAuthorizingPerson, loa);
      }
    }
    if (input.wirelessInfo !== undefined) {
      changes.wirelessInfo = parseWireless(input.wirelessInfo);
      note('WirelessInfo', JSON.stringify(d.wirelessInfo), JSON.stringify(changes.wirelessInfo));
    }
    if (input.tnAttributes !== undefined) changes.tnAttributes = parseTnAttributes(input.tnAttributes, p);
    if (input.partialPort !== undefined) changes.partialPort = parsePartialPort(input.partialPort, p);
    if (input.requestedFocDate !== undefined) {
      const carrier = ref.carrierBySpid(d.losingCarrier.spid);
      const foc = parseRequestedFoc(
        input.requestedFocDate,
        {
          triggered: d.triggered,
          nowMs: deps.clock.nowMs(),
          cal: ref.calendar,
          intervalDays: carrier?.minimumPortingInterval ?? 1,
        },
        p,
      );
      if (foc) {
        changes.requestedFocDate = foc;
        note('RequestedFocDate', d.requestedFocDate, foc);
      }
    }
    const customerOrderId =
      input.customerOrderId === undefined
        ? order.customerOrderId
        : parseCustomerOrderId(input.customerOrderId, p);
    note('CustomerOrderId', order.customerOrderId, customerOrderId);
    const place =
      input.siteId === undefined && input.peerId === undefined
        ? { siteId: order.siteId, peerId: order.sipPeerId }
        : await placeOf(tx.db, accountId, input.siteId ?? String(order.siteId), input.peerId, p);
    PortInRejected.throwIfAny(p.list, order.id);
    const details: PortInDetails = { ...d, ...changes, lastModifiedBy: userId };
    const now = deps.clock.now().toISOString();
    await updateOrderFields(tx.db, order.id, {
      customer_order_id: customerOrderId ?? null,
      site_id: place?.siteId ?? null,
      sip_peer_id: place?.peerId ?? null,
      updated_at: now,
    });
    const difference = diff.join('; ') || undefined;
    if (order.status === 'PENDING_DOCUMENTS') {
      await updateOrderFields(tx.db, order.id, { details: JSON.stringify(details), updated_at: now });
      await recordHistory(tx.db, deps.clock, order.id, order.status, {
        note: 'Supp received',
        author: userId,
        difference,
      });
      return;
    }
    await transition(
      tx.db,
      deps.clock,
      PORT_INS,
      order,
      'REQUESTED_SUPP',
      { note: 'Supp received', author: userId, difference },
      { ...details, errors: undefined, actualFocDate: undefined },
    );
    if (deps.config.porting.mode === 'simulated') {
      await deps.jobs.enqueue(tx, resubmitJob(deps), { orderId: order.id, round: d.round });
    }
  });
  return getPortIn(deps, accountId, id);
}

/**
 * DELETE /portins/{id}: cancels, never erases. Before the carrier has it (or after it rejected it)
 * at once; otherwise REQUESTED_CANCEL until the carrier acknowledges; refused after the FOC date.
 */
export async function cancelPortIn(
  deps: AppDeps,
  accountId: string,
  id: string,
  userId: string,
): Promise<void> {
  await inTransaction(deps.database.db, async (tx) => {
    const order = await lockForChange(deps, tx, accountId, id);
    focGuard(deps, order, PortInErrors.cancelAfterFoc);
    if (order.status === 'PENDING_DOCUMENTS' || order.status === 'EXCEPTION') {
      await cancelNow(deps, tx, order, 'Order cancelled', userId);
    } else {
      await requestCancel(deps, tx, order, userId);
    }
  });
}

/** GET /portins/totals: the account's port-ins, by status and vendor. */
export async function countPortIns(
  deps: AppDeps,
  accountId: string,
  filter: { readonly status?: string | undefined; readonly vendorId?: string | undefined },
): Promise<number> {
  let total = 0;
  let page: string | undefined;
  for (;;) {
    const result = await listOrderPage(deps, PORT_INS, {
      accountId,
      status: filter.status,
      page,
      size: 1000,
    });
    total += result.entries.filter(
      (e) => filter.vendorId === undefined || String(e.details.vendorId) === filter.vendorId,
    ).length;
    if (!result.nextId) return total;
    page = result.nextId;
  }
}
