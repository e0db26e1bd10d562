/**
 * The shared set-up of the porting-out tests: a carrier account with an SPID and its own user, a
 * second owner account beside the demo one, numbers put in service on either by ordering them, and
 * the LSR order request. Not a test file itself.
 */
import assert from 'node:assert/strict';
import { at, DEMO, idFromLocation, type Harness, type Reply } from './harness.js';
import { availableTns } from './inventory.js';
import { createAccount, updateAccount, type PortingSettings } from '../../src/features/accounts/index.js';
import { createSipPeer } from '../../src/features/sip-peers/index.js';
import { createSite } from '../../src/features/sites/index.js';
import { createUser, grantUser } from '../../src/features/users/index.js';

export const CARRIER = { accountId: '9900100', spid: 'WIN1', user: ['carrier', 'carrier-secret'] as const };
export const OTHER_OWNER = '9900200';
export const OWNER = `/api/accounts/${DEMO.accountId}`;
export const LSR = `/api/accounts/${CARRIER.accountId}/lsrorders`;

/** The carrier (SPID WIN1, its own user) and a second owner account with a site and a SIP peer. */
export async function setUpCarriers(h: Harness): Promise<void> {
  const deps = h.app.deps;
  await createAccount(deps, { id: CARRIER.accountId, companyName: 'Winning Carrier', spid: CARRIER.spid });
  await createUser(deps, {
    username: CARRIER.user[0],
    password: CARRIER.user[1],
    accounts: [CARRIER.accountId],
  });
  await createAccount(deps, { id: OTHER_OWNER, companyName: 'Second Owner' });
  await grantUser(deps, DEMO.username, { accounts: [OTHER_OWNER] });
  const site = await createSite(deps, OTHER_OWNER, {
    name: 'Second',
    address: {
      houseNumber: '1',
      streetName: 'Main',
      city: 'Durham',
      stateCode: 'NC',
      zip: '27701',
      addressType: 'Service',
    },
  });
  await createSipPeer(deps, OTHER_OWNER, String(site.id), { peerName: 'SecondPeer', isDefaultPeer: 'true' });
  secondSite = site.id;
}
let secondSite = 0;

/** The owner's port-out settings, as `bwdash account update` sets them. */
export const setPorting = (h: Harness, accountId: string, s: PortingSettings) =>
  updateAccount(h.app.deps, accountId, s);

/** `n` numbers put in service on the account by ordering them (demo site 1, or the second owner's site). */
export async function inService(
  h: Harness,
  n: number,
  accountId: string = DEMO.accountId,
): Promise<number[]> {
  const tns = await availableTns(h.app.deps.database.db, n, { placed: true });
  const site = accountId === DEMO.accountId ? 1 : secondSite;
  const res = await h.post(
    `/api/accounts/${accountId}/orders`,
    `<Order><SiteId>${site}</SiteId><ExistingTelephoneNumberOrderType><TelephoneNumberList>${tns
      .map((t) => `<TelephoneNumber>${t}</TelephoneNumber>`)
      .join('')}</TelephoneNumberList></ExistingTelephoneNumberOrderType></Order>`,
  );
  assert.equal(res.status, 201, res.body);
  await h.drain();
  return tns;
}

export interface LsrRequest {
  readonly tns: readonly (number | string)[];
  readonly pon?: string;
  readonly spid?: string;
  readonly foc?: string;
  readonly pin?: string;
  readonly accountNumber?: string;
  readonly type?: 'BUSINESS' | 'RESIDENTIAL';
  readonly businessName?: string;
  readonly lastName?: string;
  readonly zip?: string;
  readonly authorizingPerson?: string | null;
  readonly customerOrderId?: string;
}

let pons = 0;
export function lsrXml(r: LsrRequest): string {
  const type = r.type ?? 'BUSINESS';
  const name =
    type === 'BUSINESS'
      ? `<BusinessName>${r.businessName ?? 'Acme Corporation'}</BusinessName>`
      : `<FirstName>Jane</FirstName><LastName>${r.lastName ?? 'Doe'}</LastName>`;
  return (
    `<LsrOrder><Pon>${r.pon ?? `PON-${++pons}`}</Pon>` +
    (r.customerOrderId ? `<CustomerOrderId>${r.customerOrderId}</CustomerOrderId>` : '') +
    (r.spid ? `<SPID>${r.spid}</SPID>` : '') +
    (r.foc ? `<RequestedFocDate>${r.foc}</RequestedFocDate>` : '') +
    (r.authorizingPerson === null
      ? ''
      : `<AuthorizingPerson>${r.authorizingPerson ?? 'Jim Hopkins'}</AuthorizingPerson>`) +
    `<Subscriber><SubscriberType>${type}</SubscriberType>${name}` +
    `<ServiceAddress><HouseNumber>11</HouseNumber><StreetName>Park</StreetName><StreetSuffix>Ave</StreetSuffix>` +
    `<City>Raleigh</City><StateCode>NC</StateCode><Zip>${r.zip ?? '27601'}</Zip></ServiceAddress>` +
    (r.accountNumber ? `<AccountNumber>${r.accountNumber}</AccountNumber>` : '') +
    (r.pin ? `<PinNumber>${r.pin}</PinNumber>` : '') +
    `</Subscriber><ListOfTelephoneNumbers>${r.tns.map((t) => `<TelephoneNumber>${t}</TelephoneNumber>`).join('')}` +
    `</ListOfTelephoneNumbers></LsrOrder>`
  );
}

/** Files the LSR order as the carrier; answers its id. */
export async function fileLsr(h: Harness, r: LsrRequest): Promise<string> {
  const res = await h.post(LSR, lsrXml(r), { auth: CARRIER.user });
  assert.equal(res.status, 201, res.body);
  return idFromLocation(res);
}

export const lsrStatus = async (h: Harness, id: string) =>
  String(at((await h.get(`${LSR}/${id}`, { auth: CARRIER.user })).xml, 'LsrOrder', 'OrderStatus'));

/** The codes of an LSR answer's `LsrOrderErrors`, wherever it sits. */
export function lsrCodes(r: Reply): string[] {
  const root = Object.values(r.xml)[0] as Record<string, unknown>;
  const holder = (root.LsrOrderErrors ??
    (root.LsrOrder as Record<string, unknown> | undefined)?.LsrOrderErrors) as
    { LsrOrderError?: unknown } | undefined | '';
  const list = holder && typeof holder === 'object' ? holder.LsrOrderError : undefined;
  const items = list === undefined ? [] : Array.isArray(list) ? list : [list];
  return items.map((e) => (e as { Code: string }).Code);
}

/** The owner's port-outs (id and status), newest last. */
export async function portOutsOf(h: Harness, accountId: string = DEMO.accountId, query = '') {
  const res = await h.get(`/api/accounts/${accountId}/portouts${query}`);
  assert.equal(res.status, 200, res.body);
  const rows = at(res.xml, 'LNPResponseWrapper', 'lnpPortInfoForGivenStatus');
  const list = rows === undefined ? [] : Array.isArray(rows) ? rows : [rows];
  return list.map((r) => r as Record<string, string>);
}

/** Runs what is due: the validation calls (dispatcher), then the jobs, until nothing moves. */
export async function settle(h: Harness): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const calls = await h.app.dispatcher.runDue();
    const jobs = await h.drain();
    if (calls === 0 && jobs === 0) return;
  }
}

/** An LSR order's FOC date, as its list summary shows it (the order's own body has none). */
export async function lsrFocDate(h: Harness, id: string): Promise<string> {
  const res = await h.get(`${LSR}?orderIdFragment=${id}`, { auth: CARRIER.user });
  return String(at(res.xml, 'LsrOrders', 'LsrOrderSummary', 'ActualFocDate'));
}
