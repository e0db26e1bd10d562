/** Whether a database error is a unique-constraint violation (PostgreSQL 23505, SQLite's CONSTRAINT_UNIQUE). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (
    e.code === '23505' ||
    e.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  )
    return true;
  return typeof e.message === 'string' && /UNIQUE constraint failed/i.test(e.message);
}
