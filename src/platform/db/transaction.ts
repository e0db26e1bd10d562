// Transactions, savepoints and locks: the database plumbing every store runs in.
import { sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import type { Dialect } from './database.js';
import type { DB } from './tables.js';

/** A running transaction plus work to do once it has committed (waking workers, notifying). */
export interface Tx {
  readonly db: Transaction<DB>;
  afterCommit(fn: () => void): void;
}

/** Runs `fn` in one transaction; callbacks registered with afterCommit run only if it commits. */
export async function inTransaction<T>(db: Kysely<DB>, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const callbacks: (() => void)[] = [];
  const result = await db
    .transaction()
    .execute((trx) => fn({ db: trx, afterCommit: (cb) => callbacks.push(cb) }));
  for (const cb of callbacks) cb();
  return result;
}

/**
 * Marks a SELECT as a claim: on PostgreSQL the selected rows are locked and rows locked by a
 * concurrent claimer are skipped (FOR UPDATE SKIP LOCKED), so two workers never take the same row.
 * SQLite has a single writer, so a claim made in one UPDATE … WHERE id IN (SELECT …) is already atomic.
 */
export function asClaim<DBX, TB extends keyof DBX, O>(
  query: SelectQueryBuilder<DBX, TB, O>,
  dialect: Dialect,
): SelectQueryBuilder<DBX, TB, O> {
  return dialect === 'postgres' ? query.forUpdate().skipLocked() : query;
}

/**
 * Serialises transactions that check-then-write a rule no index can express (for example "no two
 * termination hosts overlap"). PostgreSQL: a transaction-scoped advisory lock on the name. SQLite
 * needs nothing: the single writer already runs such transactions one at a time.
 */
export async function lockNamed(tx: Tx, dialect: Dialect, name: string): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(tx.db);
}

/**
 * Runs `fn` inside a savepoint of the transaction; `fn` may call `rollback()` to undo everything it
 * did (for all-or-nothing steps) and still return. The savepoint is released either way.
 */
export async function withSavepoint<T>(
  tx: Tx,
  name: string,
  fn: (rollback: () => Promise<void>) => Promise<T>,
): Promise<T> {
  if (!/^\w+$/.test(name)) throw new Error(`invalid savepoint name ${name}`);
  await sql.raw(`savepoint ${name}`).execute(tx.db);
  const result = await fn(async () => {
    await sql.raw(`rollback to savepoint ${name}`).execute(tx.db);
  });
  await sql.raw(`release savepoint ${name}`).execute(tx.db);
  return result;
}
