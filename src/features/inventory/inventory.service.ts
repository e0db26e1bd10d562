import type { Updateable } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import type { TelephoneNumbersTable } from '../../platform/db/tables.js';
import {
  deleteNumbersGuarded,
  insertHistory,
  insertNumbersIfAbsent,
  updateNumbersGuarded,
  type Guard,
} from './inventory.store.js';
import { canTransition, TnStatus, type TnStatusCode } from '../../shared/tn-status.js';

/** The order (or admin action) behind a status change, shown by /tns/{tn} and its history. */
export interface OrderRef {
  readonly id: string;
  readonly type: string;
  readonly createdAt: string;
  readonly status?: string | undefined;
}

export interface TnChange {
  /**
   * The new status. Omitted, the numbers keep their status (a move to another peer, protection) and
   * no history row is written: a number's history records its status changes.
   */
  readonly to?: TnStatusCode | undefined;
  /** New owner, site and SIP peer; `null` clears, undefined keeps. */
  readonly accountId?: string | null;
  readonly siteId?: number | null;
  readonly sipPeerId?: number | null;
  readonly reservationId?: string | null;
  /** The carrier a number was ported in from (null clears it); undefined keeps it. */
  readonly portedFrom?: string | null;
  /** The carrier a number was ported out to (null clears it); undefined keeps it. */
  readonly portedTo?: string | null;
  /** Mark the numbers protected (TnAttributes Protected on an order); undefined keeps the flag. */
  readonly protected?: boolean | undefined;
  readonly order?: OrderRef | undefined;
  readonly userId?: string | undefined;
  /** Further conditions on the numbers (owner, reservation); the allowed from-statuses always apply. */
  readonly guard?: Omit<Guard, 'statuses'> & { readonly statuses?: readonly TnStatusCode[] };
}

export interface TransitionResult {
  readonly changed: readonly number[];
  /** Requested numbers that did not change: unknown, in a status that cannot move there, or guarded. */
  readonly refused: readonly number[];
}

const ALL_STATUSES = Object.values(TnStatus) as TnStatusCode[];

/**
 * The one way a number changes status: each number moves only from a status the TN state machine
 * allows (tn-status.ts) and only while the guard still holds at the moment its row is written, and
 * every change writes a history row, all in the caller's transaction.
 */
export async function transitionNumbers(
  db: Executor,
  clock: Clock,
  tns: readonly number[],
  change: TnChange,
): Promise<TransitionResult> {
  const to = change.to;
  const allowed = change.guard?.statuses ?? ALL_STATUSES;
  const from = to === undefined ? allowed : allowed.filter((s) => canTransition(s, to));
  if (tns.length === 0 || from.length === 0) return { changed: [], refused: [...tns] };
  const now = clock.now().toISOString();
  const set: Updateable<TelephoneNumbersTable> =
    to === undefined ? { updated_at: now } : { status: to, status_changed_at: now, updated_at: now };
  if (change.accountId !== undefined) set.account_id = change.accountId;
  if (change.siteId !== undefined) set.site_id = change.siteId;
  if (change.sipPeerId !== undefined) set.sip_peer_id = change.sipPeerId;
  if (change.reservationId !== undefined) set.reservation_id = change.reservationId;
  if (change.protected !== undefined) set.protected = change.protected ? 1 : 0;
  if (change.portedFrom !== undefined) set.ported_from = change.portedFrom;
  if (change.portedTo !== undefined) set.ported_to = change.portedTo;
  if (change.order) {
    set.order_id = change.order.id;
    set.order_type = change.order.type;
    set.order_created_at = change.order.createdAt;
  }
  const changed = await updateNumbersGuarded(db, tns, { ...change.guard, statuses: from }, set);
  // History names the account the change concerns: the new owner, or (for a release, an expiry or
  // the end of aging) the account that held the number.
  const concernedAccount = change.accountId ?? change.guard?.accountId ?? null;
  if (to === undefined) return result(tns, changed);
  await insertHistory(
    db,
    changed.map((tn) => ({
      tn,
      at: now,
      status: to,
      account_id: concernedAccount,
      order_id: change.order?.id ?? null,
      order_type: change.order?.type ?? null,
      order_created_at: change.order?.createdAt ?? null,
      order_status: change.order?.status ?? null,
      user_id: change.userId ?? null,
    })),
  );
  return result(tns, changed);
}

function result(tns: readonly number[], changed: number[]): TransitionResult {
  const done = new Set(changed);
  return { changed, refused: tns.filter((tn) => !done.has(tn)) };
}

/** A number coming in by a port, with the place its reference data gives it. */
export interface PortedNumber {
  readonly tn: number;
  readonly rateCenterId: number | null;
  readonly cityId: number | null;
  readonly state: string | null;
  readonly lata: string | null;
  readonly tier: number;
  readonly vendorId: number;
}

export interface Admission {
  readonly accountId: string;
  readonly siteId: number;
  readonly sipPeerId: number;
  readonly order: OrderRef;
  readonly userId?: string | undefined;
  /** The losing carrier's SPID. */
  readonly portedFrom: string;
  readonly protected?: boolean | undefined;
  /** An internal port: the account the numbers leave (they are in service there). */
  readonly losingAccountId?: string | undefined;
}

/**
 * Ported-in numbers go in service on the winning account: numbers new to the inventory are added
 * in service; numbers that were ported out before come back; an internal port moves numbers in
 * service on the losing account. Each writes a history row. Numbers in any other state (ordered
 * meanwhile, say) are refused.
 */
export async function admitPortedNumbers(
  db: Executor,
  clock: Clock,
  numbers: readonly PortedNumber[],
  a: Admission,
): Promise<TransitionResult> {
  const now = clock.now().toISOString();
  const change: TnChange = {
    to: TnStatus.inService,
    accountId: a.accountId,
    siteId: a.siteId,
    sipPeerId: a.sipPeerId,
    order: a.order,
    userId: a.userId,
    protected: a.protected,
  };
  const tns = numbers.map((n) => n.tn);
  if (a.losingAccountId !== undefined) {
    return transitionNumbers(db, clock, tns, {
      ...change,
      guard: { statuses: [TnStatus.inService], accountId: a.losingAccountId },
    });
  }
  const inserted = await insertPlacedNumbers(db, now, numbers, { ...a, status: TnStatus.inService });
  const done = new Set(inserted);
  const back = await transitionNumbers(
    db,
    clock,
    tns.filter((tn) => !done.has(tn)),
    { ...change, portedFrom: a.portedFrom, portedTo: null, guard: { statuses: [TnStatus.portedOut] } },
  );
  return result(tns, [...inserted, ...back.changed]);
}

/**
 * Numbers new to the inventory (a port, an account's external numbers) go in with the place the
 * reference data gives them, on an account, site and SIP peer, each with its first history row;
 * numbers already there are left alone. Answers the numbers inserted.
 */
async function insertPlacedNumbers(
  db: Executor,
  now: string,
  numbers: readonly PortedNumber[],
  a: {
    readonly status: TnStatusCode;
    readonly accountId: string;
    readonly siteId: number;
    readonly sipPeerId: number;
    readonly order: OrderRef;
    readonly userId?: string | undefined;
    readonly protected?: boolean | undefined;
    readonly portedFrom?: string | undefined;
  },
): Promise<number[]> {
  const inserted = await insertNumbersIfAbsent(
    db,
    numbers.map((n) => ({
      tn: n.tn,
      status: a.status,
      rate_center_id: n.rateCenterId,
      city_id: n.cityId,
      state: n.state,
      lata: n.lata,
      tier: n.tier,
      vendor_id: n.vendorId,
      protected: a.protected ? 1 : 0,
      account_id: a.accountId,
      site_id: a.siteId,
      sip_peer_id: a.sipPeerId,
      reservation_id: null,
      order_id: a.order.id,
      order_type: a.order.type,
      order_created_at: a.order.createdAt,
      status_changed_at: now,
      updated_at: now,
      ported_from: a.portedFrom ?? null,
    })),
  );
  await insertHistory(
    db,
    inserted.map((tn) => ({
      tn,
      at: now,
      status: a.status,
      account_id: a.accountId,
      order_id: a.order.id,
      order_type: a.order.type,
      order_created_at: a.order.createdAt,
      order_status: a.order.status ?? null,
      user_id: a.userId ?? null,
    })),
  );
  return inserted;
}

/** Numbers leaving by a port-out: whose they are, where they go, and the order behind it. */
export interface PortOutRelease {
  readonly accountId: string;
  /** The winning carrier's SPID. */
  readonly portedTo: string;
  readonly order: OrderRef;
  readonly userId?: string | undefined;
}

/**
 * Ported-out numbers leave their owner: out of the account, its site and SIP peer, state ported
 * out, the winning carrier recorded, one history row each. Only numbers still in service on the
 * account move; the others are refused.
 */
export async function releasePortedOut(
  db: Executor,
  clock: Clock,
  tns: readonly number[],
  r: PortOutRelease,
): Promise<TransitionResult> {
  return transitionNumbers(db, clock, tns, {
    to: TnStatus.portedOut,
    accountId: null,
    siteId: null,
    sipPeerId: null,
    protected: false,
    portedFrom: null,
    portedTo: r.portedTo,
    order: r.order,
    userId: r.userId,
    guard: { statuses: [TnStatus.inService], accountId: r.accountId },
  });
}

/** An account's numbers hosted by another carrier (external), and the order that brings them in or out. */
export interface ExternalPlacement {
  readonly accountId: string;
  readonly siteId: number;
  readonly sipPeerId: number;
  readonly order: OrderRef;
  readonly userId?: string | undefined;
}

/**
 * External numbers come in on the account's site and SIP peer: numbers new to the inventory are
 * added as external (with the place the reference data gives them), numbers already external on the
 * account move to the new site and peer (importing again is harmless); any other number is refused.
 */
export async function admitExternalNumbers(
  db: Executor,
  clock: Clock,
  numbers: readonly PortedNumber[],
  a: ExternalPlacement,
): Promise<TransitionResult> {
  const now = clock.now().toISOString();
  const inserted = await insertPlacedNumbers(db, now, numbers, { ...a, status: TnStatus.external });
  const done = new Set(inserted);
  const again = await transitionNumbers(
    db,
    clock,
    numbers.map((n) => n.tn).filter((tn) => !done.has(tn)),
    {
      siteId: a.siteId,
      sipPeerId: a.sipPeerId,
      order: a.order,
      guard: { statuses: [TnStatus.external], accountId: a.accountId },
    },
  );
  return result(
    numbers.map((n) => n.tn),
    [...inserted, ...again.changed],
  );
}

/**
 * External numbers leave: they were never ours, so they are taken out of the inventory altogether
 * (not made available). Only numbers external on the account go; the others are refused.
 */
export async function removeExternalNumbers(
  db: Executor,
  tns: readonly number[],
  accountId: string,
): Promise<TransitionResult> {
  const removed = await deleteNumbersGuarded(db, tns, { statuses: [TnStatus.external], accountId });
  return result(tns, removed);
}
