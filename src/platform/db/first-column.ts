import type SQLite from 'better-sqlite3';
import type { Database } from './database.js';

/**
 * Runs already-compiled SQL and returns the first column of each row, without building a row
 * object per result: for hot paths that return thousands of values (a 5,000-number search spends
 * most of its time creating row objects otherwise). SQLite statements are kept apart from the ones
 * Kysely shares, because plucking changes a statement's mode.
 */
const plucked = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

export async function firstColumn<T>(
  database: Database,
  text: string,
  params: readonly unknown[],
): Promise<T[]> {
  const raw = database.raw;
  if (raw.kind === 'postgres') {
    const result = await raw.pool.query<unknown[]>({ text, values: [...params], rowMode: 'array' });
    return result.rows.map((row) => row[0] as T);
  }
  let statements = plucked.get(raw.sqlite);
  if (!statements) {
    statements = new Map();
    plucked.set(raw.sqlite, statements);
  }
  let stmt = statements.get(text);
  if (!stmt) {
    stmt = raw.sqlite.prepare(text).pluck();
    if (statements.size > 200) statements.clear();
    statements.set(text, stmt);
  }
  return stmt.all(...params) as T[];
}
