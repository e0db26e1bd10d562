import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  call,
  failure,
  numbers as sdk,
  startOfficialClientRun,
  type Callback,
  type OfficialClientRun,
} from './support/official-client.js';

/**
 * The telephone-number views through Bandwidth's official Node client, @bandwidth/numbers 2.0.0
 * from npm, unchanged: Tn (GET /tns, /tns/{tn} and its tndetails, sites, sippeers, ratecenter),
 * InServiceNumber (inserviceNumbers, totals, {tn}) and DiscNumber (discnumbers, totals), against
 * the real server started as `npm start` starts it, on the demo account (25 Raleigh numbers in
 * service on site 1, SIP peer 500000). The client parses with xml2js: first letters lower-cased,
 * numbers converted except 10-digit ones, one repeated element as an object.
 */
const numbers = sdk as Sdk;

interface SdkTnSummary {
  fullNumber: string;
  city: string;
  state: string;
  rateCenter: string;
  status: string;
  accountId: number;
  tier: number;
  vendorId: number;
  lastModified: Date;
}
interface SdkTn {
  telephoneNumber: string;
  status: string;
  accountId: number;
  siteId: number;
  orderType: string;
  lastModifiedDate: Date;
  getTnDetails(cb: Callback<Record<string, unknown>>): void;
  getSites(cb: Callback<Record<string, unknown>>): void;
  getSipPeers(cb: Callback<Record<string, unknown>>): void;
  getRateCenter(cb: Callback<Record<string, unknown>>): void;
}
interface SdkTnList {
  telephoneNumberCount: number;
  links: { first: string; next?: string };
  telephoneNumbers: { telephoneNumber: SdkTnSummary[] };
}
interface SdkTnPage {
  totalCount?: number;
  links?: { first: string; next?: string };
  telephoneNumbers?: { count: number; telephoneNumber?: string | string[] };
}
type Query = Record<string, string | number>;
interface Sdk {
  Tn: {
    list(client: object, query: Query, cb: Callback<SdkTnList>): void;
    get(client: object, tn: string, cb: Callback<SdkTn>): void;
  };
  InServiceNumber: {
    list(client: object, query: Query, cb: Callback<SdkTnPage>): void;
    totals(client: object, cb: Callback<{ count: number }>): void;
    get(client: object, tn: string, cb: Callback<Record<string, never>>): void;
  };
  DiscNumber: {
    list(
      client: object,
      query: Query,
      cb: Callback<{ count: number; telephoneNumber?: string | string[] }>,
    ): void;
    totals(client: object, cb: Callback<{ count: number }>): void;
  };
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe('the official Node client on telephone numbers (@bandwidth/numbers 2.0.0)', () => {
  let run: OfficialClientRun;
  let client: object;
  let inService: string[] = [];

  before(async () => {
    run = await startOfficialClientRun();
    client = run.client;
  });
  after(() => run.stop());

  it('lists the account numbers with Tn.list (it always sends page and size)', async () => {
    const res = await call<SdkTnList>((cb) => numbers.Tn.list(client, {}, cb));
    assert.equal(res.telephoneNumberCount, 25);
    const list = res.telephoneNumbers.telephoneNumber;
    assert.equal(list.length, 25);
    inService = list.map((n) => n.fullNumber);
    assert.ok(
      inService.every((tn) => /^\d{10}$/.test(tn)),
      'numbers stay strings',
    );
    assert.deepEqual([...inService].sort(), inService);
    const first = list[0] as SdkTnSummary;
    assert.equal(first.city, 'RALEIGH');
    assert.equal(first.state, 'NC');
    assert.equal(first.rateCenter, 'RALEIGH');
    assert.equal(first.status, 'Inservice');
    assert.equal(first.accountId, 9900000);
    assert.equal(first.tier, 0);
    assert.equal(first.vendorId, 49);
    assert.ok(first.lastModified instanceof Date, 'ISO dates become Dates');
    assert.match(res.links.first, /\/v1\.0\/tns\?page=1&size=500>/);
    assert.equal(res.links.next, undefined);
  });

  it('pages with Tn.list: the next link carries the number that starts the next page', async () => {
    const page = await call<SdkTnList>((cb) => numbers.Tn.list(client, { npa: 919, size: 10 }, cb));
    assert.equal(page.telephoneNumberCount, 25);
    assert.deepEqual(
      page.telephoneNumbers.telephoneNumber.map((n) => n.fullNumber),
      inService.slice(0, 10),
    );
    const m = /[?&]page=(\d{10})&/.exec(page.links.next ?? '');
    assert.equal(m?.[1], inService[10]);
    const next = await call<SdkTnList>((cb) =>
      numbers.Tn.list(client, { npa: 919, size: 10, page: m?.[1] ?? '' }, cb),
    );
    assert.deepEqual(
      next.telephoneNumbers.telephoneNumber.map((n) => n.fullNumber),
      inService.slice(10, 20),
    );
    // A search with one match still comes back as a list.
    const one = await call<SdkTnList>((cb) =>
      numbers.Tn.list(client, { fullNumber: inService[3] ?? '' }, cb),
    );
    assert.equal(one.telephoneNumbers.telephoneNumber.length, 1);
  });

  it('reports a bad /tns filter as an error', async () => {
    const err = await failure(call((cb) => numbers.Tn.list(client, { npaNxx: '9192384' }, cb)));
    assert.equal(err.status, 400);
    assert.match(err.response?.text ?? '', /<ErrorCode>15511<\/ErrorCode>/);
  });

  it('reads one number with Tn.get and its details, site, SIP peer and rate centre', async () => {
    const tn = await call<SdkTn>((cb) => numbers.Tn.get(client, inService[0] ?? '', cb));
    assert.equal(tn.telephoneNumber, inService[0]);
    assert.equal(tn.status, 'Inservice');
    assert.equal(tn.accountId, 9900000);
    assert.equal(tn.siteId, 1);
    assert.equal(tn.orderType, 'ADMIN_ASSIGNMENT');
    assert.ok(tn.lastModifiedDate instanceof Date);
    const details = await call<Record<string, unknown>>((cb) => tn.getTnDetails(cb));
    assert.equal(details.fullNumber, inService[0]);
    assert.equal(details.city, 'RALEIGH');
    assert.equal(details.vendorName, 'Bandwidth CLEC');
    assert.deepEqual(details.site, { id: 1, name: 'Raleigh' });
    assert.deepEqual(details.sipPeer, { peerId: 500000, peerName: 'DemoPeer' });
    assert.deepEqual(await call((cb) => tn.getSites(cb)), { id: 1, name: 'Raleigh' });
    assert.deepEqual(await call((cb) => tn.getSipPeers(cb)), { id: 500000, name: 'DemoPeer' });
    assert.deepEqual(await call((cb) => tn.getRateCenter(cb)), { state: 'NC', rateCenter: 'RALEIGH' });
  });

  it('answers 404 for a number that does not exist and 400 for an invalid one', async () => {
    const missing = await failure(call((cb) => numbers.Tn.get(client, '2015550100', cb)));
    assert.equal(missing.status, 404);
    assert.match(missing.response?.text ?? '', /<ErrorCode>15506<\/ErrorCode>/);
    const invalid = await failure(call((cb) => numbers.Tn.get(client, '123456789', cb)));
    assert.equal(invalid.status, 400);
    assert.match(invalid.response?.text ?? '', /<ErrorCode>12512<\/ErrorCode>/);
  });

  it('lists, counts and verifies in-service numbers with InServiceNumber', async () => {
    const page = await call<SdkTnPage>((cb) => numbers.InServiceNumber.list(client, { size: 10 }, cb));
    assert.equal(page.totalCount, 25);
    assert.equal(page.telephoneNumbers?.count, 10);
    assert.deepEqual(asArray(page.telephoneNumbers?.telephoneNumber), inService.slice(0, 10));
    assert.match(page.links?.next ?? '', new RegExp(`page=${inService[10]}&size=10`));
    const rest = await call<SdkTnPage>((cb) =>
      numbers.InServiceNumber.list(client, { size: 300, page: inService[10] ?? '' }, cb),
    );
    assert.deepEqual(asArray(rest.telephoneNumbers?.telephoneNumber), inService.slice(10));
    const filtered = await call<SdkTnPage>((cb) =>
      numbers.InServiceNumber.list(client, { ratecenter: 'RALEIGH', state: 'NC' }, cb),
    );
    assert.equal(filtered.totalCount, 25);
    // 204 (nothing matches) reaches the caller as an empty result.
    assert.deepEqual(await call((cb) => numbers.InServiceNumber.list(client, { areacode: 212 }, cb)), {});
    assert.deepEqual(await call((cb) => numbers.InServiceNumber.totals(client, cb)), { count: 25 });
    assert.deepEqual(await call((cb) => numbers.InServiceNumber.get(client, inService[0] ?? '', cb)), {});
    const notMine = await failure(call((cb) => numbers.InServiceNumber.get(client, '2015550100', cb)));
    assert.equal(notMine.status, 404);
    const badFilter = await failure(
      call((cb) => numbers.InServiceNumber.list(client, { ratecenter: 'RALEIGH' }, cb)),
    );
    assert.equal(badFilter.status, 404);
  });

  it('lists and counts disconnected numbers with DiscNumber (none yet)', async () => {
    const list = await call<{ count: number; telephoneNumber?: string | string[] }>((cb) =>
      numbers.DiscNumber.list(client, { startdate: '2020-01-01', enddate: '2099-12-31' }, cb),
    );
    assert.equal(list.count, 0);
    assert.deepEqual(asArray(list.telephoneNumber), []);
    assert.deepEqual(await call((cb) => numbers.DiscNumber.totals(client, cb)), { count: 0 });
  });
});
