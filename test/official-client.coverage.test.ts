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
 * Coverage through Bandwidth's official Node client, @bandwidth/numbers 2.0.0 from npm, unchanged:
 * RateCenter.list (GET /rateCenters), City.list (GET /cities) and CoveredRateCenter.list
 * (GET /coveredRateCenters, which always sends page and size, default 1 and 500), against the real
 * server started as `npm start` starts it. The client parses with xml2js (first letter lower-cased,
 * numbers converted) and hands lists back as arrays.
 */
const numbers = sdk as Sdk;

interface SdkRateCenter {
  abbreviation: string;
  name: string;
  availableTelephoneNumberCount?: number;
}
interface SdkCity {
  rcAbbreviation: string;
  name: string;
  availableTelephoneNumberCount?: number;
}
interface SdkCoveredRateCenter {
  id: number;
  name: string;
  abbreviation: string;
  state: string;
  lata: number;
  availableNumberCount?: number;
  zipCodes?: { zipCode: number | number[] };
  cities?: { city: string | string[] };
  vendors?: { vendor: { vendorId: number; vendorName: string } };
  tiers: { tier: number };
  npaNxxXs?: { npaNxxX: number | number[] };
  localRateCenters?: { rateCenterId: number | number[] };
}
type Query = Record<string, string | number | boolean | string[]>;
interface Client {
  makeRequest(method: string, path: string, query: Query, cb: Callback<Record<string, unknown>>): void;
}
interface Sdk {
  RateCenter: { list(client: Client, query: Query, cb: Callback<SdkRateCenter[]>): void };
  City: { list(client: Client, query: Query, cb: Callback<SdkCity | SdkCity[] | undefined>): void };
  CoveredRateCenter: { list(client: Client, query: Query, cb: Callback<SdkCoveredRateCenter[]>): void };
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe('the official Node client on coverage (@bandwidth/numbers 2.0.0)', () => {
  let run: OfficialClientRun;
  let client: Client;

  before(async () => {
    run = await startOfficialClientRun();
    client = run.client as Client;
  });
  after(() => run.stop());

  let ncRateCenters: SdkRateCenter[];

  it("lists a state's rate centres, and those with available numbers with their count", async () => {
    ncRateCenters = await call<SdkRateCenter[]>((cb) => numbers.RateCenter.list(client, { state: 'NC' }, cb));
    assert.ok(ncRateCenters.length > 100);
    assert.ok(ncRateCenters.some((r) => r.abbreviation === 'RALEIGH' && r.name === 'RALEIGH'));
    assert.ok(ncRateCenters.every((r) => r.availableTelephoneNumberCount === undefined));

    const available = await call<SdkRateCenter[]>((cb) =>
      numbers.RateCenter.list(client, { state: 'NC', available: true, supported: true }, cb),
    );
    assert.ok(available.length > 0 && available.length <= ncRateCenters.length);
    for (const r of available) {
      assert.equal(typeof r.availableTelephoneNumberCount, 'number');
      assert.ok((r.availableTelephoneNumberCount ?? 0) > 0);
    }
    // 919 (Raleigh) gets several times its share of the demo inventory.
    const raleigh = available.find((r) => r.abbreviation === 'RALEIGH');
    assert.ok((raleigh?.availableTelephoneNumberCount ?? 0) > 10);
  });

  it("lists a state's cities, per rate centre, with counts when asked", async () => {
    const cities = asArray(
      await call<SdkCity | SdkCity[] | undefined>((cb) => numbers.City.list(client, { state: 'NC' }, cb)),
    );
    assert.ok(cities.length > ncRateCenters.length);
    assert.ok(cities.some((c) => c.name === 'RALEIGH' && c.rcAbbreviation === 'RALEIGH'));

    const available = asArray(
      await call<SdkCity | SdkCity[] | undefined>((cb) =>
        numbers.City.list(client, { state: 'NC', available: true }, cb),
      ),
    );
    assert.ok(available.length > 0);
    assert.ok(available.every((c) => (c.availableTelephoneNumberCount ?? 0) > 0));

    // No match: the client gets undefined (it reads res.cities.city), not a crash.
    const none = await call<SdkCity | SdkCity[] | undefined>((cb) =>
      numbers.City.list(client, { state: 'PR', supported: true }, cb),
    );
    assert.equal(none, undefined);
  });

  it('reads covered rate centres with every embed the client can ask for', async () => {
    const [raleigh, ...others] = await call<SdkCoveredRateCenter[]>((cb) =>
      numbers.CoveredRateCenter.list(
        client,
        {
          state: 'NC',
          abbreviation: 'RALEIGH',
          embed: ['ZipCodes', 'Cities', 'Vendors', 'NpaNxxX', 'AvailableNumberCount'],
        },
        cb,
      ),
    );
    assert.equal(others.length, 0);
    assert.ok(raleigh);
    assert.equal(typeof raleigh.id, 'number');
    assert.equal(raleigh.name, 'RALEIGH');
    assert.equal(raleigh.state, 'NC');
    assert.equal(typeof raleigh.lata, 'number');
    assert.ok((raleigh.availableNumberCount ?? 0) > 10);
    assert.ok(asArray(raleigh.zipCodes?.zipCode).length > 1);
    assert.ok(asArray(raleigh.cities?.city).includes('RALEIGH'));
    assert.deepEqual(raleigh.vendors, { vendor: { vendorId: 49, vendorName: 'Bandwidth CLEC' } });
    assert.deepEqual(raleigh.tiers, { tier: 0 });
    assert.ok(asArray(raleigh.npaNxxXs?.npaNxxX).every((x) => String(x).length === 7));
    assert.equal(raleigh.localRateCenters, undefined);

    const local = await call<SdkCoveredRateCenter[]>((cb) =>
      numbers.CoveredRateCenter.list(client, { embed: 'LocalRateCenters', page: raleigh.id, size: 1 }, cb),
    );
    assert.equal(local[0]?.id, raleigh.id);
    assert.ok(asArray(local[0]?.localRateCenters?.rateCenterId).length > 0);
  });

  it('pages by the id of the first rate centre, as the client passes page and size through', async () => {
    const seen: number[] = [];
    let page = 1;
    for (;;) {
      const list = await call<SdkCoveredRateCenter[]>((cb) =>
        numbers.CoveredRateCenter.list(client, { state: 'NC', page, size: 100 }, cb),
      );
      if (list.length === 0) break;
      seen.push(...list.map((r) => r.id));
      if (list.length < 100) break;
      page = (list.at(-1)?.id ?? 0) + 1;
    }
    assert.equal(seen.length, ncRateCenters.length);
    assert.equal(new Set(seen).size, seen.length);
    assert.deepEqual(
      seen,
      [...seen].sort((a, b) => a - b),
    );
  });

  it('follows the 303 of a request without page and size (the client sends them; superagent follows)', async () => {
    const res = await call<Record<string, unknown>>((cb) =>
      client.makeRequest('get', 'coveredRateCenters', { state: 'DE' }, cb),
    );
    const list = asArray(res.coveredRateCenter as SdkCoveredRateCenter | SdkCoveredRateCenter[]);
    assert.ok(list.length > 0);
    assert.ok(list.every((r) => r.state === 'DE'));
  });

  it('gets the HTTP status and the error body for refused queries', async () => {
    const tier = await failure(call((cb) => numbers.CoveredRateCenter.list(client, { tier: 7 }, cb)));
    assert.equal(tier.status, 400);
    assert.match(
      tier.response?.text ?? '',
      /<CoveredRateCenters><ResponseStatus><ErrorCode>4016<\/ErrorCode>/,
    );

    const state = await failure(call((cb) => numbers.RateCenter.list(client, { state: 'XX' }, cb)));
    assert.equal(state.status, 400);
    assert.match(
      state.response?.text ?? '',
      /<RateCenterResponse><ResponseStatus><ErrorCode>4006<\/ErrorCode>/,
    );

    const local = await failure(
      call((cb) =>
        numbers.CoveredRateCenter.list(client, { embed: ['Cities', 'LocalRateCenters'], state: 'NC' }, cb),
      ),
    );
    assert.equal(local.status, 400);
    assert.match(local.response?.text ?? '', /<ErrorCode>4019<\/ErrorCode>/);
  });
});
