import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { ServerSqliteDialect } from './sqlite-dialect.js';
import type { DB } from './tables.js';

export type Dialect = 'sqlite' | 'postgres';
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database {
  readonly db: Kysely<DB>;
  readonly dialect: Dialect;
  /** Where the data lives, for logs and the admin CLI (credentials removed). */
  readonly location: string;
  /** The driver underneath, for bulk loads that Kysely would make slow (the inventory builder). */
  readonly raw:
    | { readonly kind: 'sqlite'; readonly sqlite: SQLite.Database }
    | { readonly kind: 'postgres'; readonly pool: pg.Pool };
  close(): Promise<void>;
}

// PostgreSQL returns int8/numeric as strings; our counts and epoch-millisecond columns fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export interface DatabaseOptions {
  /** postgres://… selects PostgreSQL; anything else (or nothing) the embedded SQLite file. */
  readonly url?: string | undefined;
  /** SQLite file, default `<dataDir>/bandwidth.sqlite`. */
  readonly sqliteFile?: string;
  readonly dataDir: string;
  readonly poolSize?: number;
  /** Errors of idle pooled PostgreSQL connections (server restart, terminated backend); default: a warning. */
  readonly onPoolError?: (err: Error) => void;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export function openDatabase(options: DatabaseOptions): Database {
  if (isPostgresUrl(options.url)) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // Without a listener, an idle connection dropped by the server would crash the process.
    pool.on('error', options.onPoolError ?? ((err) => console.warn(`PostgreSQL pool: ${err.message}`)));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      location: redactUrl(options.url),
      raw: { kind: 'postgres', pool },
      close: () => db.destroy(),
    };
  }
  const file = options.sqliteFile ?? path.join(options.dataDir, 'bandwidth.sqlite');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // One connection per process in WAL mode: readers never block the writer, and Kysely's SQLite
  // driver serialises this process's statements on that one connection.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<DB>({ dialect: new ServerSqliteDialect(sqlite) });
  return {
    db,
    dialect: 'sqlite',
    location: file,
    raw: { kind: 'sqlite', sqlite },
    close: () => db.destroy(),
  };
}
