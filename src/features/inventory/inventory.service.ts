import { randomUUID } from 'node:crypto';
import type { Updateable } from 'kysely';
import type { AppDeps } from '../../context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { findDefaultPeerId, findSipPeer } from '../sip-peers/sip-peers.store.js';
import {
  findLiveReservations,
  markReservationsUsed,
  type LiveReservation,
} from '../reservations/reservations.store.js';
import { listSites } from '../sites/sites.service.js';
import { findSite } from '../sites/sites.store.js';
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import type { TelephoneNumbersTable } from '../../platform/db/tables.js';
import { insertHistory, updateNumbersGuarded, type Guard } from './inventory.store.js';
import { canTransition, TnStatus, type TnStatusCode } from './tn-status.js';

/** The order (or admin action) behind a status change, shown by /tns/{tn} and its history. */
export interface OrderRef {
  readonly id: string;
  readonly type: string;
  readonly createdAt: string;
  readonly status?: string | undefined;
}

export interface TnChange {
  readonly to: TnStatusCode;
  /** New owner, site and SIP peer; `null` clears, undefined keeps. */
  readonly accountId?: string | null;
  readonly siteId?: number | null;
  readonly sipPeerId?: number | null;
  readonly reservationId?: string | null;
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
  const from = (change.guard?.statuses ?? ALL_STATUSES).filter((s) => canTransition(s, change.to));
  if (tns.length === 0 || from.length === 0) return { changed: [], refused: [...tns] };
  const now = clock.now().toISOString();
  const set: Updateable<TelephoneNumbersTable> = {
    status: change.to,
    status_changed_at: now,
    updated_at: now,
  };
  if (change.accountId !== undefined) set.account_id = change.accountId;
  if (change.siteId !== undefined) set.site_id = change.siteId;
  if (change.sipPeerId !== undefined) set.sip_peer_id = change.sipPeerId;
  if (change.reservationId !== undefined) set.reservation_id = change.reservationId;
  if (change.protected !== undefined) set.protected = change.protected ? 1 : 0;
  if (change.order) {
    set.order_id = change.order.id;
    set.order_type = change.order.type;
    set.order_created_at = change.order.createdAt;
  }
  const changed = await updateNumbersGuarded(db, tns, { ...change.guard, statuses: from }, set);
  // History names the account the change concerns: the new owner, or (for a release, an expiry or
  // the end of aging) the account that held the number.
  const concernedAccount = change.accountId ?? change.guard?.accountId ?? null;
  await insertHistory(
    db,
    changed.map((tn) => ({
      tn,
      at: now,
      status: change.to,
      account_id: concernedAccount,
      order_id: change.order?.id ?? null,
      order_type: change.order?.type ?? null,
      order_created_at: change.order?.createdAt ?? null,
      order_status: change.order?.status ?? null,
      user_id: change.userId ?? null,
    })),
  );
  const done = new Set(changed);
  return { changed, refused: tns.filter((tn) => !done.has(tn)) };
}

export interface Assignment {
  readonly tns: readonly number[];
  readonly accountId: string;
  /** Default: the account's first site. */
  readonly siteId?: number | undefined;
  /** Default: the site's default SIP peer. */
  readonly sipPeerId?: number | undefined;
  readonly userId?: string | undefined;
}

/**
 * Puts numbers in service on an account, site and SIP peer outside any order (admin CLI, demo
 * set-up, tests): available numbers, or ones reserved by that account. Returns what changed.
 */
export async function assignNumbers(deps: AppDeps, a: Assignment): Promise<TransitionResult> {
  const db = deps.database.db;
  const siteId = a.siteId ?? (await listSites(deps, a.accountId))[0]?.id;
  if (siteId === undefined) throw new Error(`account ${a.accountId} has no site to put numbers on`);
  const site = await findSite(db, a.accountId, siteId);
  if (!site) throw new Error(`site ${siteId} does not exist on account ${a.accountId}`);
  const sipPeerId = a.sipPeerId ?? (await findDefaultPeerId(db, site.id));
  if (sipPeerId === undefined) throw new Error(`site ${site.id} has no SIP peer to put numbers on`);
  if (!(await findSipPeer(db, a.accountId, site.id, sipPeerId))) {
    throw new Error(`SIP peer ${sipPeerId} does not exist on site ${site.id}`);
  }
  return inTransaction(db, async (tx) => {
    const now = deps.clock.now().toISOString();
    const reservations = await findLiveReservations(tx.db, a.accountId, now, { tns: a.tns });
    return putInService(tx.db, deps.clock, a.tns, reservations, {
      accountId: a.accountId,
      siteId: site.id,
      sipPeerId,
      order: { id: randomUUID(), type: 'ADMIN_ASSIGNMENT', createdAt: now },
      userId: a.userId,
    });
  });
}

/**
 * Puts numbers in service for an account (an order, an assignment): available numbers, and reserved
 * ones whose live reservation the account holds (`reservations`), which end as used.
 */
export async function putInService(
  db: Executor,
  clock: Clock,
  tns: readonly number[],
  reservations: readonly LiveReservation[],
  change: Omit<TnChange, 'to' | 'guard' | 'reservationId'>,
): Promise<TransitionResult> {
  const result = await transitionNumbers(db, clock, tns, {
    ...change,
    to: TnStatus.inService,
    reservationId: null,
    guard: {
      statuses: [TnStatus.available, TnStatus.reserved],
      reservationIds: reservations.map((r) => r.id),
    },
  });
  await markReservationsUsed(db, reservations, result.changed);
  return result;
}
