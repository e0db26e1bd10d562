import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { deriveCoverage } from '../../src/features/coverage/index.js';
import { buildInventory } from '../../src/features/inventory/index.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { migrations } from '../../src/platform/db/migrations/index.js';
import { projectRoot } from '../../src/platform/project-root.js';
import { loadReferenceData, referenceVersion } from '../../src/platform/refdata/load.js';

/**
 * A fresh, migrated database per test file, on the dialect the run is for: SQLite by default,
 * PostgreSQL when TEST_DATABASE_URL names a server (scripts/test.sh starts a throwaway one).
 * Databases with reference data (and optionally a demo inventory) are copied from a template
 * built once per run and content (migrations, data, builder code), so each file starts in moments.
 */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL || undefined;
export const DIALECT = TEST_PG_URL ? 'postgres' : 'sqlite';

export interface TestDatabase {
  readonly database: Database;
  /** Connection string or file, for child processes that open the same database. */
  readonly url: string;
  readonly dataDir: string;
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Load the reference data and derive the coverage dimensions (rate centres, cities, …). */
  readonly referenceData?: boolean;
  /** Also build a demo inventory of this many numbers (implies referenceData). */
  readonly inventory?: number;
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(sql: string, url = TEST_PG_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function templateKey(options: TestDatabaseOptions): string {
  const root = projectRoot();
  const hash = createHash('sha256')
    .update(migrations.map(([name]) => name).join(','))
    .update(referenceVersion())
    .update(String(options.inventory ?? 0));
  for (const file of [
    'src/features/coverage/coverage.derive.ts',
    'src/features/inventory/inventory.build.ts',
    ...fs
      .readdirSync(path.join(root, 'src/platform/db/migrations'))
      .sort()
      .map((f) => `src/platform/db/migrations/${f}`),
  ]) {
    hash.update(fs.readFileSync(path.join(root, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

async function fill(database: Database, options: TestDatabaseOptions): Promise<void> {
  await migrateToLatest(database);
  if (!options.referenceData && !options.inventory) return;
  await loadReferenceData(database);
  await deriveCoverage(database);
  if (options.inventory) await buildInventory(database, { size: options.inventory, builtAt: new Date() });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Builds the SQLite template once (other test processes wait for it), returns its file. */
async function sqliteTemplate(options: TestDatabaseOptions): Promise<string> {
  const file = path.join(os.tmpdir(), `bwdash-template-${templateKey(options)}.sqlite`);
  const lock = `${file}.lock`;
  for (;;) {
    if (fs.existsSync(file)) return file;
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
    } catch {
      // Someone else builds it; a lock older than 5 minutes is from a dead run.
      const held = fs.statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 300_000) fs.rmSync(lock, { force: true });
      await sleep(100);
      continue;
    }
    try {
      const building = `${file}.${process.pid}.tmp`;
      const database = openDatabase({ sqliteFile: building, dataDir: os.tmpdir() });
      await fill(database, options);
      await database.close();
      fs.renameSync(building, file);
      return file;
    } finally {
      fs.rmSync(lock, { force: true });
    }
  }
}

/** Builds the PostgreSQL template database once per cluster, guarded by an advisory lock. */
async function pgTemplate(options: TestDatabaseOptions): Promise<string> {
  const name = `bwtpl_${templateKey(options)}`;
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(4242)');
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      const building = `${name}_building`;
      await client.query(`drop database if exists ${building}`);
      await client.query(`create database ${building}`);
      const database = openDatabase({
        url: withDatabaseName(TEST_PG_URL ?? '', building),
        dataDir: os.tmpdir(),
      });
      await fill(database, options);
      await database.close();
      await client.query(`alter database ${building} rename to ${name}`);
    }
    return name;
  } finally {
    await client.query('select pg_advisory_unlock(4242)').catch(() => undefined);
    await client.end();
  }
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bwdash-test-'));
  const templated = !!(options.referenceData || options.inventory);
  if (TEST_PG_URL) {
    const name = `bwtest_${randomBytes(6).toString('hex')}`;
    if (templated) {
      const template = await pgTemplate(options);
      // Copying a template needs it idle; another file may be copying it at the same moment.
      for (let attempt = 0; ; attempt++) {
        try {
          await adminQuery(`create database ${name} template ${template}`);
          break;
        } catch (err) {
          if (attempt > 50) throw err;
          await sleep(100 + Math.random() * 200);
        }
      }
    } else {
      await adminQuery(`create database ${name}`);
    }
    const url = withDatabaseName(TEST_PG_URL, name);
    const database = openDatabase({ url, dataDir, poolSize: 5, onPoolError: () => undefined });
    if (!templated) await migrateToLatest(database);
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
  if (templated) fs.copyFileSync(await sqliteTemplate(options), file);
  const database = openDatabase({ sqliteFile: file, dataDir });
  if (!templated) await migrateToLatest(database);
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
