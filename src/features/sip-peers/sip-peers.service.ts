import type { AppDeps } from '../../context.js';
import { inTransaction, lockNamed, type Tx } from '../../platform/db/transaction.js';
import { ApiError } from '../../platform/http/api-error.js';
import { parseAddress, type AddressInput } from '../../shared/address.js';
import { Locks } from '../../shared/locks.js';
import {
  oneOf,
  parseBoolean,
  parseFlag,
  parseId,
  parseNonNegativeInt,
  text,
  type Flag,
} from '../../shared/fields.js';
import { isHost, isProhibitedRange, parseIpv4Cidr, rangesOverlap, formatIpv4 } from '../../shared/hosts.js';
import { getAccount, hasProduct } from '../accounts/index.js';
import { findSiteOf, requireSite, SiteErrors, type Site } from '../sites/index.js';
import {
  clearDefaultPeer,
  countPeersOfSite,
  deleteSipPeer as deleteSipPeerRow,
  findOverlappingTerminationHost,
  findPeerIdByName,
  findSipPeer,
  insertSipPeer,
  listSipPeersOfAccount,
  listSipPeersOfSite,
  peerHasNumbers,
  updateSipPeer as updateSipPeerRow,
  type CustomerTrafficAllowed,
  type Host,
  type SipPeer,
  type SipPeerFields,
  type TerminationHost,
} from './sip-peers.store.js';
import { SipPeerErrors } from './sip-peers.errors.js';
import { CommonErrors } from '../../shared/errors.js';

/** A host as sent: its name (or address) and optional port, both as text. */
export interface HostInput {
  readonly hostName?: string | undefined;
  readonly port?: string | undefined;
}

export interface TerminationHostInput extends HostInput {
  readonly customerTrafficAllowed?: string | undefined;
  readonly dataAllowed?: Flag | undefined;
}

/**
 * A SIP peer's configuration as POST and PUT send it: absent fields stay undefined (PUT keeps the
 * stored value); a host list present but empty clears it.
 */
export interface SipPeerInput {
  readonly peerName?: string | undefined;
  readonly description?: string | undefined;
  readonly isDefaultPeer?: Flag | undefined;
  readonly finalDestinationUri?: string | undefined;
  readonly shortMessagingProtocol?: string | undefined;
  readonly voiceHosts?: readonly HostInput[] | undefined;
  /** Each group is its list of hosts. */
  readonly voiceHostGroups?: readonly (readonly HostInput[])[] | undefined;
  readonly smsHosts?: readonly HostInput[] | undefined;
  readonly terminationHosts?: readonly TerminationHostInput[] | undefined;
  readonly address?: AddressInput | undefined;
  readonly premiseTrunks?: string | undefined;
  readonly callingName?:
    { readonly display?: Flag | undefined; readonly enforced?: Flag | undefined } | undefined;
}

/** Limits from the seed's SIP-peer table. */
const MAX_HOSTS = 10;
const MAX_VOICE_HOST_GROUPS = 5;
const MAX_NAME = 10;
const MAX_DESCRIPTION = 50;
const TERMINATION_MIN_PREFIX = 14;
const TRAFFIC: readonly CustomerTrafficAllowed[] = ['LITE', 'DOMESTIC', 'ALL'];

function parsePort(value: string | undefined): number | undefined {
  const port = parseNonNegativeInt(value, () => ApiError.of(SipPeerErrors.invalidPort, value ?? ''));
  if (port !== undefined && port > 65535) throw ApiError.of(SipPeerErrors.invalidPort, String(port));
  return port;
}

function checkNoDuplicates(
  hosts: readonly { hostName: string; port?: number | undefined }[],
  listName: string,
): void {
  const seen = new Set<string>();
  for (const h of hosts) {
    const key = `${h.hostName.toLowerCase()}:${h.port ?? ''}`;
    if (seen.has(key)) throw ApiError.of(SipPeerErrors.duplicateHost, listName);
    seen.add(key);
  }
}

function parseHosts(items: readonly HostInput[], listName: string, portAllowed: boolean): Host[] {
  const hosts = items.map((item): Host => {
    const hostName = text(item.hostName) ?? '';
    if (!isHost(hostName)) throw ApiError.of(SipPeerErrors.invalidHost, hostName);
    const port = parsePort(item.port);
    if (port !== undefined && !portAllowed) throw ApiError.of(SipPeerErrors.smsHostPort);
    return port === undefined ? { hostName } : { hostName, port };
  });
  checkNoDuplicates(hosts, listName);
  return hosts;
}

function parseTerminationHost(item: TerminationHostInput): TerminationHost {
  const hostName = text(item.hostName) ?? '';
  const cidr = parseIpv4Cidr(hostName, TERMINATION_MIN_PREFIX);
  if (!cidr.ok) {
    if (cidr.reason === 'mask') throw ApiError.of(SipPeerErrors.terminationMaskInvalid, hostName);
    if (cidr.reason === 'host-bits')
      throw ApiError.of(SipPeerErrors.terminationSubnetNotZero, hostName, cidr.network);
    throw ApiError.of(SipPeerErrors.terminationHostInvalid, hostName);
  }
  if (isProhibitedRange(cidr.range)) throw ApiError.of(SipPeerErrors.terminationHostProhibited, hostName);
  const trafficText = text(item.customerTrafficAllowed);
  const customerTrafficAllowed = trafficText === undefined ? undefined : oneOf(trafficText, TRAFFIC);
  if (trafficText !== undefined && !customerTrafficAllowed)
    throw ApiError.of(SipPeerErrors.customerTrafficAllowedInvalid);
  return {
    hostName,
    range: cidr.range,
    port: parsePort(item.port),
    customerTrafficAllowed,
    dataAllowed: parseBoolean(item.dataAllowed, 'DataAllowed'),
  };
}

function parseTerminationHosts(items: readonly TerminationHostInput[]): TerminationHost[] {
  if (items.length > MAX_HOSTS) throw ApiError.of(SipPeerErrors.tooManyHosts, items.length, MAX_HOSTS);
  const hosts = items.map(parseTerminationHost);
  checkNoDuplicates(hosts, 'TerminationHosts');
  // Term addresses cannot be shared anywhere, not even between two entries of one peer.
  hosts.forEach((h, i) => {
    if (hosts.slice(0, i).some((o) => rangesOverlap(o.range, h.range))) {
      throw ApiError.of(SipPeerErrors.terminationHostInUse, formatIpv4(h.range.start));
    }
  });
  return hosts;
}

function parseCallingName(input: SipPeerInput['callingName']): SipPeerFields['callingName'] | undefined {
  if (!input) return undefined;
  const present = (v: Flag | undefined) => typeof v === 'boolean' || text(v) !== undefined;
  if (!present(input.display)) throw ApiError.of(SipPeerErrors.callingNameDisplayMissing);
  if (!present(input.enforced)) throw ApiError.of(SipPeerErrors.callingNameEnforcedMissing);
  const display = parseFlag(input.display, () => ApiError.of(SipPeerErrors.callingNameDisplayInvalid));
  const enforced = parseFlag(input.enforced, () => ApiError.of(SipPeerErrors.callingNameEnforcedInvalid));
  return { display: display === true, enforced: enforced === true };
}

function parseDestinationUri(value: string | undefined): string | undefined {
  const uri = text(value);
  if (uri === undefined) return undefined;
  const m = /^(?:sips?:)?(?:[^@\s:]+@)?([^\s:@]+)(?::(\d{1,5}))?$/i.exec(uri);
  if (!m?.[1] || !isHost(m[1]) || (m[2] !== undefined && Number(m[2]) > 65535)) {
    throw ApiError.of(SipPeerErrors.invalidDestinationUri, uri);
  }
  return uri;
}

/**
 * Elements present in the body, validated; absent ones stay undefined (PUT keeps the stored value).
 * A host list that is present but empty (`<SmsHosts/>`) is `[]`, which clears it.
 */
function parseSipPeerInput(body: SipPeerInput) {
  const name = text(body.peerName);
  if (name !== undefined && name.length > MAX_NAME) throw ApiError.of(SipPeerErrors.peerNameTooLong, name);
  const description = text(body.description);
  if (description !== undefined && description.length > MAX_DESCRIPTION) {
    throw ApiError.of(SipPeerErrors.peerDescriptionTooLong, description);
  }
  if (body.voiceHosts?.length && body.voiceHostGroups?.length)
    throw ApiError.of(SipPeerErrors.voiceHostsAndGroups);
  if ((body.voiceHosts?.length ?? 0) > MAX_HOSTS) throw ApiError.of(SipPeerErrors.tooManyVoiceHosts);
  if ((body.voiceHostGroups?.length ?? 0) > MAX_VOICE_HOST_GROUPS)
    throw ApiError.of(SipPeerErrors.tooManyVoiceHostGroups);
  if ((body.smsHosts?.length ?? 0) > MAX_HOSTS) throw ApiError.of(SipPeerErrors.tooManySmsHosts);
  const protocolText = text(body.shortMessagingProtocol);
  const protocol = protocolText === undefined ? undefined : oneOf(protocolText, ['SIP', 'SMPP'] as const);
  if (protocolText !== undefined && !protocol)
    throw ApiError.of(SipPeerErrors.messagingProtocolInvalid, protocolText);
  const premiseTrunks = parseNonNegativeInt(body.premiseTrunks, () =>
    ApiError.of(SipPeerErrors.premiseTrunksInvalid, body.premiseTrunks ?? ''),
  );
  return {
    name,
    description,
    isDefault: parseBoolean(body.isDefaultPeer, 'IsDefaultPeer'),
    finalDestinationUri: parseDestinationUri(body.finalDestinationUri),
    shortMessagingProtocol: protocol,
    voiceHosts: body.voiceHosts && parseHosts(body.voiceHosts, 'VoiceHosts', true),
    voiceHostGroups: body.voiceHostGroups?.map((hosts) => {
      if (hosts.length === 0 || hosts.length > MAX_HOSTS)
        throw ApiError.of(SipPeerErrors.tooManyHosts, hosts.length, MAX_HOSTS);
      return parseHosts(hosts, 'VoiceHostGroup', true);
    }),
    smsHosts: body.smsHosts && parseHosts(body.smsHosts, 'SmsHosts', false),
    terminationHosts: body.terminationHosts && parseTerminationHosts(body.terminationHosts),
    address: body.address ? parseAddress(body.address) : undefined,
    premiseTrunks,
    callingName: parseCallingName(body.callingName),
  };
}

export function parseSipPeerId(value: string, accountId: string, siteId: string): number {
  return parseId(value, () => ApiError.of(SipPeerErrors.peerNotFound, value, accountId, siteId));
}

/** The peer of the site, or 400 13563 (the seed's documented answer for an unknown peer). */
export async function requireSipPeer(
  deps: AppDeps,
  accountId: string,
  siteId: string,
  peerId: string,
): Promise<SipPeer> {
  const site = await requireSite(deps, accountId, siteId);
  const peer = await findSipPeer(
    deps.database.db,
    accountId,
    site.id,
    parseSipPeerId(peerId, accountId, siteId),
  );
  if (!peer) throw ApiError.of(SipPeerErrors.peerNotFound, peerId, accountId, siteId);
  return peer;
}

export async function listSipPeers(deps: AppDeps, accountId: string, siteId: string): Promise<SipPeer[]> {
  const site = await requireSite(deps, accountId, siteId);
  return listSipPeersOfSite(deps.database.db, accountId, site.id);
}

/** Termination addresses are unique across the whole system (seed: "cannot be shared anywhere"). */
async function checkTerminationHostsFree(
  tx: Tx,
  hosts: readonly TerminationHost[],
  peerId: number | undefined,
) {
  for (const h of hosts) {
    const clash = await findOverlappingTerminationHost(tx.db, h.range, peerId);
    if (clash) {
      throw h.port === undefined
        ? ApiError.of(SipPeerErrors.terminationHostInUse, h.hostName)
        : ApiError.of(SipPeerErrors.terminationHostPortInUse, h.hostName, h.port);
    }
  }
}

async function checkNameFree(tx: Tx, site: Site, name: string, peerId: number | undefined): Promise<void> {
  const existing = await findPeerIdByName(tx.db, site.id, name);
  if (existing !== undefined && existing !== peerId) {
    throw ApiError.of(SipPeerErrors.peerNameExists, name, site.accountId, site.id);
  }
}

async function checkUcAddress(
  deps: AppDeps,
  accountId: string,
  fields: { address?: unknown },
): Promise<void> {
  if (!fields.address && hasProduct(await getAccount(deps, accountId), 'UcTrunking')) {
    throw ApiError.of(CommonErrors.addressRequired);
  }
}

export async function createSipPeer(
  deps: AppDeps,
  accountId: string,
  siteId: string,
  body: SipPeerInput,
): Promise<SipPeer> {
  const site = await requireSite(deps, accountId, siteId);
  const parsed = parseSipPeerInput(body);
  if (!parsed.name) throw ApiError.of(SipPeerErrors.peerNameRequired);
  await checkUcAddress(deps, accountId, parsed);
  const { database, clock } = deps;
  const id = await inTransaction(database.db, async (tx) => {
    await lockNamed(tx, database.dialect, Locks.sipPeers);
    // The site may have been deleted since it was read: answer 404, not a foreign-key failure.
    if (!(await findSiteOf(tx.db, accountId, site.id))) throw ApiError.of(SiteErrors.siteNotFound, siteId);
    await checkNameFree(tx, site, parsed.name as string, undefined);
    await checkTerminationHostsFree(tx, parsed.terminationHosts ?? [], undefined);
    const now = clock.now().toISOString();
    // The first peer of a site is its default; a new default replaces the old one.
    const isDefault = (await countPeersOfSite(tx.db, site.id)) === 0 || parsed.isDefault === true;
    if (isDefault) await clearDefaultPeer(tx.db, site.id, now);
    return insertSipPeer(
      tx.db,
      accountId,
      site.id,
      {
        name: parsed.name as string,
        description: parsed.description,
        isDefault,
        finalDestinationUri: parsed.finalDestinationUri,
        shortMessagingProtocol: parsed.shortMessagingProtocol ?? 'SMPP',
        voiceHosts: parsed.voiceHosts ?? [],
        voiceHostGroups: parsed.voiceHostGroups ?? [],
        smsHosts: parsed.smsHosts ?? [],
        terminationHosts: parsed.terminationHosts ?? [],
        address: parsed.address,
        premiseTrunks: parsed.premiseTrunks,
        callingName: parsed.callingName ?? { display: true, enforced: false },
      },
      now,
    );
  });
  return requireSipPeer(deps, accountId, siteId, String(id));
}

/**
 * PUT merges like sites: elements in the body replace, absent ones are kept, empty host lists clear.
 * Sending VoiceHosts replaces VoiceHostGroups and the other way round (they exclude each other).
 * The peer is read again inside the locked transaction, so the default-peer rule and the merge see
 * what concurrent writers (a new default elsewhere in the site, a delete) committed.
 */
export async function updateSipPeer(
  deps: AppDeps,
  accountId: string,
  siteId: string,
  peerId: string,
  body: SipPeerInput,
): Promise<SipPeer> {
  const { id } = await requireSipPeer(deps, accountId, siteId, peerId);
  const site = await requireSite(deps, accountId, siteId);
  const parsed = parseSipPeerInput(body);
  const { database, clock } = deps;
  return inTransaction(database.db, async (tx) => {
    await lockNamed(tx, database.dialect, Locks.sipPeers);
    const current = await findSipPeer(tx.db, accountId, site.id, id);
    if (!current) throw ApiError.of(SipPeerErrors.peerNotFound, peerId, accountId, siteId);
    if (current.isDefault && parsed.isDefault === false) throw ApiError.of(SipPeerErrors.defaultPeerRequired);
    const voiceHosts = parsed.voiceHosts ?? (parsed.voiceHostGroups?.length ? [] : current.voiceHosts);
    const voiceHostGroups =
      parsed.voiceHostGroups ?? (parsed.voiceHosts?.length ? [] : current.voiceHostGroups);
    if (voiceHosts.length > 0 && voiceHostGroups.length > 0)
      throw ApiError.of(SipPeerErrors.voiceHostsAndGroups);
    const next: SipPeer = {
      ...current,
      name: parsed.name ?? current.name,
      description: parsed.description ?? current.description,
      isDefault: current.isDefault || parsed.isDefault === true,
      finalDestinationUri: parsed.finalDestinationUri ?? current.finalDestinationUri,
      shortMessagingProtocol: parsed.shortMessagingProtocol ?? current.shortMessagingProtocol,
      voiceHosts,
      voiceHostGroups,
      smsHosts: parsed.smsHosts ?? current.smsHosts,
      terminationHosts: parsed.terminationHosts ?? current.terminationHosts,
      address: parsed.address ?? current.address,
      premiseTrunks: parsed.premiseTrunks ?? current.premiseTrunks,
      callingName: parsed.callingName ?? current.callingName,
    };
    await checkNameFree(tx, site, next.name, current.id);
    await checkTerminationHostsFree(tx, next.terminationHosts, current.id);
    const now = clock.now().toISOString();
    if (next.isDefault && !current.isDefault) await clearDefaultPeer(tx.db, site.id, now);
    await updateSipPeerRow(tx.db, next, now);
    return next;
  });
}

/** 404 (empty body) for an unknown peer; the default peer goes last. */
export async function deleteSipPeer(
  deps: AppDeps,
  accountId: string,
  siteId: string,
  peerId: string,
): Promise<void> {
  const site = await requireSite(deps, accountId, siteId);
  const id = parseId(peerId, () => ApiError.of(SipPeerErrors.peerNotFoundForDelete));
  const { database } = deps;
  await inTransaction(database.db, async (tx) => {
    // Serialised with creates: a peer added concurrently must be counted, or the site loses its default.
    await lockNamed(tx, database.dialect, Locks.sipPeers);
    const peer = await findSipPeer(tx.db, accountId, site.id, id);
    if (!peer) throw ApiError.of(SipPeerErrors.peerNotFoundForDelete);
    if (peer.isDefault && (await countPeersOfSite(tx.db, site.id)) > 1)
      throw ApiError.of(SipPeerErrors.deleteDefaultPeer);
    if (await peerHasNumbers(tx.db, database.dialect, peer.id))
      throw ApiError.of(SipPeerErrors.peerHasNumbers);
    await deleteSipPeerRow(tx.db, peer.id);
  });
}

export type HostType = 'SMS' | 'TERMINATION' | 'ORIGINATION';

export interface SiteHosts {
  readonly siteId: number;
  readonly peers: readonly {
    readonly peerId: number;
    readonly smsHosts: readonly Host[];
    readonly voiceHosts: readonly Host[];
    readonly terminationHosts: readonly TerminationHost[];
  }[];
}

/**
 * GET /accounts/{id}/hosts: every peer's hosts grouped by site. `type` keeps only that kind of
 * host, `host` only hosts with exactly that name; peers left with no host are omitted.
 */
export async function listAccountHosts(
  deps: AppDeps,
  accountId: string,
  filter: { host?: string | undefined; type?: string | undefined },
): Promise<SiteHosts[]> {
  const type =
    filter.type === undefined
      ? undefined
      : oneOf(filter.type, ['SMS', 'TERMINATION', 'ORIGINATION'] as const);
  if (filter.type !== undefined && !type) throw ApiError.of(CommonErrors.invalidValue, filter.type);
  const match = (h: { hostName: string }) => filter.host === undefined || h.hostName === filter.host;
  const sites = new Map<number, SiteHosts['peers'][number][]>();
  for (const peer of await listSipPeersOfAccount(deps.database.db, accountId)) {
    const voice = [...peer.voiceHosts, ...peer.voiceHostGroups.flat()];
    const entry = {
      peerId: peer.id,
      smsHosts: !type || type === 'SMS' ? peer.smsHosts.filter(match) : [],
      voiceHosts: !type || type === 'ORIGINATION' ? voice.filter(match) : [],
      terminationHosts: !type || type === 'TERMINATION' ? peer.terminationHosts.filter(match) : [],
    };
    const any = entry.smsHosts.length + entry.voiceHosts.length + entry.terminationHosts.length > 0;
    if (!any && (type !== undefined || filter.host !== undefined)) continue;
    const list = sites.get(peer.siteId) ?? [];
    list.push(entry);
    sites.set(peer.siteId, list);
  }
  return [...sites].map(([siteId, peers]) => ({ siteId, peers }));
}
