import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  at,
  DEMO,
  errorCode,
  startHarness,
  type Harness,
  type Reply,
} from '../../../test/support/harness.js';
import { createAccount } from '../accounts/index.js';
import { createSipPeer } from '../sip-peers/index.js';
import { createSite } from '../sites/index.js';
import { createUser } from '../users/index.js';
import { assignNumbers } from '../assignments/index.js';
import { transitionNumbers } from './inventory.service.js';
import { TnStatus } from '../../shared/tn-status.js';

const ACCOUNT = `/api/accounts/${DEMO.accountId}`;
const OTHER = '9900200';
const OTHER_AUTH = ['other', 'other-secret'] as const;
const DAY = 86_400_000;

const address = {
  houseNumber: '1',
  streetName: 'Main',
  city: 'Durham',
  stateCode: 'NC',
  zip: '27701',
  addressType: 'Service',
};

function numbersOf(reply: Reply): number[] {
  const value = at(reply.xml, 'TNs', 'TelephoneNumbers', 'TelephoneNumber');
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(Number);
}

function linkPath(text: unknown): string {
  const m = /^Link=<https?:\/\/[^/]+(\/v1\.0\/[^>]+)>;rel="(first|next)";$/.exec(String(text));
  assert.ok(m, `a Link text: ${String(text)}`);
  return m[1] as string;
}

describe('in-service and disconnected number lists', () => {
  let h: Harness;
  const seeded: number[] = [];
  const durham: number[] = [];
  const houston: number[] = [];
  const bulk: number[] = [];
  const other: number[] = [];
  let site2: number;
  let emptySite: number;
  let otherSite: number;

  const db = () => h.app.deps.database.db;
  const sorted = (tns: readonly number[]) => [...tns].sort((a, b) => a - b);
  const pick = async (n: number, rateCenter: string | undefined, exclude: readonly number[] = []) => {
    let q = db()
      .selectFrom('telephone_numbers as t')
      .leftJoin('rate_centers as rc', 'rc.id', 't.rate_center_id')
      .select('t.tn')
      .where('t.status', '=', TnStatus.available)
      .where('t.protected', '=', 0);
    q = rateCenter ? q.where('rc.abbreviation', '=', rateCenter) : q.where('t.state', '=', 'NC');
    if (exclude.length) q = q.where('t.tn', 'not in', [...exclude]);
    return (await q.orderBy('t.tn').limit(n).execute()).map((r) => r.tn);
  };
  /** The numbers of the demo account in service now, optionally of one site. */
  const inServiceNow = async (siteId?: number) => {
    let q = db()
      .selectFrom('telephone_numbers')
      .select('tn')
      .where('account_id', '=', DEMO.accountId)
      .where('status', '=', TnStatus.inService);
    if (siteId !== undefined) q = q.where('site_id', '=', siteId);
    return (await q.orderBy('tn').execute()).map((r) => r.tn);
  };

  before(async () => {
    h = await startHarness({ inventory: 30_000 });
    const deps = h.app.deps;
    // 2026-12-01: the demo seed's 25 Raleigh numbers on site 1.
    seeded.push(...(await inServiceNow()));
    // 2026-12-04: a second site in Durham, with Durham and Houston numbers.
    h.clock.advance(3 * DAY);
    const site = await createSite(deps, DEMO.accountId, { name: 'Durham', address: address });
    site2 = site.id;
    await createSipPeer(deps, DEMO.accountId, String(site2), { peerName: 'DurPeer' });
    durham.push(...(await pick(30, 'DURHAM1')));
    houston.push(...(await pick(5, 'HOUSTON')));
    await assignNumbers(deps, { tns: [...durham, ...houston], accountId: DEMO.accountId, siteId: site2 });
    emptySite = (await createSite(deps, DEMO.accountId, { name: 'Empty', address: address })).id;
    // 2026-12-07: 300 more North Carolina numbers on site 1.
    h.clock.advance(3 * DAY);
    bulk.push(...(await pick(300, undefined)));
    await assignNumbers(deps, { tns: bulk, accountId: DEMO.accountId, siteId: 1 });
    // Another tenant with Raleigh numbers of its own.
    await createAccount(deps, { id: OTHER, companyName: 'Other Tenant' });
    await createUser(deps, { username: OTHER_AUTH[0], password: OTHER_AUTH[1], accounts: [OTHER] });
    otherSite = (await createSite(deps, OTHER, { name: 'Theirs', address: address })).id;
    await createSipPeer(deps, OTHER, String(otherSite), { peerName: 'TheirPeer' });
    other.push(...(await pick(10, 'RALEIGH')));
    await assignNumbers(deps, { tns: other, accountId: OTHER });
  });
  after(() => h.close());

  const all = () => sorted([...seeded, ...durham, ...houston, ...bulk]);

  async function followAll(path: string): Promise<number[]> {
    const seen: number[] = [];
    let next: string | undefined = path;
    for (let guard = 0; next && guard < 200; guard++) {
      const res = await h.get(next);
      assert.equal(res.status, 200, `${next}: ${res.body}`);
      const page = numbersOf(res);
      assert.equal(at(res.xml, 'TNs', 'TelephoneNumbers', 'Count'), String(page.length));
      seen.push(...page);
      const link = at(res.xml, 'TNs', 'Links', 'next');
      next = link === undefined ? undefined : linkPath(link);
    }
    return seen;
  }

  describe('GET /accounts/{id}/inserviceNumbers', () => {
    it('lists the in-service numbers in pages of 300 by default, with the total and paging links', async () => {
      const res = await h.get(`${ACCOUNT}/inserviceNumbers`);
      assert.equal(res.status, 200, res.body);
      const expected = all();
      assert.equal(expected.length, 360);
      assert.equal(at(res.xml, 'TNs', 'TotalCount'), '360');
      assert.equal(at(res.xml, 'TNs', 'TelephoneNumbers', 'Count'), '300');
      assert.deepEqual(numbersOf(res), expected.slice(0, 300));
      assert.equal(
        linkPath(at(res.xml, 'TNs', 'Links', 'first')),
        `/v1.0/accounts/${DEMO.accountId}/inserviceNumbers?page=1&size=300`,
      );
      assert.equal(
        linkPath(at(res.xml, 'TNs', 'Links', 'next')),
        `/v1.0/accounts/${DEMO.accountId}/inserviceNumbers?page=${expected[300]}&size=300`,
      );
      assert.match(
        res.body,
        /^<\?xml[^>]*\?><TNs><TotalCount>360<\/TotalCount><Links><first>[^<]*<\/first><next>[^<]*<\/next><\/Links><TelephoneNumbers><Count>300<\/Count><TelephoneNumber>\d{10}<\/TelephoneNumber>/,
      );
    });

    it('visits every number exactly once when following the next links', async () => {
      assert.deepEqual(await followAll(`${ACCOUNT}/inserviceNumbers?size=47`), all());
      assert.deepEqual(
        await followAll(`${ACCOUNT}/inserviceNumbers?size=10&areacode=919&state=NC`),
        sorted(all().filter((tn) => Math.floor(tn / 1e7) === 919)),
      );
      const start = all()[100] as number;
      const from = await h.get(`${ACCOUNT}/inserviceNumbers?page=${start}&size=5`);
      assert.deepEqual(numbersOf(from), all().slice(100, 105));
    });

    it('filters by areacode, npanxx, lata, state and ratecenter with state', async () => {
      const list = async (qs: string) => {
        const res = await h.get(`${ACCOUNT}/inserviceNumbers?size=5000&${qs}`);
        assert.ok(res.status === 200 || res.status === 204, `${qs}: ${res.status} ${res.body}`);
        return numbersOf(res);
      };
      assert.deepEqual(
        await list('areacode=919'),
        all().filter((tn) => Math.floor(tn / 1e7) === 919),
      );
      const npanxx = Math.floor((durham[0] as number) / 1e4);
      assert.deepEqual(
        await list(`npanxx=${npanxx}`),
        all().filter((tn) => Math.floor(tn / 1e4) === npanxx),
      );
      assert.deepEqual(await list('state=TX'), houston);
      assert.deepEqual(await list('ratecenter=DURHAM1&state=NC'), durham);
      assert.deepEqual(await list('ratecenter=durham1&state=nc'), durham, 'any case');
      const lata = await list('lata=426');
      assert.ok(lata.length >= seeded.length + durham.length);
      assert.ok(lata.every((tn) => !houston.includes(tn)));
      const raleigh = await db()
        .selectFrom('telephone_numbers as t')
        .innerJoin('rate_centers as rc', 'rc.id', 't.rate_center_id')
        .select('t.tn')
        .where('t.account_id', '=', DEMO.accountId)
        .where('rc.abbreviation', '=', 'RALEIGH')
        .orderBy('t.tn')
        .execute();
      assert.deepEqual(
        await list('ratecenter=RALEIGH&state=NC'),
        raleigh.map((r) => r.tn),
      );
      for (const tn of await list('state=NC')) assert.ok(!other.includes(tn), 'no other tenant number');
    });

    it('filters on the date the number went in service, yyyy-MM-dd or yy-MM-dd, end day included', async () => {
      const list = async (qs: string) => {
        const res = await h.get(`${ACCOUNT}/inserviceNumbers?size=5000&${qs}`);
        return { status: res.status, tns: numbersOf(res) };
      };
      assert.deepEqual((await list('startdate=2026-12-01&enddate=2026-12-01')).tns, seeded);
      assert.deepEqual(
        (await list('startdate=26-12-04&enddate=26-12-05')).tns,
        sorted([...durham, ...houston]),
      );
      assert.deepEqual((await list('startdate=2026-12-01&enddate=2026-12-07')).tns, all());
      assert.deepEqual(
        (await list('startdate=2026-12-02&enddate=2026-12-07&state=TX')).tns,
        houston,
        'with other filters',
      );
      assert.equal((await list('startdate=2026-12-02&enddate=2026-12-03')).status, 204);
    });

    it('answers 204 without a body when nothing matches', async () => {
      for (const qs of ['areacode=212', 'state=AK', 'ratecenter=HOUSTON&state=NC', 'lata=99999']) {
        const res = await h.get(`${ACCOUNT}/inserviceNumbers?${qs}`);
        assert.equal(res.status, 204, qs);
        assert.equal(res.body, '');
      }
      const past = await h.get(`${ACCOUNT}/inserviceNumbers?page=9999999999`);
      assert.equal(past.status, 204, 'a page after the last number');
    });

    it('answers 404 without a body for invalid filters and combinations', async () => {
      for (const qs of [
        'ratecenter=RALEIGH',
        'startdate=2026-12-01',
        'enddate=2026-12-01',
        'startdate=2026-12-05&enddate=2026-12-01',
        'startdate=2026-13-01&enddate=2026-12-31',
        'startdate=2026-02-30&enddate=2026-03-01',
        'startdate=yesterday&enddate=today',
        'areacode=12',
        'areacode=abc',
        'npanxx=91921',
        'lata=x',
        'state=ZZ',
        'ratecenter=NOWHERE&state=NC',
        'page=abc',
        'size=0',
        'size=100000',
      ]) {
        const res = await h.get(`${ACCOUNT}/inserviceNumbers?${qs}`);
        assert.equal(res.status, 404, `${qs}: ${res.body}`);
        assert.equal(res.body, '', qs);
      }
    });

    it('counts the in-service numbers (totals)', async () => {
      const res = await h.get(`${ACCOUNT}/inserviceNumbers/totals`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.xml, { Quantity: { Count: '360' } });
      const theirs = await h.get(`/api/accounts/${OTHER}/inserviceNumbers/totals`, { auth: OTHER_AUTH });
      assert.deepEqual(theirs.xml, { Quantity: { Count: '10' } });
    });

    it('verifies one number: 200 without a body if in service on the account, else 404 without a body', async () => {
      const yes = await h.get(`${ACCOUNT}/inserviceNumbers/${seeded[0]}`);
      assert.equal(yes.status, 200);
      assert.equal(yes.body, '');
      const [free] = await pick(1, 'CHARLOTTE');
      for (const tn of [String(free), String(other[0]), 'abc', '12345', '2015550100']) {
        const no = await h.get(`${ACCOUNT}/inserviceNumbers/${tn}`);
        assert.equal(no.status, 404, tn);
        assert.equal(no.body, '', tn);
      }
      const theirs = await h.get(`/api/accounts/${OTHER}/inserviceNumbers/${other[0]}`, { auth: OTHER_AUTH });
      assert.equal(theirs.status, 200);
    });

    it("refuses another tenant's account with 403 1001", async () => {
      for (const path of ['inserviceNumbers', 'inserviceNumbers/totals', `inserviceNumbers/${other[0]}`]) {
        const res = await h.get(`/api/accounts/${OTHER}/${path}`);
        assert.equal(res.status, 403, path);
        assert.equal(errorCode(res), '1001');
      }
    });
  });

  describe('GET /accounts/{id}/sites/{siteId}/inserviceNumbers', () => {
    const SITE = (id: number | string) => `${ACCOUNT}/sites/${id}/inserviceNumbers`;

    it("lists one site's numbers, paging like the account list", async () => {
      const one = await inServiceNow(1);
      const res = await h.get(SITE(1));
      assert.equal(res.status, 200, res.body);
      assert.equal(at(res.xml, 'TNs', 'TotalCount'), String(one.length));
      assert.equal(numbersOf(res).length, 300);
      assert.deepEqual(await followAll(`${SITE(1)}?size=40`), one);
      assert.deepEqual(await followAll(SITE(site2)), sorted([...durham, ...houston]));
    });

    it('filters with the camelCase names: areaCode, npaNxx, npaNxxx, rateCenter, city, state, lata, tier', async () => {
      const list = async (qs: string) => {
        const res = await h.get(`${SITE(site2)}?${qs}`);
        assert.ok(res.status === 200 || res.status === 204, `${qs}: ${res.status} ${res.body}`);
        return numbersOf(res);
      };
      const d0 = durham[0] as number;
      const npaNxx = Math.floor(d0 / 1e4);
      const npaNxxx = Math.floor(d0 / 1e3);
      assert.deepEqual(
        await list('areaCode=919'),
        durham.filter((tn) => Math.floor(tn / 1e7) === 919),
      );
      assert.deepEqual(
        await list(`npaNxx=${npaNxx}`),
        durham.filter((tn) => Math.floor(tn / 1e4) === npaNxx),
      );
      assert.deepEqual(
        await list(`npaNxxx=${npaNxxx}`),
        durham.filter((tn) => Math.floor(tn / 1e3) === npaNxxx),
      );
      assert.deepEqual(await list('rateCenter=DURHAM1'), durham, 'a rate centre alone spans states');
      assert.deepEqual(await list('rateCenter=HOUSTON&state=TX'), houston);
      assert.deepEqual(await list('state=TX'), houston);
      assert.deepEqual(await list('city=Houston&state=TX'), houston);
      assert.deepEqual(await list('lata=426&tier=0'), durham);
      assert.deepEqual(await list('tier=1'), []);
      assert.deepEqual(
        await list('startdate=2026-12-04&enddate=2026-12-04'),
        sorted([...durham, ...houston]),
      );
      assert.deepEqual(await list('startdate=2026-12-01&enddate=2026-12-03'), []);
      const res = await h.get(`${SITE(site2)}?rateCenter=DURHAM1&size=10`);
      assert.equal(
        linkPath(at(res.xml, 'TNs', 'Links', 'next')),
        `/v1.0/accounts/${DEMO.accountId}/sites/${site2}/inserviceNumbers?rateCenter=DURHAM1&page=${durham[10]}&size=10`,
      );
    });

    it('answers 204 for a site with no numbers and 404 without a body for invalid filters', async () => {
      const empty = await h.get(SITE(emptySite));
      assert.equal(empty.status, 204);
      for (const qs of [
        'tier=7',
        'npaNxxx=91912',
        'city=Nowhereville',
        'startdate=2026-12-01',
        'page=1234',
      ]) {
        const res = await h.get(`${SITE(site2)}?${qs}`);
        assert.equal(res.status, 404, qs);
        assert.equal(res.body, '');
      }
    });

    it("answers 404 12016 for an unknown site, or another tenant's", async () => {
      for (const id of [999, otherSite]) {
        const res = await h.get(SITE(id));
        assert.equal(res.status, 404, String(id));
        assert.equal(errorCode(res), '12016');
      }
      assert.equal((await h.get(`/api/accounts/${OTHER}/sites/${otherSite}/inserviceNumbers`)).status, 403);
    });
  });

  describe('GET /accounts/{id}/discnumbers', () => {
    const disconnected: number[] = [];

    before(async () => {
      const deps = h.app.deps;
      const disconnect = async (accountId: string, tns: number[]) => {
        const { changed } = await transitionNumbers(deps.database.db, deps.clock, tns, {
          to: TnStatus.aging,
          guard: { statuses: [TnStatus.inService], accountId },
          userId: 'demo',
        });
        assert.equal(changed.length, tns.length);
      };
      // 2026-12-10: four numbers; 2026-12-12: three more; the other tenant disconnects two.
      h.clock.set(Date.parse('2026-12-10T09:00:00.000Z'));
      await disconnect(DEMO.accountId, bulk.slice(0, 4));
      h.clock.set(Date.parse('2026-12-12T23:59:59.000Z'));
      await disconnect(DEMO.accountId, [...bulk.slice(100, 102), durham[0] as number]);
      await disconnect(OTHER, other.slice(0, 2));
      disconnected.push(...sorted([...bulk.slice(0, 4), ...bulk.slice(100, 102), durham[0] as number]));
    });

    it('lists the numbers disconnected from the account, with the total and paging links', async () => {
      const res = await h.get(`${ACCOUNT}/discnumbers`);
      assert.equal(res.status, 200, res.body);
      assert.equal(at(res.xml, 'TNs', 'TotalCount'), '7');
      assert.deepEqual(numbersOf(res), disconnected);
      assert.equal(
        linkPath(at(res.xml, 'TNs', 'Links', 'first')),
        `/v1.0/accounts/${DEMO.accountId}/discnumbers?page=1&size=300`,
      );
      assert.equal(at(res.xml, 'TNs', 'Links', 'next'), undefined);
      assert.deepEqual(await followAll(`${ACCOUNT}/discnumbers?size=2`), disconnected);
      const theirs = await h.get(`/api/accounts/${OTHER}/discnumbers`, { auth: OTHER_AUTH });
      assert.deepEqual(numbersOf(theirs), sorted(other.slice(0, 2)));
    });

    it('no longer lists them in service, and /tns shows them Aging', async () => {
      const totals = await h.get(`${ACCOUNT}/inserviceNumbers/totals`);
      assert.deepEqual(totals.xml, { Quantity: { Count: '353' } });
      assert.equal((await h.get(`${ACCOUNT}/inserviceNumbers/${disconnected[0]}`)).status, 404);
      const tn = await h.get(`/api/tns/${disconnected[0]}`);
      assert.equal(at(tn.xml, 'TelephoneNumberResponse', 'Status'), 'Aging');
    });

    it('filters on the disconnect date, yyyy-MM-dd or yy-MM-dd, and pages within it', async () => {
      const list = async (qs: string) => numbersOf(await h.get(`${ACCOUNT}/discnumbers?${qs}`));
      assert.deepEqual(await list('startdate=2026-12-10&enddate=2026-12-11'), sorted(bulk.slice(0, 4)));
      assert.deepEqual(
        await list('startdate=26-12-12&enddate=26-12-12'),
        sorted([...bulk.slice(100, 102), durham[0] as number]),
        'the end day is included',
      );
      assert.deepEqual(await list('startdate=2026-12-01&enddate=2026-12-09'), []);
      assert.deepEqual(
        await followAll(`${ACCOUNT}/discnumbers?startdate=2026-12-01&enddate=2026-12-31&size=3`),
        disconnected,
      );
      const empty = await h.get(`${ACCOUNT}/discnumbers?startdate=2026-11-01&enddate=2026-11-30`);
      assert.equal(empty.status, 200);
      assert.equal(at(empty.xml, 'TNs', 'TotalCount'), '0');
      assert.equal(at(empty.xml, 'TNs', 'TelephoneNumbers', 'Count'), '0');
    });

    it('counts them (totals), in a date range too', async () => {
      assert.deepEqual((await h.get(`${ACCOUNT}/discnumbers/totals`)).xml, { Quantity: { Count: '7' } });
      assert.deepEqual(
        (await h.get(`${ACCOUNT}/discnumbers/totals?startdate=2026-12-10&enddate=2026-12-10`)).xml,
        { Quantity: { Count: '4' } },
      );
    });

    it('answers bad dates and pages with 400 in ErrorResponse/irisStatus', async () => {
      for (const [qs, code] of [
        ['startdate=2026-12-01', '15508'],
        ['startdate=2026-12-05&enddate=2026-12-01', '15501'],
        ['startdate=12/01/2026&enddate=2026-12-31', '1007'],
        ['page=abc', '15516'],
        ['size=-1', '1006'],
      ] as const) {
        const res = await h.get(`${ACCOUNT}/discnumbers?${qs}`);
        assert.equal(res.status, 400, qs);
        assert.equal(at(res.xml, 'ErrorResponse', 'irisStatus', 'Code'), code, qs);
      }
      const totals = await h.get(`${ACCOUNT}/discnumbers/totals?enddate=2026-12-01`);
      assert.equal(totals.status, 400);
      assert.equal(errorCode(totals), '15508');
    });

    it("refuses another tenant's account with 403 1001", async () => {
      for (const path of ['discnumbers', 'discnumbers/totals']) {
        const res = await h.get(`/api/accounts/${OTHER}/${path}`);
        assert.equal(res.status, 403, path);
        assert.equal(errorCode(res), '1001');
      }
    });
  });
});
