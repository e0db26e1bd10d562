import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { loadReferenceData } from '../../src/platform/refdata/load.js';

/**
 * A fresh, migrated database per test file, on the dialect the run is for: SQLite by default,
 * PostgreSQL when TEST_DATABASE_URL names a server (scripts/test.sh starts a throwaway one).
 */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL;
export const DIALECT = TEST_PG_URL ? 'postgres' : 'sqlite';

export interface TestDatabase {
  readonly database: Database;
  /** Connection string or file, for child processes that open the same database. */
  readonly url: string;
  readonly dataDir: string;
  drop(): Promise<void>;
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabaseOptions {
  /** Load the reference data (rate centres, NPA-NXX, …); slower, only for tests that need it. */
  readonly referenceData?: boolean;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bwdash-test-'));
  if (TEST_PG_URL) {
    const name = `bwtest_${randomBytes(6).toString('hex')}`;
    await adminQuery(`create database ${name}`);
    const url = withDatabaseName(TEST_PG_URL, name);
    const database = openDatabase({ url, dataDir, poolSize: 5 });
    await migrateToLatest(database);
    if (options.referenceData) await loadReferenceData(database);
    return {
      database,
      url,
      dataDir,
      async drop() {
        await database.close();
        await adminQuery(`drop database if exists ${name} with (force)`);
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const file = path.join(dataDir, 'bandwidth.sqlite');
  const database = openDatabase({ sqliteFile: file, dataDir });
  await migrateToLatest(database);
  if (options.referenceData) await loadReferenceData(database);
  return {
    database,
    url: file,
    dataDir,
    async drop() {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
