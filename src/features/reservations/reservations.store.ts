import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { ReservationState, TnReservationsTable } from '../../platform/db/tables.js';

export interface ReservationRecord {
  readonly id: string;
  readonly accountId: string;
  readonly tn: number;
  readonly userId: string | undefined;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly state: ReservationState;
}

function toRecord(row: Selectable<TnReservationsTable>): ReservationRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    tn: row.tn,
    userId: row.user_id ?? undefined,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    state: row.state,
  };
}

/**
 * Inserts an active reservation unless the number already has one: the unique partial index
 * `tn_reservations_active` (one active reservation per number) decides, atomically. Returns whether
 * the row went in.
 */
export async function insertActiveReservation(
  db: Executor,
  r: Omit<ReservationRecord, 'state'>,
): Promise<boolean> {
  const rows = await db
    .insertInto('tn_reservations')
    .values({
      id: r.id,
      account_id: r.accountId,
      tn: r.tn,
      user_id: r.userId ?? null,
      created_at: r.createdAt,
      expires_at: r.expiresAt,
      state: 'active',
    })
    // The conflict target names the partial index; its predicate must be written as in the index
    // (a literal, not a parameter) for SQLite to match it.
    .onConflict((oc) => oc.column('tn').where('state', '=', sql.lit('active')).doNothing())
    .returning('id')
    .execute();
  return rows.length === 1;
}

/** Any reservation by id, whatever its account or state (the expiry job). */
export async function findReservationById(db: Executor, id: string): Promise<ReservationRecord | undefined> {
  const row = await db.selectFrom('tn_reservations').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** The account's active reservation `id`; another account's reservation simply does not exist. */
export async function findActiveReservation(
  db: Executor,
  accountId: string,
  id: string,
): Promise<ReservationRecord | undefined> {
  const row = await db
    .selectFrom('tn_reservations')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('state', '=', 'active')
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** The active reservation of a number, if any (at most one, by the unique index). */
export async function findActiveReservationOfTn(
  db: Executor,
  tn: number,
): Promise<ReservationRecord | undefined> {
  const row = await db
    .selectFrom('tn_reservations')
    .selectAll()
    .where('tn', '=', tn)
    .where('state', '=', 'active')
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/**
 * Ends an active reservation (released, expired or used). Conditional on it still being active when
 * the row is written (re-checked under the row lock on PostgreSQL), so of a release, an expiry and
 * an order racing for the same reservation exactly one wins. Returns whether this call ended it.
 */
export async function endReservation(
  db: Executor,
  id: string,
  to: Exclude<ReservationState, 'active'>,
): Promise<boolean> {
  const result = await db
    .updateTable('tn_reservations')
    .set({ state: to })
    .where('id', '=', id)
    .where('state', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface LiveReservation {
  readonly id: string;
  readonly tn: number;
}

/**
 * The account's live reservations (active and not yet expired at `now`): of the given numbers, or
 * with the given ids (an order names the reservations it uses).
 */
export async function findLiveReservations(
  db: Executor,
  accountId: string,
  now: string,
  of: { readonly tns: readonly number[] } | { readonly ids: readonly string[] },
): Promise<LiveReservation[]> {
  const [column, values] = 'tns' in of ? (['tn', [...of.tns]] as const) : (['id', [...of.ids]] as const);
  if (values.length === 0) return [];
  return db
    .selectFrom('tn_reservations')
    .select(['id', 'tn'])
    .where('account_id', '=', accountId)
    .where('state', '=', 'active')
    .where('expires_at', '>', now)
    .where(column, 'in', values)
    .execute();
}

/** Ends, as used, the reservations whose numbers were just put in service. */
export async function markReservationsUsed(
  db: Executor,
  reservations: readonly LiveReservation[],
  assigned: readonly number[],
): Promise<void> {
  const taken = new Set(assigned);
  const used = reservations.filter((r) => taken.has(r.tn)).map((r) => r.id);
  if (used.length === 0) return;
  await db.updateTable('tn_reservations').set({ state: 'used' }).where('id', 'in', used).execute();
}
