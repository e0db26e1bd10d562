import { TnStatus } from '../../shared/tn-status.js';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { TelephoneNumbersTable, TnHistoryTable } from '../../platform/db/tables.js';

export type NumberRecord = Selectable<TelephoneNumbersTable>;
export type HistoryRecord = Selectable<TnHistoryTable>;
export type HistoryInsert = Omit<TnHistoryTable, 'id'>;

/** Statement parameters stay well below both dialects' limits. */
const CHUNK = 900;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export async function findNumber(db: Executor, tn: number): Promise<NumberRecord | undefined> {
  return db.selectFrom('telephone_numbers').selectAll().where('tn', '=', tn).executeTakeFirst();
}

export async function findNumbers(db: Executor, tns: readonly number[]): Promise<NumberRecord[]> {
  const out: NumberRecord[] = [];
  for (const part of chunks(tns)) {
    out.push(...(await db.selectFrom('telephone_numbers').selectAll().where('tn', 'in', part).execute()));
  }
  return out;
}

export interface Guard {
  /** Only numbers currently in one of these statuses change. */
  readonly statuses: readonly number[];
  /** Only numbers on this account (or, with `orUnowned`, owned by nobody). */
  readonly accountId?: string | undefined;
  readonly orUnowned?: boolean;
  /** Reserved numbers change only when reserved by one of these reservations. */
  readonly reservationIds?: readonly string[] | undefined;
  /** Only numbers that came in by a port (true) or only those that did not (false). */
  readonly portedIn?: boolean | undefined;
}

/**
 * Conditional update: a number changes only if it still satisfies the guard when its row is
 * written (re-checked under the row lock on PostgreSQL), so two concurrent claims never both win.
 * Returns the numbers that changed.
 */
/** Deletes the numbers still in one of the guard's statuses on its account; answers those deleted. */
export async function deleteNumbersGuarded(
  db: Executor,
  tns: readonly number[],
  guard: { readonly statuses: readonly number[]; readonly accountId: string },
): Promise<number[]> {
  const deleted: number[] = [];
  for (const part of chunks(tns)) {
    const rows = await db
      .deleteFrom('telephone_numbers')
      .where('tn', 'in', part)
      .where('status', 'in', [...guard.statuses])
      .where('account_id', '=', guard.accountId)
      .returning('tn')
      .execute();
    deleted.push(...rows.map((r) => r.tn));
  }
  return deleted;
}

export async function updateNumbersGuarded(
  db: Executor,
  tns: readonly number[],
  guard: Guard,
  set: Updateable<TelephoneNumbersTable>,
): Promise<number[]> {
  const changed: number[] = [];
  for (const part of chunks(tns)) {
    let q = db
      .updateTable('telephone_numbers')
      .set(set)
      .where('tn', 'in', part)
      .where('status', 'in', [...guard.statuses]);
    if (guard.accountId !== undefined) {
      const accountId = guard.accountId;
      q = guard.orUnowned
        ? q.where((eb) => eb.or([eb('account_id', '=', accountId), eb('account_id', 'is', null)]))
        : q.where('account_id', '=', accountId);
    }
    if (guard.reservationIds !== undefined) {
      const ids = [...guard.reservationIds];
      q = q.where((eb) =>
        eb.or([eb('status', '!=', 1), ...(ids.length > 0 ? [eb('reservation_id', 'in', ids)] : [])]),
      );
    }
    if (guard.portedIn !== undefined) {
      q = q.where('ported_from', guard.portedIn ? 'is not' : 'is', null);
    }
    const rows = await q.returning('tn').execute();
    changed.push(...rows.map((r) => r.tn));
  }
  return changed;
}

export async function insertHistory(db: Executor, rows: readonly HistoryInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('tn_history')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

export async function historyOf(db: Executor, tn: number): Promise<HistoryRecord[]> {
  return db.selectFrom('tn_history').selectAll().where('tn', '=', tn).orderBy('id').execute();
}

/** How many numbers are in each status. */
export async function countNumbersByStatus(db: Executor): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('telephone_numbers')
    .select(['status', (eb) => eb.fn.countAll<string | number>().as('n')])
    .groupBy('status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

/** Up to `limit` available, unprotected numbers of a rate centre, in number order (demo set-up). */
export async function availableNumbersOf(
  db: Executor,
  rateCenterId: number,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('telephone_numbers')
    .select('tn')
    .where('rate_center_id', '=', rateCenterId)
    .where('status', '=', TnStatus.available)
    .where('protected', '=', 0)
    .orderBy('tn')
    .limit(limit)
    .execute();
  return rows.map((r) => r.tn);
}

/** Inserts numbers that were not in the inventory; those already there are left alone. Returns the inserted. */
export async function insertNumbersIfAbsent(
  db: Executor,
  rows: readonly Insertable<TelephoneNumbersTable>[],
): Promise<number[]> {
  const inserted: number[] = [];
  for (const part of chunks(rows)) {
    const done = await db
      .insertInto('telephone_numbers')
      .values(part)
      .onConflict((oc) => oc.column('tn').doNothing())
      .returning('tn')
      .execute();
    inserted.push(...done.map((r) => r.tn));
  }
  return inserted;
}

/** A page of an account's number history (every state change), from the row after `afterId`, by day range. */
export async function accountHistoryPage(
  db: Executor,
  accountId: string,
  range: { readonly from: string; readonly before: string },
  afterId: number,
  limit: number,
): Promise<HistoryRecord[]> {
  return db
    .selectFrom('tn_history')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '>', afterId)
    .where('at', '>=', range.from)
    .where('at', '<', range.before)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Per rate centre and status: the numbers in `everyone`'s statuses (available, aging), and the account's own. */
export async function countByRateCenter(
  db: Executor,
  accountId: string,
  everyone: readonly number[],
): Promise<{ rateCenterId: number | null; status: number; mine: boolean; count: number }[]> {
  const rows = await db
    .selectFrom('telephone_numbers')
    .select((eb) => [
      'rate_center_id',
      'status',
      eb.fn.countAll<string | number>().as('n'),
      eb.case().when('account_id', '=', accountId).then(1).else(0).end().as('mine'),
    ])
    .where((eb) => eb.or([eb('status', 'in', [...everyone]), eb('account_id', '=', accountId)]))
    .groupBy(['rate_center_id', 'status', 'mine'])
    .execute();
  return rows.map((r) => ({
    rateCenterId: r.rate_center_id,
    status: r.status,
    mine: r.mine === 1,
    count: Number(r.n),
  }));
}
