import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../context.js';
import type { Clock } from '../../platform/clock.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { ApiError } from '../../platform/http/api-error.js';
import { isUuid, text } from '../../shared/fields.js';
import { parseTn } from '../../shared/numbering.js';
import { getAccount } from '../accounts/index.js';
import { transitionNumbers, numberOf as findNumber } from '../inventory/index.js';
import { TnStatus } from '../../shared/tn-status.js';
import { expireReservation, reservationExpiryJob } from './reservations.jobs.js';
import {
  endReservation,
  findActiveReservation,
  findActiveReservationOfTn,
  insertActiveReservation,
  type ReservationRecord,
} from './reservations.store.js';
import { ReservationErrors } from './reservations.errors.js';

/** A reservation request: the numbers named (exactly one is accepted), as sent. */
export interface ReservationInput {
  readonly reservedTns: readonly string[];
}

/** A reservation as the API shows it. */
export interface ReservationView {
  readonly id: string;
  readonly accountId: string;
  readonly tn: number;
  /** Whole seconds left. */
  readonly expiresInSeconds: number;
}

/** How long a reservation holds its number (contract §13: 4 hours), in business time. */
export const RESERVATION_LIFETIME_MS = 4 * 3_600_000;

function isLive(r: ReservationRecord, clock: Clock): boolean {
  return r.state === 'active' && Date.parse(r.expiresAt) > clock.nowMs();
}

export function toView(r: ReservationRecord, clock: Clock): ReservationView {
  const leftMs = Date.parse(r.expiresAt) - clock.nowMs();
  return {
    id: r.id,
    accountId: r.accountId,
    tn: r.tn,
    expiresInSeconds: Math.max(0, Math.ceil(leftMs / 1000)),
  };
}

/** One number per reservation (the Location names one reservation): 5044 when absent or several. */
function parseReservedTn(body: ReservationInput): number {
  const values = body.reservedTns.map(text).filter((v) => v !== undefined);
  if (values.length !== 1) throw ApiError.of(ReservationErrors.reservationInvalid);
  const tn = parseTn(values[0] ?? '');
  if (tn === undefined) throw ApiError.of(ReservationErrors.reservationParamInvalid);
  return tn;
}

/**
 * Reserves an available number for the account for four hours of business time. In one
 * transaction: the number moves available -> reserved by a conditional update (so of two accounts
 * racing for it exactly one wins), the reservation row goes in under the unique "one active
 * reservation per number" index, and the expiry job is scheduled at the expiry time. The number is
 * attributed to the reserving account while reserved; searches only return available numbers, so
 * no other account can find or order it.
 */
export async function reserveNumber(
  deps: AppDeps,
  accountId: string,
  body: ReservationInput,
  userId: string | undefined,
): Promise<ReservationRecord> {
  const tn = parseReservedTn(body);
  const account = await getAccount(deps, accountId);
  if (!account.reservationAllowed) throw ApiError.of(ReservationErrors.reservationNotAllowed, accountId);
  const now = deps.clock.nowMs();
  const reservation: ReservationRecord = {
    id: randomUUID(),
    accountId,
    tn,
    userId,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + RESERVATION_LIFETIME_MS).toISOString(),
    state: 'active',
  };
  return inTransaction(deps.database.db, async (tx) => {
    // A reservation whose time is up but whose job has not run yet (worker behind) ends here.
    const current = await findActiveReservationOfTn(tx.db, tn);
    if (current && !isLive(current, deps.clock)) await expireReservation(tx.db, deps.clock, current.id);

    const { changed } = await transitionNumbers(tx.db, deps.clock, [tn], {
      to: TnStatus.reserved,
      accountId,
      reservationId: reservation.id,
      userId,
      guard: { statuses: [TnStatus.available] },
    });
    if (changed.length === 0) {
      if (!(await findNumber(tx.db, tn))) throw ApiError.of(ReservationErrors.reservationTnNotFound, tn);
      throw ApiError.of(ReservationErrors.reservationTnNotAvailable, tn);
    }
    // The number was available, so an active reservation of it would be stale data; the index
    // refuses it rather than letting two reservations hold one number (the update above rolls back).
    if (!(await insertActiveReservation(tx.db, reservation))) {
      throw ApiError.of(ReservationErrors.reservationTnNotAvailable, tn);
    }
    await deps.jobs.enqueue(
      tx,
      reservationExpiryJob(deps),
      { reservationId: reservation.id },
      { runAt: Date.parse(reservation.expiresAt), dedupeKey: `tn-reservation:${reservation.id}` },
    );
    return reservation;
  });
}

/**
 * The account's reservation while it holds its number; 404 5042 otherwise: unknown, another
 * account's (indistinguishable, so ids cannot be probed), released, used or expired.
 */
export async function requireReservation(
  deps: AppDeps,
  accountId: string,
  reservationId: string,
): Promise<ReservationRecord> {
  const id = reservationId.toLowerCase();
  const r = isUuid(id) ? await findActiveReservation(deps.database.db, accountId, id) : undefined;
  if (!r || !isLive(r, deps.clock)) {
    throw ApiError.of(ReservationErrors.reservationNotFoundForAccount, reservationId, accountId);
  }
  return r;
}

/** Releases the reservation: the number is available again, to everyone. */
export async function releaseReservation(
  deps: AppDeps,
  accountId: string,
  reservationId: string,
  userId: string | undefined,
): Promise<void> {
  const r = await requireReservation(deps, accountId, reservationId);
  await inTransaction(deps.database.db, async (tx) => {
    // Conditional: a concurrent release, expiry or order that got there first wins.
    if (!(await endReservation(tx.db, r.id, 'released'))) {
      throw ApiError.of(ReservationErrors.reservationNotFoundForAccount, reservationId, accountId);
    }
    const { changed } = await transitionNumbers(tx.db, deps.clock, [r.tn], {
      to: TnStatus.available,
      accountId: null,
      reservationId: null,
      userId,
      guard: { statuses: [TnStatus.reserved], accountId, reservationIds: [r.id] },
    });
    if (changed.length === 0) throw ApiError.of(ReservationErrors.reservationCannotRelease, r.tn);
  });
}

/**
 * The live reservation of a number, shown only to users of the reserving account: to anyone
 * else, and for an unknown or unreserved number, 404 5043 (nothing tells them it is held).
 */
export async function reservationOfNumber(
  deps: AppDeps,
  visibleAccounts: ReadonlySet<string>,
  tnText: string,
): Promise<ReservationRecord> {
  const tn = parseTn(tnText);
  const r = tn === undefined ? undefined : await findActiveReservationOfTn(deps.database.db, tn);
  if (!r || !isLive(r, deps.clock) || !visibleAccounts.has(r.accountId)) {
    throw ApiError.of(ReservationErrors.reservationNotFound, tnText);
  }
  return r;
}
