import type { AppDeps } from '../../context.js';
import { ApiError } from '../../platform/http/api-error.js';
import { isTollFreeNpa, isValidNpa } from '../../shared/numbering.js';
import { isStateCode } from '../../shared/states.js';
import type { Coverage } from '../../shared/coverage.js';
import { VENDORS } from '../../shared/tn-status.js';
import { parseSearch, type GeoSearch, type Search } from './search.criteria.js';
import {
  availableRowsOf,
  countAvailableByNpaNxx,
  findAvailable,
  placesOfNpaNxx,
  rateCenterOfPrefix,
  readerOf,
  type AvailableRow,
  type SearchReader,
} from './search.store.js';
import { CriteriaErrors } from '../../shared/errors.js';
import { SearchErrors } from './search.errors.js';

export interface FoundNumber {
  readonly tn: number;
  readonly city: string | undefined;
  readonly lata: string | undefined;
  readonly rateCenter: string | undefined;
  readonly state: string | undefined;
  readonly tier: number;
  readonly vendorId: number;
  readonly vendorName: string | undefined;
}

/** Either bare numbers or, with enableTNDetail, their details. */
export type SearchOutcome =
  | { readonly detail: false; readonly numbers: readonly number[] }
  | { readonly detail: true; readonly numbers: readonly FoundNumber[] };

function byTn(a: { tn: number }, b: { tn: number }): number {
  return a.tn - b.tn;
}

/** Rows of several rate centres, each ordered by number: the first `limit` overall. */
function mergeOrdered(lists: readonly AvailableRow[][], limit: number): AvailableRow[] {
  return lists.flat().sort(byTn).slice(0, limit);
}

async function geoSearch(reader: SearchReader, s: GeoSearch, cov: Coverage): Promise<AvailableRow[]> {
  const base = { range: s.range, protectedFilter: s.protectedFilter };
  let exact: AvailableRow[];
  let centre: number | undefined;
  if (s.rateCenters === undefined) {
    exact = await findAvailable(reader, { ...base, state: s.state, lata: s.lata }, s.quantity, s.detail);
  } else {
    // State and LATA are properties of the rate centre: check them here, query by centre.
    const rcs = s.rateCenters.filter((id) => {
      const rc = cov.rateCenter(id);
      return (
        rc && (s.state === undefined || rc.state === s.state) && (s.lata === undefined || rc.lata === s.lata)
      );
    });
    centre = rcs[0];
    const lists = await Promise.all(
      rcs.map((id) => findAvailable(reader, { ...base, rateCenterId: id }, s.quantity, s.detail)),
    );
    exact = mergeOrdered(lists, s.quantity);
  }
  if (!s.lca || exact.length >= s.quantity) return exact;

  // Local calling area: after the exact matches, the rest of the centre's numbers, then its LCA
  // neighbours, nearest first.
  centre ??= s.range ? await rateCenterOfPrefix(reader.db, s.range) : undefined;
  if (centre === undefined) return exact;
  const found = [...exact];
  const seen = new Set(exact.map((r) => r.tn));
  for (const id of [centre, ...cov.localRateCenters(centre)]) {
    const rows = await findAvailable(
      reader,
      { rateCenterId: id, protectedFilter: s.protectedFilter },
      s.quantity,
      s.detail,
    );
    for (const row of rows) {
      if (found.length >= s.quantity) break;
      if (!seen.has(row.tn)) {
        seen.add(row.tn);
        found.push(row);
      }
    }
    if (found.length >= s.quantity) break;
  }
  return found;
}

/**
 * Runs a parsed search: available numbers, in the order a search returns them. Orders use it too,
 * reading through their job's transaction.
 */
export async function findAvailableNumbers(
  reader: SearchReader,
  s: Search,
  cov: Coverage,
): Promise<AvailableRow[]> {
  const db = reader.db;
  const { vanity } = reader;
  switch (s.kind) {
    case 'geo':
      return geoSearch(reader, s, cov);
    case 'localVanity': {
      const tns = await vanity.find(db, s.npa, s.digits, s.endsIn, s.protectedFilter, s.quantity);
      return availableRowsOf(db, tns, s.detail);
    }
    case 'tollFree': {
      const found: AvailableRow[] = [];
      for (const npa of s.npas) {
        const remaining = s.quantity - found.length;
        if (remaining <= 0) break;
        if (s.digits === undefined) {
          const range = [npa * 1e7, npa * 1e7 + 9_999_999] as const;
          found.push(
            ...(await findAvailable(
              reader,
              { range, protectedFilter: s.protectedFilter },
              remaining,
              s.detail,
            )),
          );
        } else {
          const tns = await vanity.find(db, npa, s.digits, false, s.protectedFilter, remaining);
          found.push(...(await availableRowsOf(db, tns, s.detail)));
        }
      }
      return found;
    }
  }
}

/** A number's place, tier and vendor as search details and order details show them. */
export function describeNumber(row: AvailableRow, cov: Coverage): FoundNumber {
  const rc = cov.rateCenter(row.rate_center_id);
  const vendorId = row.vendor_id ?? 0;
  return {
    tn: row.tn,
    city: cov.city(row.city_id)?.name ?? rc?.name,
    lata: rc?.lata,
    rateCenter: rc?.abbreviation,
    state: rc?.state,
    tier: row.tier ?? 0,
    vendorId,
    vendorName: VENDORS[vendorId],
  };
}

/** GET /availableNumbers: the seed's criteria table (search.criteria.ts) over available numbers. */
export async function searchAvailableNumbers(
  deps: AppDeps,
  query: Readonly<Record<string, string | undefined>>,
): Promise<SearchOutcome> {
  const cov = deps.coverage;
  const search = parseSearch(query, cov);
  let rows = await findAvailableNumbers(readerOf(deps), search, cov);
  if (search.orderBy) rows = [...rows].sort(byTn);
  return search.detail
    ? { detail: true, numbers: rows.map((r) => describeNumber(r, cov)) }
    : { detail: false, numbers: rows.map((r) => r.tn) };
}

export interface NpaNxxAvailability {
  readonly city: string | undefined;
  readonly npa: string;
  readonly nxx: string;
  readonly quantity: number;
  readonly state: string | undefined;
}

/** GET /availableNpaNxx: available numbers per NPA-NXX of an area code and/or state. */
export async function searchAvailableNpaNxx(
  deps: AppDeps,
  query: Readonly<Record<string, string | undefined>>,
): Promise<NpaNxxAvailability[]> {
  const areaCode = query.areacode?.trim() || undefined;
  const state = query.state?.trim().toUpperCase() || undefined;
  if (areaCode === undefined && state === undefined) throw ApiError.of(SearchErrors.searchAreaCodeInvalid);
  if (areaCode !== undefined && (!isValidNpa(areaCode) || isTollFreeNpa(areaCode))) {
    throw ApiError.of(SearchErrors.searchAreaCodeInvalid);
  }
  if (state !== undefined && !isStateCode(state)) throw ApiError.of(CriteriaErrors.searchStateInvalid);
  const quantityText = query.quantity?.trim() || undefined;
  const minimum = quantityText === undefined ? 1 : Number(quantityText);
  if (!Number.isInteger(minimum) || minimum < 1)
    throw ApiError.of(SearchErrors.searchInvalid, 'quantity must be a positive whole number');
  const range =
    areaCode === undefined
      ? undefined
      : ([Number(areaCode) * 1e7, Number(areaCode) * 1e7 + 9_999_999] as const);
  const db = deps.database.db;
  const counts = await countAvailableByNpaNxx(db, { range, state }, minimum);
  const places = await placesOfNpaNxx(
    db,
    counts.map((c) => c.npaNxx),
  );
  const cov = deps.coverage;
  return counts.map((c) => {
    const place = places.get(c.npaNxx);
    const rc = cov.rateCenter(place?.rateCenterId);
    return {
      city: cov.city(place?.cityId)?.name ?? rc?.name,
      npa: String(c.npaNxx).slice(0, 3),
      nxx: String(c.npaNxx).slice(3),
      quantity: c.count,
      state: place?.state,
    };
  });
}
