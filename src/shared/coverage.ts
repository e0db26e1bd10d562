/**
 * The coverage model: rate centres, cities, ZIP codes and local calling areas, derived from the
 * reference data. A few tens of thousands of rows that change only when the reference data does, so
 * the app loads them once at start-up (features/coverage: loadCoverage) and every operation reads
 * them from `deps.coverage`.
 */
export interface RateCenterDim {
  readonly id: number;
  readonly state: string;
  readonly abbreviation: string;
  readonly name: string;
  readonly lata: string;
  readonly tier: number;
}

export interface CityDim {
  readonly id: number;
  readonly state: string;
  readonly name: string;
}

export interface Coverage {
  readonly rateCenters: readonly RateCenterDim[];
  rateCenter(id: number | null | undefined): RateCenterDim | undefined;
  /** By abbreviation (as Bandwidth names them, e.g. RALEIGH, NWYRCYZN01), else by full name; any case. */
  rateCenterByName(state: string, name: string): RateCenterDim | undefined;
  city(id: number | null | undefined): CityDim | undefined;
  cityByName(state: string, name: string): CityDim | undefined;
  rateCentersInState(state: string): readonly RateCenterDim[];
  rateCentersOfZip(zip: string): readonly number[];
  rateCentersOfCity(cityId: number): readonly number[];
  citiesOfRateCenter(rateCenterId: number): readonly CityDim[];
  zipsOfRateCenter(rateCenterId: number): readonly string[];
  /** The local calling area of a rate centre, nearest first (the rate centre itself excluded). */
  localRateCenters(rateCenterId: number): readonly number[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The rows the model is built from, as the coverage store reads them. */
export interface CoverageRows {
  readonly rateCenters: readonly RateCenterDim[];
  readonly cities: readonly CityDim[];
  readonly rateCenterCities: readonly { readonly rate_center_id: number; readonly city_id: number }[];
  readonly rateCenterZips: readonly { readonly rate_center_id: number; readonly zip: string }[];
  /** Ordered by rate centre, then distance. */
  readonly localities: readonly { readonly rate_center_id: number; readonly local_rate_center_id: number }[];
}

export function buildCoverage(rows: CoverageRows): Coverage {
  const {
    rateCenters: rcs,
    cities,
    rateCenterCities: rcCities,
    rateCenterZips: zips,
    localities: lca,
  } = rows;
  const rcById = new Map(rcs.map((r) => [r.id, r]));
  const rcByAbbr = new Map(rcs.map((r) => [`${r.state}|${r.abbreviation.toUpperCase()}`, r]));
  const rcByFullName = new Map(rcs.map((r) => [`${r.state}|${r.name.toUpperCase()}`, r]));
  const byState = new Map<string, RateCenterDim[]>();
  for (const r of rcs) push(byState, r.state, r);
  const cityById = new Map(cities.map((c) => [c.id, c]));
  const cityByName = new Map(cities.map((c) => [`${c.state}|${c.name}`, c]));
  const rcOfCity = new Map<number, number[]>();
  const cityOfRc = new Map<number, CityDim[]>();
  for (const p of rcCities) {
    push(rcOfCity, p.city_id, p.rate_center_id);
    const city = cityById.get(p.city_id);
    if (city) push(cityOfRc, p.rate_center_id, city);
  }
  const rcOfZip = new Map<string, number[]>();
  const zipOfRc = new Map<number, string[]>();
  for (const z of zips) {
    push(rcOfZip, z.zip, z.rate_center_id);
    push(zipOfRc, z.rate_center_id, z.zip);
  }
  for (const list of zipOfRc.values()) list.sort();
  const local = new Map<number, number[]>();
  for (const l of lca) push(local, l.rate_center_id, l.local_rate_center_id);

  return {
    rateCenters: rcs,
    rateCenter: (id) => (id == null ? undefined : rcById.get(id)),
    rateCenterByName: (state, name) => {
      const key = `${state.toUpperCase()}|${name.trim().toUpperCase()}`;
      return rcByAbbr.get(key) ?? rcByFullName.get(key);
    },
    city: (id) => (id == null ? undefined : cityById.get(id)),
    cityByName: (state, name) => cityByName.get(`${state.toUpperCase()}|${name.trim().toUpperCase()}`),
    rateCentersInState: (state) => byState.get(state.toUpperCase()) ?? [],
    rateCentersOfZip: (zip) => rcOfZip.get(zip) ?? [],
    rateCentersOfCity: (cityId) => rcOfCity.get(cityId) ?? [],
    citiesOfRateCenter: (id) => cityOfRc.get(id) ?? [],
    zipsOfRateCenter: (id) => zipOfRc.get(id) ?? [],
    localRateCenters: (id) => local.get(id) ?? [],
  };
}
