import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../context.js';
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { TnStatus } from '../../shared/tn-status.js';
import { transitionNumbers, type TnChange, type TransitionResult } from '../inventory/index.js';
import { liveReservationsOf, markReservationsUsed, type LiveReservation } from '../reservations/index.js';
import { defaultPeerIdOf, findSipPeerOnSite } from '../sip-peers/index.js';
import { findSiteOf, listSites } from '../sites/index.js';

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
  const site = await findSiteOf(db, a.accountId, siteId);
  if (!site) throw new Error(`site ${siteId} does not exist on account ${a.accountId}`);
  const sipPeerId = a.sipPeerId ?? (await defaultPeerIdOf(db, site.id));
  if (sipPeerId === undefined) throw new Error(`site ${site.id} has no SIP peer to put numbers on`);
  if (!(await findSipPeerOnSite(db, a.accountId, site.id, sipPeerId))) {
    throw new Error(`SIP peer ${sipPeerId} does not exist on site ${site.id}`);
  }
  return inTransaction(db, async (tx) => {
    const now = deps.clock.now().toISOString();
    const reservations = await liveReservationsOf(tx.db, a.accountId, now, { tns: a.tns });
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
