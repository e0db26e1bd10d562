/**
 * The shared set-up of the new-number order tests (orders.*.test.ts): the harness with a rival
 * tenant, order bodies, and helpers that place, fulfil and read orders. Not a test file itself.
 */
import assert from 'node:assert/strict';
import { at, idFromLocation, startHarness, type Harness, type Reply } from '../../../test/support/harness.js';
import { createAccount } from '../accounts/index.js';
import type { Coverage } from '../../shared/coverage.js';
import { TnStatus } from '../../shared/tn-status.js';
import { createUser } from '../users/index.js';

export const ACC = '/api/accounts/9900000';
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** An order body: the order-type element plus common elements (site 1 unless given). */
export const orderXml = (type: string, common = '<SiteId>1</SiteId>') =>
  `<Order><CustomerOrderId>co-1</CustomerOrderId><Name>test order</Name>${common}${type}</Order>`;
export const existingXml = (tns: readonly (number | string)[], reservations: readonly string[] = []) =>
  `<ExistingTelephoneNumberOrderType><TelephoneNumberList>${tns
    .map((t) => `<TelephoneNumber>${t}</TelephoneNumber>`)
    .join('')}</TelephoneNumberList>${
    reservations.length
      ? `<ReservationIdList>${reservations.map((r) => `<ReservationId>${r}</ReservationId>`).join('')}</ReservationIdList>`
      : ''
  }</ExistingTelephoneNumberOrderType>`;

/** Letters on a phone keypad for each digit (0 and 1 have none and stay digits). */
const KEYPAD: Readonly<Record<string, string>> = {
  2: 'A',
  3: 'D',
  4: 'G',
  5: 'J',
  6: 'M',
  7: 'P',
  8: 'T',
  9: 'W',
};
export const asVanity = (digits: string) => digits.replace(/[2-9]/g, (d) => KEYPAD[d] ?? d);

export const RIVAL = ['other', 'other-secret'] as const;
export const SITE_XML =
  '<Site><Name>Branch</Name><Address><HouseNumber>900</HouseNumber><StreetName>Main Campus Drive</StreetName>' +
  '<City>Raleigh</City><StateCode>NC</StateCode><Zip>27606</Zip><AddressType>Service</AddressType></Address></Site>';

export type NumberRow = {
  tn: number;
  rate_center_id: number | null;
  city_id: number | null;
  state: string | null;
  lata: string | null;
};

export const statusOf = (res: Reply) => at(res.xml, 'OrderResponse', 'OrderStatus');
export const completed = (res: Reply): number[] => {
  const list = at(res.xml, 'OrderResponse', 'CompletedNumbers', 'TelephoneNumber');
  const items = list === undefined || list === '' ? [] : Array.isArray(list) ? list : [list];
  return items.map((i) => Number(at(i, 'FullNumber')));
};
export const expectRejected = (res: Reply, code: string) => {
  assert.equal(res.status, 400, res.body);
  assert.equal(at(res.xml, 'OrderResponse', 'ErrorList', 'Error', 'Code'), code, res.body);
  assert.ok(at(res.xml, 'OrderResponse', 'ErrorList', 'Error', 'Description'), res.body);
};

export interface OrdersHarness {
  readonly h: Harness;
  readonly cov: Coverage;
  /** The site of the rival account 9900700 (user `other`), with a default SIP peer. */
  readonly rivalSite: string;
}

/**
 * A harness with 30,000 numbers and a rival account 9900700 (user `other`, see RIVAL) that has a
 * site with a default SIP peer. Each test file starts its own in before() and closes it in after().
 */
export async function startOrdersHarness(): Promise<OrdersHarness> {
  const h = await startHarness({ inventory: 30_000 });
  const cov = h.app.deps.coverage;
  await createAccount(h.app.deps, { id: '9900700', companyName: 'Other Co' });
  await createUser(h.app.deps, { username: 'other', password: 'other-secret', accounts: ['9900700'] });
  const site = await h.post('/api/accounts/9900700/sites', SITE_XML, { auth: RIVAL });
  assert.equal(site.status, 201, site.body);
  const rivalSite = idFromLocation(site);
  const peer = await h.post(
    `/api/accounts/9900700/sites/${rivalSite}/sippeers`,
    '<SipPeer><PeerName>RivalPeer</PeerName><IsDefaultPeer>true</IsDefaultPeer></SipPeer>',
    { auth: RIVAL },
  );
  assert.equal(peer.status, 201, peer.body);
  return { h, cov, rivalSite };
}

/** The helpers that reach the harness, bound to the one `harness()` returns when they run. */
export function orderHelpers(harness: () => Harness) {
  const db = () => harness().app.deps.database.db;
  const numberRow = (tn: number) =>
    db().selectFrom('telephone_numbers').selectAll().where('tn', '=', tn).executeTakeFirstOrThrow();
  /** Available numbers with a place, optionally in a number range. */
  const available = async (n: number, range?: readonly [number, number]): Promise<NumberRow[]> => {
    let q = db()
      .selectFrom('telephone_numbers')
      .select(['tn', 'rate_center_id', 'city_id', 'state', 'lata'])
      .where('status', '=', TnStatus.available)
      .where('protected', '=', 0);
    q = range
      ? q.where('tn', '>=', range[0]).where('tn', '<=', range[1])
      : q.where('rate_center_id', 'is not', null);
    return q.orderBy('tn').limit(n).execute();
  };
  const post = (body: string, path = `${ACC}/orders`) => harness().post(path, body);
  /** POSTs an order that must be accepted; returns its id. */
  const place = async (body: string): Promise<string> => {
    const res = await post(body);
    assert.equal(res.status, 201, res.body);
    return idFromLocation(res);
  };
  const getOrder = (id: string, query = '') => harness().get(`${ACC}/orders/${id}${query}`);
  /** Places an order, runs the jobs, and returns the order as GET shows it. */
  const fulfil = async (body: string): Promise<{ id: string; res: Reply }> => {
    const id = await place(body);
    await harness().drain();
    return { id, res: await getOrder(id) };
  };
  return { db, numberRow, available, post, place, getOrder, fulfil };
}
