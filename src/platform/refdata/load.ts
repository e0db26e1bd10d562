// Bulk loader: builds its own SQL (reference tables in batches), the one exception to "queries live in *.store.ts".
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import type { Database } from '../db/database.js';
import type { DB } from '../db/tables.js';
import { inTransaction } from '../db/transaction.js';
import { projectRoot } from '../project-root.js';

/**
 * Loads the numbering reference data shipped in data/reference (gzip CSV) into the ref_* tables.
 * It runs at start-up and does nothing when the loaded version (a digest of the files) is current,
 * so a second start costs one query. The server never reads ../shared at run time.
 */
type Kind = 'text' | 'int' | 'float';
type RefTable = Extract<keyof DB, `ref_${string}`>;

interface FileSpec {
  readonly file: string;
  readonly table: RefTable;
  /** table column -> [csv column, kind] */
  readonly columns: Readonly<Record<string, readonly [string, Kind]>>;
}

const t = (csv: string): readonly [string, Kind] => [csv, 'text'];
const f = (csv: string): readonly [string, Kind] => [csv, 'float'];
const i = (csv: string): readonly [string, Kind] => [csv, 'int'];
const same = (...names: string[]) => Object.fromEntries(names.map((n) => [n, t(n)]));

export const REFERENCE_FILES: readonly FileSpec[] = [
  {
    file: 'npa.csv.gz',
    table: 'ref_npa',
    columns: same(
      'npa',
      'type_of_code',
      'assignable',
      'explanation',
      'assigned',
      'use',
      'location',
      'country',
      'in_service',
      'status',
      'overlay',
      'overlay_complex',
      'parent_npa',
      'service',
      'time_zone',
    ),
  },
  {
    file: 'rate_centers.csv.gz',
    table: 'ref_rate_centers',
    columns: {
      ...same('state', 'rate_center', 'full_name', 'lata', 'lcg_exchange', 'ilec_name', 'closest_city'),
      lat: f('lat'),
      lng: f('lng'),
    },
  },
  {
    file: 'rate_center_localities.csv.gz',
    table: 'ref_rate_center_localities',
    columns: same(
      'state',
      'locality',
      'locality_abbrev',
      'lcg_exchange',
      'rate_center',
      'rate_center_lcg_exchange',
      'lata',
    ),
  },
  { file: 'lata.csv.gz', table: 'ref_latas', columns: same('lata', 'name', 'states') },
  {
    file: 'cities.csv.gz',
    table: 'ref_cities',
    columns: {
      ...same('state', 'county', 'city', 'nearest_rate_center', 'lata'),
      lat: f('lat'),
      lng: f('lng'),
    },
  },
  {
    file: 'zip_codes.csv.gz',
    table: 'ref_zip_codes',
    columns: {
      ...same('zip', 'city', 'state', 'county', 'nearest_rate_center', 'lata'),
      lat: f('lat'),
      lng: f('lng'),
      population: i('population'),
    },
  },
  {
    file: 'npanxx_city.csv.gz',
    table: 'ref_npanxx',
    columns: same('npa', 'nxx', 'state', 'city', 'rate_center', 'lata', 'lcg_exchange'),
  },
  {
    file: 'npa_rate_centers.csv.gz',
    table: 'ref_npa_rate_centers',
    columns: {
      ...same('npa', 'npa_state', 'rc_state', 'rate_center', 'lata', 'lcg_exchange', 'source'),
      nxx_count: i('nxx_count'),
    },
  },
  {
    file: 'lca_approx.csv.gz',
    table: 'ref_lca',
    columns: {
      ...same('state', 'rate_center', 'lcg_exchange', 'local_rate_center', 'local_lcg_exchange', 'lata'),
      distance_km: f('distance_km'),
    },
  },
  { file: 'toll_free_npas.csv.gz', table: 'ref_toll_free_npas', columns: same('npa', 'status') },
  {
    file: 'us_federal_holidays_2020_2040.csv.gz',
    table: 'ref_holidays',
    columns: {
      observed_date: t('observed_date'),
      date: t('date'),
      holiday_id: t('id'),
      name: t('name'),
      year: i('year'),
    },
  },
];

const VERSION_KEY = 'refdata.version';

export function referenceDir(): string {
  return path.join(projectRoot(), 'data', 'reference');
}

function convert(value: string | undefined, kind: Kind): string | number | null {
  if (value === undefined || value === '') return null;
  if (kind === 'text') return value;
  const n = Number(value);
  return Number.isFinite(n) ? (kind === 'int' ? Math.round(n) : n) : null;
}

function readRows(dir: string, spec: FileSpec): Record<string, string | number | null>[] {
  const csv = gunzipSync(fs.readFileSync(path.join(dir, spec.file))).toString('utf8');
  const records = parse<Record<string, string>>(csv, { columns: true, skip_empty_lines: true });
  const entries = Object.entries(spec.columns);
  return records.map((rec) => {
    const row: Record<string, string | number | null> = {};
    for (const [column, [csvName, kind]] of entries) row[column] = convert(rec[csvName], kind);
    return row;
  });
}

export function referenceVersion(dir = referenceDir()): string {
  const hash = createHash('sha256');
  for (const spec of REFERENCE_FILES)
    hash.update(spec.file).update(fs.readFileSync(path.join(dir, spec.file)));
  return hash.digest('hex').slice(0, 16);
}

export interface LoadResult {
  readonly loaded: boolean;
  readonly rows: number;
  readonly version: string;
}

/** Loads (or reloads, when the shipped files changed) every reference table in one transaction. */
export async function loadReferenceData(database: Database, dir = referenceDir()): Promise<LoadResult> {
  const version = referenceVersion(dir);
  const current = await database.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', VERSION_KEY)
    .executeTakeFirst();
  if (current?.value === version) return { loaded: false, rows: 0, version };
  let total = 0;
  await inTransaction(database.db, async ({ db }) => {
    for (const spec of REFERENCE_FILES) {
      const rows = readRows(dir, spec);
      await db.deleteFrom(spec.table).execute();
      const batch = Math.max(1, Math.floor(30_000 / Object.keys(spec.columns).length));
      for (let start = 0; start < rows.length; start += batch) {
        // Rows are built from the spec's columns, which mirror the table.
        await db
          .insertInto(spec.table)
          .values(rows.slice(start, start + batch))
          .execute();
      }
      total += rows.length;
    }
    await db
      .insertInto('settings')
      .values({ key: VERSION_KEY, value: version })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: version }))
      .execute();
  });
  return { loaded: true, rows: total, version };
}
