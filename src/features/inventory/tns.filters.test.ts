import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, type Harness } from '../../../test/support/harness.js';
import { numbersOf, OTHER_AUTH, SECOND, startTnsWorld, tnsHelpers, type TnsWorld } from './tns.fixtures.js';

describe('/tns and /tns/{tn}: filters', () => {
  let world: TnsWorld;
  let h: Harness;
  let demo: number[];
  let second: TnsWorld['second'];
  let other: number[];
  const { mine } = tnsHelpers(() => world);

  before(async () => {
    world = await startTnsWorld();
    ({ h, demo, second, other } = world);
  });
  after(() => h.close());

  describe('GET /tns', () => {
    const count = async (qs: string) => {
      const res = await h.get(`/api/tns?${qs}`);
      assert.equal(res.status, 200, `${qs}: ${res.body}`);
      const n = Number(at(res.xml, 'TelephoneNumbersResponse', 'TelephoneNumberCount'));
      assert.equal(numbersOf(res).length, n, qs);
      return numbersOf(res).map((r) => Number(r.FullNumber));
    };

    it('filters by fullNumber, npa, npaNxx and npaNxxX (ranges that combine)', async () => {
      const tn = second.houston[0] as number;
      assert.deepEqual(await count(`fullNumber=${tn}`), [tn]);
      assert.deepEqual(await count(`fullNumber=${other[0]}`), [], "another tenant's number is not found");
      const npa = Math.floor(tn / 1e7);
      assert.deepEqual(
        await count(`npa=${npa}`),
        mine().filter((t) => Math.floor(t / 1e7) === npa),
      );
      const npaNxx = Math.floor((demo[0] as number) / 1e4);
      assert.deepEqual(
        await count(`npaNxx=${npaNxx}`),
        mine().filter((t) => Math.floor(t / 1e4) === npaNxx),
      );
      const npaNxxX = Math.floor((demo[0] as number) / 1e3);
      assert.deepEqual(
        await count(`npaNxxX=${npaNxxX}`),
        mine().filter((t) => Math.floor(t / 1e3) === npaNxxX),
      );
      assert.deepEqual(await count(`npa=919&npaNxx=${npaNxx}`), await count(`npaNxx=${npaNxx}`));
      assert.deepEqual(await count(`npa=212&npaNxx=${npaNxx}`), [], 'prefixes that exclude each other');
      assert.deepEqual(await count('npa=800'), second.tollFree);
    });

    it('filters by state, lata, rateCenter (across states unless a state is given), city and tier', async () => {
      assert.deepEqual(await count('state=TX'), second.houston);
      assert.deepEqual(await count('state=tx'), second.houston, 'any case');
      assert.deepEqual(await count('lata=426'), demo);
      assert.deepEqual(await count('rateCenter=RALEIGH'), demo);
      assert.deepEqual(await count('rateCenter=RALEIGH&state=NC'), demo);
      assert.deepEqual(await count('rateCenter=RALEIGH&state=TX'), [], 'known, not in that state');
      assert.deepEqual(await count('rateCenter=houston'), second.houston);
      assert.deepEqual(await count('city=RALEIGH&state=NC'), demo);
      assert.deepEqual(await count('city=Houston'), second.houston);
      assert.deepEqual(await count('tier=1'), second.tier1);
      assert.deepEqual(await count('tier=0&npa=800'), second.tollFree);
      assert.deepEqual(await count('state=NC&lata=426&rateCenter=RALEIGH&npa=919'), demo);
    });

    it('filters by status', async () => {
      assert.equal((await count('status=Inservice')).length, mine().length);
      assert.deepEqual(await count('status=aging'), []);
    });

    it("filters by host: numbers on the caller's SIP peers with that voice, SMS or termination host", async () => {
      const onPeer = [...second.houston, ...second.tier1, ...second.tollFree].sort((a, b) => a - b);
      assert.deepEqual(await count('host=voice.shared.example.com'), onPeer, 'not the other tenant');
      assert.deepEqual(await count('host=sms.second.example.com'), onPeer);
      assert.deepEqual(await count('host=203.0.113.8/30'), onPeer, 'a subnet, by exact match');
      assert.deepEqual(await count('host=203.0.113.8'), [], 'exact match only');
      assert.deepEqual(await count('host=sbc.demo.example.com'), demo);
      assert.deepEqual(await count('host=nowhere.example.com'), []);
      assert.deepEqual(await count(`host=sbc.demo.example.com&accountId=${SECOND}`), []);
      const theirs = await h.get('/api/tns?host=voice.shared.example.com', { auth: OTHER_AUTH });
      assert.deepEqual(
        numbersOf(theirs).map((n) => Number(n.FullNumber)),
        other,
      );
    });

    it('answers bad filters with 400 and the documented codes', async () => {
      for (const [qs, code] of [
        ['npa=abc', '15510'],
        ['npa=119', '15510'],
        ['npaNxx=9192384', '15511'],
        ['npaNxx=919123', '15511'],
        ['npaNxxX=919238', '15512'],
        ['status=Sleeping', '15513'],
        ['rateCenter=NOWHEREVILLE', '15514'],
        ['page=abc', '15516'],
        ['page=919212', '15516'],
        ['size=0', '1006'],
        ['size=5001', '1006'],
        ['size=ten', '1006'],
        ['fullNumber=12345', '12512'],
        ['tier=9', '4016'],
        ['lata=ab', '4008'],
        ['state=ZZ', '4006'],
        ['city=Nowhereville', '4005'],
        ['host=not_a_host', '13509'],
      ] as const) {
        const res = await h.get(`/api/tns?${qs}`);
        assert.equal(res.status, 400, `${qs}: ${res.body}`);
        assert.equal(at(res.xml, 'TelephoneNumbersResponse', 'ResponseStatus', 'ErrorCode'), code, qs);
      }
      const example = await h.get('/api/tns?npaNxx=9192384');
      assert.equal(
        at(example.xml, 'TelephoneNumbersResponse', 'ResponseStatus', 'Description'),
        "The NPA_NXX '9192384' is invalid",
      );
    });
  });
});
