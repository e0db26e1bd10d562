import type { AppDeps } from '../../context.js';
import { ApiError, type ErrorDefinition } from '../../platform/http/api-error.js';
import { oneOf, parseFlag, parseId } from '../../shared/fields.js';
import { isStateCode, US_STATE_CODES } from '../../shared/states.js';
import { VENDORS, vendorForTier } from '../../shared/tn-status.js';
import { type Coverage, type RateCenterDim } from '../../shared/coverage.js';
import {
  blocksOfRateCenters,
  countAvailableByRateCenter,
  countAvailableByRateCenterAndCity,
  rateCentersOfBlocks,
} from './coverage.store.js';
import { CoverageErrors } from './coverage.errors.js';
import { CriteriaErrors } from '../../shared/errors.js';

/**
 * Coverage: which rate centres and cities Bandwidth serves (on-net, tier 0, or with partners), and
 * how many numbers are available there. The dimensions come from the in-memory cache; only the
 * inventory (counts, thousands blocks) is read from the database.
 */

type Query = Readonly<Record<string, string | undefined>>;

// ---------------------------------------------------------------------------------------------
// GET /rateCenters, GET /cities

export interface StateQuery {
  readonly state: string;
  readonly available: boolean;
  readonly supported: boolean;
}

export interface RateCenterEntry {
  readonly abbreviation: string;
  readonly name: string;
  /** Present with available=true only. */
  readonly available?: number | undefined;
}

export interface CityEntry {
  readonly rcAbbreviation: string;
  readonly name: string;
  readonly available?: number | undefined;
}

function flag(value: string | undefined): boolean {
  return parseFlag(value, () => ApiError.of(CriteriaErrors.searchUnsupported)) ?? false;
}

/** `state` (required, a known state code), `available` and `supported` (true/false, default false). */
export function parseStateQuery(query: Query): StateQuery {
  const state = query.state?.trim().toUpperCase() ?? '';
  if (!isStateCode(state)) throw ApiError.of(CriteriaErrors.searchStateInvalid);
  return { state, available: flag(query.available), supported: flag(query.supported) };
}

/** supported=true: the Bandwidth CLEC only (tier 0); otherwise the CLEC and its partners. */
function inScope(cov: Coverage, q: StateQuery): readonly RateCenterDim[] {
  const all = cov.rateCentersInState(q.state);
  return q.supported ? all.filter((rc) => rc.tier === 0) : all;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The state's rate centres by name; with available=true only those with available numbers, and their count. */
export async function listRateCenters(deps: AppDeps, q: StateQuery): Promise<RateCenterEntry[]> {
  const rcs = inScope(deps.coverage, q);
  let entries: RateCenterEntry[];
  if (q.available) {
    const counts = await countAvailableByRateCenter(
      deps.database.db,
      rcs.map((rc) => rc.id),
    );
    entries = rcs
      .filter((rc) => (counts.get(rc.id) ?? 0) > 0)
      .map((rc) => ({ abbreviation: rc.abbreviation, name: rc.name, available: counts.get(rc.id) }));
  } else {
    entries = rcs.map((rc) => ({ abbreviation: rc.abbreviation, name: rc.name }));
  }
  return entries.sort((a, b) => byText(a.name, b.name) || byText(a.abbreviation, b.abbreviation));
}

/**
 * The state's cities, one entry per city / rate-centre pair, by city name. With available=true only
 * the pairs holding available numbers (the number's own city and rate centre), with their count.
 */
export async function listCities(deps: AppDeps, q: StateQuery): Promise<CityEntry[]> {
  const cov = deps.coverage;
  const rcs = inScope(cov, q);
  const entries: CityEntry[] = [];
  if (q.available) {
    const pairs = await countAvailableByRateCenterAndCity(
      deps.database.db,
      rcs.map((rc) => rc.id),
    );
    for (const p of pairs) {
      const rc = cov.rateCenter(p.rateCenterId);
      const city = cov.city(p.cityId);
      if (rc && city && p.count > 0) {
        entries.push({ rcAbbreviation: rc.abbreviation, name: city.name, available: p.count });
      }
    }
  } else {
    for (const rc of rcs) {
      for (const city of cov.citiesOfRateCenter(rc.id)) {
        entries.push({ rcAbbreviation: rc.abbreviation, name: city.name });
      }
    }
  }
  return entries.sort((a, b) => byText(a.name, b.name) || byText(a.rcAbbreviation, b.rcAbbreviation));
}

// ---------------------------------------------------------------------------------------------
// GET /coveredRateCenters, GET /coveredRateCenters/{rateCenterId}

export const EMBEDS = [
  'ZipCodes',
  'Cities',
  'Vendors',
  'NpaNxxX',
  'AvailableNumberCount',
  'LocalRateCenters',
] as const;
export type Embed = (typeof EMBEDS)[number];

/** The filters in their documented spelling (query names match in any case), in link order. */
export const FILTERS = [
  'state',
  'abbreviation',
  'name',
  'zip',
  'city',
  'lata',
  'tier',
  'npa',
  'npaNxx',
  'npaNxxX',
] as const;
export type FilterName = (typeof FILTERS)[number];

export const DEFAULT_PAGE_SIZE = 500;
export const MAX_PAGE_SIZE = 5000;

export interface CoveredFilters {
  readonly state?: string | undefined;
  readonly abbreviation?: string | undefined;
  readonly name?: string | undefined;
  readonly zip?: string | undefined;
  readonly city?: string | undefined;
  readonly lata?: string | undefined;
  readonly tier?: number | undefined;
  /** npa / npaNxx / npaNxxX as one range of NPA-NXX-X thousands blocks (their intersection). */
  readonly blocks?: readonly [number, number] | undefined;
}

export interface CoveredQuery {
  readonly filters: CoveredFilters;
  /** The filters as given (trimmed), for links and the redirect. */
  readonly filterParams: readonly (readonly [FilterName, string])[];
  readonly embeds: readonly Embed[];
  /** The id of the first rate centre of the page (1: from the start); undefined when not given. */
  readonly page?: number | undefined;
  readonly size?: number | undefined;
}

export interface CoveredRateCenter {
  readonly id: number;
  readonly name: string;
  readonly abbreviation: string;
  readonly state: string;
  readonly lata: string;
  readonly tiers: readonly number[];
  readonly availableNumberCount?: number | undefined;
  readonly zipCodes?: readonly string[] | undefined;
  readonly cities?: readonly string[] | undefined;
  readonly vendors?: readonly { readonly id: number; readonly name: string }[] | undefined;
  readonly npaNxxXs?: readonly number[] | undefined;
  readonly localRateCenters?: readonly number[] | undefined;
}

export interface CoveredPage {
  readonly items: readonly CoveredRateCenter[];
  /** The first id of the next page; undefined on the last page. */
  readonly nextId?: number | undefined;
  /** Matching rate centres from this page on (this page included). */
  readonly remaining: number;
  readonly size: number;
}

function parseEmbeds(values: readonly string[]): Embed[] {
  const out: Embed[] = [];
  // Repeated (embed=A&embed=B, as the clients send it); a comma-separated list is accepted too.
  for (const value of values.flatMap((v) => v.split(','))) {
    const embed = oneOf(value.trim(), EMBEDS);
    if (!embed) throw ApiError.of(CoverageErrors.coverageEmbedInvalid);
    if (!out.includes(embed)) out.push(embed);
  }
  return out;
}

function digits(value: string, count: number): number {
  if (!new RegExp(`^\\d{${count}}$`).test(value)) throw ApiError.of(CriteriaErrors.searchPrefixInvalid);
  return Number(value);
}

/** Intersects the npa / npaNxx / npaNxxX ranges of thousands blocks (an empty range matches nothing). */
function blockRange(npa?: string, npaNxx?: string, npaNxxX?: string): [number, number] | undefined {
  const ranges: [number, number][] = [];
  const add = (value: string | undefined, count: number, blocksPer: number) => {
    if (value === undefined) return;
    const first = digits(value, count) * blocksPer;
    ranges.push([first, first + blocksPer - 1]);
  };
  add(npa, 3, 10_000);
  add(npaNxx, 6, 10);
  add(npaNxxX, 7, 1);
  if (ranges.length === 0) return undefined;
  return [Math.max(...ranges.map((r) => r[0])), Math.min(...ranges.map((r) => r[1]))];
}

function parsePaging(value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const t = value.trim();
  if (!/^\d{1,15}$/.test(t)) throw ApiError.of(CoverageErrors.coveragePageInvalid);
  const n = Number(t);
  if (n < min || n > max) throw ApiError.of(CoverageErrors.coveragePageInvalid);
  return n;
}

/**
 * Validates the query of GET /coveredRateCenters. A filter that is present must be valid (an empty
 * one is not); LocalRateCenters cannot be embedded together with any filter (4019).
 */
export function parseCoveredQuery(query: Query, queryAll: (name: string) => string[]): CoveredQuery {
  const embeds = parseEmbeds(queryAll('embed'));
  const given = FILTERS.filter((f) => query[f.toLowerCase()] !== undefined);
  if (embeds.includes('LocalRateCenters') && given.length > 0) {
    throw ApiError.of(CoverageErrors.coverageLocalRateCentersFiltered);
  }
  const params = given.map((f) => [f, (query[f.toLowerCase()] ?? '').trim()] as const);
  const value = (f: FilterName) => params.find(([name]) => name === f)?.[1];
  const nonEmpty = (f: FilterName, error: ErrorDefinition) => {
    const v = value(f);
    if (v === '') throw ApiError.of(error);
    return v;
  };

  const state = value('state')?.toUpperCase();
  if (state !== undefined && !isStateCode(state)) throw ApiError.of(CriteriaErrors.searchStateInvalid);
  const zip = value('zip');
  if (zip !== undefined && !/^\d{5}$/.test(zip)) throw ApiError.of(CriteriaErrors.searchZipInvalid);
  const lata = value('lata');
  if (lata !== undefined && !/^(\d{3}|\d{5})$/.test(lata))
    throw ApiError.of(CriteriaErrors.searchLataInvalid);
  const tierText = value('tier');
  if (tierText !== undefined && !/^[0-5]$/.test(tierText))
    throw ApiError.of(CriteriaErrors.searchTierInvalid);

  return {
    filters: {
      state,
      abbreviation: nonEmpty('abbreviation', CriteriaErrors.searchRateCenterInvalid)?.toUpperCase(),
      name: nonEmpty('name', CriteriaErrors.searchRateCenterInvalid)?.toUpperCase(),
      zip,
      city: nonEmpty('city', CriteriaErrors.searchCityInvalid)?.toUpperCase(),
      lata,
      tier: tierText === undefined ? undefined : Number(tierText),
      blocks: blockRange(value('npa'), value('npaNxx'), value('npaNxxX')),
    },
    filterParams: params.map(([f, v]) => [f, f === 'state' ? v.toUpperCase() : v] as const),
    embeds,
    page: parsePaging(query.page, 1, Number.MAX_SAFE_INTEGER),
    size: parsePaging(query.size, 1, MAX_PAGE_SIZE),
  };
}

/** The query string of a covered-rate-centre request: filters, embeds, then page and size. */
export function coveredQueryString(q: CoveredQuery, page: number | string, size: number): string {
  return [
    ...q.filterParams,
    ...q.embeds.map((e) => ['embed', e] as const),
    ['page', String(page)] as const,
    ['size', String(size)] as const,
  ]
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

function citiesNamed(cov: Coverage, name: string, state: string | undefined): number[] {
  const states = state ? [state] : [...US_STATE_CODES];
  const ids = new Set<number>();
  for (const s of states) {
    const city = cov.cityByName(s, name);
    if (city) for (const rc of cov.rateCentersOfCity(city.id)) ids.add(rc);
  }
  return [...ids];
}

/** Every rate centre matching the filters, by id. */
async function matching(deps: AppDeps, cov: Coverage, f: CoveredFilters): Promise<RateCenterDim[]> {
  // The narrow filters first (ZIP, city, thousands blocks), each a set of ids.
  const sets: ReadonlySet<number>[] = [];
  if (f.zip !== undefined) sets.push(new Set(cov.rateCentersOfZip(f.zip)));
  if (f.city !== undefined) sets.push(new Set(citiesNamed(cov, f.city, f.state)));
  if (f.blocks !== undefined) {
    const [from, to] = f.blocks;
    sets.push(new Set(from > to ? [] : await rateCentersOfBlocks(deps.database.db, from, to)));
  }
  const base = f.state !== undefined ? cov.rateCentersInState(f.state) : cov.rateCenters;
  return base
    .filter(
      (rc) =>
        sets.every((s) => s.has(rc.id)) &&
        (f.abbreviation === undefined || rc.abbreviation.toUpperCase() === f.abbreviation) &&
        (f.name === undefined || rc.name.toUpperCase() === f.name) &&
        (f.lata === undefined || rc.lata === f.lata) &&
        (f.tier === undefined || rc.tier === f.tier),
    )
    .sort((a, b) => a.id - b.id);
}

/** Builds the entries of a page: the always-present parts plus what was embedded, in a few queries. */
async function entriesOf(
  deps: AppDeps,
  cov: Coverage,
  rcs: readonly RateCenterDim[],
  embeds: readonly Embed[],
): Promise<CoveredRateCenter[]> {
  const ids = rcs.map((rc) => rc.id);
  const has = (e: Embed) => embeds.includes(e);
  const [counts, blocks] = await Promise.all([
    has('AvailableNumberCount') ? countAvailableByRateCenter(deps.database.db, ids) : undefined,
    has('NpaNxxX') ? blocksOfRateCenters(deps.database.db, ids) : undefined,
  ]);
  return rcs.map((rc) => {
    const vendorId = vendorForTier(rc.tier);
    return {
      id: rc.id,
      name: rc.name,
      abbreviation: rc.abbreviation,
      state: rc.state,
      lata: rc.lata,
      tiers: [rc.tier],
      availableNumberCount: counts ? (counts.get(rc.id) ?? 0) : undefined,
      zipCodes: has('ZipCodes') ? cov.zipsOfRateCenter(rc.id) : undefined,
      cities: has('Cities')
        ? [...new Set(cov.citiesOfRateCenter(rc.id).map((c) => c.name))].sort(byText)
        : undefined,
      vendors: has('Vendors') ? [{ id: vendorId, name: VENDORS[vendorId] ?? String(vendorId) }] : undefined,
      npaNxxXs: blocks ? (blocks.get(rc.id) ?? []) : undefined,
      localRateCenters: has('LocalRateCenters') ? cov.localRateCenters(rc.id) : undefined,
    };
  });
}

export type CoveredResult =
  /** Without page or size: 303 to the same query with the missing ones (page 1, size 500). */
  | { readonly kind: 'redirect'; readonly page: number; readonly size: number }
  | { readonly kind: 'page'; readonly page: CoveredPage };

/**
 * One page of covered rate centres, ordered by id: `page` is the id of the first one (1: from the
 * start), the next page starts at the id after this page's last.
 */
export async function listCoveredRateCenters(deps: AppDeps, q: CoveredQuery): Promise<CoveredResult> {
  if (q.page === undefined || q.size === undefined) {
    return { kind: 'redirect', page: q.page ?? 1, size: q.size ?? DEFAULT_PAGE_SIZE };
  }
  const { page, size } = q;
  const cov = deps.coverage;
  const all = await matching(deps, cov, q.filters);
  const from = all.filter((rc) => rc.id >= page);
  const items = await entriesOf(deps, cov, from.slice(0, size), q.embeds);
  return { kind: 'page', page: { items, nextId: from[size]?.id, remaining: from.length, size } };
}

/** One covered rate centre with everything embedded; 404 (empty body) for an unknown or non-numeric id. */
export async function getCoveredRateCenter(deps: AppDeps, id: string): Promise<CoveredRateCenter> {
  const notFound = () => ApiError.of(CoverageErrors.coverageRateCenterNotFound, id);
  const cov = deps.coverage;
  const rc = cov.rateCenter(parseId(id, notFound));
  if (!rc) throw notFound();
  const [described] = await entriesOf(deps, cov, [rc], EMBEDS);
  if (!described) throw notFound();
  return described;
}
