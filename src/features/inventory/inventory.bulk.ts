import type { Database } from '../../platform/db/database.js';

/**
 * Bulk loading of telephone numbers, below Kysely for speed: the secondary indexes are dropped,
 * rows go in with multi-row statements in one transaction, and the indexes are rebuilt from their
 * own stored definitions (so this stays correct as migrations add indexes). All or nothing.
 */
export interface NumberRow {
  readonly tn: number;
  readonly status: number;
  readonly rateCenterId: number | null;
  readonly cityId: number | null;
  readonly state: string | null;
  readonly lata: string | null;
  readonly tier: number;
  readonly vendorId: number;
  readonly protected: number;
}

type Progress = ((done: number, total: number, phase: string) => void) | undefined;

const COLUMNS = 'tn, status, rate_center_id, city_id, state, lata, tier, vendor_id, protected';
const SQLITE_ROWS_PER_STATEMENT = 100;
const PG_ROWS_PER_STATEMENT = 25_000;

function values(r: NumberRow): (string | number | null)[] {
  return [r.tn, r.status, r.rateCenterId, r.cityId, r.state, r.lata, r.tier, r.vendorId, r.protected];
}

function loadSqlite(
  database: Extract<Database['raw'], { kind: 'sqlite' }>['sqlite'],
  rows: Iterable<NumberRow>,
  total: number,
  onRow: (row: NumberRow) => void,
  progress: Progress,
): number {
  const indexes = database
    .prepare(
      "select name, sql from sqlite_master where type = 'index' and tbl_name = 'telephone_numbers' and sql is not null",
    )
    .all() as { name: string; sql: string }[];
  const placeholders = (n: number) => Array.from({ length: n }, () => '(?,?,?,?,?,?,?,?,?)').join(',');
  const many = database.prepare(
    `insert into telephone_numbers (${COLUMNS}) values ${placeholders(SQLITE_ROWS_PER_STATEMENT)}`,
  );
  let loaded = 0;
  database.transaction(() => {
    for (const index of indexes) database.exec(`drop index ${index.name}`);
    let batch: (string | number | null)[] = [];
    let inBatch = 0;
    for (const row of rows) {
      onRow(row);
      batch.push(...values(row));
      if (++inBatch === SQLITE_ROWS_PER_STATEMENT) {
        many.run(batch);
        batch = [];
        inBatch = 0;
      }
      if (++loaded % 100_000 === 0) progress?.(loaded, total, 'numbers');
    }
    if (inBatch > 0)
      database
        .prepare(`insert into telephone_numbers (${COLUMNS}) values ${placeholders(inBatch)}`)
        .run(batch);
    progress?.(loaded, total, 'numbers');
    indexes.forEach((index, i) => {
      progress?.(i, indexes.length, 'indexes');
      database.exec(index.sql);
    });
    progress?.(indexes.length, indexes.length, 'indexes');
  })();
  // Statistics for the planner; the sampling limit keeps this to a moment on 10 million rows.
  database.pragma('analysis_limit = 1000');
  database.exec('analyze telephone_numbers');
  return loaded;
}

async function loadPostgres(
  pool: Extract<Database['raw'], { kind: 'postgres' }>['pool'],
  rows: Iterable<NumberRow>,
  total: number,
  onRow: (row: NumberRow) => void,
  progress: Progress,
): Promise<number> {
  const client = await pool.connect();
  let loaded = 0;
  try {
    await client.query('begin');
    await client.query("set local maintenance_work_mem = '512MB'");
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      "select indexname, indexdef from pg_indexes where tablename = 'telephone_numbers' and indexname <> 'telephone_numbers_pkey'",
    );
    for (const index of indexes) await client.query(`drop index ${index.indexname}`);
    const columns: (string | number | null)[][] = Array.from({ length: 9 }, () => []);
    const flush = async () => {
      if ((columns[0]?.length ?? 0) === 0) return;
      await client.query(
        `insert into telephone_numbers (${COLUMNS})
         select * from unnest($1::bigint[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[])`,
        columns,
      );
      for (const c of columns) c.length = 0;
    };
    for (const row of rows) {
      onRow(row);
      values(row).forEach((v, i) => columns[i]?.push(v));
      if ((columns[0]?.length ?? 0) >= PG_ROWS_PER_STATEMENT) await flush();
      if (++loaded % 100_000 === 0) progress?.(loaded, total, 'numbers');
    }
    await flush();
    progress?.(loaded, total, 'numbers');
    for (const [i, index] of indexes.entries()) {
      progress?.(i, indexes.length, 'indexes');
      await client.query(index.indexdef);
    }
    progress?.(indexes.length, indexes.length, 'indexes');
    await client.query('commit');
    await client.query('analyze telephone_numbers');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  return loaded;
}

export async function bulkLoadNumbers(
  database: Database,
  rows: Iterable<NumberRow>,
  total: number,
  onRow: (row: NumberRow) => void,
  progress?: Progress,
): Promise<number> {
  const raw = database.raw;
  return raw.kind === 'sqlite'
    ? loadSqlite(raw.sqlite, rows, total, onRow, progress)
    : loadPostgres(raw.pool, rows, total, onRow, progress);
}
