import { parseFlag } from '../../shared/fields.js';
import { ApiError, type ErrorDefinition } from '../../platform/http/api-error.js';
import {
  isTollFreeNpa,
  isValidNpa,
  isValidNxx,
  TOLL_FREE_NPAS,
  vanityToDigits,
} from '../../shared/numbering.js';
import { isStateCode } from '../../shared/states.js';
import type { Coverage } from '../../shared/coverage.js';
import { CriteriaErrors } from '../../shared/errors.js';
import { SearchErrors } from './search.errors.js';

/**
 * The seed's search-criteria table, as a parser: query parameters in, one validated search out,
 * or the documented 4xxx error. Which parameters go together (required, combinable, optional) is
 * decided here and nowhere else.
 */
export type ProtectedFilter = 'NONE' | 'ONLY' | 'MIXED';
export const ORDER_BY = ['fullNumber', 'npaNxxx', 'npaNxx', 'areaCode'] as const;
export type OrderBy = (typeof ORDER_BY)[number];

interface Common {
  readonly quantity: number;
  readonly detail: boolean;
  readonly protectedFilter: ProtectedFilter;
  readonly orderBy: OrderBy | undefined;
}

/** A geographic search: every filter given must hold; `lca` adds the local calling area. */
export interface GeoSearch extends Common {
  readonly kind: 'geo';
  /** Inclusive TN range from areaCode / npaNxx / npaNxxx. */
  readonly range: readonly [number, number] | undefined;
  /** Rate centres the numbers must be in (rateCenter, zip, city): intersected; undefined = any. */
  readonly rateCenters: readonly number[] | undefined;
  readonly state: string | undefined;
  readonly lata: string | undefined;
  /** Add the local calling area: its numbers follow the exact matches (search.service resolves it). */
  readonly lca: boolean;
}

export interface LocalVanitySearch extends Common {
  readonly kind: 'localVanity';
  readonly npa: number;
  readonly digits: string;
  readonly endsIn: boolean;
}

export interface TollFreeSearch extends Common {
  readonly kind: 'tollFree';
  readonly npas: readonly number[];
  /** Digits that must appear in the last seven (vanity); undefined for a wildcard search. */
  readonly digits: string | undefined;
}

export type Search = GeoSearch | LocalVanitySearch | TollFreeSearch;

const fail = (def: ErrorDefinition, ...args: (string | number)[]): never => {
  throw ApiError.of(def, ...args);
};

function bool(value: string | undefined, name: string): boolean | undefined {
  return parseFlag(value, () => ApiError.of(SearchErrors.searchInvalid, `${name} must be true or false`));
}

const GEO_PARAMS = ['areacode', 'npanxx', 'npanxxx', 'ratecenter', 'city', 'state', 'zip', 'lata'] as const;

/**
 * `query` has lower-cased parameter names (the route context's convention). Coverage resolves rate
 * centres, cities and ZIP codes.
 */
export function parseSearch(query: Readonly<Record<string, string | undefined>>, cov: Coverage): Search {
  const q = (name: string): string | undefined => {
    const v = query[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const quantityText = q('quantity');
  const quantity = quantityText === undefined ? 5000 : Number(quantityText);
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 5000) {
    fail(SearchErrors.searchInvalid, 'quantity must be a whole number from 1 to 5000');
  }
  const protectedText = q('protected');
  const protectedFilter = (protectedText?.toUpperCase() ?? 'NONE') as ProtectedFilter;
  if (!['NONE', 'ONLY', 'MIXED'].includes(protectedFilter)) fail(SearchErrors.searchProtectedInvalid);
  const orderByText = q('orderby');
  const orderBy =
    orderByText === undefined
      ? undefined
      : ORDER_BY.find((o) => o.toLowerCase() === orderByText.toLowerCase());
  if (orderByText !== undefined && !orderBy) fail(SearchErrors.searchOrderByInvalid);
  const common = {
    quantity,
    detail: bool(q('enabletndetail'), 'enableTNDetail') ?? false,
    protectedFilter,
    orderBy,
  };
  const lcaParam = bool(q('lca'), 'LCA');
  const endsIn = bool(q('endsin'), 'endsIn');
  const present = GEO_PARAMS.filter((p) => q(p) !== undefined);

  // Toll-free: vanity or wildcard, alone.
  const tfVanity = q('tollfreevanity');
  const tfWildcard = q('tollfreewildcardpattern');
  if (tfVanity !== undefined || tfWildcard !== undefined) {
    if (tfVanity !== undefined && tfWildcard !== undefined) fail(SearchErrors.searchTollFreeVanityInvalid);
    if (present.length > 0 || q('localvanity') !== undefined || lcaParam !== undefined) {
      fail(
        tfVanity !== undefined
          ? SearchErrors.searchTollFreeVanityInvalid
          : SearchErrors.searchTollFreeWildcardInvalid,
      );
    }
    if (tfVanity !== undefined) {
      const digits = vanityToDigits(tfVanity);
      if (!digits || digits.length < 4 || digits.length > 7) fail(SearchErrors.searchTollFreeVanityInvalid);
      return { kind: 'tollFree', ...common, npas: TOLL_FREE_NPAS.map(Number), digits };
    }
    const pattern = tfWildcard ?? '';
    if (!/^8[0-9*]{2}$/.test(pattern)) fail(SearchErrors.searchTollFreeWildcardInvalid);
    const regex = new RegExp(`^${pattern.replace(/\*/g, '\\d')}$`);
    return {
      kind: 'tollFree',
      ...common,
      npas: TOLL_FREE_NPAS.filter((n) => regex.test(n)).map(Number),
      digits: undefined,
    };
  }

  // Local vanity: an area code and the vanity, nothing else geographic.
  const localVanity = q('localvanity');
  if (localVanity !== undefined) {
    const npaText = q('areacode');
    if (npaText === undefined) fail(SearchErrors.searchAreaCodeInvalid);
    if (present.some((p) => p !== 'areacode') || lcaParam !== undefined)
      fail(CriteriaErrors.searchUnsupported);
    if (!isValidNpa(npaText ?? '') || isTollFreeNpa(npaText ?? '')) fail(SearchErrors.searchAreaCodeInvalid);
    const digits = vanityToDigits(localVanity);
    if (!digits || digits.length < 4 || digits.length > 7) fail(CriteriaErrors.searchUnsupported);
    if (orderBy) fail(SearchErrors.searchOrderByNotSupported);
    return {
      kind: 'localVanity',
      ...common,
      npa: Number(npaText),
      digits: digits ?? '',
      endsIn: endsIn ?? false,
    };
  }
  if (endsIn !== undefined) fail(CriteriaErrors.searchUnsupported);
  if (present.length === 0) fail(CriteriaErrors.searchUnsupported);

  // Geographic criteria.
  const prefixes = (['areacode', 'npanxx', 'npanxxx'] as const).filter((p) => q(p) !== undefined);
  if (prefixes.length > 1) fail(CriteriaErrors.searchPrefixInvalid);
  let range: [number, number] | undefined;
  const areaCode = q('areacode');
  const npaNxx = q('npanxx');
  const npaNxxX = q('npanxxx');
  if (areaCode !== undefined) {
    if (!isValidNpa(areaCode) || isTollFreeNpa(areaCode)) fail(SearchErrors.searchAreaCodeInvalid);
    range = [Number(areaCode) * 1e7, Number(areaCode) * 1e7 + 9_999_999];
  } else if (npaNxx !== undefined) {
    if (!/^\d{6}$/.test(npaNxx) || !isValidNpa(npaNxx.slice(0, 3)) || !isValidNxx(npaNxx.slice(3))) {
      fail(CriteriaErrors.searchPrefixInvalid);
    }
    range = [Number(npaNxx) * 1e4, Number(npaNxx) * 1e4 + 9_999];
  } else if (npaNxxX !== undefined) {
    if (!/^\d{7}$/.test(npaNxxX) || !isValidNpa(npaNxxX.slice(0, 3)) || !isValidNxx(npaNxxX.slice(3, 6))) {
      fail(CriteriaErrors.searchPrefixInvalid);
    }
    range = [Number(npaNxxX) * 1e3, Number(npaNxxX) * 1e3 + 999];
  }

  const state = q('state')?.toUpperCase();
  if (state !== undefined && !isStateCode(state)) fail(CriteriaErrors.searchStateInvalid);
  const lata = q('lata');
  if (lata !== undefined && !/^\d{1,5}$/.test(lata)) fail(CriteriaErrors.searchLataInvalid);

  // Rate-centre sets: each criterion narrows the set (intersection).
  let rateCenters: number[] | undefined;
  const narrow = (ids: readonly number[]) => {
    rateCenters = rateCenters === undefined ? [...ids] : rateCenters.filter((id) => ids.includes(id));
  };
  const rateCenterName = q('ratecenter');
  if (rateCenterName !== undefined) {
    if (state === undefined) fail(CriteriaErrors.searchRateCenterInvalid);
    const rc = cov.rateCenterByName(state ?? '', rateCenterName);
    if (!rc) fail(CriteriaErrors.searchRateCenterInvalid);
    narrow([rc?.id ?? 0]);
  }
  const cityName = q('city');
  if (cityName !== undefined) {
    if (state === undefined) fail(CriteriaErrors.searchCityInvalid);
    const city = cov.cityByName(state ?? '', cityName);
    if (!city) fail(CriteriaErrors.searchCityInvalid);
    narrow(cov.rateCentersOfCity(city?.id ?? 0));
  }
  const zip = q('zip');
  if (zip !== undefined) {
    const m = /^(\d{5})(?:-?\d{4})?$/.exec(zip);
    const rcs = m?.[1] ? cov.rateCentersOfZip(m[1]) : [];
    if (rcs.length === 0) fail(CriteriaErrors.searchZipInvalid);
    narrow(rcs);
  }

  // LCA applies to npaNxx, npaNxxx or rateCenter+state searched alone; there it defaults to true.
  const lcaAllowed =
    (present.length === 1 && (npaNxx !== undefined || npaNxxX !== undefined)) ||
    (rateCenterName !== undefined && present.every((p) => p === 'ratecenter' || p === 'state'));
  if (lcaParam === true && !lcaAllowed) fail(SearchErrors.searchLcaNotSupported);
  const orderByAllowed =
    npaNxx !== undefined ||
    npaNxxX !== undefined ||
    rateCenterName !== undefined ||
    cityName !== undefined ||
    zip !== undefined;
  if (orderBy && !orderByAllowed) fail(SearchErrors.searchOrderByNotSupported);

  return {
    kind: 'geo',
    ...common,
    range,
    rateCenters,
    state,
    lata,
    lca: lcaAllowed && lcaParam !== false,
  };
}
