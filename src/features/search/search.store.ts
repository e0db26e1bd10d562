import { CompiledQuery, sql } from 'kysely';
import type { Database, Executor } from '../../platform/db/database.js';
import { firstColumn } from '../../platform/db/first-column.js';
import type { ProtectedFilter } from './search.criteria.js';
import type { VanityIndex } from './vanity-index.js';

/**
 * Queries over available numbers. `status = 0` is written as a literal so SQLite can use the
 * partial indexes (it cannot prove a bound parameter equals the index's condition); every query is
 * ordered by number and limited, so it reads one index range and stops.
 */
const AVAILABLE = 0;

/**
 * Where a search reads: the database, and the executor to read through: the database itself for
 * API requests, the job's transaction inside an order's fulfilment (on SQLite a second reader would
 * wait for the one connection the transaction holds).
 */
export interface SearchReader {
  readonly database: Database;
  readonly db: Executor;
  readonly vanity: VanityIndex;
}

/** A reader over the database, or through `db` (a job's transaction). */
export function readerOf(
  deps: { readonly database: Database; readonly vanity: VanityIndex },
  db: Executor = deps.database.db,
): SearchReader {
  return { database: deps.database, db, vanity: deps.vanity };
}

export interface AvailableFilter {
  readonly range?: readonly [number, number] | undefined;
  readonly rateCenterId?: number | undefined;
  readonly state?: string | undefined;
  readonly lata?: string | undefined;
  readonly protectedFilter: ProtectedFilter;
}

/** An available number; the detail columns are read only when the search asks for details. */
export interface AvailableRow {
  readonly tn: number;
  readonly rate_center_id?: number | null;
  readonly city_id?: number | null;
  readonly tier?: number;
  readonly vendor_id?: number;
}

function availableQuery(db: Executor, f: AvailableFilter, limit: number, detail: boolean) {
  let q = db.selectFrom('telephone_numbers').where('status', '=', sql.lit(AVAILABLE));
  if (f.range) q = q.where('tn', '>=', f.range[0]).where('tn', '<=', f.range[1]);
  if (f.rateCenterId !== undefined) q = q.where('rate_center_id', '=', f.rateCenterId);
  if (f.state !== undefined) q = q.where('state', '=', f.state);
  if (f.lata !== undefined) q = q.where('lata', '=', f.lata);
  if (f.protectedFilter !== 'MIXED') q = q.where('protected', '=', f.protectedFilter === 'ONLY' ? 1 : 0);
  return q
    .orderBy('tn')
    .limit(limit)
    .select(detail ? ['tn', 'rate_center_id', 'city_id', 'tier', 'vendor_id'] : ['tn']);
}

/** Parameters of availableQuery, in the order the compiled SQL binds them. */
function availableParams(f: AvailableFilter, limit: number): (string | number)[] {
  const params: (string | number)[] = [];
  if (f.range) params.push(f.range[0], f.range[1]);
  if (f.rateCenterId !== undefined) params.push(f.rateCenterId);
  if (f.state !== undefined) params.push(f.state);
  if (f.lata !== undefined) params.push(f.lata);
  if (f.protectedFilter !== 'MIXED') params.push(f.protectedFilter === 'ONLY' ? 1 : 0);
  params.push(limit);
  return params;
}

/**
 * The search hot path: the SQL of each query shape is compiled once (per database) and reused with
 * new parameters, which saves Kysely's build-and-compile on every request; a search without
 * details reads the numbers as plain values (no row objects).
 */
const compiledByDb = new WeakMap<Database, Map<string, string>>();

export async function findAvailable(
  reader: SearchReader,
  f: AvailableFilter,
  limit: number,
  detail: boolean,
): Promise<AvailableRow[]> {
  const shape = [
    !!f.range,
    f.rateCenterId !== undefined,
    f.state !== undefined,
    f.lata !== undefined,
    f.protectedFilter,
    detail,
  ].join();
  const { database } = reader;
  let cache = compiledByDb.get(database);
  if (!cache) {
    cache = new Map();
    compiledByDb.set(database, cache);
  }
  const params = availableParams(f, limit);
  let text = cache.get(shape);
  if (text === undefined) {
    const compiled = availableQuery(database.db, f, limit, detail).compile();
    if (JSON.stringify(compiled.parameters) !== JSON.stringify(params)) {
      throw new Error(`availableParams out of step with availableQuery: ${compiled.sql}`);
    }
    text = compiled.sql;
    cache.set(shape, text);
  }
  if (!detail && reader.db === database.db) {
    return (await firstColumn<number>(database, text, params)).map((tn) => ({ tn }));
  }
  return (await reader.db.executeQuery<AvailableRow>(CompiledQuery.raw(text, params))).rows;
}

/** The given numbers as search rows, in number order (details only when asked). */
export async function availableRowsOf(
  db: Executor,
  tns: readonly number[],
  detail: boolean,
): Promise<AvailableRow[]> {
  if (!detail) return tns.map((tn) => ({ tn }));
  const rows: AvailableRow[] = [];
  for (let i = 0; i < tns.length; i += 900) {
    rows.push(
      ...(await db
        .selectFrom('telephone_numbers')
        .select(['tn', 'rate_center_id', 'city_id', 'tier', 'vendor_id'])
        .where('tn', 'in', tns.slice(i, i + 900))
        .execute()),
    );
  }
  return rows.sort((a, b) => a.tn - b.tn);
}

/** The rate centre of an NPA-NXX(-X): where its first thousands block lies. */
export async function rateCenterOfPrefix(
  db: Executor,
  range: readonly [number, number],
): Promise<number | undefined> {
  const row = await db
    .selectFrom('number_blocks')
    .select('rate_center_id')
    .where('npa_nxx_x', '>=', Math.floor(range[0] / 1000))
    .where('npa_nxx_x', '<=', Math.floor(range[1] / 1000))
    .orderBy('npa_nxx_x')
    .limit(1)
    .executeTakeFirst();
  return row?.rate_center_id;
}

export interface NpaNxxCount {
  readonly npaNxx: number;
  readonly count: number;
}

/** Available numbers per NPA-NXX in an area code and/or state, at least `minimum` each. */
export async function countAvailableByNpaNxx(
  db: Executor,
  f: { readonly range?: readonly [number, number] | undefined; readonly state?: string | undefined },
  minimum: number,
): Promise<NpaNxxCount[]> {
  let q = db
    .selectFrom('telephone_numbers')
    .select([
      sql<number | string>`tn / 10000`.as('npa_nxx'),
      (eb) => eb.fn.countAll<string | number>().as('n'),
    ])
    .where('status', '=', sql.lit(AVAILABLE))
    .where('protected', '=', 0);
  if (f.range) q = q.where('tn', '>=', f.range[0]).where('tn', '<=', f.range[1]);
  if (f.state !== undefined) q = q.where('state', '=', f.state);
  const rows = await q
    .groupBy(sql`tn / 10000`)
    .having((eb) => eb.fn.countAll(), '>=', minimum)
    .orderBy(sql`tn / 10000`)
    .execute();
  return rows.map((r) => ({ npaNxx: Number(r.npa_nxx), count: Number(r.n) }));
}

/** The place of each NPA-NXX (its first block's rate centre, city and state). */
export async function placesOfNpaNxx(
  db: Executor,
  npaNxxs: readonly number[],
): Promise<Map<number, { rateCenterId: number; cityId: number | null; state: string }>> {
  const places = new Map<number, { rateCenterId: number; cityId: number | null; state: string }>();
  if (npaNxxs.length === 0) return places;
  const lo = Math.min(...npaNxxs) * 10;
  const hi = Math.max(...npaNxxs) * 10 + 9;
  const rows = await db
    .selectFrom('number_blocks')
    .select(['npa_nxx_x', 'rate_center_id', 'city_id', 'state'])
    .where('npa_nxx_x', '>=', lo)
    .where('npa_nxx_x', '<=', hi)
    .orderBy('npa_nxx_x')
    .execute();
  for (const r of rows) {
    const key = Math.floor(r.npa_nxx_x / 10);
    if (!places.has(key))
      places.set(key, { rateCenterId: r.rate_center_id, cityId: r.city_id, state: r.state });
  }
  return places;
}

// ---- the vanity index's reads (vanity-index.ts) -------------------------------------------------

/** The newest tn_history row: every status change writes one, so it tells whether anything moved. */
export async function latestHistoryId(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('tn_history')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return row?.id ?? 0;
}

/** The available numbers of an NPA as lines (last seven digits), ascending, with their protected flag. */
export async function availableLines(
  db: Executor,
  npa: number,
): Promise<{ readonly line: number; readonly protected: number }[]> {
  const rows = await db
    .selectFrom('telephone_numbers')
    .select(['tn', 'protected'])
    .where('status', '=', sql.lit(AVAILABLE))
    .where('tn', '>=', npa * 1e7)
    .where('tn', '<=', npa * 1e7 + 9_999_999)
    .orderBy('tn')
    .execute();
  return rows.map((r) => ({ line: r.tn - npa * 1e7, protected: r.protected }));
}

/** Lines of the NPA that became available in the history rows (after, upTo]. */
export async function becameAvailableSince(
  db: Executor,
  npa: number,
  after: number,
  upTo: number,
): Promise<{ readonly line: number; readonly protected: number }[]> {
  const rows = await db
    .selectFrom('tn_history')
    .innerJoin('telephone_numbers', 'telephone_numbers.tn', 'tn_history.tn')
    .select(['tn_history.tn as tn', 'telephone_numbers.protected as protected'])
    .where('tn_history.id', '>', after)
    .where('tn_history.id', '<=', upTo)
    .where('tn_history.status', '=', AVAILABLE)
    .where('tn_history.tn', '>=', npa * 1e7)
    .where('tn_history.tn', '<=', npa * 1e7 + 9_999_999)
    .execute();
  return rows.map((r) => ({ line: r.tn - npa * 1e7, protected: r.protected }));
}

/** Which of these numbers are available now, ascending. */
export async function availableOf(db: Executor, tns: readonly number[]): Promise<number[]> {
  if (tns.length === 0) return [];
  const rows = await db
    .selectFrom('telephone_numbers')
    .select('tn')
    .where('status', '=', sql.lit(AVAILABLE))
    .where('tn', 'in', [...tns])
    .orderBy('tn')
    .execute();
  return rows.map((r) => r.tn);
}
