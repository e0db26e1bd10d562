// Migrations keep their own SQL: each is a fixed step of the schema's history.
import { sql, type CreateTableBuilder, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Migrations are frozen and append-only. Each is a factory of the dialect so the few places where
 * SQLite and PostgreSQL differ (auto ids, floats, sequences) are spelled out in one helper.
 */
export type MigrationFactory = (dialect: Dialect) => Migration;

// Migrations must not depend on today's table types, so they see an untyped database.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

export function columnTypes(dialect: Dialect) {
  return {
    float: dialect === 'postgres' ? sql`double precision` : sql`real`,
    /** Raw bytes (uploaded documents). */
    bytes: dialect === 'postgres' ? sql`bytea` : sql`blob`,
    /** An auto-incrementing integer primary key named `id`. */
    id<T extends string>(table: CreateTableBuilder<T>): CreateTableBuilder<T, 'id'> {
      return dialect === 'postgres'
        ? table.addColumn('id', 'serial', (c) => c.primaryKey())
        : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
    },
    /**
     * A 64-bit integer primary key given by the application (telephone numbers). On SQLite it is
     * the rowid itself (`integer primary key`), so the table is stored in key order with no extra index.
     */
    bigKey<T extends string, C extends string>(
      table: CreateTableBuilder<T>,
      name: C,
    ): CreateTableBuilder<T, C> {
      return table.addColumn(name, dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.primaryKey());
    },
    /** Makes the next generated id of `table` equal to `first`. */
    async startIdsAt(db: AnyDb, table: string, first: number): Promise<void> {
      if (dialect === 'postgres') {
        await sql`select setval(pg_get_serial_sequence(${table}, 'id'), ${first}, false)`.execute(db);
      } else {
        await sql`insert into sqlite_sequence (name, seq) values (${table}, ${first - 1})`.execute(db);
      }
    },
  };
}
