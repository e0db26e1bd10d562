import type { Selectable } from 'kysely';
import type { Dialect, Executor } from '../../platform/db/database.js';
import type { SipPeersTable, SipPeerTerminationHostsTable } from '../../platform/db/tables.js';
import type { Address } from '../../shared/address.js';
import type { Ipv4Range } from '../../shared/hosts.js';

export interface Host {
  readonly hostName: string;
  readonly port?: number | undefined;
}

export type CustomerTrafficAllowed = 'LITE' | 'DOMESTIC' | 'ALL';

export interface TerminationHost {
  /** As given: an IPv4 address or a CIDR block. */
  readonly hostName: string;
  readonly range: Ipv4Range;
  readonly port?: number | undefined;
  readonly customerTrafficAllowed?: CustomerTrafficAllowed | undefined;
  readonly dataAllowed?: boolean | undefined;
}

export interface SipPeerFields {
  readonly name: string;
  readonly description?: string | undefined;
  readonly isDefault: boolean;
  readonly finalDestinationUri?: string | undefined;
  readonly shortMessagingProtocol: 'SIP' | 'SMPP';
  readonly voiceHosts: readonly Host[];
  readonly voiceHostGroups: readonly (readonly Host[])[];
  readonly smsHosts: readonly Host[];
  readonly terminationHosts: readonly TerminationHost[];
  readonly address?: Address | undefined;
  readonly premiseTrunks?: number | undefined;
  readonly callingName: { readonly display: boolean; readonly enforced: boolean };
}

export interface SipPeer extends SipPeerFields {
  readonly id: number;
  readonly accountId: string;
  readonly siteId: number;
}

function bool(v: number | null): boolean | undefined {
  return v === null ? undefined : v === 1;
}

function toTerminationHost(row: Selectable<SipPeerTerminationHostsTable>): TerminationHost {
  return {
    hostName: row.host_name,
    range: {
      start: row.range_start,
      end: row.range_end,
      prefix: 32 - Math.log2(row.range_end - row.range_start + 1),
    },
    port: row.port ?? undefined,
    customerTrafficAllowed: (row.customer_traffic_allowed as CustomerTrafficAllowed | null) ?? undefined,
    dataAllowed: bool(row.data_allowed),
  };
}

function toSipPeer(row: Selectable<SipPeersTable>, termination: readonly TerminationHost[]): SipPeer {
  return {
    id: row.id,
    accountId: row.account_id,
    siteId: row.site_id,
    name: row.name,
    description: row.description ?? undefined,
    isDefault: row.is_default === 1,
    finalDestinationUri: row.final_destination_uri ?? undefined,
    shortMessagingProtocol: row.short_messaging_protocol as 'SIP' | 'SMPP',
    voiceHosts: JSON.parse(row.voice_hosts) as Host[],
    voiceHostGroups: JSON.parse(row.voice_host_groups) as Host[][],
    smsHosts: JSON.parse(row.sms_hosts) as Host[],
    terminationHosts: termination,
    address: row.address ? (JSON.parse(row.address) as Address) : undefined,
    premiseTrunks: row.premise_trunks ?? undefined,
    callingName: { display: row.calling_name_display !== 0, enforced: row.calling_name_enforced === 1 },
  };
}

function toColumns(f: SipPeerFields) {
  return {
    name: f.name,
    description: f.description ?? null,
    is_default: f.isDefault ? 1 : 0,
    final_destination_uri: f.finalDestinationUri ?? null,
    short_messaging_protocol: f.shortMessagingProtocol,
    voice_hosts: JSON.stringify(f.voiceHosts),
    voice_host_groups: JSON.stringify(f.voiceHostGroups),
    sms_hosts: JSON.stringify(f.smsHosts),
    address: f.address ? JSON.stringify(f.address) : null,
    premise_trunks: f.premiseTrunks ?? null,
    calling_name_display: f.callingName.display ? 1 : 0,
    calling_name_enforced: f.callingName.enforced ? 1 : 0,
  };
}

async function withTerminationHosts(db: Executor, rows: Selectable<SipPeersTable>[]): Promise<SipPeer[]> {
  if (rows.length === 0) return [];
  const hosts = await db
    .selectFrom('sip_peer_termination_hosts')
    .selectAll()
    .where(
      'sip_peer_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('sip_peer_id')
    .orderBy('position')
    .execute();
  const byPeer = new Map<number, TerminationHost[]>();
  for (const h of hosts) {
    const list = byPeer.get(h.sip_peer_id) ?? [];
    list.push(toTerminationHost(h));
    byPeer.set(h.sip_peer_id, list);
  }
  return rows.map((r) => toSipPeer(r, byPeer.get(r.id) ?? []));
}

export async function findSipPeer(
  db: Executor,
  accountId: string,
  siteId: number,
  id: number,
): Promise<SipPeer | undefined> {
  const rows = await db
    .selectFrom('sip_peers')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('site_id', '=', siteId)
    .where('id', '=', id)
    .execute();
  return (await withTerminationHosts(db, rows))[0];
}

export async function listSipPeersOfSite(
  db: Executor,
  accountId: string,
  siteId: number,
): Promise<SipPeer[]> {
  const rows = await db
    .selectFrom('sip_peers')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('site_id', '=', siteId)
    .orderBy('id')
    .execute();
  return withTerminationHosts(db, rows);
}

export async function listSipPeersOfAccount(db: Executor, accountId: string): Promise<SipPeer[]> {
  const rows = await db
    .selectFrom('sip_peers')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('site_id')
    .orderBy('id')
    .execute();
  return withTerminationHosts(db, rows);
}

export async function findPeerIdByName(
  db: Executor,
  siteId: number,
  name: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('sip_peers')
    .select('id')
    .where('site_id', '=', siteId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.id;
}

export async function countPeersOfSite(db: Executor, siteId: number): Promise<number> {
  const row = await db
    .selectFrom('sip_peers')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('site_id', '=', siteId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function clearDefaultPeer(db: Executor, siteId: number, now: string): Promise<void> {
  await db
    .updateTable('sip_peers')
    .set({ is_default: 0, updated_at: now })
    .where('site_id', '=', siteId)
    .where('is_default', '=', 1)
    .execute();
}

export async function insertSipPeer(
  db: Executor,
  accountId: string,
  siteId: number,
  f: SipPeerFields,
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('sip_peers')
    .values({ account_id: accountId, site_id: siteId, ...toColumns(f), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceTerminationHosts(db, accountId, row.id, f.terminationHosts);
  return row.id;
}

export async function updateSipPeer(db: Executor, peer: SipPeer, now: string): Promise<void> {
  await db
    .updateTable('sip_peers')
    .set({ ...toColumns(peer), updated_at: now })
    .where('id', '=', peer.id)
    .execute();
  await replaceTerminationHosts(db, peer.accountId, peer.id, peer.terminationHosts);
}

async function replaceTerminationHosts(
  db: Executor,
  accountId: string,
  peerId: number,
  hosts: readonly TerminationHost[],
): Promise<void> {
  await db.deleteFrom('sip_peer_termination_hosts').where('sip_peer_id', '=', peerId).execute();
  if (hosts.length === 0) return;
  await db
    .insertInto('sip_peer_termination_hosts')
    .values(
      hosts.map((h, position) => ({
        sip_peer_id: peerId,
        account_id: accountId,
        position,
        host_name: h.hostName,
        range_start: h.range.start,
        range_end: h.range.end,
        port: h.port ?? null,
        customer_traffic_allowed: h.customerTrafficAllowed ?? null,
        data_allowed: h.dataAllowed === undefined ? null : h.dataAllowed ? 1 : 0,
      })),
    )
    .execute();
}

export async function deleteSipPeer(db: Executor, peerId: number): Promise<void> {
  await db.deleteFrom('sip_peer_termination_hosts').where('sip_peer_id', '=', peerId).execute();
  await db.deleteFrom('sip_peers').where('id', '=', peerId).execute();
}

/** A termination host anywhere in the system (any account) whose range overlaps `range`. */
export async function findOverlappingTerminationHost(
  db: Executor,
  range: Ipv4Range,
  exceptPeerId: number | undefined,
): Promise<{ hostName: string; port: number | null } | undefined> {
  let q = db
    .selectFrom('sip_peer_termination_hosts')
    .select(['host_name as hostName', 'port'])
    .where('range_start', '<=', range.end)
    .where('range_end', '>=', range.start);
  if (exceptPeerId !== undefined) q = q.where('sip_peer_id', '!=', exceptPeerId);
  return q.executeTakeFirst();
}

/** The default SIP peer's id of a site (where new numbers go when no peer is named). */
export async function findDefaultPeerId(db: Executor, siteId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('sip_peers')
    .select('id')
    .where('site_id', '=', siteId)
    .where('is_default', '=', 1)
    .executeTakeFirst();
  return row?.id;
}

/**
 * Holds the peer for the rest of the caller's transaction while numbers are put on it: on
 * PostgreSQL a share lock, so a concurrent delete waits (and then sees the numbers) or, having won,
 * leaves nothing to lock. Returns whether the peer exists.
 */
export async function lockPeerShared(db: Executor, dialect: Dialect, peerId: number): Promise<boolean> {
  const q = db.selectFrom('sip_peers').select('id').where('id', '=', peerId);
  return (await (dialect === 'postgres' ? q.forShare() : q).executeTakeFirst()) !== undefined;
}

/** Locks the peer against new numbers (see lockPeerShared), then tells whether any number is on it. */
export async function peerHasNumbers(db: Executor, dialect: Dialect, peerId: number): Promise<boolean> {
  const lock = db.selectFrom('sip_peers').select('id').where('id', '=', peerId);
  await (dialect === 'postgres' ? lock.forUpdate() : lock).execute();
  const row = await db
    .selectFrom('telephone_numbers')
    .select('tn')
    .where('sip_peer_id', '=', peerId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
