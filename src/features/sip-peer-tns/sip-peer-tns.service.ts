import type { AppDeps } from '../../context.js';
import type { Executor } from '../../platform/db/database.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { ApiError } from '../../platform/http/api-error.js';
import type { RootIn, RootOut } from '../../platform/xml/schema.js';
import { text } from '../../shared/fields.js';
import { formatTn, parseTn } from '../../shared/numbering.js';
import { IN_SERVICE_STATUSES } from '../inventory/in-service.service.js';
import { findNumber, findNumbers, updateNumbersGuarded } from '../inventory/inventory.store.js';
import { param, parseSize, type Query } from '../../platform/http/query.js';
import { parsePage } from '../inventory/tns.service.js';
import { countNumbers, listNumbers } from '../inventory/tns.store.js';
import { requireSipPeer } from '../sip-peers/sip-peers.service.js';
import { lockPeerShared } from '../sip-peers/sip-peers.store.js';
import type { SipPeer } from '../sip-peers/sip-peers.store.js';
import { requireSite } from '../sites/sites.service.js';
import type {
  MoveTnsXml,
  PeerTnCountXml,
  PeerTnListXml,
  PeerTnUpdateXml,
  PeerTnXml,
} from './sip-peer-tns.xml.js';
import { saveSettings, settingsOf, type TnSettings } from './tn-settings.store.js';
import { PeerTnErrors } from './sip-peer-tns.errors.js';
import { SipPeerErrors } from '../sip-peers/sip-peers.errors.js';

/**
 * Numbers in service on a SIP peer: listing and counting them, their per-number settings, and
 * moving numbers between the account's peers.
 */
const MAX_MOVE = 5000;
const DEFAULT_LIST_SIZE = 5000;

type PeerTnOut = NonNullable<RootOut<typeof PeerTnXml>['SipPeerTelephoneNumber']>;

function onPeer(peer: SipPeer) {
  return { accountIds: [peer.accountId], sipPeerIds: [peer.id], statuses: IN_SERVICE_STATUSES };
}

function viewOf(tn: number, isProtected: boolean, s: TnSettings | undefined): PeerTnOut {
  return {
    FullNumber: formatTn(tn),
    CallForward: s?.callForward,
    CallingNameDisplay: s?.callingNameDisplay,
    TnAttributes: isProtected ? ['Protected'] : undefined,
    MessagingSettings: s?.smsEnabled === undefined ? undefined : { SmsEnabled: s.smsEnabled },
  };
}

/** GET …/sippeers/{id}/tns: a page in number order (page = "1" or the number that starts it). */
export async function listPeerTns(
  deps: AppDeps,
  accountId: string,
  siteId: string,
  peerId: string,
  query: Query,
): Promise<RootOut<typeof PeerTnListXml>> {
  const peer = await requireSipPeer(deps, accountId, siteId, peerId);
  const from = parsePage(param(query, 'page'));
  const size = parseSize(param(query, 'size'), DEFAULT_LIST_SIZE);
  const includeAttributes = !/^false$/i.test(param(query, 'includeattributes') ?? 'true');
  const rows = await listNumbers(deps.database.db, onPeer(peer), from, size);
  const settings = includeAttributes
    ? await settingsOf(
        deps.database.db,
        rows.map((r) => r.tn),
      )
    : new Map<number, TnSettings>();
  return {
    SipPeerTelephoneNumbers: {
      SipPeerTelephoneNumber: rows.map((r) =>
        includeAttributes
          ? viewOf(r.tn, r.protected === 1, settings.get(r.tn))
          : { FullNumber: formatTn(r.tn) },
      ),
    },
  };
}

function parsePeerTn(tnText: string): number {
  const tn = parseTn(tnText);
  if (tn === undefined) throw ApiError.of(PeerTnErrors.peerTnInvalid, tnText);
  return tn;
}

/** The number in service on the peer, or 13536 naming the number as sent, account, site and peer. */
async function requireNumberOnPeer(db: Executor, peer: SipPeer, tn: number, tnText: string, status = 400) {
  const row = await findNumber(db, tn);
  if (
    !row ||
    row.account_id !== peer.accountId ||
    row.sip_peer_id !== peer.id ||
    !IN_SERVICE_STATUSES.includes(row.status)
  ) {
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
): Promise<RootOut<typeof PeerTnXml>> {
  const peer = await requireSipPeer(deps, accountId, siteId, peerId);
  const row = await requireNumberOnPeer(deps.database.db, peer, parsePeerTn(tnText), tnText, 404);
  const settings = await settingsOf(deps.database.db, [row.tn]);
  return { SipPeerTelephoneNumber: viewOf(row.tn, row.protected === 1, settings.get(row.tn)) };
}

type Update = RootIn<typeof PeerTnUpdateXml>;
type Setting<T> =
  { readonly kind: 'unchanged' | 'systemdefault' } | { readonly kind: 'set'; readonly value: T };

/** `unchanged` (or absent), `systemdefault`, or a value that `accept` validates. */
function setting<T>(
  raw: string | undefined,
  accept: (v: string) => T | undefined,
  invalid: (v: string) => ApiError,
): Setting<T> {
  const v = text(raw);
  if (v === undefined || /^unchanged$/i.test(v)) return { kind: 'unchanged' };
  if (/^systemdefault$/i.test(v)) return { kind: 'systemdefault' };
  const value = accept(v);
  if (value === undefined) throw invalid(v);
  return { kind: 'set', value };
}

const FORMATS = ['10digit', '11digit', 'e164'];
const format = (v: string) => FORMATS.find((f) => f === v.toLowerCase());
const bool = (v: string) => (/^true$/i.test(v) ? true : /^false$/i.test(v) ? false : undefined);

function resolve<T>(current: T | undefined, s: Setting<T>): T | undefined {
  if (s.kind === 'set') return s.value;
  return s.kind === 'unchanged' ? current : undefined;
}

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
  body: Update,
): Promise<void> {
  const peer = await requireSipPeer(deps, accountId, siteId, peerId);
  const tn = parsePeerTn(tnText);
  const full = text(body.FullNumber);
  if (full !== undefined && parseTn(full) !== tn) throw ApiError.of(PeerTnErrors.peerTnInvalid, full);
  const callForward = setting(
    body.CallForward,
    (v) => (parseTn(v) !== undefined && parseTn(v) !== tn ? formatTn(parseTn(v) ?? 0) : undefined),
    (v) => ApiError.of(PeerTnErrors.peerTnCallForwardInvalid, v),
  );
  const numberFormat = setting(body.NumberFormat, format, (v) =>
    ApiError.of(PeerTnErrors.peerTnNumberFormatInvalid, v, tnText),
  );
  const rpidFormat = setting(body.RPIDFormat, format, (v) =>
    ApiError.of(PeerTnErrors.peerTnRpidFormatInvalid, v, tnText),
  );
  const rewriteUser = setting(
    body.RewriteUser,
    (v) => (/^[A-Za-z0-9+._-]{1,64}$/.test(v) ? v : undefined),
    (v) => ApiError.of(PeerTnErrors.peerTnRewriteUserInvalid, v, tnText),
  );
  const callingName = setting(body.CallingNameDisplay, bool, (v) =>
    ApiError.of(PeerTnErrors.peerTnCallingNameInvalid, v),
  );
  const sms = setting(body.MessagingSettings?.SmsEnabled, bool, (v) =>
    ApiError.of(PeerTnErrors.peerTnSmsInvalid, v),
  );
  let protect: boolean | undefined;
  if (body.TnAttributes !== undefined) {
    const attrs = body.TnAttributes.map((a) => text(a) ?? '');
    const bad = attrs.find((a) => !/^protected$/i.test(a));
    if (bad !== undefined) throw ApiError.of(PeerTnErrors.peerTnAttributeInvalid, bad);
    protect = attrs.length > 0;
  }

  await inTransaction(deps.database.db, async (tx) => {
    await requireNumberOnPeer(tx.db, peer, tn, tnText);
    const current = (await settingsOf(tx.db, [tn])).get(tn) ?? {};
    const next: TnSettings = {
      callForward: resolve(current.callForward, callForward),
      callingNameDisplay: resolve(current.callingNameDisplay, callingName),
      numberFormat: resolve(current.numberFormat, numberFormat),
      rpidFormat: resolve(current.rpidFormat, rpidFormat),
      rewriteUser: resolve(current.rewriteUser, rewriteUser),
      smsEnabled: resolve(current.smsEnabled, sms),
    };
    const now = deps.clock.now().toISOString();
    await saveSettings(tx.db, tn, next, now);
    if (protect !== undefined) {
      await tx.db
        .updateTable('telephone_numbers')
        .set({ protected: protect ? 1 : 0, updated_at: now })
        .where('tn', '=', tn)
        .execute();
    }
  });
}

/** GET …/totaltns: the peer's numbers, and how many have CNAM (calling-name display) and LIDB. */
export async function countPeerTns(
  deps: AppDeps,
  accountId: string,
  siteId: string,
  peerId: string,
): Promise<RootOut<typeof PeerTnCountXml>> {
  const peer = await requireSipPeer(deps, accountId, siteId, peerId);
  const db = deps.database.db;
  const total = await countNumbers(db, onPeer(peer));
  const withSettings = await db
    .selectFrom('tn_settings')
    .innerJoin('telephone_numbers', 'telephone_numbers.tn', 'tn_settings.tn')
    .select('tn_settings.settings as settings')
    .where('telephone_numbers.sip_peer_id', '=', peer.id)
    .where('telephone_numbers.account_id', '=', accountId)
    .where('telephone_numbers.status', 'in', [...IN_SERVICE_STATUSES])
    .execute();
  const cnam = withSettings.filter(
    (r) => (JSON.parse(r.settings) as TnSettings).callingNameDisplay === true,
  ).length;
  return {
    SipPeerTelephoneNumbersCount: { SipPeerTelephoneNumbersCount: total, CnamCount: cnam, LidbCount: 0 },
  };
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
  body: RootIn<typeof MoveTnsXml>,
): Promise<void> {
  const peer = await requireSipPeer(deps, accountId, siteId, peerId);
  const list = (body.FullNumber ?? []).map((v) => text(v) ?? '');
  if (list.length === 0) throw ApiError.of(PeerTnErrors.peerTnRequired);
  if (list.length > MAX_MOVE) throw ApiError.of(PeerTnErrors.peerMoveTooMany, MAX_MOVE);
  const tns = list.map(parsePeerTn);
  const seen = new Set<number>();
  for (const tn of tns) {
    if (seen.has(tn)) throw ApiError.of(PeerTnErrors.peerTnDuplicate, formatTn(tn));
    seen.add(tn);
  }
  const { database } = deps;
  await inTransaction(database.db, async (tx) => {
    // The destination must still exist when the numbers land (a concurrent delete waits, or wins).
    if (!(await lockPeerShared(tx.db, database.dialect, peer.id))) {
      throw ApiError.of(SipPeerErrors.peerNotFound, peerId, accountId, siteId);
    }
    const rows = new Map((await findNumbers(tx.db, tns)).map((r) => [r.tn, r]));
    for (const tn of tns) {
      const row = rows.get(tn);
      if (!row) throw ApiError.of(PeerTnErrors.peerTnNotExists, formatTn(tn));
      if (row.account_id !== accountId) throw ApiError.of(PeerTnErrors.peerTnNotOnAccount, formatTn(tn));
      if (!IN_SERVICE_STATUSES.includes(row.status))
        throw ApiError.of(PeerTnErrors.peerTnNotInService, formatTn(tn));
    }
    const moved = await updateNumbersGuarded(
      tx.db,
      tns,
      { statuses: IN_SERVICE_STATUSES, accountId },
      { site_id: peer.siteId, sip_peer_id: peer.id, updated_at: deps.clock.now().toISOString() },
    );
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
  return countNumbers(deps.database.db, {
    accountIds: [accountId],
    siteId: site.id,
    statuses: IN_SERVICE_STATUSES,
  });
}
