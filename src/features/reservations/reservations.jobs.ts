import type { AppDeps } from '../../context.js';
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import { transitionNumbers } from '../inventory/index.js';
import { TnStatus } from '../../shared/tn-status.js';
import { endReservation, findReservationById } from './reservations.store.js';

export interface ExpiryPayload {
  readonly reservationId: string;
}

export type ExpiryOutcome =
  /** The reservation ended now and its number is available again. */
  | { readonly kind: 'expired' }
  /** Nothing to do: unknown, or already released, expired or used by an order. */
  | { readonly kind: 'gone' }
  /** Still running (the clock was set back after the job was claimed). */
  | { readonly kind: 'pending'; readonly expiresAtMs: number };

/**
 * Ends a reservation whose time is up and makes its number available again, in the caller's
 * transaction. Idempotent: a reservation that is no longer active (released, used by an order,
 * already expired) or a number that has moved on is left alone. Run by the expiry job, and inline
 * by a new reservation of the same number, so a late worker never keeps a number on hold.
 */
export async function expireReservation(db: Executor, clock: Clock, id: string): Promise<ExpiryOutcome> {
  const r = await findReservationById(db, id);
  if (!r || r.state !== 'active') return { kind: 'gone' };
  const expiresAtMs = Date.parse(r.expiresAt);
  if (expiresAtMs > clock.nowMs()) return { kind: 'pending', expiresAtMs };
  if (!(await endReservation(db, r.id, 'expired'))) return { kind: 'gone' };
  await transitionNumbers(db, clock, [r.tn], {
    to: TnStatus.available,
    accountId: null,
    reservationId: null,
    guard: { statuses: [TnStatus.reserved], accountId: r.accountId, reservationIds: [r.id] },
  });
  return { kind: 'expired' };
}

export const RESERVATION_EXPIRY_JOB = 'tn-reservation.expire';

/** The durable job scheduled at a reservation's expiry time (the row survives restarts). */
export function reservationExpiryJob(deps: AppDeps): JobDefinition<ExpiryPayload> {
  const def: JobDefinition<ExpiryPayload> = {
    name: RESERVATION_EXPIRY_JOB,
    parse(payload) {
      const id = (payload as Partial<ExpiryPayload> | null)?.reservationId;
      if (typeof id !== 'string' || id === '') throw new Error('expiry job without a reservationId');
      return { reservationId: id };
    },
    async run(ctx, payload) {
      const outcome = await expireReservation(ctx.tx.db, ctx.clock, payload.reservationId);
      // Due again at the expiry time; no dedupe key, since this running job still holds its own.
      if (outcome.kind === 'pending') {
        await deps.jobs.enqueue(ctx.tx, def, payload, { runAt: outcome.expiresAtMs });
      }
    },
  };
  return def;
}

export function reservationJobs(deps: AppDeps): JobDefinition<ExpiryPayload>[] {
  return [reservationExpiryJob(deps)];
}
