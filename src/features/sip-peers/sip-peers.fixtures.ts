/**
 * Shared set-up for the SIP peer tests (sip-peers.*.test.ts): the accounts they use, URL and XML
 * builders, loose-XML helpers, and the site/peer helpers bound to a suite's harness.
 * Not a test file itself (the runner only picks up *.test.ts).
 */
import assert from 'node:assert/strict';
import { at, idFromLocation, startHarness, type Harness, type Reply } from '../../../test/support/harness.js';
import { createAccount } from '../accounts/index.js';
import { grantUser } from '../users/index.js';

export const ACCOUNT = '9900000';
/** A second, plain account the demo user is granted: termination hosts are unique across accounts too. */
export const OTHER = '9900601';
/** An account only the hosts tests write to, so its host listing is exactly what they created. */
export const HOSTS_ACCOUNT = '9900602';
/** A UC Trunking account: SIP peers there need an Address. */
export const UC_ACCOUNT = '9900603';

export const ADDRESS =
  '<Address><HouseNumber>900</HouseNumber><StreetName>Main Campus Drive</StreetName><City>Raleigh</City>' +
  '<StateCode>NC</StateCode><Zip>27606</Zip><AddressType>Service</AddressType></Address>';

export const sites = (account: string) => `/api/accounts/${account}/sites`;
export const peers = (siteId: string, account = ACCOUNT) => `${sites(account)}/${siteId}/sippeers`;
export const peer = (siteId: string, peerId: string, account = ACCOUNT) =>
  `${peers(siteId, account)}/${peerId}`;

export function sipPeer(inner: string): string {
  return `<SipPeer>${inner}</SipPeer>`;
}

export function host(name: string, port?: number): string {
  return `<Host><HostName>${name}</HostName>${port === undefined ? '' : `<Port>${port}</Port>`}</Host>`;
}

export function voiceHosts(...names: string[]): string {
  return `<VoiceHosts>${names.map((n) => host(n)).join('')}</VoiceHosts>`;
}

export function smsHosts(...names: string[]): string {
  return `<SmsHosts>${names.map((n) => host(n)).join('')}</SmsHosts>`;
}

export function terminationHost(name: string, extra = ''): string {
  return `<TerminationHost><HostName>${name}</HostName>${extra}</TerminationHost>`;
}

export function terminationHosts(...names: string[]): string {
  return `<TerminationHosts>${names.map((n) => terminationHost(n)).join('')}</TerminationHosts>`;
}

export function group(...names: string[]): string {
  return `<VoiceHostGroup>${names.map((n) => host(n)).join('')}</VoiceHostGroup>`;
}

/** A loosely parsed repeated element as an array: absent or empty → [], one → [it]. */
export function items(value: unknown): unknown[] {
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

export function hostNames(list: unknown, item = 'Host'): string[] {
  return items(at(list, item)).map((h) => at(h, 'HostName') as string);
}

export function assertPeerError(res: Reply, status: number, code: string): void {
  assert.equal(res.status, status, res.body);
  assert.equal(at(res.xml, 'SipPeerResponse', 'ResponseStatus', 'ErrorCode'), code, res.body);
  assert.ok(at(res.xml, 'SipPeerResponse', 'ResponseStatus', 'Description'), res.body);
}

/**
 * A harness with the accounts every SIP peer suite starts from: OTHER, HOSTS_ACCOUNT and UC_ACCOUNT
 * (UC Trunking), all granted to the demo user.
 */
export async function startPeersHarness(): Promise<Harness> {
  const h = await startHarness();
  try {
    await createAccount(h.app.deps, { id: OTHER, companyName: 'Other Co' });
    await createAccount(h.app.deps, { id: HOSTS_ACCOUNT, companyName: 'Hosts Co' });
    await createAccount(h.app.deps, {
      id: UC_ACCOUNT,
      companyName: 'UC Co',
      products: [{ name: 'UcTrunking', features: [] }],
    });
    await grantUser(h.app.deps, 'demo', { accounts: [OTHER, HOSTS_ACCOUNT, UC_ACCOUNT] });
  } catch (err) {
    await h.close();
    throw err;
  }
  return h;
}

export interface PeerHelpers {
  /** A fresh site (distinct name per call) in `account`; returns its id. */
  readonly newSite: (account?: string, extra?: string) => Promise<string>;
  readonly createPeer: (siteId: string, inner: string, account?: string) => Promise<string>;
  readonly getPeer: (siteId: string, peerId: string, account?: string) => Promise<Record<string, unknown>>;
  readonly listPeers: (siteId: string, account?: string) => Promise<Record<string, unknown>[]>;
  /** The ids of the site's default peers (the site must always have exactly one while it has peers). */
  readonly defaults: (siteId: string) => Promise<string[]>;
}

/**
 * The site and peer helpers of one suite, talking to its harness (read when called, so they can be
 * made before the suite's `before` has started it). Site names are numbered per suite.
 */
export function peerHelpers(harness: () => Harness): PeerHelpers {
  let siteCount = 0;

  async function newSite(account = ACCOUNT, extra = ''): Promise<string> {
    siteCount += 1;
    const res = await harness().post(
      sites(account),
      `<Site><Name>S${siteCount}</Name><Description>SIP peer tests</Description>${extra}${ADDRESS}</Site>`,
    );
    assert.equal(res.status, 201, res.body);
    return idFromLocation(res);
  }

  async function createPeer(siteId: string, inner: string, account = ACCOUNT): Promise<string> {
    const res = await harness().post(peers(siteId, account), sipPeer(inner));
    assert.equal(res.status, 201, res.body);
    return idFromLocation(res);
  }

  async function getPeer(
    siteId: string,
    peerId: string,
    account = ACCOUNT,
  ): Promise<Record<string, unknown>> {
    const res = await harness().get(peer(siteId, peerId, account));
    assert.equal(res.status, 200, res.body);
    return at(res.xml, 'SipPeerResponse', 'SipPeer') as Record<string, unknown>;
  }

  async function listPeers(siteId: string, account = ACCOUNT): Promise<Record<string, unknown>[]> {
    const res = await harness().get(peers(siteId, account));
    assert.equal(res.status, 200, res.body);
    return items(at(res.xml, 'TNSipPeersResponse', 'SipPeers', 'SipPeer')) as Record<string, unknown>[];
  }

  async function defaults(siteId: string): Promise<string[]> {
    return (await listPeers(siteId)).filter((p) => p.IsDefaultPeer === 'true').map((p) => p.PeerId as string);
  }

  return { newSite, createPeer, getPeer, listPeers, defaults };
}
