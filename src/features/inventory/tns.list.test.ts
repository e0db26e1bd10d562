import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, DEMO, errorCode, type Harness } from '../../../test/support/harness.js';
import { createUser } from '../users/index.js';
import {
  linkPath,
  numbersOf,
  OTHER,
  OTHER_AUTH,
  SECOND,
  startTnsWorld,
  tnsHelpers,
  type TnsWorld,
} from './tns.fixtures.js';

describe('/tns and /tns/{tn}: listing, tenants and paging', () => {
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

  /** Every page of a /tns search, following the next links. */
  async function allPages(path: string, auth?: readonly [string, string]): Promise<string[]> {
    const seen: string[] = [];
    let next: string | undefined = path;
    for (let guard = 0; next && guard < 100; guard++) {
      const res = await h.get(next, auth ? { auth } : {});
      assert.equal(res.status, 200, res.body);
      seen.push(...numbersOf(res).map((n) => n.FullNumber as string));
      const link = at(res.xml, 'TelephoneNumbersResponse', 'Links', 'next');
      next = link === undefined ? undefined : linkPath(link);
    }
    return seen;
  }

  describe('GET /tns', () => {
    it("lists the numbers of every account of the caller and nothing else, with each number's details", async () => {
      const res = await h.get('/api/tns');
      assert.equal(res.status, 200, res.body);
      const expected = mine();
      assert.equal(at(res.xml, 'TelephoneNumbersResponse', 'TelephoneNumberCount'), String(expected.length));
      const got = numbersOf(res);
      assert.deepEqual(
        got.map((n) => Number(n.FullNumber)),
        expected,
      );
      const raleigh = got.find((n) => n.FullNumber === String(demo[0]));
      assert.deepEqual(raleigh, {
        City: 'RALEIGH',
        Lata: '426',
        State: 'NC',
        FullNumber: String(demo[0]),
        Tier: '0',
        VendorId: '49',
        VendorName: 'Bandwidth CLEC',
        RateCenter: 'RALEIGH',
        Status: 'Inservice',
        AccountId: DEMO.accountId,
        LastModified: '2026-12-01T12:00:00.000Z',
      });
      // Child order as documented.
      assert.match(
        res.body,
        /<TelephoneNumber><City>RALEIGH<\/City><Lata>426<\/Lata><State>NC<\/State><FullNumber>\d{10}<\/FullNumber><Tier>0<\/Tier><VendorId>49<\/VendorId><VendorName>Bandwidth CLEC<\/VendorName><RateCenter>RALEIGH<\/RateCenter><Status>Inservice<\/Status><AccountId>9900000<\/AccountId><LastModified>/,
      );
      const tollFree = got.find((n) => n.FullNumber === String(second.tollFree[0]));
      assert.equal(tollFree?.City, undefined, 'toll-free numbers have no place');
      assert.equal(tollFree?.AccountId, SECOND);
      for (const n of got) assert.ok(!other.includes(Number(n.FullNumber)), 'no other tenant number');
    });

    it('shows another tenant only its own numbers', async () => {
      const res = await h.get('/api/tns', { auth: OTHER_AUTH });
      assert.deepEqual(
        numbersOf(res).map((n) => Number(n.FullNumber)),
        other,
      );
      assert.ok(numbersOf(res).every((n) => n.AccountId === OTHER));
    });

    it('narrows to one account with accountId, and refuses an account the caller cannot see (403 1001)', async () => {
      const own = await h.get(`/api/tns?accountId=${SECOND}`);
      assert.equal(at(own.xml, 'TelephoneNumbersResponse', 'TelephoneNumberCount'), '18');
      assert.ok(numbersOf(own).every((n) => n.AccountId === SECOND));
      for (const id of [OTHER, '1234567']) {
        const res = await h.get(`/api/tns?accountId=${id}`);
        assert.equal(res.status, 403);
        assert.equal(at(res.xml, 'TelephoneNumbersResponse', 'ResponseStatus', 'ErrorCode'), '1001');
      }
    });

    it('pages by the number that starts each page: following next visits every number once, in order', async () => {
      const all = await allPages('/v1.0/tns?size=7');
      assert.deepEqual(all.map(Number), mine());
      const first = await h.get('/api/tns?size=7&npa=919');
      assert.equal(
        linkPath(at(first.xml, 'TelephoneNumbersResponse', 'Links', 'first')),
        '/v1.0/tns?npa=919&page=1&size=7',
      );
      const nextPath = linkPath(at(first.xml, 'TelephoneNumbersResponse', 'Links', 'next'));
      assert.equal(nextPath, `/v1.0/tns?npa=919&page=${demo[7]}&size=7`, 'links keep the filters');
      assert.equal(
        at(first.xml, 'TelephoneNumbersResponse', 'TelephoneNumberCount'),
        '25',
        'the total, not the page',
      );
      const byNumber = await h.get(`/api/tns?size=3&page=${demo[4]}`);
      assert.deepEqual(
        numbersOf(byNumber).map((n) => Number(n.FullNumber)),
        demo.slice(4, 7),
      );
      const last = await h.get(`/api/tns?size=500&page=${demo[20]}&npa=919`);
      assert.equal(numbersOf(last).length, 5);
      assert.equal(
        at(last.xml, 'TelephoneNumbersResponse', 'Links', 'next'),
        undefined,
        'no next on the last page',
      );
      // Default size: 500.
      assert.match(String(at(last.xml, 'TelephoneNumbersResponse', 'Links', 'first')), /size=500/);
    });

    it('follows the pages of a tenant with more numbers than a page, across two accounts', async () => {
      const all = await allPages('/api/tns?size=4&state=TX&page=1');
      assert.deepEqual(all.map(Number), second.houston);
      const mixed = await allPages('/api/tns?size=5');
      assert.equal(new Set(mixed).size, mixed.length, 'each number once');
      assert.equal(mixed.length, mine().length);
    });

    it('answers an empty list with a zero count', async () => {
      const res = await h.get('/api/tns?npaNxx=919555'); // 555: never in the inventory
      assert.equal(res.status, 200);
      assert.equal(at(res.xml, 'TelephoneNumbersResponse', 'TelephoneNumberCount'), '0');
      assert.match(res.body, /<TelephoneNumbers\/>/);
    });

    it('needs the search role', async () => {
      await createUser(h.app.deps, {
        username: 'norole',
        password: 'norole-pass',
        accounts: [DEMO.accountId],
        roles: [{ role: 'ROLE_API_SITE', permissions: ['VIEW'] }],
      });
      const res = await h.get('/api/tns', { auth: ['norole', 'norole-pass'] });
      assert.equal(res.status, 403);
      assert.equal(errorCode(res), '1001');
      assert.equal((await h.get(`/api/tns/${demo[0]}`, { auth: ['norole', 'norole-pass'] })).status, 403);
    });
  });
});
