import type { AppDeps } from '../../context.js';
import { ApiError } from '../../platform/http/api-error.js';
import { formatTn, parseTn } from '../../shared/numbering.js';
import { requireSite } from '../sites/index.js';
import { findNumber, type NumberRecord } from './inventory.store.js';
import { TnStatus, type TnStatusCode } from '../../shared/tn-status.js';
import {
  intersectRanges,
  parseLata,
  parseState,
  parseTier,
  prefixRange,
  resolveCities,
  resolveRateCenters,
} from './tns.service.js';
import {
  countDisconnected,
  countNumbers,
  listDisconnected,
  listNumbers,
  listNumberKeys,
  type NumberQuery,
} from './tns.store.js';
import { InventoryErrors } from './inventory.errors.js';
import { parseDateRange, parsePage, parseSize, QueryErrors, type Params } from '../../platform/http/query.js';

/**
 * The account's number lists: in service (account-wide and per site) and disconnected. Pages of
 * numbers in number order, addressed by the number that starts them (contract §7).
 *
 * "In service" is what /tns shows as Inservice: numbers in service and external (imported,
 * customer-owned) numbers on the account.
 */
export const IN_SERVICE_STATUSES: readonly TnStatusCode[] = [TnStatus.inService, TnStatus.external];

export function isInService(status: number): boolean {
  return (IN_SERVICE_STATUSES as readonly number[]).includes(status);
}

const DEFAULT_SIZE = 300;

/**
 * A 404 answered without a body: the documented answer to in-service filters that are invalid or
 * cannot go together (op 3), and to a number that is not in service on the account (op 5).
 */
export class EmptyNotFound extends ApiError {
  constructor(code: number, description: string) {
    super(404, code, description);
  }
}

/** Runs a filter parser, turning its 400 into the in-service lists' body-less 404. */
function asNotFound<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof ApiError && err.status === 400) throw new EmptyNotFound(err.code, err.description);
    throw err;
  }
}

export interface TnKeyPage {
  readonly tns: readonly string[];
  readonly total: number;
  readonly size: number;
  readonly nextKey: string | undefined;
}

async function pageOf(
  deps: AppDeps,
  filter: NumberQuery,
  page: number | undefined,
  size: number,
): Promise<TnKeyPage> {
  const db = deps.database.db;
  const tns = await listNumberKeys(db, filter, page, size + 1);
  const next = tns[size];
  return {
    tns: tns.slice(0, size).map(formatTn),
    // An empty page answers 204, without counting.
    total: tns.length === 0 ? 0 : await countNumbers(db, filter),
    size,
    nextKey: next === undefined ? undefined : formatTn(next),
  };
}

/**
 * Filters of the in-service lists. Account level (op 3): areacode, npanxx, lata, state,
 * ratecenter (which needs state: "If State is not included in the query then the query will
 * fail"), startdate/enddate on the date the number went in service. Site level (op 113) adds
 * tier, city and npaNxxx, and lets a rate centre span states as /tns does.
 */
export const IN_SERVICE_PARAMS = [
  'page',
  'size',
  'state',
  'rateCenter',
  'areaCode',
  'npaNxx',
  'npaNxxX',
  'city',
  'startDate',
  'endDate',
  'tier',
  'lata',
] as const;
/** The filters of the in-service lists, as sent. */
export type InServiceParams = Params<(typeof IN_SERVICE_PARAMS)[number]>;

export const DISCONNECTED_PARAMS = ['page', 'size', 'startDate', 'endDate'] as const;
/** The filters of the disconnected-number list, as sent. */
export type DisconnectedParams = Params<(typeof DISCONNECTED_PARAMS)[number]>;

function inServiceFilter(
  deps: AppDeps,
  accountId: string,
  p: InServiceParams,
  site: number | undefined,
): NumberQuery {
  const cov = deps.coverage;
  return asNotFound(() => {
    const state = parseState(p.state);
    const rateCenter = p.rateCenter;
    if (rateCenter !== undefined && state === undefined && site === undefined) {
      throw ApiError.of(QueryErrors.paramsTogether, 'ratecenter', 'state');
    }
    const areaCode = p.areaCode;
    const npaNxx = p.npaNxx;
    const npaNxxX = site === undefined ? undefined : p.npaNxxX;
    const city = site === undefined ? undefined : p.city;
    const dates = parseDateRange(p.startDate, p.endDate);
    return {
      accountIds: [accountId],
      siteId: site,
      statuses: IN_SERVICE_STATUSES,
      range: intersectRanges([
        areaCode === undefined ? undefined : prefixRange('npa', areaCode),
        npaNxx === undefined ? undefined : prefixRange('npaNxx', npaNxx),
        npaNxxX === undefined ? undefined : prefixRange('npaNxxX', npaNxxX),
      ]),
      tier: site === undefined ? undefined : parseTier(p.tier),
      lata: parseLata(p.lata),
      state,
      rateCenterIds: rateCenter === undefined ? undefined : resolveRateCenters(cov, rateCenter, state),
      cityIds: city === undefined ? undefined : resolveCities(cov, city, state),
      changedFrom: dates?.from,
      changedBefore: dates?.before,
    };
  });
}

/** GET /accounts/{id}/inserviceNumbers (and, with `siteId`, the site's): a page, or 404 for bad filters. */
export async function listInService(
  deps: AppDeps,
  accountId: string,
  p: InServiceParams,
  siteId?: string,
): Promise<TnKeyPage> {
  const site = siteId === undefined ? undefined : (await requireSite(deps, accountId, siteId)).id;
  const filter = inServiceFilter(deps, accountId, p, site);
  const { page, size } = asNotFound(() => ({
    page: parsePage(p.page),
    size: parseSize(p.size, DEFAULT_SIZE),
  }));
  return pageOf(deps, filter, page, size);
}

/** Where numbers are in service: an account, optionally one of its sites or SIP peers. */
export interface ServicePlace {
  readonly accountId: string;
  readonly siteId?: number | undefined;
  readonly sipPeerId?: number | undefined;
}

function placeFilter(p: ServicePlace): NumberQuery {
  return {
    accountIds: [p.accountId],
    siteId: p.siteId,
    sipPeerIds: p.sipPeerId === undefined ? undefined : [p.sipPeerId],
    statuses: IN_SERVICE_STATUSES,
  };
}

/** Up to `size` numbers in service at the place, in number order from `from` on. */
export function numbersInServiceAt(
  deps: AppDeps,
  place: ServicePlace,
  from: number | undefined,
  size: number,
): Promise<NumberRecord[]> {
  return listNumbers(deps.database.db, placeFilter(place), from, size);
}

export function countInServiceAt(deps: AppDeps, place: ServicePlace): Promise<number> {
  return countNumbers(deps.database.db, placeFilter(place));
}

/** GET /accounts/{id}/inserviceNumbers/totals. */
export function countInService(deps: AppDeps, accountId: string): Promise<number> {
  return countNumbers(deps.database.db, { accountIds: [accountId], statuses: IN_SERVICE_STATUSES });
}

/** GET /accounts/{id}/inserviceNumbers/{tn}: a pure existence check, 404 without a body otherwise. */
export async function requireInService(deps: AppDeps, accountId: string, text: string): Promise<void> {
  const tn = parseTn(text);
  const row = tn === undefined ? undefined : await findNumber(deps.database.db, tn);
  if (!row || row.account_id !== accountId || !isInService(row.status)) {
    const def = tn === undefined ? InventoryErrors.tnInvalid : InventoryErrors.tnNotInService;
    throw new EmptyNotFound(def.code, ApiError.of(def, text).description);
  }
}

function disconnectFilter(accountId: string, p: DisconnectedParams) {
  const dates = parseDateRange(p.startDate, p.endDate);
  return { accountId, from: dates?.from, before: dates?.before };
}

/**
 * GET /accounts/{id}/discnumbers: the numbers disconnected from the account (each once), the
 * date range on the disconnect. 200 with a zero count when there are none.
 */
export async function listDisconnectedNumbers(
  deps: AppDeps,
  accountId: string,
  p: DisconnectedParams,
): Promise<TnKeyPage> {
  const filter = disconnectFilter(accountId, p);
  const page = parsePage(p.page);
  const size = parseSize(p.size, DEFAULT_SIZE);
  const db = deps.database.db;
  const tns = await listDisconnected(db, filter, page, size + 1);
  const next = tns[size];
  return {
    tns: tns.slice(0, size).map(formatTn),
    total: await countDisconnected(db, filter),
    size,
    nextKey: next === undefined ? undefined : formatTn(next),
  };
}

/** GET /accounts/{id}/discnumbers/totals. */
export function countDisconnectedNumbers(
  deps: AppDeps,
  accountId: string,
  p: DisconnectedParams,
): Promise<number> {
  return countDisconnected(deps.database.db, disconnectFilter(accountId, p));
}
