import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  call,
  numbers as sdk,
  startOfficialClientRun,
  type Callback,
  type OfficialClientRun,
} from './support/official-client.js';

/** Number search through the official Node client (@bandwidth/numbers 2.0.0), unchanged. */
const numbers = sdk as {
  AvailableNumbers: { list(client: object, query: object, cb: Callback<SearchResult>): void };
  AvailableNpaNxx: { list(client: object, query: object, cb: Callback<NpaNxx[]>): void };
};

interface SearchResult {
  resultCount?: number;
  telephoneNumberList?: { telephoneNumber: string | string[] };
  telephoneNumberDetailList?: { telephoneNumberDetail: Detail | Detail[] };
}
interface Detail {
  fullNumber: string;
  rateCenter: string;
  state: string;
  lata: number;
  city: string;
  vendorName: string;
}
interface NpaNxx {
  city: string;
  npa: number;
  nxx: number;
  quantity: number;
  state: string;
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe('the official Node client: number search', () => {
  let run: OfficialClientRun;
  let client: object;

  before(async () => {
    run = await startOfficialClientRun();
    client = run.client;
  });
  after(() => run.stop());

  it('searches by area code and gets the numbers as strings of ten digits', async () => {
    const res = await call<SearchResult>((cb) =>
      numbers.AvailableNumbers.list(client, { areaCode: 919, quantity: 5 }, cb),
    );
    assert.equal(res.resultCount, 5);
    const tns = list(res.telephoneNumberList?.telephoneNumber);
    assert.equal(tns.length, 5);
    assert.ok(tns.every((tn) => typeof tn === 'string' && /^919\d{7}$/.test(tn)));
  });

  it('searches a rate centre with details', async () => {
    const res = await call<SearchResult>((cb) =>
      numbers.AvailableNumbers.list(
        client,
        { rateCenter: 'RALEIGH', state: 'NC', enableTNDetail: true, quantity: 3 },
        cb,
      ),
    );
    const details = list(res.telephoneNumberDetailList?.telephoneNumberDetail);
    assert.equal(details.length, 3);
    for (const d of details) {
      assert.equal(d.rateCenter, 'RALEIGH');
      assert.equal(d.state, 'NC');
      assert.equal(d.lata, 426);
      assert.equal(d.vendorName, 'Bandwidth CLEC');
    }
  });

  it('searches toll-free vanity numbers', async () => {
    const res = await call<SearchResult>((cb) =>
      numbers.AvailableNumbers.list(client, { tollFreeVanity: 'FLOWERS' }, cb),
    );
    assert.ok(list(res.telephoneNumberList?.telephoneNumber).includes('8003569377'));
  });

  it('gets an empty result, not an error, when nothing matches', async () => {
    const res = await call<SearchResult>((cb) =>
      numbers.AvailableNumbers.list(client, { tollFreeWildCardPattern: '81*' }, cb),
    );
    assert.deepEqual(res, {});
  });

  it('gets a Bandwidth error for invalid criteria', async () => {
    await assert.rejects(
      call<SearchResult>((cb) => numbers.AvailableNumbers.list(client, { areaCode: 111 }, cb)),
      (err: { status?: number; response?: { text: string } }) =>
        err.status === 400 && /<Code>4000<\/Code>/.test(err.response?.text ?? ''),
    );
  });

  it('lists available NPA-NXX counts of an area code', async () => {
    const res = await call<NpaNxx[]>((cb) => numbers.AvailableNpaNxx.list(client, { areaCode: 919 }, cb));
    assert.ok(res.length > 0);
    assert.ok(
      res.every((e) => e.npa === 919 && e.quantity > 0 && e.state === 'NC' && typeof e.city === 'string'),
    );
  });
});
