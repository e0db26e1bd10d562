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
import { createUser, grantUser } from '../users/index.js';
import { inventoryBuiltAt } from './inventory.build.js';
import { assignNumbers } from '../assignments/index.js';
import { transitionNumbers } from './inventory.service.js';
import { TnStatus } from '../../shared/tn-status.js';

const SECOND = '9900100';
const OTHER = '9900200';
const OTHER_AUTH = ['other', 'other-secret'] as const;

const address = {
  houseNumber: '1',
  streetName: 'Main',
  city: 'Houston',
  stateCode: 'TX',
  zip: '77002',
  addressType: 'Service',
};

/** A value of a loosely parsed body as a list (one element parses as an object). */
function list<T = Record<string, string>>(value: unknown): T[] {
  if (value === undefined || value === '') return [];
  return (Array.isArray(value) ? value : [value]) as T[];
}

function numbersOf(reply: Reply): Record<string, string>[] {
  return list(at(reply.xml, 'TelephoneNumbersResponse', 'TelephoneNumbers', 'TelephoneNumber'));
}

/** The path (from /v1.0 on) of a `Link=<…>;rel="…";` text. */
function linkPath(text: unknown): string {
  const m = /^Link=<(https?:\/\/[^/]+)(\/v1\.0\/[^>]+)>;rel="(first|next)";$/.exec(String(text));
  assert.ok(m, `a Link text: ${String(text)}`);
  return m[2] as string;
}

describe('/tns and /tns/{tn}', () => {
  let h: Harness;
  /** Numbers per owner, ascending. */
  const demo: number[] = [];
  const second = { houston: [] as number[], tier1: [] as number[], tollFree: [] as number[] };
  const other: number[] = [];
  let available: number;
  let protectedTn: number;
  let secondSiteId: number;
  let secondPeerId: number;

  const db = () => h.app.deps.database.db;
  const pick = async (
    n: number,
    where: { rateCenter?: string; state?: string; tier?: number; from?: number; to?: number },
  ) => {
    let q = db()
      .selectFrom('telephone_numbers as t')
      .leftJoin('rate_centers as rc', 'rc.id', 't.rate_center_id')
      .select('t.tn')
      .where('t.status', '=', TnStatus.available)
      .where('t.protected', '=', 0);
    if (where.rateCenter) q = q.where('rc.abbreviation', '=', where.rateCenter);
    if (where.state) q = q.where('t.state', '=', where.state);
    if (where.tier !== undefined) q = q.where('t.tier', '=', where.tier);
    if (where.from !== undefined) q = q.where('t.tn', '>=', where.from);
    if (where.to !== undefined) q = q.where('t.tn', '<=', where.to);
    return (await q.orderBy('t.tn').limit(n).execute()).map((r) => r.tn);
  };

  before(async () => {
    h = await startHarness({ inventory: 30_000 });
    const deps = h.app.deps;
    demo.push(
      ...(
        await db()
          .selectFrom('telephone_numbers')
          .select('tn')
          .where('account_id', '=', DEMO.accountId)
          .orderBy('tn')
          .execute()
      ).map((r) => r.tn),
    );
    // A second account of the demo user, with hosts of every kind on its SIP peer.
    await createAccount(deps, { id: SECOND, companyName: 'Second Co' });
    await grantUser(deps, DEMO.username, { accounts: [SECOND] });
    const site = await createSite(deps, SECOND, { name: 'Houston', address: address });
    secondSiteId = site.id;
    const peer = await createSipPeer(deps, SECOND, String(site.id), {
      peerName: 'HouPeer',
      isDefaultPeer: true,
      voiceHosts: [{ hostName: 'voice.shared.example.com' }],
      smsHosts: [{ hostName: 'sms.second.example.com' }],
      terminationHosts: [{ hostName: '203.0.113.8/30' }],
    });
    secondPeerId = peer.id;
    second.houston = await pick(10, { rateCenter: 'HOUSTON', state: 'TX' });
    // Tier-1 numbers outside Texas, so that state=TX finds exactly the Houston ones.
    const tx = new Set(await pick(30_000, { state: 'TX' }));
    second.tier1 = (await pick(40, { tier: 1 })).filter((tn) => !tx.has(tn)).slice(0, 5);
    second.tollFree = await pick(3, { from: 8000000000, to: 8009999999 });
    await assignNumbers(deps, {
      tns: [...second.houston, ...second.tier1, ...second.tollFree],
      accountId: SECOND,
    });
    // Another tenant, with the same voice host and numbers next to the demo ones.
    await createAccount(deps, { id: OTHER, companyName: 'Other Tenant' });
    await createUser(deps, { username: OTHER_AUTH[0], password: OTHER_AUTH[1], accounts: [OTHER] });
    const otherSite = await createSite(deps, OTHER, { name: 'Elsewhere', address: address });
    await createSipPeer(deps, OTHER, String(otherSite.id), {
      peerName: 'OtherPeer',
      voiceHosts: [{ hostName: 'voice.shared.example.com' }],
    });
    other.push(...(await pick(8, { rateCenter: 'RALEIGH', state: 'NC' })));
    other.push(...(await pick(4, { rateCenter: 'HOUSTON', state: 'TX' })));
    other.sort((a, b) => a - b);
    await assignNumbers(deps, { tns: other, accountId: OTHER });
    const [free] = await pick(1, { rateCenter: 'DURHAM1' });
    assert.ok(free);
    available = free;
    const prot = await db()
      .selectFrom('telephone_numbers')
      .select('tn')
      .where('status', '=', TnStatus.available)
      .where('protected', '=', 1)
      .where('state', 'is not', null)
      .orderBy('tn')
      .executeTakeFirstOrThrow();
    protectedTn = prot.tn;
  });
  after(() => h.close());

  const mine = () => [...demo, ...second.houston, ...second.tier1, ...second.tollFree].sort((a, b) => a - b);

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

  describe('GET /tns/{tn} and its sub-resources', () => {
    const epoch = async () => {
      const built = (await inventoryBuiltAt(db())) as string;
      const now = h.clock.now().toISOString();
      return built < now ? built : now;
    };

    it('describes an own number: status, the order behind it, site and account', async () => {
      const res = await h.get(`/api/tns/${demo[0]}`);
      assert.equal(res.status, 200, res.body);
      const body = at(res.xml, 'TelephoneNumberResponse') as Record<string, string>;
      assert.deepEqual(Object.keys(body), [
        'TelephoneNumber',
        'Status',
        'LastModifiedDate',
        'OrderCreateDate',
        'OrderId',
        'OrderType',
        'SiteId',
        'AccountId',
      ]);
      assert.equal(body.TelephoneNumber, String(demo[0]));
      assert.equal(body.Status, 'Inservice');
      assert.equal(body.OrderType, 'ADMIN_ASSIGNMENT');
      assert.match(body.OrderId ?? '', /^[0-9a-f-]{36}$/);
      assert.equal(body.SiteId, '1');
      assert.equal(body.AccountId, DEMO.accountId);
      assert.equal(body.LastModifiedDate, '2026-12-01T12:00:00.000Z');
      // +1 and 1 prefixes name the same number.
      assert.equal((await h.get(`/api/tns/1${demo[0]}`)).status, 200);
    });

    it('shows an available number of the public inventory, dated at the inventory build', async () => {
      const res = await h.get(`/v1.0/tns/${available}`);
      assert.equal(res.status, 200, res.body);
      assert.deepEqual(at(res.xml, 'TelephoneNumberResponse'), {
        TelephoneNumber: String(available),
        Status: 'Available',
        LastModifiedDate: await epoch(),
      });
      const details = await h.get(`/api/tns/${available}/tndetails`, { auth: OTHER_AUTH });
      assert.equal(
        at(details.xml, 'TelephoneNumberResponse', 'TelephoneNumberDetails', 'Status'),
        'Available',
      );
      assert.equal(
        at(details.xml, 'TelephoneNumberResponse', 'TelephoneNumberDetails', 'AccountId'),
        undefined,
      );
    });

    it("answers another tenant's number exactly like an unknown one, on every sub-resource", async () => {
      const unknown = 2015550100; // 555: never in the inventory
      for (const sub of [
        '',
        '/tndetails',
        '/sites',
        '/sippeers',
        '/ratecenter',
        '/lata',
        '/lca',
        '/history',
      ]) {
        const theirs = await h.get(`/api/tns/${other[0]}${sub}`);
        const none = await h.get(`/api/tns/${unknown}${sub}`);
        assert.equal(theirs.status, 404, `${sub}: ${theirs.body}`);
        assert.equal(none.status, 404, sub);
        assert.equal(
          theirs.body.replace(String(other[0]), 'N'),
          none.body.replace(String(unknown), 'N'),
          `${sub}: the same answer`,
        );
      }
      const own = await h.get(`/api/tns/${other[0]}`, { auth: OTHER_AUTH });
      assert.equal(own.status, 200);
      assert.equal(at(own.xml, 'TelephoneNumberResponse', 'AccountId'), OTHER);
      const notFound = await h.get(`/api/tns/${other[0]}`);
      assert.equal(at(notFound.xml, 'TelephoneNumberResponse', 'ResponseStatus', 'ErrorCode'), '15506');
    });

    it('refuses an invalid number with 400 12512 (TelephoneNumberResponse/ResponseStatus)', async () => {
      const res = await h.get('/api/tns/123456789/tndetails');
      assert.equal(res.status, 400);
      assert.deepEqual(at(res.xml, 'TelephoneNumberResponse', 'ResponseStatus'), {
        ErrorCode: '12512',
        Description: "Telephone number '123456789' is not valid",
      });
      for (const sub of ['', '/sites', '/sippeers', '/ratecenter', '/lata', '/lca']) {
        const bad = await h.get(`/api/tns/1234${sub}`);
        assert.equal(bad.status, 400, sub);
        assert.equal(errorCode(bad), '12512', sub);
      }
    });

    it('gives the details of a number: place, vendor, site and SIP peer', async () => {
      const res = await h.get(`/api/tns/${second.houston[0]}/tndetails`);
      assert.equal(res.status, 200, res.body);
      const d = at(res.xml, 'TelephoneNumberResponse', 'TelephoneNumberDetails') as Record<string, unknown>;
      assert.deepEqual(Object.keys(d), [
        'City',
        'Lata',
        'State',
        'FullNumber',
        'Tier',
        'VendorId',
        'VendorName',
        'RateCenter',
        'Status',
        'AccountId',
        'Site',
        'SipPeer',
        'LastModified',
      ]);
      assert.equal(d.City, 'HOUSTON');
      assert.equal(d.State, 'TX');
      assert.equal(d.RateCenter, 'HOUSTON');
      assert.equal(d.AccountId, SECOND);
      assert.deepEqual(d.Site, { Id: String(secondSiteId), Name: 'Houston' });
      assert.deepEqual(d.SipPeer, { PeerId: String(secondPeerId), PeerName: 'HouPeer' });
      const tier1 = await h.get(`/api/tns/${second.tier1[0]}/tndetails`);
      const t1 = at(tier1.xml, 'TelephoneNumberResponse', 'TelephoneNumberDetails') as Record<string, string>;
      assert.equal(t1.Tier, '1');
      assert.equal(t1.VendorId, '62');
      assert.equal(t1.VendorName, 'Level 3 Communications');
    });

    it('marks a protected number with TnAttributes/TnAttribute Protected', async () => {
      const res = await h.get(`/api/tns/${protectedTn}/tndetails`);
      assert.equal(
        at(res.xml, 'TelephoneNumberResponse', 'TelephoneNumberDetails', 'TnAttributes', 'TnAttribute'),
        'Protected',
      );
      const plain = await h.get(`/api/tns/${available}/tndetails`);
      assert.doesNotMatch(plain.body, /TnAttributes/);
    });

    it('answers the site and SIP peer of a number as bare Site{Id, Name} and SipPeer{Id, Name}', async () => {
      const site = await h.get(`/api/tns/${demo[0]}/sites`);
      assert.equal(site.status, 200);
      assert.deepEqual(site.xml, { Site: { Id: '1', Name: 'Raleigh' } });
      const peer = await h.get(`/api/tns/${demo[0]}/sippeers`);
      assert.deepEqual(peer.xml, { SipPeer: { Id: '500000', Name: 'DemoPeer' } });
      for (const sub of ['sites', 'sippeers']) {
        const none = await h.get(`/api/tns/${available}/${sub}`);
        assert.equal(none.status, 404, `an available number is on no ${sub}`);
        assert.equal(at(none.xml, 'TelephoneNumberResponse', 'ResponseStatus', 'ErrorCode'), '5074');
      }
    });

    it('answers the rate centre and LATA of a number (nothing for a toll-free number)', async () => {
      const rc = await h.get(`/api/tns/${demo[0]}/ratecenter`);
      assert.deepEqual(rc.xml, {
        TelephoneNumberResponse: { TelephoneNumberDetails: { State: 'NC', RateCenter: 'RALEIGH' } },
      });
      const lata = await h.get(`/api/tns/${available}/lata`);
      assert.deepEqual(lata.xml, { TelephoneNumberResponse: { TelephoneNumberDetails: { Lata: '426' } } });
      const tollFree = await h.get(`/api/tns/${second.tollFree[0]}/ratecenter`);
      assert.equal(tollFree.status, 200);
      assert.deepEqual(tollFree.xml, { TelephoneNumberResponse: { TelephoneNumberDetails: '' } });
    });

    it("answers the local calling area: the inventory's NPA-NXXs and the rate centres by state", async () => {
      const res = await h.get(`/api/tns/${demo[0]}/lca`);
      assert.equal(res.status, 200, res.body);
      const npaNxxs = list<string>(at(res.xml, 'SearchResult', 'ListofNPANXX', 'NPANXX'));
      assert.ok(npaNxxs.includes(String(Math.floor((demo[0] as number) / 1e4))), 'its own NPA-NXX');
      assert.deepEqual([...npaNxxs].sort(), npaNxxs, 'ascending');
      assert.equal(new Set(npaNxxs).size, npaNxxs.length);
      const groups = list<{ State: string; RCs: { RC: string | string[] } }>(
        at(res.xml, 'SearchResult', 'Location', 'RateCenters'),
      );
      assert.equal(groups[0]?.State, 'NC', "the number's own state first");
      const rcs = list<string>(groups[0]?.RCs.RC);
      assert.ok(rcs.includes('RALEIGH'));
      assert.deepEqual([...rcs].sort(), rcs);
      // Exactly the rate centre and its local ones, with their blocks.
      const cov = h.app.deps.coverage;
      const raleigh = cov.rateCenterByName('NC', 'RALEIGH');
      assert.ok(raleigh);
      const area = [raleigh.id, ...cov.localRateCenters(raleigh.id)];
      const blocks = await db()
        .selectFrom('number_blocks')
        .select('npa_nxx_x')
        .where('rate_center_id', 'in', area)
        .execute();
      assert.deepEqual(
        npaNxxs,
        [...new Set(blocks.map((b) => Math.floor(b.npa_nxx_x / 10)))].sort((a, b) => a - b).map(String),
      );
      const allRcs = groups.flatMap((g) => list<string>(g.RCs.RC));
      assert.equal(allRcs.length, new Set(area).size);
      const tollFree = await h.get(`/api/tns/${second.tollFree[0]}/lca`);
      assert.equal(tollFree.status, 200);
      assert.deepEqual(tollFree.xml, { SearchResult: { ListofNPANXX: '' } });
      const invisible = await h.get(`/api/tns/${other[0]}/lca`);
      assert.equal(at(invisible.xml, 'SearchResult', 'Error', 'Code'), '15506');
    });

    it('gives the history of a number oldest first, starting Available at the inventory build', async () => {
      const fresh = await h.get(`/api/tns/${available}/history`);
      assert.equal(fresh.status, 200, fresh.body);
      assert.deepEqual(fresh.xml, {
        TelephoneNumberResponse: {
          TelephoneNumberStatuses: {
            TelephoneNumberStatus: { LastModifiedDate: await epoch(), Status: 'Available' },
          },
          TelephoneNumber: String(available),
        },
      });
      const used = await h.get(`/api/tns/${demo[0]}/history`);
      const entries = list(
        at(used.xml, 'TelephoneNumberResponse', 'TelephoneNumberStatuses', 'TelephoneNumberStatus'),
      );
      assert.equal(entries.length, 2);
      assert.equal(entries[0]?.Status, 'Available');
      assert.ok((entries[0]?.LastModifiedDate ?? '') <= (entries[1]?.LastModifiedDate ?? ''));
      assert.deepEqual(Object.keys(entries[1] ?? {}), [
        'AccountId',
        'LastModifiedDate',
        'OrderCreateDate',
        'OrderId',
        'Status',
        'UserId',
        'OrderType',
      ]);
      assert.equal(entries[1]?.AccountId, DEMO.accountId);
      assert.equal(entries[1]?.Status, 'Inservice');
      assert.equal(entries[1]?.UserId, 'demo');
      assert.equal(entries[1]?.OrderType, 'ADMIN_ASSIGNMENT');
      assert.match(
        used.body,
        /<\/TelephoneNumberStatuses><TelephoneNumber>\d{10}<\/TelephoneNumber><\/TelephoneNumberResponse>$/,
      );
    });

    it('answers history 404 in ErrorResponse/irisStatus when invisible, 400 without a body when invalid', async () => {
      const res = await h.get(`/api/tns/${other[0]}/history`);
      assert.equal(res.status, 404);
      assert.deepEqual(res.xml, {
        ErrorResponse: { irisStatus: { Code: '404', Description: 'Results were not found.' } },
      });
      const bad = await h.get('/api/tns/12345/history');
      assert.equal(bad.status, 400);
      assert.equal(bad.body, '');
    });

    it("keeps a former tenant's part of a number's history to its status and dates", async () => {
      const deps = h.app.deps;
      const [tn] = await pick(1, { rateCenter: 'CHAPELHILL' });
      assert.ok(tn);
      await assignNumbers(deps, { tns: [tn], accountId: OTHER, userId: 'other' });
      h.clock.advance(86_400_000);
      await transitionNumbers(db(), h.clock, [tn], {
        to: TnStatus.aging,
        guard: { statuses: [TnStatus.inService], accountId: OTHER },
        order: { id: 'disc-1', type: 'DISCONNECT', createdAt: h.clock.now().toISOString() },
        userId: 'other',
      });
      assert.equal((await h.get(`/api/tns/${tn}`)).status, 404, 'still theirs while aging');
      h.clock.advance(86_400_000);
      await transitionNumbers(db(), h.clock, [tn], {
        to: TnStatus.available,
        accountId: null,
        siteId: null,
        sipPeerId: null,
        guard: { statuses: [TnStatus.aging] },
      });
      const res = await h.get(`/api/tns/${tn}/history`);
      assert.equal(res.status, 200, res.body);
      const entries = list(
        at(res.xml, 'TelephoneNumberResponse', 'TelephoneNumberStatuses', 'TelephoneNumberStatus'),
      );
      assert.deepEqual(
        entries.map((e) => e.Status),
        ['Available', 'Inservice', 'Aging', 'Available'],
      );
      for (const e of entries) assert.deepEqual(Object.keys(e), ['LastModifiedDate', 'Status']);
      assert.doesNotMatch(res.body, new RegExp(`${OTHER}|disc-1|other`));
      const dates = entries.map((e) => e.LastModifiedDate ?? '');
      assert.deepEqual([...dates].sort(), dates, 'oldest first');
      // Now public again, and the demo tenant can take it: its own entry shows in full.
      await assignNumbers(deps, { tns: [tn], accountId: DEMO.accountId, userId: 'demo' });
      const mineNow = await h.get(`/api/tns/${tn}/history`);
      const last = list(
        at(mineNow.xml, 'TelephoneNumberResponse', 'TelephoneNumberStatuses', 'TelephoneNumberStatus'),
      ).at(-1);
      assert.equal(last?.AccountId, DEMO.accountId);
      assert.equal(last?.Status, 'Inservice');
      // And the former tenant no longer sees it.
      assert.equal((await h.get(`/api/tns/${tn}/history`, { auth: OTHER_AUTH })).status, 404);
    });
  });
});
