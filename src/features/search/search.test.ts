import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { at, errorCode, startHarness, type Harness } from '../../../test/support/harness.js';
import { vanityToDigits } from '../../shared/numbering.js';
import type { Coverage } from '../../shared/coverage.js';
import { assignNumbers } from '../assignments/index.js';
import { transitionNumbers } from '../inventory/index.js';
import { TnStatus } from '../../shared/tn-status.js';

const SEARCH = '/api/accounts/9900000/availableNumbers';

interface Num {
  tn: number;
  status: number;
  rate_center_id: number | null;
  state: string | null;
  lata: string | null;
  protected: number;
  tier: number;
  vendor_id: number;
}

describe('number search (availableNumbers)', () => {
  let h: Harness;
  let cov: Coverage;
  let all: Map<number, Num>;

  before(async () => {
    h = await startHarness({ inventory: 30_000 });
    cov = h.app.deps.coverage;
    const rows = await h.db.database.db
      .selectFrom('telephone_numbers')
      .select(['tn', 'status', 'rate_center_id', 'state', 'lata', 'protected', 'tier', 'vendor_id'])
      .execute();
    all = new Map(rows.map((r) => [r.tn, r]));
  });
  after(() => h.close());

  /** The numbers of a search, as numbers; fails on an error. */
  async function search(query: string): Promise<number[]> {
    const res = await h.get(`${SEARCH}?${query}`);
    assert.equal(res.status, 200, `${query}: ${res.body}`);
    const list = at(res.xml, 'SearchResult', 'TelephoneNumberList', 'TelephoneNumber');
    const tns = list === undefined ? [] : (Array.isArray(list) ? list : [list]).map(Number);
    if (tns.length > 0) assert.equal(at(res.xml, 'SearchResult', 'ResultCount'), String(tns.length));
    return tns;
  }

  async function fails(query: string, code: string): Promise<void> {
    const res = await h.get(`${SEARCH}?${query}`);
    assert.equal(res.status, 400, `${query}: ${res.body}`);
    assert.equal(at(res.xml, 'SearchResult', 'Error', 'Code'), code, query);
    assert.ok(at(res.xml, 'SearchResult', 'Error', 'Description'));
  }

  const available = (tn: number) => all.get(tn)?.status === TnStatus.available;
  /** The value, or a failed test when there is none. */
  function must<T>(value: T | undefined, what: string): T {
    if (value === undefined) throw new Error(`test data has no ${what}`);
    return value;
  }

  const sorted = (tns: number[]) => tns.every((tn, i) => i === 0 || (tns[i - 1] as number) < tn);
  const raleigh = () => cov.rateCenterByName('NC', 'RALEIGH')?.id;

  it('searches an area code: available, unprotected numbers of that NPA in order, up to 5000 by default', async () => {
    const tns = await search('areaCode=919');
    const expected = [...all.values()].filter(
      (n) => Math.floor(n.tn / 1e7) === 919 && n.status === TnStatus.available && n.protected === 0,
    );
    assert.equal(tns.length, Math.min(5000, expected.length));
    assert.ok(sorted(tns));
    assert.ok(tns.every((tn) => Math.floor(tn / 1e7) === 919 && available(tn)));
    assert.ok(tns.every((tn) => all.get(tn)?.protected === 0));
  });

  it('limits to quantity (1 to 5000) and rejects anything else with 4010', async () => {
    assert.equal((await search('areaCode=919&quantity=7')).length, 7);
    assert.equal((await search('areaCode=919&quantity=1')).length, 1);
    for (const q of ['0', '5001', 'abc', '2.5', '-3']) await fails(`areaCode=919&quantity=${q}`, '4010');
  });

  it('never offers numbers that are in service (the demo has 25 Raleigh numbers in service)', async () => {
    const inService = await h.db.database.db
      .selectFrom('telephone_numbers')
      .select('tn')
      .where('account_id', '=', '9900000')
      .execute();
    assert.equal(inService.length, 25);
    const tns = new Set(await search('rateCenter=RALEIGH&state=NC&quantity=5000&LCA=false'));
    for (const { tn } of inService) assert.equal(tns.has(tn), false);
  });

  it('searches an NPA-NXX and an NPA-NXX-X exactly with LCA=false', async () => {
    const first = must(
      [...all.values()].find((n) => Math.floor(n.tn / 1e7) === 919 && n.status === 0),
      'available 919 number',
    );
    const npaNxx = Math.floor(first.tn / 1e4);
    const exact = await search(`npaNxx=${npaNxx}&LCA=false`);
    assert.ok(exact.length > 0 && exact.every((tn) => Math.floor(tn / 1e4) === npaNxx));
    const npaNxxX = Math.floor(first.tn / 1e3);
    const x = await search(`npaNxxx=${npaNxxX}&LCA=false`);
    assert.ok(x.length > 0 && x.every((tn) => Math.floor(tn / 1e3) === npaNxxX));
  });

  it('adds the local calling area by default: exact matches first, then the area, up to quantity', async () => {
    const first = must(
      [...all.values()].find((n) => n.rate_center_id === raleigh() && n.status === 0),
      'available Raleigh number',
    );
    const npaNxx = Math.floor(first.tn / 1e4);
    const exact = await search(`npaNxx=${npaNxx}&LCA=false&quantity=5000`);
    const withLca = await search(`npaNxx=${npaNxx}&quantity=5000`);
    assert.ok(withLca.length > exact.length, 'the LCA adds numbers');
    assert.deepEqual(withLca.slice(0, exact.length), exact, 'exact matches come first');
    const area = new Set([raleigh(), ...cov.localRateCenters(raleigh() ?? 0)]);
    assert.ok(
      withLca.every((tn) => area.has(all.get(tn)?.rate_center_id ?? undefined)),
      'all from the calling area',
    );
    assert.equal(new Set(withLca).size, withLca.length, 'no duplicates');
    // With orderBy the list is sorted by number.
    const ordered = await search(`npaNxx=${npaNxx}&quantity=5000&orderBy=fullNumber`);
    assert.deepEqual(
      ordered,
      [...withLca].sort((a, b) => a - b),
    );
  });

  it('searches a rate centre with its state, with LCA by default and exactly with LCA=false', async () => {
    const exact = await search('rateCenter=RALEIGH&state=NC&LCA=false&quantity=5000');
    assert.ok(exact.length > 0 && exact.every((tn) => all.get(tn)?.rate_center_id === raleigh()));
    const withLca = await search('rateCenter=raleigh&state=nc&quantity=5000');
    assert.deepEqual(withLca.slice(0, exact.length), exact);
    await fails('rateCenter=RALEIGH', '4001');
    await fails('rateCenter=NOSUCHPLACE&state=NC', '4001');
  });

  it('searches a city (the rate centres serving it) with its state', async () => {
    const city = cov.cityByName('NC', 'CARY');
    assert.ok(city);
    const rcs = new Set(cov.rateCentersOfCity(city.id));
    const tns = await search('city=Cary&state=NC&quantity=200');
    assert.ok(tns.length > 0 && tns.every((tn) => rcs.has(all.get(tn)?.rate_center_id ?? -1)));
    assert.ok(sorted(tns));
    await fails('city=Cary', '4005');
    await fails('city=Atlantis&state=NC', '4005');
  });

  it('searches a ZIP code (five or nine digits) through the rate centre that serves it', async () => {
    const rcs = new Set(cov.rateCentersOfZip('27606'));
    const tns = await search('zip=27606&quantity=100');
    assert.ok(tns.length > 0 && tns.every((tn) => rcs.has(all.get(tn)?.rate_center_id ?? -1)));
    assert.deepEqual(await search('zip=27606-1234&quantity=100'), tns);
    await fails('zip=abcde', '4007');
    await fails('zip=00000', '4007');
  });

  it('searches a state and a LATA', async () => {
    const nc = await search('state=NC&quantity=500');
    assert.ok(nc.length === 500 && nc.every((tn) => all.get(tn)?.state === 'NC'));
    const lata = await search('lata=426&quantity=300');
    assert.ok(lata.length > 0 && lata.every((tn) => all.get(tn)?.lata === '426'));
    await fails('state=ZZ', '4006');
    await fails('lata=4x6', '4008');
    await fails('lata=123456', '4008');
  });

  it('combines criteria: every one given must hold', async () => {
    const tns = await search('areaCode=919&rateCenter=RALEIGH&state=NC&quantity=500');
    assert.ok(
      tns.length > 0 &&
        tns.every((tn) => Math.floor(tn / 1e7) === 919 && all.get(tn)?.rate_center_id === raleigh()),
    );
    const lataState = await search('lata=426&state=NC&areaCode=919&quantity=100');
    assert.ok(lataState.every((tn) => all.get(tn)?.lata === '426' && Math.floor(tn / 1e7) === 919));
    // A rate centre outside the state, or the ZIP's centre not matching, gives nothing (not an error).
    assert.deepEqual(await search('rateCenter=RALEIGH&state=NC&lata=999'), []);
    assert.deepEqual(await search('zip=27606&city=Asheville&state=NC'), []);
  });

  it('rejects impossible combinations with their codes', async () => {
    await fails('areaCode=919&npaNxx=919833', '4002');
    await fails('npaNxx=919833&npaNxxx=9198331', '4002');
    await fails('npaNxx=919833&state=NC&LCA=true', '4010');
    await fails('quantity=10', '4010');
    await fails('', '4010');
    await fails('endsIn=true&areaCode=919', '4010');
  });

  it('validates area codes and NPA-NXX values', async () => {
    for (const code of ['119', '911', '99', '9190', 'abc', '800']) await fails(`areaCode=${code}`, '4000');
    for (const v of ['919155', '919555', '91983', '9191', '1198330']) {
      await fails(v.length === 7 ? `npaNxxx=${v}` : `npaNxx=${v}`, '4002');
    }
  });

  it('returns details with enableTNDetail: City, LATA, RateCenter, State, FullNumber, Tier, VendorId, VendorName', async () => {
    const res = await h.get(`${SEARCH}?rateCenter=RALEIGH&state=NC&LCA=false&quantity=3&enableTNDetail=true`);
    assert.equal(res.status, 200);
    assert.match(
      res.body,
      /<TelephoneNumberDetail><City>[^<]+<\/City><LATA>426<\/LATA><RateCenter>RALEIGH<\/RateCenter><State>NC<\/State><FullNumber>\d{10}<\/FullNumber><Tier>0<\/Tier><VendorId>49<\/VendorId><VendorName>Bandwidth CLEC<\/VendorName><\/TelephoneNumberDetail>/,
    );
    const details = at(
      res.xml,
      'SearchResult',
      'TelephoneNumberDetailList',
      'TelephoneNumberDetail',
    ) as Record<string, string>[];
    assert.equal(details.length, 3);
    for (const d of details) assert.equal(all.get(Number(d.FullNumber))?.rate_center_id, raleigh());
    await fails('areaCode=919&enableTNDetail=maybe', '4010');
  });

  it('accepts orderBy only where the seed allows it, with its four values', async () => {
    for (const o of ['fullNumber', 'npaNxxx', 'npaNxx', 'areaCode'])
      assert.ok((await search(`npaNxx=919833&orderBy=${o}`)).length >= 0);
    await fails('npaNxx=919833&orderBy=price', '4020');
    await fails('state=NC&orderBy=fullNumber', '4021');
    await fails('areaCode=919&orderBy=fullNumber', '4021');
  });

  it('filters protected numbers: NONE (default) excludes them, ONLY returns only them, MIXED both', async () => {
    const none = await search('state=NC&quantity=5000&protected=NONE');
    assert.ok(none.every((tn) => all.get(tn)?.protected === 0));
    assert.deepEqual(await search('state=NC&quantity=5000'), none);
    const only = await search('state=NC&quantity=5000&protected=only');
    assert.ok(only.length > 0 && only.every((tn) => all.get(tn)?.protected === 1));
    const mixed = await search('state=NC&quantity=5000&protected=MIXED');
    assert.ok(
      mixed.some((tn) => all.get(tn)?.protected === 1) && mixed.some((tn) => all.get(tn)?.protected === 0),
    );
    await fails('state=NC&protected=SOME', '4022');
  });

  it('finds local vanity numbers: the keypad digits anywhere in the last seven, or at the end with endsIn', async () => {
    assert.equal(vanityToDigits('CAB'), '222');
    // A word that is sure to match: the keypad letters of an available 919 number's last four digits.
    const LETTERS: Record<string, string> = {
      2: 'A',
      3: 'D',
      4: 'G',
      5: 'J',
      6: 'M',
      7: 'P',
      8: 'T',
      9: 'W',
    };
    const sample = must(
      [...all.values()].find(
        (n) =>
          Math.floor(n.tn / 1e7) === 919 &&
          n.status === 0 &&
          n.protected === 0 &&
          /^[2-9]{4}$/.test(String(n.tn).slice(-4)),
      ),
      'available 919 number ending in four keypad letters',
    );
    const word = String(sample.tn)
      .slice(-4)
      .split('')
      .map((d) => LETTERS[d])
      .join('');
    const cash = vanityToDigits(word) ?? '';
    const anywhere = await search(`areaCode=919&localVanity=${word}&quantity=5000`);
    assert.ok(anywhere.includes(sample.tn));
    assert.ok(anywhere.length > 0);
    assert.ok(anywhere.every((tn) => String(tn).slice(3).includes(cash) && available(tn)));
    assert.ok(sorted(anywhere));
    const expected = [...all.values()].filter(
      (n) =>
        Math.floor(n.tn / 1e7) === 919 &&
        n.status === 0 &&
        n.protected === 0 &&
        String(n.tn).slice(3).includes(cash),
    );
    assert.equal(anywhere.length, expected.length, 'every match is found');
    const ending = await search(`areaCode=919&localVanity=${word}&endsIn=true&quantity=5000`);
    assert.ok(ending.includes(sample.tn));
    assert.ok(ending.every((tn) => String(tn).endsWith(cash)));
    assert.ok(ending.length <= anywhere.length);
    await fails('localVanity=CASH', '4000');
    await fails('areaCode=919&localVanity=AB', '4010');
    await fails('areaCode=919&localVanity=TOOLONGX', '4010');
    await fails('areaCode=919&localVanity=CASH&state=NC', '4010');
  });

  it('keeps vanity results current: numbers that leave or return to the inventory are seen at once', async () => {
    // Two available numbers sharing their last four digits: a vanity search finds both.
    const byLast4 = new Map<string, number[]>();
    for (const n of all.values()) {
      if (Math.floor(n.tn / 1e7) !== 919 || n.status !== 0 || n.protected !== 0) continue;
      const key = String(n.tn).slice(-4);
      byLast4.set(key, [...(byLast4.get(key) ?? []), n.tn]);
    }
    const pattern = must(
      [...byLast4].find(([, tns]) => tns.length >= 2),
      'two numbers sharing four digits',
    )[0];
    const before = await search(`areaCode=919&localVanity=${pattern}&quantity=5000`);
    assert.ok(before.length >= 2);
    const [taken, other] = before as [number, number];
    const result = await assignNumbers(h.app.deps, { tns: [taken, other], accountId: '9900000' });
    assert.deepEqual([...result.changed].sort(), [taken, other].sort());
    const during = await search(`areaCode=919&localVanity=${pattern}&quantity=5000`);
    assert.ok(!during.includes(taken) && !during.includes(other), 'numbers in service are not offered');
    // Disconnect one and let it age back: it is offered again.
    await h.db.database.db.transaction().execute(async (trx) => {
      await transitionNumbers(trx, h.clock, [taken], { to: TnStatus.aging, guard: { accountId: '9900000' } });
      await transitionNumbers(trx, h.clock, [taken], {
        to: TnStatus.available,
        accountId: null,
        siteId: null,
        sipPeerId: null,
      });
    });
    const afterwards = await search(`areaCode=919&localVanity=${pattern}&quantity=5000`);
    assert.ok(afterwards.includes(taken) && !afterwards.includes(other));
  });

  it('finds toll-free vanity numbers, including the memorable ones (800-FLOWERS)', async () => {
    const tns = await search('tollFreeVanity=FLOWERS');
    assert.ok(tns.includes(8003569377));
    assert.ok(
      tns.every((tn) => ['800', '833', '844', '855', '866', '877', '888'].includes(String(tn).slice(0, 3))),
    );
    const short = await search('tollFreeVanity=CASH&quantity=100');
    assert.ok(short.length > 0 && short.every((tn) => String(tn).slice(3).includes('2274')));
    for (const v of ['ABC', 'TOOLONGX', 'F*OWERS']) await fails(`tollFreeVanity=${v}`, '4003');
    await fails('tollFreeVanity=FLOWERS&areaCode=919', '4003');
  });

  it('finds toll-free numbers by wildcard pattern', async () => {
    const any = await search('tollFreeWildCardPattern=8**&quantity=50');
    assert.equal(any.length, 50);
    assert.ok(any.every((tn) => String(tn).startsWith('8')));
    const eights = await search('tollFreeWildCardPattern=88*&quantity=100');
    assert.ok(eights.length > 0 && eights.every((tn) => String(tn).startsWith('888')));
    assert.deepEqual(await search('tollFreeWildCardPattern=81*'), []);
    for (const p of ['7**', '8*', '8***', '8a*']) await fails(`tollFreeWildCardPattern=${p}`, '4004');
    await fails('tollFreeWildCardPattern=8**&state=NC', '4004');
  });

  it('answers an empty <SearchResult/> when nothing matches', async () => {
    const tn = must(
      [...all.values()].find((n) => n.status === 0 && n.state === 'NC'),
      'available NC number',
    ).tn;
    // An NPA-NXX-X of a valid but absent block.
    let free = Math.floor(tn / 1000);
    while ([...all.keys()].some((t) => Math.floor(t / 1000) === free)) free++;
    const res = await h.get(`${SEARCH}?npaNxxx=${free}&LCA=false`);
    assert.equal(res.status, 200);
    assert.match(res.body, /<SearchResult\/>$/);
  });

  it('is refused for another account (403) and without credentials (401)', async () => {
    assert.equal((await h.get('/api/accounts/9999999/availableNumbers?areaCode=919')).status, 403);
    assert.equal((await h.get(`${SEARCH}?areaCode=919`, { auth: null })).status, 401);
  });
});

describe('available NPA-NXX counts (availableNpaNxx)', () => {
  let h: Harness;
  const URL = '/api/accounts/9900000/availableNpaNxx';
  before(async () => {
    h = await startHarness({ inventory: 30_000 });
  });
  after(() => h.close());

  it('counts available, unprotected numbers per NPA-NXX of an area code, with city and state', async () => {
    const res = await h.get(`${URL}?areaCode=919`);
    assert.equal(res.status, 200);
    const entries = at(
      res.xml,
      'SearchResultForAvailableNpaNxx',
      'AvailableNpaNxxList',
      'AvailableNpaNxx',
    ) as Record<string, string>[];
    assert.ok(entries.length > 5);
    assert.match(
      res.body,
      /<AvailableNpaNxx><City>[^<]+<\/City><Npa>919<\/Npa><Nxx>\d{3}<\/Nxx><Quantity>\d+<\/Quantity><State>NC<\/State><\/AvailableNpaNxx>/,
    );
    const { rows } = await sql<{ npanxx: number; n: number | string }>`
      select tn / 10000 as npanxx, count(*) as n from telephone_numbers
      where status = 0 and protected = 0 and tn between 9190000000 and 9199999999 group by tn / 10000`.execute(
      h.db.database.db,
    );
    const expected = new Map(rows.map((r) => [String(r.npanxx), Number(r.n)]));
    for (const e of entries)
      assert.equal(Number(e.Quantity), expected.get(`${e.Npa}${e.Nxx}`), `${e.Npa}-${e.Nxx}`);
    assert.equal(entries.length, expected.size);
  });

  it('filters by a minimum quantity and by state', async () => {
    const all = at(
      (await h.get(`${URL}?areaCode=919`)).xml,
      'SearchResultForAvailableNpaNxx',
      'AvailableNpaNxxList',
      'AvailableNpaNxx',
    ) as Record<string, string>[];
    const max = Math.max(...all.map((e) => Number(e.Quantity)));
    const big = at(
      (await h.get(`${URL}?areaCode=919&quantity=${max}`)).xml,
      'SearchResultForAvailableNpaNxx',
      'AvailableNpaNxxList',
      'AvailableNpaNxx',
    );
    const list = Array.isArray(big) ? big : [big];
    assert.ok(list.length >= 1 && list.length < all.length);
    const nc = await h.get(`${URL}?state=NC`);
    assert.equal(nc.status, 200);
    assert.doesNotMatch(nc.body, /<State>(?!NC<)/);
  });

  it('answers errors in its own shape', async () => {
    for (const [q, code] of [
      ['areaCode=119', '4000'],
      ['', '4000'],
      ['state=ZZ', '4006'],
      ['areaCode=919&quantity=abc', '4010'],
    ] as const) {
      const res = await h.get(`${URL}?${q}`);
      assert.equal(res.status, 400, q);
      assert.equal(at(res.xml, 'SearchResultForAvailableNpaNxx', 'Error', 'Code'), code, q);
    }
    assert.equal(errorCode(await h.get(`${URL}?areaCode=119`)), '4000');
  });
});
