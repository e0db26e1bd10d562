import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { CoverageRows } from '../../shared/coverage.js';

/**
 * Queries behind the coverage endpoints. The dimensions themselves (rate centres, cities, ZIP codes,
 * local calling areas) are the in-memory model (shared/coverage.ts, built from coverageRows at start-up);
 * the other queries read the inventory.
 * `status = 0` is a literal so SQLite can use the partial index tns_avail_rc (it cannot prove that a
 * bound parameter equals the index's condition): the counts read (rate_center_id, tn) from the index
 * alone, one GROUP BY for a whole page of rate centres.
 */

/** Both dialects take far more parameters than this; a page (≤ 5,000 rate centres) is one statement. */
const MAX_PARAMS = 10_000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += MAX_PARAMS) out.push(items.slice(i, i + MAX_PARAMS));
  return out;
}

/** Available numbers per rate centre, for the given rate centres (absent: none available). */
export async function countAvailableByRateCenter(
  db: Executor,
  rateCenterIds: readonly number[],
): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const part of chunks(rateCenterIds)) {
    const rows = await db
      .selectFrom('telephone_numbers')
      .select(['rate_center_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('status', '=', sql.lit(0))
      .where('rate_center_id', 'in', part)
      .groupBy('rate_center_id')
      .execute();
    for (const r of rows) if (r.rate_center_id !== null) counts.set(r.rate_center_id, Number(r.n));
  }
  return counts;
}

export interface PairCount {
  readonly rateCenterId: number;
  readonly cityId: number;
  readonly count: number;
}

/** Available numbers per city / rate-centre pair, for the given rate centres (numbers without a city are left out). */
export async function countAvailableByRateCenterAndCity(
  db: Executor,
  rateCenterIds: readonly number[],
): Promise<PairCount[]> {
  const out: PairCount[] = [];
  for (const part of chunks(rateCenterIds)) {
    const rows = await db
      .selectFrom('telephone_numbers')
      .select(['rate_center_id', 'city_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('status', '=', sql.lit(0))
      .where('rate_center_id', 'in', part)
      .where('city_id', 'is not', null)
      .groupBy(['rate_center_id', 'city_id'])
      .execute();
    for (const r of rows) {
      if (r.rate_center_id !== null && r.city_id !== null) {
        out.push({ rateCenterId: r.rate_center_id, cityId: r.city_id, count: Number(r.n) });
      }
    }
  }
  return out;
}

/** The rate centres holding thousands blocks in `[from, to]` (NPA-NXX-X values, 7 digits), ascending. */
export async function rateCentersOfBlocks(db: Executor, from: number, to: number): Promise<number[]> {
  const rows = await db
    .selectFrom('number_blocks')
    .select('rate_center_id')
    .distinct()
    .where('npa_nxx_x', '>=', from)
    .where('npa_nxx_x', '<=', to)
    .orderBy('rate_center_id')
    .execute();
  return rows.map((r) => r.rate_center_id);
}

/** The thousands blocks of the given rate centres, each rate centre's in ascending order. */
export async function blocksOfRateCenters(
  db: Executor,
  rateCenterIds: readonly number[],
): Promise<Map<number, number[]>> {
  const blocks = new Map<number, number[]>();
  for (const part of chunks(rateCenterIds)) {
    const rows = await db
      .selectFrom('number_blocks')
      .select(['rate_center_id', 'npa_nxx_x'])
      .where('rate_center_id', 'in', part)
      .orderBy('rate_center_id')
      .orderBy('npa_nxx_x')
      .execute();
    for (const r of rows) {
      const list = blocks.get(r.rate_center_id);
      if (list) list.push(r.npa_nxx_x);
      else blocks.set(r.rate_center_id, [r.npa_nxx_x]);
    }
  }
  return blocks;
}

/** Everything the coverage model is built from (shared/coverage.ts), read once at start-up. */
export async function coverageRows(db: Executor): Promise<CoverageRows> {
  const [rateCenters, cities, rateCenterCities, rateCenterZips, localities] = await Promise.all([
    db
      .selectFrom('rate_centers')
      .select(['id', 'state', 'abbreviation', 'name', 'lata', 'tier'])
      .orderBy('id')
      .execute(),
    db.selectFrom('cities').select(['id', 'state', 'name']).execute(),
    db.selectFrom('rate_center_cities').select(['rate_center_id', 'city_id']).execute(),
    db.selectFrom('rate_center_zips').select(['rate_center_id', 'zip']).execute(),
    db
      .selectFrom('rate_center_lca')
      .select(['rate_center_id', 'local_rate_center_id'])
      .orderBy('rate_center_id')
      .orderBy('distance_km')
      .orderBy('local_rate_center_id')
      .execute(),
  ]);
  return { rateCenters, cities, rateCenterCities, rateCenterZips, localities };
}

/** The covered rate centres of LCG exchanges (a number's NPA-NXX names its exchange). */
export async function rateCenterIdsByExchange(
  db: Executor,
  exchanges: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < exchanges.length; i += 500) {
    const rows = await db
      .selectFrom('rate_centers')
      .select(['id', 'lcg_exchange'])
      .where('lcg_exchange', 'in', exchanges.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.lcg_exchange, r.id);
  }
  return out;
}
