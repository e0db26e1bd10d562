import { CommonErrors } from '../../shared/errors.js';
import type { AppDeps } from '../../context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { ApiError } from '../../platform/http/api-error.js';
import type { Executor } from '../../platform/db/database.js';
import { parseFlag, text } from '../../shared/fields.js';
import { formatTn, parseTn } from '../../shared/numbering.js';
import {
  countInServiceAt,
  IN_SERVICE_STATUSES,
  isInService,
  numberOf,
  numbersByTn,
  numbersInServiceAt,
  transitionNumbers,
} from '../inventory/index.js';
import { holdSipPeer, requireSipPeer, SipPeerErrors, type SipPeer } from '../sip-peers/index.js';
import { requireSite } from '../sites/index.js';
import { applyNumberOptions, UNCHANGED, type OptionChange } from './number-options.js';
import { PeerTnErrors } from './sip-peer-tns.errors.js';
import { callerNameCountOn, callingNameCountOn, settingsOf, type TnSettings } from './tn-settings.store.js';

/**
 * Numbers in service on a SIP peer: listing and counting them, their per-number settings, and
 * moving numbers between the account's peers.
 */
const MAX_MOVE = 5000;
const DEFAULT_LIST_SIZE = 5000;

/** A number in service on a peer; `settings` absent when the caller did not ask for attributes. */
export interface PeerTn {
  readonly tn: number;
  readonly protected: boolean;
  readonly settings?: TnSettings | undefined;
}

export interface PeerTnListQuery {
  /** The number that starts the page; undefined for the first. */
  readonly from?: number | undefined;
  readonly size?: number | undefined;
  readonly includeAttributes: boolean;
}

const onPeer = (peer: SipPeer) => ({ accountId: peer.accountId, sipPeerId: peer.id });

/** GET …/sippeers/{id}/tns: a page in number order. */
export async function listPeerTns(
  deps: AppDeps,
  accountId: string,
  siteId: string,
  peerId: string,
  query: PeerTnListQuery,
): Promise<PeerTn[]> {
  const peer = await requireSipPeer(deps, accountId, siteId, peerId);
  const rows = await numbersInServiceAt(deps, onPeer(peer), query.from, query.size ?? DEFAULT_LIST_SIZE);
  if (!query.includeAttributes) return rows.map((r) => ({ tn: r.tn, protected: r.protected === 1 }));
  const settings = await settingsOf(
    deps.database.db,
    rows.map((r) => r.tn),
  );
  return rows.map((r) => ({ tn: r.tn, protected: r.protected === 1, settings: settings.get(r.tn) ?? {} }));
}

function parsePeerTn(tnText: string): number {
  const tn = parseTn(tnText);
  if (tn === undefined) throw ApiError.of(PeerTnErrors.peerTnInvalid, tnText);
  return tn;
}

/** The number in service on the peer, or 13536 naming the number as sent, account, site and peer. */
async function requireNumberOnPeer(db: Executor, peer: SipPeer, tn: number, tnText: string, status = 400) {
  const row = await numberOf(db, tn);
  if (!row || row.account_id !== peer.accountId || row.sip_peer_id !== peer.id || !isInService(row.status)) {
    const e = ApiError.of(PeerTnErrors.peerTnNotOnPeer, tnText, peer.accountId, peer.siteId, peer.id);
    throw new ApiError(status, e.code, e.description);
  }
  return row;
}

export async function getPeerTn(
  deps: AppDeps,
  accountId: string,
  siteId: string,
  peerId: string,
  tnText: string,
): Promise<PeerTn> {
  const peer = await requireSipPeer(deps, accountId, siteId, peerId);
  const row = await requireNumberOnPeer(deps.database.db, peer, parsePeerTn(tnText), tnText, 404);
  const settings = await settingsOf(deps.database.db, [row.tn]);
  return { tn: row.tn, protected: row.protected === 1, settings: settings.get(row.tn) ?? {} };
}

/** PUT …/tns/{tn}: each setting as sent; absent or `unchanged` keeps, `systemdefault` clears. */
export interface PeerTnUpdate {
  readonly fullNumber?: string | undefined;
  readonly numberFormat?: string | undefined;
  readonly rpidFormat?: string | undefined;
  readonly rewriteUser?: string | undefined;
  readonly callForward?: string | undefined;
  readonly callingNameDisplay?: string | undefined;
  /** Present: the number's attributes (`Protected`, or none); absent keeps them. */
  readonly tnAttributes?: readonly string[] | undefined;
  readonly smsEnabled?: string | undefined;
}
/** `unchanged` (or absent), `systemdefault`, or a value that `accept` validates. */
function setting<T>(
  raw: string | undefined,
  accept: (v: string) => T | undefined,
  invalid: (v: string) => ApiError,
): OptionChange<T> {
  const v = text(raw);
  if (v === undefined || /^unchanged$/i.test(v)) return UNCHANGED;
  if (/^systemdefault$/i.test(v)) return { kind: 'systemdefault' };
  const value = accept(v);
  if (value === undefined) throw invalid(v);
  return { kind: 'set', value };
}

const FORMATS = ['10digit', '11digit', 'e164'];
const format = (v: string) => FORMATS.find((f) => f === v.toLowerCase());
const bool = (v: string) => parseFlag(v, null);

/**
 * PUT …/tns/{tn}: read before write: absent and `unchanged` keep a setting, `systemdefault`
 * removes it, a value replaces it. TnAttributes sets (Protected) or clears (empty list) protection.
 */
export async function updatePeerTn(
  deps: AppDeps,
  accountId: string,
  siteId: string,
  peerId: string,
  tnText: string,
  body: PeerTnUpdate,
): Promise<void> {
  const peer = await requireSipPeer(deps, accountId, siteId, peerId);
  const tn = parsePeerTn(tnText);
  const full = text(body.fullNumber);
  if (full !== undefined && parseTn(full) !== tn) throw ApiError.of(PeerTnErrors.peerTnInvalid, full);
  const callForward = setting(
    body.callForward,
    (v) => (parseTn(v) !== undefined && parseTn(v) !== tn ? formatTn(parseTn(v) ?? 0) : undefined),
    (v) => ApiError.of(PeerTnErrors.peerTnCallForwardInvalid, v),
  );
  const numberFormat = setting(body.numberFormat, format, (v) =>
    ApiError.of(PeerTnErrors.peerTnNumberFormatInvalid, v, tnText),
  );
  const rpidFormat = setting(body.rpidFormat, format, (v) =>
    ApiError.of(PeerTnErrors.peerTnRpidFormatInvalid, v, tnText),
  );
  const rewriteUser = setting(
    body.rewriteUser,
    (v) => (/^[A-Za-z0-9+._-]{1,64}$/.test(v) ? v : undefined),
    (v) => ApiError.of(PeerTnErrors.peerTnRewriteUserInvalid, v, tnText),
  );
  const callingName = setting(body.callingNameDisplay, bool, (v) =>
    ApiError.of(PeerTnErrors.peerTnCallingNameInvalid, v),
  );
  const sms = setting(body.smsEnabled, bool, (v) => ApiError.of(PeerTnErrors.peerTnSmsInvalid, v));
  let protect: boolean | undefined;
  if (body.tnAttributes !== undefined) {
    const attrs = body.tnAttributes.map((a) => text(a) ?? '');
    const bad = attrs.find((a) => !/^protected$/i.test(a));
    if (bad !== undefined) throw ApiError.of(CommonErrors.tnAttributeInvalid, bad);
    protect = attrs.length > 0;
  }

  await inTransaction(deps.database.db, async (tx) => {
    await requireNumberOnPeer(tx.db, peer, tn, tnText);
    const result = await applyNumberOptions(deps, tx.db, peer.accountId, [tn], {
      callForward,
      callingNameDisplay: callingName,
      numberFormat,
      rpidFormat,
      rewriteUser,
      smsEnabled: sms,
      protected: protect === undefined ? UNCHANGED : { kind: 'set', value: protect },
    });
    if (result.refused.get(tn) === 'external-sms-only') throw ApiError.of(PeerTnErrors.externalSmsOnly);
  });
}

export interface PeerTnCounts {
  readonly total: number;
  readonly cnam: number;
  readonly lidb: number;
}

/** GET …/totaltns: the peer's numbers, and how many have CNAM (calling-name display) and LIDB. */
export async function countPeerTns(
  deps: AppDeps,
  accountId: string,
  siteId: string,
  peerId: string,
): Promise<PeerTnCounts> {
  const peer = await requireSipPeer(deps, accountId, siteId, peerId);
  const total = await countInServiceAt(deps, onPeer(peer));
  const cnam = await callingNameCountOn(deps.database.db, peer.accountId, peer.id, IN_SERVICE_STATUSES);
  const lidb = await callerNameCountOn(deps.database.db, peer.accountId, peer.id, IN_SERVICE_STATUSES);
  return { total, cnam, lidb };
}

/**
 * POST …/movetns: up to 5000 numbers in service on the account, from any of its peers, move to
 * this peer (and its site), all or none.
 */
export async function moveTns(
  deps: AppDeps,
  accountId: string,
  siteId: string,
  peerId: string,
  numbers: readonly string[],
): Promise<void> {
  const peer = await requireSipPeer(deps, accountId, siteId, peerId);
  const list = numbers.map((v) => text(v) ?? '');
  if (list.length === 0) throw ApiError.of(PeerTnErrors.peerTnRequired);
  if (list.length > MAX_MOVE) throw ApiError.of(CommonErrors.tooManyTns, MAX_MOVE);
  const tns = list.map(parsePeerTn);
  const seen = new Set<number>();
  for (const tn of tns) {
    if (seen.has(tn)) throw ApiError.of(PeerTnErrors.peerTnDuplicate, formatTn(tn));
    seen.add(tn);
  }
  const { database } = deps;
  await inTransaction(database.db, async (tx) => {
    // The destination must still exist when the numbers land (a concurrent delete waits, or wins).
    if (!(await holdSipPeer(tx.db, database.dialect, peer.id))) {
      throw ApiError.of(SipPeerErrors.peerNotFound, peerId, accountId, siteId);
    }
    const rows = new Map((await numbersByTn(tx.db, tns)).map((r) => [r.tn, r]));
    for (const tn of tns) {
      const row = rows.get(tn);
      if (!row) throw ApiError.of(PeerTnErrors.peerTnNotExists, formatTn(tn));
      if (row.account_id !== accountId) throw ApiError.of(PeerTnErrors.peerTnNotOnAccount, formatTn(tn));
      if (!isInService(row.status)) throw ApiError.of(PeerTnErrors.peerTnNotInService, formatTn(tn));
    }
    const { changed: moved } = await transitionNumbers(tx.db, deps.clock, tns, {
      siteId: peer.siteId,
      sipPeerId: peer.id,
      guard: { statuses: IN_SERVICE_STATUSES, accountId },
    });
    // Something changed between the read and the write (a concurrent disconnect): all or none.
    if (moved.length !== tns.length) {
      const done = new Set(moved);
      const missing = tns.find((tn) => !done.has(tn)) ?? 0;
      throw ApiError.of(PeerTnErrors.peerTnNotInService, formatTn(missing));
    }
  });
}

/** GET …/sites/{id}/totaltns: the numbers in service on the site. */
export async function countSiteTns(deps: AppDeps, accountId: string, siteId: string): Promise<number> {
  const site = await requireSite(deps, accountId, siteId);
  return countInServiceAt(deps, { accountId, siteId: site.id });
}

/** A number's settings on its SIP peer, as other views of the number show them (tndetails). */
export async function numberSettingsOf(deps: AppDeps, tn: number): Promise<TnSettings | undefined> {
  return (await settingsOf(deps.database.db, [tn])).get(tn);
}
