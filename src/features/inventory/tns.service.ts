import type { AppDeps } from '../../context.js';
import { ApiError, type ErrorDefinition } from '../../platform/http/api-error.js';
import type { Principal } from '../../platform/http/auth.js';
import { ProtocolErrors } from '../../platform/http/protocol-errors.js';
import { isHost, parseIpv4Cidr } from '../../shared/hosts.js';
import { formatTn, isValidNpa, parseTn } from '../../shared/numbering.js';
import { isStateCode, US_STATE_CODES } from '../../shared/states.js';
import type { PostalAddress } from '../../shared/address.js';
import type { Coverage } from '../../shared/coverage.js';
import { listAccountHosts, SipPeerErrors } from '../sip-peers/index.js';
import { inventoryBuiltAt } from './inventory.build.js';
import { historyOf, type NumberRecord } from './inventory.store.js';
import { statusCode, statusFromWire, TN_STATUS_WIRE, TnStatus, VENDORS } from '../../shared/tn-status.js';
import {
  countNumbers,
  earliestAccountCreation,
  findNumberDetail,
  listNumbers,
  type NumberDetail,
  type NumberQuery,
} from './tns.store.js';
import { InventoryErrors } from './inventory.errors.js';
import { parsePage, parseSize, type Params } from '../../platform/http/query.js';
import { CriteriaErrors } from '../../shared/errors.js';
import { blocksOfRateCenters } from '../coverage/index.js';

/**
 * The telephone-number views: /tns (numbers on the caller's accounts) and /tns/{tn} with its
 * sub-resources. A number is visible to a caller when it is on one of the caller's accounts
 * (reservations put the number on the reserving account) or when it is available (the public
 * inventory); any other number answers exactly like one that does not exist.
 *
 * The filter parsers here are shared with inserviceNumbers and discnumbers (in-service.service.ts).
 */

const fail = (def: ErrorDefinition, ...args: (string | number)[]): never => {
  throw ApiError.of(def, ...args);
};

// ---- filters shared by the number lists ----------------------------------------------------

type Range = readonly [number, number];

const NPA_NXX = /^[2-9]\d\d[2-9]\d\d$/;

/** Area code (3 digits), NPA-NXX (6) or NPA-NXX-X (7) as an inclusive range of numbers. */
export function prefixRange(kind: 'npa' | 'npaNxx' | 'npaNxxX', text: string): Range {
  const digits = { npa: 3, npaNxx: 6, npaNxxX: 7 }[kind];
  const ok =
    new RegExp(`^\\d{${digits}}$`).test(text) &&
    isValidNpa(text.slice(0, 3)) &&
    (digits === 3 || NPA_NXX.test(text.slice(0, 6)));
  if (!ok) {
    const def = {
      npa: InventoryErrors.tnsNpaInvalid,
      npaNxx: InventoryErrors.tnsNpaNxxInvalid,
      npaNxxX: InventoryErrors.tnsNpaNxxXInvalid,
    };
    fail(def[kind], text);
  }
  const span = 10 ** (10 - digits);
  const start = Number(text) * span;
  return [start, start + span - 1];
}

/** The intersection of the ranges given (mutually exclusive prefixes simply match nothing). */
export function intersectRanges(ranges: readonly (Range | undefined)[]): Range | undefined {
  const given = ranges.filter((r): r is Range => r !== undefined);
  if (given.length === 0) return undefined;
  return [Math.max(...given.map((r) => r[0])), Math.min(...given.map((r) => r[1]))];
}

export function parseTier(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[0-5]$/.test(text)) fail(CriteriaErrors.searchTierInvalid);
  return Number(text);
}

export function parseLata(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{3,5}$/.test(text)) fail(CriteriaErrors.searchLataInvalid);
  return text;
}

export function parseState(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!/^[A-Za-z]{2}$/.test(text) || !isStateCode(text)) fail(CriteriaErrors.searchStateInvalid);
  return text.toUpperCase();
}

/** A status as /tns writes it (`Inservice`, `aging`, … in any case). */
export function parseStatus(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const codes = statusFromWire(text);
  return codes.length ? codes : fail(InventoryErrors.tnsStatusInvalid, text);
}

const statesOfCoverage = new WeakMap<Coverage, readonly string[]>();

/** Every state a rate centre or city may be in (a name without a state spans them all). */
function coveredStates(cov: Coverage): readonly string[] {
  let states = statesOfCoverage.get(cov);
  if (!states) {
    states = [...new Set([...US_STATE_CODES, ...cov.rateCenters.map((rc) => rc.state)])];
    statesOfCoverage.set(cov, states);
  }
  return states;
}

/** Rate centres named `name` (abbreviation or full name), in `state` or in any state; 15514 if none. */
export function resolveRateCenters(cov: Coverage, name: string, state: string | undefined): number[] {
  const anywhere = coveredStates(cov).flatMap((s) => cov.rateCenterByName(s, name) ?? []);
  if (anywhere.length === 0) fail(InventoryErrors.tnsRateCenterInvalid, name);
  // Known elsewhere but not in the state asked for: criteria that exclude each other, no error.
  return anywhere.filter((rc) => state === undefined || rc.state === state).map((rc) => rc.id);
}

/** Cities named `name`, in `state` or in any state; 4005 if there is none anywhere. */
export function resolveCities(cov: Coverage, name: string, state: string | undefined): number[] {
  const anywhere = coveredStates(cov).flatMap((s) => cov.cityByName(s, name) ?? []);
  if (anywhere.length === 0) fail(CriteriaErrors.searchCityInvalid);
  return anywhere.filter((c) => state === undefined || c.state === state).map((c) => c.id);
}

// ---- visibility and times ------------------------------------------------------------------

/**
 * When numbers untouched since the inventory build became available: the recorded build time, else
 * the first account's creation (the demo build runs just before it), never later than now.
 */
export async function inventoryEpoch(deps: AppDeps): Promise<string> {
  const db = deps.database.db;
  const now = deps.clock.now().toISOString();
  const recorded = (await inventoryBuiltAt(db)) ?? (await earliestAccountCreation(db)) ?? now;
  return recorded < now ? recorded : now;
}

/** A number on an account is that account's (reserved ones too); unowned, only available ones show. */
function isVisible(principal: Principal, row: NumberRecord): boolean {
  return row.account_id !== null ? principal.accounts.has(row.account_id) : row.status === TnStatus.available;
}

/**
 * The number `text` if the caller may see it: 400 12512 when it is no valid number, `notFound`
 * (default 404 15506) when it is unknown or someone else's.
 */
export async function requireVisibleNumber(
  deps: AppDeps,
  principal: Principal,
  text: string,
  notFound: ErrorDefinition = InventoryErrors.tnNotFound,
): Promise<NumberDetail> {
  const tn = parseTn(text) ?? fail(InventoryErrors.tnInvalid, text);
  const row = await findNumberDetail(deps.database.db, tn);
  return row && isVisible(principal, row) ? row : fail(notFound, text);
}

// ---- views ---------------------------------------------------------------------------------

/** A number as /tns and tndetails describe it. */
export interface TnSummary {
  readonly tn: string;
  readonly city: string | undefined;
  readonly lata: string | undefined;
  readonly state: string | undefined;
  readonly tier: number;
  readonly vendorId: number;
  readonly vendorName: string | undefined;
  readonly rateCenter: string | undefined;
  readonly status: string;
  readonly accountId: string | undefined;
  readonly lastModified: string;
}

export interface Named {
  readonly id: number;
  readonly name: string;
}

/**
 * What features above the inventory keep on a number and `tndetails` shows (contract row 130):
 * its messaging setting today (SIP-peer numbers), its E911, LIDB and DLDA blocks as they come.
 * `features/index.ts` gives the tns routes the function that gathers them.
 */
export interface NumberFeatures {
  readonly smsEnabled?: boolean | undefined;
  readonly e911?:
    | {
        readonly callerName?: string | undefined;
        readonly address: PostalAddress;
        readonly outcome: string;
      }
    | undefined;
  readonly lidb?:
    | { readonly subscriberInformation: string; readonly useType: string; readonly visibility: string }
    | undefined;
  readonly dlda?:
    | {
        readonly subscriberType: string;
        readonly listingType: string;
        readonly listingName?: Readonly<Record<string, string | undefined>> | undefined;
        readonly listAddress: boolean;
        readonly address?: PostalAddress | undefined;
      }
    | undefined;
}
export type NumberFeaturesOf = (deps: AppDeps, tn: number) => Promise<NumberFeatures>;

export interface TnDetails extends TnSummary {
  readonly site: Named | undefined;
  readonly sipPeer: Named | undefined;
  readonly protected: boolean;
}

function summarize(row: NumberRecord, cov: Coverage, epoch: string): TnSummary {
  const rc = cov.rateCenter(row.rate_center_id);
  return {
    tn: formatTn(row.tn),
    city: cov.city(row.city_id)?.name,
    lata: row.lata ?? undefined,
    state: row.state ?? undefined,
    tier: row.tier,
    vendorId: row.vendor_id,
    vendorName: VENDORS[row.vendor_id],
    rateCenter: rc?.abbreviation,
    status: TN_STATUS_WIRE[statusCode(row.status)],
    accountId: row.account_id ?? undefined,
    lastModified: row.updated_at ?? epoch,
  };
}

export interface TnsPage {
  readonly numbers: readonly TnSummary[];
  readonly total: number;
  readonly size: number;
  readonly nextKey: string | undefined;
}

/** The accounts a /tns search covers: the caller's, or the one `accountId` names (403 if not theirs). */
function accountsInScope(principal: Principal, accountId: string | undefined): string[] {
  if (accountId === undefined) return [...principal.accounts].sort();
  if (!principal.accounts.has(accountId)) fail(ProtocolErrors.accessDenied);
  return [accountId];
}

/** SIP peers of these accounts with a voice, SMS or termination host named exactly `host`. */
async function peersWithHost(deps: AppDeps, accounts: readonly string[], host: string): Promise<number[]> {
  if (!isHost(host) && !parseIpv4Cidr(host, 0).ok) fail(SipPeerErrors.invalidHost, host);
  const ids: number[] = [];
  for (const accountId of accounts) {
    for (const site of await listAccountHosts(deps, accountId, { host })) {
      ids.push(...site.peers.map((p) => p.peerId));
    }
  }
  return ids;
}

/** The filters of GET /tns, as sent. */
export const TN_LIST_PARAMS = [
  'page',
  'size',
  'accountId',
  'fullNumber',
  'npa',
  'npaNxx',
  'npaNxxX',
  'state',
  'rateCenter',
  'city',
  'host',
  'tier',
  'lata',
  'status',
] as const;
export type TnListParams = Params<(typeof TN_LIST_PARAMS)[number]>;

/**
 * GET /tns: the numbers on the caller's accounts matching every filter given, in number order,
 * `size` (default 500) from the number `page` on.
 */
export async function listTns(deps: AppDeps, principal: Principal, p: TnListParams): Promise<TnsPage> {
  const cov = deps.coverage;
  const page = parsePage(p.page);
  const size = parseSize(p.size, 500);
  const accountIds = accountsInScope(principal, p.accountId);
  const fullNumber = p.fullNumber;
  let fullRange: Range | undefined;
  if (fullNumber !== undefined) {
    const tn = parseTn(fullNumber) ?? fail(InventoryErrors.tnInvalid, fullNumber);
    fullRange = [tn, tn];
  }
  const npa = p.npa;
  const npaNxx = p.npaNxx;
  const npaNxxX = p.npaNxxX;
  const state = parseState(p.state);
  const rateCenter = p.rateCenter;
  const city = p.city;
  const host = p.host;
  const filter: NumberQuery = {
    accountIds,
    range: intersectRanges([
      fullRange,
      npa === undefined ? undefined : prefixRange('npa', npa),
      npaNxx === undefined ? undefined : prefixRange('npaNxx', npaNxx),
      npaNxxX === undefined ? undefined : prefixRange('npaNxxX', npaNxxX),
    ]),
    tier: parseTier(p.tier),
    lata: parseLata(p.lata),
    state,
    rateCenterIds: rateCenter === undefined ? undefined : resolveRateCenters(cov, rateCenter, state),
    cityIds: city === undefined ? undefined : resolveCities(cov, city, state),
    statuses: parseStatus(p.status),
    sipPeerIds: host === undefined ? undefined : await peersWithHost(deps, accountIds, host),
  };
  const db = deps.database.db;
  const rows = await listNumbers(db, filter, page, size + 1);
  const epoch = await inventoryEpoch(deps);
  const next = rows[size];
  return {
    numbers: rows.slice(0, size).map((r) => summarize(r, cov, epoch)),
    total: await countNumbers(db, filter),
    size,
    nextKey: next ? formatTn(next.tn) : undefined,
  };
}

/** GET /tns/{tn}: status, owner and the order behind the last change. */
export interface TnRecordView {
  readonly tn: string;
  readonly status: string;
  readonly lastModified: string;
  readonly orderCreateDate: string | undefined;
  readonly orderId: string | undefined;
  readonly orderType: string | undefined;
  readonly siteId: number | undefined;
  readonly accountId: string | undefined;
}

export async function getTn(deps: AppDeps, principal: Principal, text: string): Promise<TnRecordView> {
  const row = await requireVisibleNumber(deps, principal, text);
  return {
    tn: formatTn(row.tn),
    status: TN_STATUS_WIRE[statusCode(row.status)],
    lastModified: row.updated_at ?? (await inventoryEpoch(deps)),
    orderCreateDate: row.order_created_at ?? undefined,
    orderId: row.order_id ?? undefined,
    orderType: row.order_type ?? undefined,
    siteId: row.site_id ?? undefined,
    accountId: row.account_id ?? undefined,
  };
}

const siteOf = (row: NumberDetail): Named | undefined =>
  row.site_id !== null && row.site_name !== null ? { id: row.site_id, name: row.site_name } : undefined;

const sipPeerOf = (row: NumberDetail): Named | undefined =>
  row.sip_peer_id !== null && row.sip_peer_name !== null
    ? { id: row.sip_peer_id, name: row.sip_peer_name }
    : undefined;

export async function getTnDetails(deps: AppDeps, principal: Principal, text: string): Promise<TnDetails> {
  const row = await requireVisibleNumber(deps, principal, text);
  const summary = summarize(row, deps.coverage, await inventoryEpoch(deps));
  return { ...summary, site: siteOf(row), sipPeer: sipPeerOf(row), protected: row.protected === 1 };
}

/** GET /tns/{tn}/sites: 404 5074 for a number on no site (it is not in service). */
export async function getTnSite(deps: AppDeps, principal: Principal, text: string): Promise<Named> {
  return siteOf(await requireVisibleNumber(deps, principal, text)) ?? fail(InventoryErrors.tnNotInService);
}

/** GET /tns/{tn}/sippeers: 404 5074 for a number on no SIP peer. */
export async function getTnSipPeer(deps: AppDeps, principal: Principal, text: string): Promise<Named> {
  return sipPeerOf(await requireVisibleNumber(deps, principal, text)) ?? fail(InventoryErrors.tnNotInService);
}

/** GET /tns/{tn}/ratecenter and /lata: where the number is (nothing for a toll-free number). */
export async function getTnPlace(
  deps: AppDeps,
  principal: Principal,
  text: string,
): Promise<{ state: string | undefined; rateCenter: string | undefined; lata: string | undefined }> {
  const row = await requireVisibleNumber(deps, principal, text);
  const cov = deps.coverage;
  return {
    state: row.state ?? undefined,
    rateCenter: cov.rateCenter(row.rate_center_id)?.abbreviation,
    lata: row.lata ?? undefined,
  };
}

export interface TnLca {
  /** NPA-NXXs of the inventory in the local calling area, ascending. */
  readonly npaNxxs: readonly string[];
  /** Rate centres of the local calling area by state, the number's own state first. */
  readonly rateCenters: readonly { readonly state: string; readonly names: readonly string[] }[];
}

/**
 * GET /tns/{tn}/lca: the number's rate centre and the rate centres local to it, with the NPA-NXXs
 * the inventory holds there. A number without a rate centre (toll-free) has an empty area.
 */
export async function getTnLca(deps: AppDeps, principal: Principal, text: string): Promise<TnLca> {
  const row = await requireVisibleNumber(deps, principal, text);
  const cov = deps.coverage;
  const own = cov.rateCenter(row.rate_center_id);
  if (!own) return { npaNxxs: [], rateCenters: [] };
  const ids = [own.id, ...cov.localRateCenters(own.id)];
  const blocks = [...(await blocksOfRateCenters(deps.database.db, ids)).values()].flat();
  const npaNxxs = [...new Set(blocks.map((b) => Math.floor(b / 10)))].sort((a, b) => a - b).map(String);
  const byState = new Map<string, Set<string>>();
  for (const id of ids) {
    const rc = cov.rateCenter(id);
    if (!rc) continue;
    const names = byState.get(rc.state) ?? new Set<string>();
    names.add(rc.abbreviation);
    byState.set(rc.state, names);
  }
  const states = [...byState.keys()].sort((a, b) =>
    a === own.state ? -1 : b === own.state ? 1 : a.localeCompare(b),
  );
  return {
    npaNxxs,
    rateCenters: states.map((state) => ({ state, names: [...(byState.get(state) ?? [])].sort() })),
  };
}

export interface TnHistoryEntry {
  readonly accountId?: string | undefined;
  readonly lastModifiedDate: string;
  readonly orderCreateDate?: string | undefined;
  readonly orderId?: string | undefined;
  readonly status: string;
  readonly userId?: string | undefined;
  readonly orderType?: string | undefined;
  readonly orderStatus?: string | undefined;
}

/**
 * GET /tns/{tn}/history, oldest first. Numbers of the inventory build start Available without a
 * row for it, so that first entry is synthesised, dated at the build. Entries that are not the
 * caller's (another tenant's time with the number, unowned steps) keep only their status and date:
 * whose it was and which orders and users touched it stay theirs.
 */
export async function getTnHistory(
  deps: AppDeps,
  principal: Principal,
  text: string,
): Promise<{ tn: string; entries: TnHistoryEntry[] }> {
  const row = await requireVisibleNumber(deps, principal, text, InventoryErrors.tnHistoryNotFound);
  const rows = await historyOf(deps.database.db, row.tn);
  const epoch = await inventoryEpoch(deps);
  const first = rows[0];
  const entries: TnHistoryEntry[] = [];
  // Numbers imported later record their own first Available row.
  if (first?.status !== TnStatus.available) {
    entries.push({
      lastModifiedDate: first !== undefined && first.at < epoch ? first.at : epoch,
      status: TN_STATUS_WIRE[TnStatus.available],
    });
  }
  for (const h of rows) {
    const status = TN_STATUS_WIRE[statusCode(h.status)];
    if (h.account_id === null || !principal.accounts.has(h.account_id)) {
      entries.push({ lastModifiedDate: h.at, status });
      continue;
    }
    entries.push({
      accountId: h.account_id,
      lastModifiedDate: h.at,
      orderCreateDate: h.order_created_at ?? undefined,
      orderId: h.order_id ?? undefined,
      status,
      userId: h.user_id ?? undefined,
      orderType: h.order_type ?? undefined,
      orderStatus: h.order_status ?? undefined,
    });
  }
  return { tn: formatTn(row.tn), entries };
}
