import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
} from 'kysely';

/**
 * Kysely's SQLite dialect with two changes that matter for a server:
 * - transactions start with BEGIN IMMEDIATE, taking the write lock up front, so a second process
 *   on the same file waits (busy_timeout) instead of failing when it later tries to write;
 * - prepared statements are cached per SQL text (better-sqlite3 statements are reusable and each
 *   call runs to completion synchronously), which saves the prepare on every query.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

function cachingDatabase(db: SQLite.Database, maxStatements = 1000): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => db.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = db.prepare(sql);
        if (cache.size >= maxStatements) cache.clear();
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

export class ServerSqliteDialect extends SqliteDialect {
  private readonly db: SqliteDatabase;
  constructor(db: SQLite.Database) {
    const wrapped = cachingDatabase(db);
    super({ database: wrapped });
    this.db = wrapped;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.db });
  }
}
