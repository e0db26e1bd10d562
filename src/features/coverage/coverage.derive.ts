// Bulk derivation: rebuilds the coverage tables with its own SQL, an allowed exception to "queries live in *.store.ts".
import type { Database } from '../../platform/db/database.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { referenceVersion } from '../../platform/refdata/load.js';
import { isValidNxx } from '../../shared/numbering.js';

/**
 * Derives the coverage dimensions from the reference tables: covered rate centres with stable
 * integer ids, cities, the rate centres' ZIP codes and local calling areas. A rate centre is covered
 * when NANPA/libphonenumber place an in-service NPA in it (ref_npa_rate_centers). Runs when the
 * reference data changed; ids follow (state, abbreviation) order, so they are stable across runs.
 */
const VERSION_KEY = 'coverage.version';

function upper(s: string): string {
  return s.trim().toUpperCase();
}

async function batchInsert<T extends object>(
  insert: (rows: T[]) => Promise<unknown>,
  rows: readonly T[],
  columns: number,
): Promise<void> {
  const size = Math.max(1, Math.floor(30_000 / columns));
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function deriveCoverage(database: Database): Promise<{ derived: boolean }> {
  const version = referenceVersion();
  const db = database.db;
  const current = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', VERSION_KEY)
    .executeTakeFirst();
  if (current?.value === version) return { derived: false };

  const [refRcs, npaRcs, npanxx, refCities, zips, lca] = await Promise.all([
    db.selectFrom('ref_rate_centers').selectAll().execute(),
    db.selectFrom('ref_npa_rate_centers').select(['lcg_exchange', 'nxx_count']).execute(),
    db.selectFrom('ref_npanxx').select(['npa', 'nxx', 'state', 'city', 'lcg_exchange']).execute(),
    db.selectFrom('ref_cities').select(['state', 'city', 'nearest_rate_center']).execute(),
    db.selectFrom('ref_zip_codes').select(['zip', 'state', 'city', 'nearest_rate_center']).execute(),
    db.selectFrom('ref_lca').select(['lcg_exchange', 'local_lcg_exchange', 'distance_km']).execute(),
  ]);

  const covered = new Set(npaRcs.map((r) => r.lcg_exchange));
  const withRealBlock = new Set(
    npanxx.filter((r) => r.lcg_exchange && isValidNxx(r.nxx)).map((r) => r.lcg_exchange as string),
  );
  const rcs = refRcs
    .filter((r) => covered.has(r.lcg_exchange))
    .sort((a, b) => a.state.localeCompare(b.state) || a.rate_center.localeCompare(b.rate_center));
  const rcId = new Map<string, number>();
  const rcByName = new Map<string, number>();
  const rateCenters = rcs.map((r, i) => {
    const id = i + 1;
    rcId.set(r.lcg_exchange, id);
    rcByName.set(`${r.state}|${r.rate_center}`, id);
    return {
      id,
      state: r.state,
      abbreviation: r.rate_center,
      name: upper(r.full_name),
      lata: r.lata,
      lcg_exchange: r.lcg_exchange,
      // On-net where a real NPA-NXX places numbers; partner coverage elsewhere.
      tier: withRealBlock.has(r.lcg_exchange) ? 0 : 1,
      lat: r.lat,
      lng: r.lng,
    };
  });

  // Cities: the NPA-NXX place names, the SimpleMaps cities and the ZIP codes' cities, each tied to
  // the rate centre that serves it.
  const cityId = new Map<string, number>();
  const cities: { id: number; state: string; name: string }[] = [];
  const pairs = new Set<string>();
  const rcCities: { rate_center_id: number; city_id: number }[] = [];
  const link = (state: string, name: string | null, rateCenter: number | undefined) => {
    if (!name || rateCenter === undefined) return;
    const key = `${state}|${upper(name)}`;
    let id = cityId.get(key);
    if (id === undefined) {
      id = cities.length + 1;
      cityId.set(key, id);
      cities.push({ id, state, name: upper(name) });
    }
    const pair = `${rateCenter}|${id}`;
    if (!pairs.has(pair)) {
      pairs.add(pair);
      rcCities.push({ rate_center_id: rateCenter, city_id: id });
    }
  };
  for (const r of npanxx) if (r.lcg_exchange) link(r.state, r.city, rcId.get(r.lcg_exchange));
  for (const c of refCities) link(c.state, c.city, rcByName.get(`${c.state}|${c.nearest_rate_center ?? ''}`));
  for (const z of zips) link(z.state, z.city, rcByName.get(`${z.state}|${z.nearest_rate_center ?? ''}`));
  // Every rate centre gets at least its own name as a city, so a city search can always reach it.
  const withCity = new Set(rcCities.map((p) => p.rate_center_id));
  for (const r of rateCenters) if (!withCity.has(r.id)) link(r.state, r.name, r.id);

  const rcZips = zips.flatMap((z) => {
    const id = rcByName.get(`${z.state}|${z.nearest_rate_center ?? ''}`);
    return id === undefined ? [] : [{ rate_center_id: id, zip: z.zip }];
  });
  const rcLca = lca.flatMap((l) => {
    const a = rcId.get(l.lcg_exchange);
    const b = rcId.get(l.local_lcg_exchange);
    return a === undefined || b === undefined
      ? []
      : [{ rate_center_id: a, local_rate_center_id: b, distance_km: l.distance_km }];
  });

  await inTransaction(db, async ({ db: trx }) => {
    for (const table of [
      'rate_center_lca',
      'rate_center_zips',
      'rate_center_cities',
      'cities',
      'rate_centers',
    ] as const) {
      await trx.deleteFrom(table).execute();
    }
    await batchInsert((rows) => trx.insertInto('rate_centers').values(rows).execute(), rateCenters, 9);
    await batchInsert((rows) => trx.insertInto('cities').values(rows).execute(), cities, 3);
    await batchInsert((rows) => trx.insertInto('rate_center_cities').values(rows).execute(), rcCities, 2);
    await batchInsert((rows) => trx.insertInto('rate_center_zips').values(rows).execute(), rcZips, 2);
    await batchInsert((rows) => trx.insertInto('rate_center_lca').values(rows).execute(), rcLca, 3);
    await trx
      .insertInto('settings')
      .values({ key: VERSION_KEY, value: version })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: version }))
      .execute();
  });
  return { derived: true };
}
