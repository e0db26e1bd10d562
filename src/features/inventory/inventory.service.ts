import type { Updateable } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import type { TelephoneNumbersTable } from '../../platform/db/tables.js';
import { insertHistory, updateNumbersGuarded, type Guard } from './inventory.store.js';
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
