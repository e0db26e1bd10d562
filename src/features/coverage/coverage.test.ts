import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, errorCode, startHarness, type Harness, type Reply } from '../../../test/support/harness.js';
import type { Executor } from '../../platform/db/database.js';
import { createUser } from '../users/index.js';

/** A loosely parsed list: one item parses as an object, an empty wrapper as '' (or undefined when absent). */
function items<T = Record<string, string>>(value: unknown): T[] {
  if (value === undefined || value === '') return [];
  return (Array.isArray(value) ? value : [value]) as T[];
}

const sorted = <T>(list: readonly T[]) => [...list].sort();
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** A covered rate centre with every embed, in the documented element order. */
const EVERY_ELEMENT = [
  'Name',
  'Abbreviation',
  'State',
  'Lata',
  'AvailableNumberCount',
  'ZipCodes',
  'Cities',
  'Vendors',
  'Tiers',
  'NpaNxxXs',
  'Id',
  'LocalRateCenters',
];

interface Covered {
  Name: string;
  Abbreviation: string;
  State: string;
  Lata: string;
  AvailableNumberCount?: string;
  ZipCodes?: { ZipCode: unknown } | '';
  Cities?: { City: unknown } | '';
  Vendors?: { Vendor: unknown } | '';
  Tiers: { Tier: unknown };
  NpaNxxXs?: { NpaNxxX: unknown } | '';
  Id: string;
  LocalRateCenters?: { RateCenterId: unknown } | '';
}

function coveredOf(reply: Reply): Covered[] {
  return items<Covered>(at(reply.xml, 'CoveredRateCenters', 'CoveredRateCenter'));
}

function idsOf(reply: Reply): number[] {
  return coveredOf(reply).map((c) => Number(c.Id));
}

/** The path (with query) of a paging link's URL: `Link=<http://host/v1.0/…>;rel="next";`. */
function linkPath(text: unknown): string {
  const m = /^Link=<([^>]+)>;rel="(first|next)";$/.exec(String(text));
  assert.ok(m?.[1], `not a paging link: ${String(text)}`);
  const url = new URL(m[1]);
  return url.pathname + url.search;
}

async function availableByRateCenter(db: Executor): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('telephone_numbers')
    .select(['rate_center_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('status', '=', 0)
    .where('rate_center_id', 'is not', null)
    .groupBy('rate_center_id')
    .execute();
  return new Map(rows.map((r) => [r.rate_center_id as number, Number(r.n)]));
}

async function rateCentersOf(db: Executor, state: string, tier?: number) {
  let q = db.selectFrom('rate_centers').selectAll().where('state', '=', state);
  if (tier !== undefined) q = q.where('tier', '=', tier);
  return q.orderBy('id').execute();
}

describe('coverage', () => {
  let h: Harness;
  let db: Executor;
  let total: number;
  before(async () => {
    h = await startHarness({ inventory: 30000 });
    db = h.db.database.db;
    const row = await db
      .selectFrom('rate_centers')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    total = Number(row.n);
  });
  after(() => h.close());

  describe('GET /rateCenters', () => {
    it("lists the state's rate centres by name, with Abbreviation and Name only", async () => {
      const res = await h.get('/api/rateCenters?state=NC');
      assert.equal(res.status, 200, res.body);
      assert.match(res.headers['content-type'] as string, /^application\/xml/);
      const list = items(at(res.xml, 'RateCenterResponse', 'RateCenters', 'RateCenter'));
      const expected = await rateCentersOf(db, 'NC');
      assert.equal(at(res.xml, 'RateCenterResponse', 'ResultCount'), String(expected.length));
      assert.equal(list.length, expected.length);
      assert.deepEqual(
        list.map((r) => r.Name),
        expected.map((r) => r.name).sort(byText),
      );
      assert.deepEqual(sorted(list.map((r) => r.Abbreviation)), sorted(expected.map((r) => r.abbreviation)));
      for (const r of list) assert.deepEqual(Object.keys(r), ['Abbreviation', 'Name']);
      assert.match(
        res.body,
        /^<\?xml[^>]*\?><RateCenterResponse><ResultCount>\d+<\/ResultCount><RateCenters>/,
      );
    });

    it('matches the state in any case and answers under /v1.0 too', async () => {
      const lower = await h.get('/v1.0/rateCenters?state=nc');
      assert.equal(lower.status, 200);
      assert.equal(lower.body, (await h.get('/api/rateCenters?state=NC')).body);
    });

    it('supported=true keeps the Bandwidth CLEC (tier 0) only', async () => {
      const all = await h.get('/api/rateCenters?state=CA');
      const supported = await h.get('/api/rateCenters?state=CA&supported=true');
      const onNet = await rateCentersOf(db, 'CA', 0);
      const offNet = await rateCentersOf(db, 'CA', 1);
      assert.ok(offNet.length > 0, 'CA has partner rate centres');
      assert.equal(at(supported.xml, 'RateCenterResponse', 'ResultCount'), String(onNet.length));
      assert.equal(at(all.xml, 'RateCenterResponse', 'ResultCount'), String(onNet.length + offNet.length));
      const names = items(at(supported.xml, 'RateCenterResponse', 'RateCenters', 'RateCenter')).map(
        (r) => r.Abbreviation,
      );
      for (const rc of offNet) assert.ok(!names.includes(rc.abbreviation), rc.abbreviation);
      const off = await h.get('/api/rateCenters?state=CA&supported=false');
      assert.equal(off.body, all.body);
    });

    it('available=true lists only rate centres with available numbers, with their count', async () => {
      const counts = await availableByRateCenter(db);
      const rcs = await rateCentersOf(db, 'NC');
      const res = await h.get('/api/rateCenters?state=NC&available=TRUE');
      assert.equal(res.status, 200);
      const list = items(at(res.xml, 'RateCenterResponse', 'RateCenters', 'RateCenter'));
      const withNumbers = rcs.filter((rc) => (counts.get(rc.id) ?? 0) > 0);
      assert.ok(withNumbers.length > 0 && withNumbers.length < rcs.length);
      assert.equal(at(res.xml, 'RateCenterResponse', 'ResultCount'), String(withNumbers.length));
      const byAbbr = new Map(rcs.map((rc) => [rc.abbreviation, rc.id]));
      for (const r of list) {
        assert.deepEqual(Object.keys(r), ['Abbreviation', 'AvailableTelephoneNumberCount', 'Name']);
        assert.equal(
          Number(r.AvailableTelephoneNumberCount),
          counts.get(byAbbr.get(r.Abbreviation ?? '') ?? 0),
        );
      }
      assert.deepEqual(
        list.map((r) => r.Name),
        withNumbers.map((r) => r.name).sort(byText),
      );
    });

    it('supported and available combine', async () => {
      const counts = await availableByRateCenter(db);
      const onNet = (await rateCentersOf(db, 'IL', 0)).filter((rc) => (counts.get(rc.id) ?? 0) > 0);
      const res = await h.get('/api/rateCenters?state=IL&available=true&supported=true');
      assert.equal(at(res.xml, 'RateCenterResponse', 'ResultCount'), String(onNet.length));
      const sum = items(at(res.xml, 'RateCenterResponse', 'RateCenters', 'RateCenter')).reduce(
        (s, r) => s + Number(r.AvailableTelephoneNumberCount),
        0,
      );
      assert.equal(
        sum,
        onNet.reduce((s, rc) => s + (counts.get(rc.id) ?? 0), 0),
      );
    });

    it('answers 200 with ResultCount 0 and an empty list when nothing matches', async () => {
      // Every Puerto Rico rate centre is partner coverage (tier 1).
      const res = await h.get('/api/rateCenters?state=PR&supported=true');
      assert.equal(res.status, 200);
      assert.equal(at(res.xml, 'RateCenterResponse', 'ResultCount'), '0');
      assert.match(res.body, /<RateCenters\/>/);
    });

    const invalid: [string, string, string][] = [
      ['a missing state', '', '4006'],
      ['an empty state', '?state=', '4006'],
      ['an unknown state', '?state=XX', '4006'],
      ['a three-letter state', '?state=NCA', '4006'],
      ['a non-boolean available', '?state=NC&available=yes', '4010'],
      ['a non-boolean supported', '?state=NC&supported=1', '4010'],
    ];
    for (const [name, qs, code] of invalid) {
      it(`rejects ${name} with 400 RateCenterResponse ${code}`, async () => {
        const res = await h.get(`/api/rateCenters${qs}`);
        assert.equal(res.status, 400, res.body);
        assert.equal(errorCode(res), code);
        assert.ok(at(res.xml, 'RateCenterResponse', 'ResponseStatus', 'Description'));
      });
    }
  });

  describe('GET /cities', () => {
    it('lists one City per city / rate-centre pair, by name', async () => {
      const pairs = await db
        .selectFrom('rate_center_cities as p')
        .innerJoin('rate_centers as r', 'r.id', 'p.rate_center_id')
        .innerJoin('cities as c', 'c.id', 'p.city_id')
        .select(['r.abbreviation', 'c.name'])
        .where('r.state', '=', 'DE')
        .execute();
      const res = await h.get('/api/cities?state=DE');
      assert.equal(res.status, 200, res.body);
      const list = items(at(res.xml, 'CityResponse', 'Cities', 'City'));
      assert.equal(at(res.xml, 'CityResponse', 'ResultCount'), String(pairs.length));
      assert.deepEqual(
        sorted(list.map((c) => `${c.Name}|${c.RcAbbreviation}`)),
        sorted(pairs.map((p) => `${p.name}|${p.abbreviation}`)),
      );
      const names = list.map((c) => c.Name ?? '');
      assert.deepEqual(names, [...names].sort(byText));
      for (const c of list) assert.deepEqual(Object.keys(c), ['RcAbbreviation', 'Name']);
      // A city served by several rate centres appears once per rate centre.
      assert.ok(new Set(names).size < names.length);
    });

    it('available=true counts the numbers of each city / rate-centre pair', async () => {
      const rows = await db
        .selectFrom('telephone_numbers as t')
        .innerJoin('rate_centers as r', 'r.id', 't.rate_center_id')
        .innerJoin('cities as c', 'c.id', 't.city_id')
        .select(['r.abbreviation', 'c.name', (eb) => eb.fn.countAll<string | number>().as('n')])
        .where('t.status', '=', 0)
        .where('r.state', '=', 'NC')
        .groupBy(['r.abbreviation', 'c.name'])
        .execute();
      const res = await h.get('/api/cities?state=NC&available=true');
      const list = items(at(res.xml, 'CityResponse', 'Cities', 'City'));
      assert.equal(at(res.xml, 'CityResponse', 'ResultCount'), String(rows.length));
      assert.deepEqual(
        sorted(list.map((c) => `${c.Name}|${c.RcAbbreviation}|${c.AvailableTelephoneNumberCount}`)),
        sorted(rows.map((r) => `${r.name}|${r.abbreviation}|${Number(r.n)}`)),
      );
      for (const c of list)
        assert.deepEqual(Object.keys(c), ['RcAbbreviation', 'AvailableTelephoneNumberCount', 'Name']);
    });

    it('supported=true leaves out partner rate centres', async () => {
      const offNet = (await rateCentersOf(db, 'TX', 1)).map((rc) => rc.abbreviation);
      const all = items(at((await h.get('/api/cities?state=TX')).xml, 'CityResponse', 'Cities', 'City'));
      const supported = items(
        at((await h.get('/api/cities?state=TX&supported=true')).xml, 'CityResponse', 'Cities', 'City'),
      );
      assert.ok(all.some((c) => offNet.includes(c.RcAbbreviation ?? '')));
      assert.ok(supported.length > 0 && supported.length < all.length);
      assert.ok(!supported.some((c) => offNet.includes(c.RcAbbreviation ?? '')));
    });

    it('answers 200 with ResultCount 0 when nothing matches', async () => {
      const res = await h.get('/api/cities?state=PR&supported=true&available=true');
      assert.equal(res.status, 200);
      assert.equal(at(res.xml, 'CityResponse', 'ResultCount'), '0');
      assert.match(res.body, /<Cities\/>/);
    });

    for (const [qs, code] of [
      ['', '4006'],
      ['?state=ZZ', '4006'],
      ['?state=NC&available=maybe', '4010'],
    ]) {
      it(`rejects /cities${qs} with 400 CityResponse ${code}`, async () => {
        const res = await h.get(`/api/cities${qs}`);
        assert.equal(res.status, 400);
        assert.equal(errorCode(res), code);
        assert.ok(at(res.xml, 'CityResponse', 'ResponseStatus', 'Description'));
      });
    }
  });

  describe('GET /coveredRateCenters', () => {
    it('redirects (303, no body) to the first page when page or size is missing', async () => {
      const res = await h.get('/api/coveredRateCenters');
      assert.equal(res.status, 303);
      assert.equal(res.body, '');
      assert.match(
        res.headers.location as string,
        /^http:\/\/[^/]+\/api\/coveredRateCenters\?page=1&size=500$/,
      );

      const filtered = await h.get(
        '/v1.0/coveredRateCenters?STATE=nc&npaNxx=919460&embed=cities&embed=ZipCodes',
      );
      assert.equal(filtered.status, 303);
      assert.match(
        filtered.headers.location as string,
        /\/v1\.0\/coveredRateCenters\?state=NC&npaNxx=919460&embed=Cities&embed=ZipCodes&page=1&size=500$/,
      );
      // A given page or size is kept.
      const sized = await h.get('/api/coveredRateCenters?size=20');
      assert.match(sized.headers.location as string, /\?page=1&size=20$/);
      const paged = await h.get('/api/coveredRateCenters?page=100');
      assert.match(paged.headers.location as string, /\?page=100&size=500$/);
      // The redirect leads to a page.
      const location = new URL(filtered.headers.location as string);
      const followed = await h.get(location.pathname + location.search);
      assert.equal(followed.status, 200);
      assert.ok(coveredOf(followed).length > 0);
    });

    it('validates before redirecting', async () => {
      const res = await h.get('/api/coveredRateCenters?tier=9');
      assert.equal(res.status, 400);
      assert.equal(errorCode(res), '4016');
    });

    it('shows Name, Abbreviation, State, Lata, Tiers and Id, in that order, without embeds', async () => {
      const res = await h.get('/api/coveredRateCenters?page=1&size=5');
      assert.equal(res.status, 200, res.body);
      const list = coveredOf(res);
      assert.equal(list.length, 5);
      for (const c of list)
        assert.deepEqual(Object.keys(c), ['Name', 'Abbreviation', 'State', 'Lata', 'Tiers', 'Id']);
      const first = await db.selectFrom('rate_centers').selectAll().orderBy('id').limit(5).execute();
      assert.deepEqual(
        list.map((c) => [Number(c.Id), c.Name, c.Abbreviation, c.State, c.Lata, String(c.Tiers.Tier)]),
        first.map((r) => [r.id, r.name, r.abbreviation, r.state, r.lata, String(r.tier)]),
      );
      assert.match(
        res.body,
        /^<\?xml[^>]*\?><CoveredRateCenters><TotalCount>\d+<\/TotalCount><Links><first>[^<]*<\/first><next>[^<]*<\/next><\/Links><CoveredRateCenter><Name>/,
      );
    });

    it('pages by the id of the first record: next links reach every rate centre exactly once', async () => {
      const ids = (await db.selectFrom('rate_centers').select('id').orderBy('id').execute()).map((r) => r.id);
      const seen: number[] = [];
      let path: string | undefined = '/api/coveredRateCenters?page=1&size=1000';
      let pages = 0;
      while (path) {
        const res = await h.get(path);
        assert.equal(res.status, 200, res.body);
        const page = idsOf(res);
        const next = at(res.xml, 'CoveredRateCenters', 'Links', 'next');
        const totalCount = at(res.xml, 'CoveredRateCenters', 'TotalCount');
        assert.equal(
          linkPath(at(res.xml, 'CoveredRateCenters', 'Links', 'first')),
          '/v1.0/coveredRateCenters?page=1&size=1000',
        );
        if (next === undefined) {
          assert.equal(totalCount, undefined, 'no TotalCount on the last page');
        } else {
          // TotalCount: the matching rate centres from this page on.
          assert.equal(totalCount, String(ids.length - seen.length));
          assert.equal(page.length, 1000);
        }
        seen.push(...page);
        path = next === undefined ? undefined : linkPath(next);
        if (path) {
          const nextId = Number(new URLSearchParams(path.split('?')[1]).get('page'));
          assert.equal(nextId, ids[seen.length], 'next carries the next page first id');
        }
        pages++;
      }
      assert.equal(pages, Math.ceil(ids.length / 1000));
      assert.equal(new Set(seen).size, seen.length, 'no id twice');
      assert.deepEqual(seen, ids);
      assert.equal(seen.length, total);
    });

    it('follows next links of a filtered, embedded query, keeping filters and embeds', async () => {
      const expected = (await rateCentersOf(db, 'NC')).map((r) => r.id);
      const seen: number[] = [];
      let path: string | undefined = '/api/coveredRateCenters?state=NC&embed=Cities&page=1&size=60';
      while (path) {
        const res = await h.get(path);
        assert.equal(res.status, 200, res.body);
        for (const c of coveredOf(res)) assert.ok(c.Cities !== undefined && c.State === 'NC');
        seen.push(...idsOf(res));
        const next = at(res.xml, 'CoveredRateCenters', 'Links', 'next');
        path = next === undefined ? undefined : linkPath(next);
        if (path) assert.match(path, /^\/v1\.0\/coveredRateCenters\?state=NC&embed=Cities&page=\d+&size=60$/);
      }
      assert.deepEqual(seen, expected);
    });

    it('starts a page at the given id, or the next matching one', async () => {
      const nc = (await rateCentersOf(db, 'NC')).map((r) => r.id);
      const from = nc[10] as number;
      assert.deepEqual(
        idsOf(await h.get(`/api/coveredRateCenters?state=NC&page=${from}&size=3`)),
        nc.slice(10, 13),
      );
      // An id before the state's first starts at its first; one past the end gives an empty last page.
      assert.deepEqual(idsOf(await h.get('/api/coveredRateCenters?state=NC&page=1&size=2')), nc.slice(0, 2));
      const beyond = await h.get(`/api/coveredRateCenters?state=NC&page=${(nc.at(-1) as number) + 1}&size=2`);
      assert.equal(beyond.status, 200);
      assert.deepEqual(idsOf(beyond), []);
      assert.equal(at(beyond.xml, 'CoveredRateCenters', 'TotalCount'), undefined);
      assert.equal(at(beyond.xml, 'CoveredRateCenters', 'Links', 'next'), undefined);
      assert.ok(at(beyond.xml, 'CoveredRateCenters', 'Links', 'first'));
      // The last page exactly full: no next.
      const last = await h.get(`/api/coveredRateCenters?state=NC&page=${nc.at(-2) as number}&size=2`);
      assert.deepEqual(idsOf(last), nc.slice(-2));
      assert.equal(at(last.xml, 'CoveredRateCenters', 'Links', 'next'), undefined);
    });

    describe('filters', () => {
      /** Every matching id, following the next links. */
      const ids = async (qs: string) => {
        const out: number[] = [];
        let path: string | undefined = `/api/coveredRateCenters?${qs}&page=1&size=5000`;
        while (path) {
          const res = await h.get(path);
          assert.equal(res.status, 200, res.body);
          out.push(...idsOf(res));
          const next = at(res.xml, 'CoveredRateCenters', 'Links', 'next');
          path = next === undefined ? undefined : linkPath(next);
        }
        return out;
      };
      const query = async (build: (q: ReturnType<typeof base>) => ReturnType<typeof base>) =>
        (await build(base()).execute()).map((r) => r.id);
      const base = () => db.selectFrom('rate_centers').select('id').orderBy('id');

      it('state (any case)', async () => {
        assert.deepEqual(await ids('state=ok'), await query((q) => q.where('state', '=', 'OK')));
      });

      it('abbreviation and name (exact, any case)', async () => {
        const abbr = await ids('abbreviation=bakersvl');
        assert.deepEqual(abbr, await query((q) => q.where('abbreviation', '=', 'BAKERSVL')));
        assert.equal(abbr.length, 1);
        assert.deepEqual(await ids('name=Bakersville'), abbr);
        // An abbreviation shared by several states, narrowed by state.
        const aberdeen = await ids('abbreviation=ABERDEEN');
        assert.ok(aberdeen.length > 1);
        assert.deepEqual(
          await ids('abbreviation=ABERDEEN&state=NC'),
          await query((q) => q.where('abbreviation', '=', 'ABERDEEN').where('state', '=', 'NC')),
        );
        assert.deepEqual(await ids('name=BAKERS'), []);
      });

      it('zip', async () => {
        const expected = (
          await db
            .selectFrom('rate_center_zips')
            .select('rate_center_id')
            .where('zip', '=', '27606')
            .execute()
        ).map((r) => r.rate_center_id);
        assert.ok(expected.length > 0);
        assert.deepEqual(await ids('zip=27606'), sorted(expected));
      });

      it('city (in every state, or in the given state)', async () => {
        const servedBy = async (name: string, state?: string) => {
          let q = db
            .selectFrom('rate_center_cities as p')
            .innerJoin('cities as c', 'c.id', 'p.city_id')
            .select('p.rate_center_id as id')
            .distinct()
            .where('c.name', '=', name);
          if (state) q = q.where('c.state', '=', state);
          return (await q.orderBy('p.rate_center_id').execute()).map((r) => r.id);
        };
        const everywhere = await ids('city=aberdeen');
        assert.deepEqual(everywhere, await servedBy('ABERDEEN'));
        const nc = await ids('city=Aberdeen&state=NC');
        assert.ok(nc.length > 0 && nc.length < everywhere.length);
        assert.deepEqual(nc, await servedBy('ABERDEEN', 'NC'));
        const newYork = await ids('city=New%20York&state=NY');
        assert.ok(newYork.length > 1, 'a city served by several rate centres');
        assert.deepEqual(newYork, await servedBy('NEW YORK', 'NY'));
        assert.deepEqual(await ids('city=Nowhere%20Town'), []);
      });

      it('lata', async () => {
        assert.deepEqual(await ids('lata=730'), await query((q) => q.where('lata', '=', '730')));
      });

      it('tier', async () => {
        const tier1 = await ids('tier=1');
        assert.deepEqual(tier1, await query((q) => q.where('tier', '=', 1)));
        assert.ok(tier1.length > 0);
        assert.deepEqual(await ids('tier=5'), []);
        assert.equal((await ids('tier=0')).length + tier1.length, total);
      });

      it('npa, npaNxx and npaNxxX (through the thousands blocks)', async () => {
        const viaBlocks = async (from: number, to: number) =>
          (
            await db
              .selectFrom('number_blocks')
              .select('rate_center_id')
              .distinct()
              .where('npa_nxx_x', '>=', from)
              .where('npa_nxx_x', '<=', to)
              .orderBy('rate_center_id')
              .execute()
          ).map((r) => r.rate_center_id);
        const npa = await ids('npa=919');
        assert.ok(npa.length > 1);
        assert.deepEqual(npa, await viaBlocks(9190000, 9199999));
        const block = await db
          .selectFrom('number_blocks')
          .selectAll()
          .where('npa_nxx_x', '>=', 9190000)
          .orderBy('npa_nxx_x')
          .executeTakeFirstOrThrow();
        const npaNxx = Math.floor(block.npa_nxx_x / 10);
        assert.deepEqual(await ids(`npaNxx=${npaNxx}`), await viaBlocks(npaNxx * 10, npaNxx * 10 + 9));
        assert.deepEqual(await ids(`npanxxx=${block.npa_nxx_x}`), [block.rate_center_id]);
        assert.deepEqual(await ids(`npa=919&npaNxxX=${block.npa_nxx_x}`), [block.rate_center_id]);
        // Contradicting prefixes match nothing.
        assert.deepEqual(await ids(`npa=704&npaNxxX=${block.npa_nxx_x}`), []);
        assert.deepEqual(await ids('npa=999'), []);
      });

      it('combine (all must hold)', async () => {
        const expected = await query((q) =>
          q.where('state', '=', 'CA').where('lata', '=', '730').where('tier', '=', 1),
        );
        assert.ok(expected.length > 0);
        assert.deepEqual(await ids('state=CA&lata=730&tier=1'), expected);
        const npaAndState = await ids('npa=919&state=NC&tier=0');
        assert.ok(npaAndState.length > 0);
        assert.deepEqual(await ids('npa=919&state=VA'), []);
        const zip = await ids('zip=27606');
        const city = await ids('city=RALEIGH');
        const both = await ids('zip=27606&city=RALEIGH');
        assert.deepEqual(
          both,
          zip.filter((id) => city.includes(id)),
        );
      });

      it('are kept in the paging links, in their documented spelling', async () => {
        const res = await h.get('/api/coveredRateCenters?NPANXX=919460&State=nc&page=1&size=1');
        assert.equal(
          linkPath(at(res.xml, 'CoveredRateCenters', 'Links', 'first')),
          '/v1.0/coveredRateCenters?state=NC&npaNxx=919460&page=1&size=1',
        );
      });
    });

    describe('embeds', () => {
      const one = async (embed: string, id: number) => {
        const res = await h.get(`/api/coveredRateCenters?${embed}&page=${id}&size=1`);
        assert.equal(res.status, 200, res.body);
        const [c] = coveredOf(res);
        assert.ok(c && Number(c.Id) === id);
        return c;
      };
      let raleigh: number;
      before(async () => {
        raleigh = (
          await db
            .selectFrom('rate_centers')
            .select('id')
            .where('state', '=', 'NC')
            .where('abbreviation', '=', 'RALEIGH')
            .executeTakeFirstOrThrow()
        ).id;
      });

      it('ZipCodes', async () => {
        const c = await one('embed=ZipCodes', raleigh);
        const zips = await db
          .selectFrom('rate_center_zips')
          .select('zip')
          .where('rate_center_id', '=', raleigh)
          .execute();
        assert.ok(zips.length > 1);
        assert.deepEqual(items(c.ZipCodes && c.ZipCodes.ZipCode), sorted(zips.map((z) => z.zip)));
        assert.deepEqual(Object.keys(c), [
          'Name',
          'Abbreviation',
          'State',
          'Lata',
          'ZipCodes',
          'Tiers',
          'Id',
        ]);
      });

      it('Cities', async () => {
        const c = await one('embed=cities', raleigh);
        const cities = await db
          .selectFrom('rate_center_cities as p')
          .innerJoin('cities as c', 'c.id', 'p.city_id')
          .select('c.name')
          .where('p.rate_center_id', '=', raleigh)
          .execute();
        assert.deepEqual(items(c.Cities && c.Cities.City), sorted(cities.map((x) => x.name)));
      });

      it('Vendors: Bandwidth CLEC on-net, the partner elsewhere', async () => {
        const c = await one('embed=Vendors', raleigh);
        assert.deepEqual(c.Vendors, { Vendor: { VendorId: '49', VendorName: 'Bandwidth CLEC' } });
        const partner = (
          await db.selectFrom('rate_centers').select('id').where('tier', '=', 1).executeTakeFirstOrThrow()
        ).id;
        const p = await one('embed=VENDORS', partner);
        assert.deepEqual(p.Vendors, { Vendor: { VendorId: '62', VendorName: 'Level 3 Communications' } });
        assert.deepEqual(p.Tiers, { Tier: '1' });
      });

      it('NpaNxxX: the thousands blocks holding inventory', async () => {
        const c = await one('embed=NpaNxxX', raleigh);
        const blocks = await db
          .selectFrom('number_blocks')
          .select('npa_nxx_x')
          .where('rate_center_id', '=', raleigh)
          .orderBy('npa_nxx_x')
          .execute();
        assert.ok(blocks.length > 1);
        assert.deepEqual(
          items(c.NpaNxxXs && c.NpaNxxXs.NpaNxxX),
          blocks.map((b) => String(b.npa_nxx_x)),
        );
      });

      it('AvailableNumberCount matches the telephone_numbers table for a whole page', async () => {
        const counts = await availableByRateCenter(db);
        const res = await h.get('/api/coveredRateCenters?embed=AvailableNumberCount&page=1&size=5000');
        const list = coveredOf(res);
        assert.equal(list.length, 5000);
        for (const c of list)
          assert.equal(Number(c.AvailableNumberCount), counts.get(Number(c.Id)) ?? 0, c.Id);
        assert.ok(list.some((c) => c.AvailableNumberCount === '0'));
        assert.ok(list.some((c) => Number(c.AvailableNumberCount) > 10));
      });

      it('the counts follow the inventory', async () => {
        const tns = await db
          .selectFrom('telephone_numbers')
          .select('tn')
          .where('rate_center_id', '=', raleigh)
          .where('status', '=', 0)
          .orderBy('tn')
          .limit(3)
          .execute();
        const count = async () =>
          Number((await one('embed=AvailableNumberCount', raleigh)).AvailableNumberCount);
        const rcCount = async () => {
          const list = items(
            at(
              (await h.get('/api/rateCenters?state=NC&available=true')).xml,
              'RateCenterResponse',
              'RateCenters',
              'RateCenter',
            ),
          );
          return Number(list.find((r) => r.Abbreviation === 'RALEIGH')?.AvailableTelephoneNumberCount);
        };
        const before = await count();
        assert.equal(await rcCount(), before);
        const list = tns.map((t) => t.tn);
        await db.updateTable('telephone_numbers').set({ status: 1 }).where('tn', 'in', list).execute();
        try {
          assert.equal(await count(), before - 3);
          assert.equal(await rcCount(), before - 3);
        } finally {
          await db.updateTable('telephone_numbers').set({ status: 0 }).where('tn', 'in', list).execute();
        }
        assert.equal(await count(), before);
      });

      it('LocalRateCenters: the local calling area, nearest first', async () => {
        const c = await one('embed=LocalRateCenters', raleigh);
        const lca = await db
          .selectFrom('rate_center_lca')
          .select(['local_rate_center_id', 'distance_km'])
          .where('rate_center_id', '=', raleigh)
          .execute();
        assert.ok(lca.length > 1);
        const shown = items<string>(c.LocalRateCenters && c.LocalRateCenters.RateCenterId).map(Number);
        assert.deepEqual(sorted(shown), sorted(lca.map((l) => l.local_rate_center_id)));
        // Nearest first (rate centres at the same distance may come in either order).
        const distance = new Map(lca.map((l) => [l.local_rate_center_id, l.distance_km]));
        const distances = shown.map((id) => distance.get(id) ?? -1);
        assert.deepEqual(
          distances,
          [...distances].sort((a, b) => a - b),
        );
      });

      it('all together, in the documented element order; empty lists stay as empty elements', async () => {
        const all =
          'embed=ZipCodes&embed=Cities&embed=Vendors&embed=NpaNxxX&embed=AvailableNumberCount&embed=LocalRateCenters';
        const c = await one(all, raleigh);
        assert.deepEqual(Object.keys(c), EVERY_ELEMENT);
        // A rate centre without inventory blocks still shows the asked-for list, empty.
        const bare = await db
          .selectFrom('rate_centers')
          .select('id')
          .where('id', 'not in', db.selectFrom('number_blocks').select('rate_center_id'))
          .orderBy('id')
          .executeTakeFirstOrThrow();
        const res = await h.get(
          `/api/coveredRateCenters?embed=NpaNxxX&embed=AvailableNumberCount&page=${bare.id}&size=1`,
        );
        assert.match(res.body, /<AvailableNumberCount>0<\/AvailableNumberCount>.*<NpaNxxXs\/>/);
      });

      it('accepts a comma-separated list and repeats', async () => {
        const c = await one('embed=Cities,ZipCodes&embed=Cities', raleigh);
        assert.deepEqual(Object.keys(c), [
          'Name',
          'Abbreviation',
          'State',
          'Lata',
          'ZipCodes',
          'Cities',
          'Tiers',
          'Id',
        ]);
      });

      it('LocalRateCenters without filters pages like any other query', async () => {
        const res = await h.get('/api/coveredRateCenters?embed=LocalRateCenters&page=1&size=10');
        assert.equal(res.status, 200);
        assert.equal(coveredOf(res).length, 10);
      });
    });

    const invalid: [string, string, string][] = [
      ['an unknown embed', 'embed=Npa', '4015'],
      ['an empty embed', 'embed=', '4015'],
      ['LocalRateCenters with a filter', 'embed=LocalRateCenters&state=NC', '4019'],
      ['LocalRateCenters with an npa filter', 'embed=Cities&embed=LocalRateCenters&npa=919', '4019'],
      ['a tier above 5', 'tier=6', '4016'],
      ['a non-numeric tier', 'tier=one', '4016'],
      ['an NPA of two digits', 'npa=91', '4002'],
      ['a non-numeric NPA', 'npa=9a9', '4002'],
      ['an NPA-NXX of five digits', 'npaNxx=91946', '4002'],
      ['an NPA-NXX-X of eight digits', 'npaNxxX=91946012', '4002'],
      ['an unknown state', 'state=QQ', '4006'],
      ['a four-digit zip', 'zip=2760', '4007'],
      ['a non-numeric zip', 'zip=ABCDE', '4007'],
      ['a four-digit LATA', 'lata=4260', '4008'],
      ['an empty city', 'city=', '4005'],
      ['an empty abbreviation', 'abbreviation=', '4001'],
      ['an empty name', 'name=%20', '4001'],
    ];
    for (const [name, qs, code] of invalid) {
      it(`rejects ${name} with 400 CoveredRateCenters ${code}`, async () => {
        const res = await h.get(`/api/coveredRateCenters?${qs}&page=1&size=10`);
        assert.equal(res.status, 400, res.body);
        assert.equal(errorCode(res), code);
        assert.ok(at(res.xml, 'CoveredRateCenters', 'ResponseStatus', 'Description'));
        assert.match(
          res.body,
          /<CoveredRateCenters><ResponseStatus><ErrorCode>\d+<\/ErrorCode><Description>/,
        );
      });
    }

    for (const qs of [
      'page=0&size=10',
      'page=abc&size=10',
      'page=-1&size=10',
      'page=1&size=0',
      'page=1&size=5001',
      'page=1&size=ten',
      'page=&size=10',
    ]) {
      it(`rejects ${qs} with 400 4018`, async () => {
        const res = await h.get(`/api/coveredRateCenters?${qs}`);
        assert.equal(res.status, 400, res.body);
        assert.equal(errorCode(res), '4018');
      });
    }

    it('accepts the largest page size', async () => {
      const res = await h.get('/api/coveredRateCenters?page=1&size=5000');
      assert.equal(res.status, 200);
      assert.equal(coveredOf(res).length, 5000);
    });
  });

  describe('GET /coveredRateCenters/{rateCenterId}', () => {
    it('shows one rate centre with everything embedded, under the root CoveredRateCenter', async () => {
      const rc = await db
        .selectFrom('rate_centers')
        .selectAll()
        .where('state', '=', 'NC')
        .where('abbreviation', '=', 'RALEIGH')
        .executeTakeFirstOrThrow();
      const res = await h.get(`/api/coveredRateCenters/${rc.id}`);
      assert.equal(res.status, 200, res.body);
      const c = at(res.xml, 'CoveredRateCenter') as Covered;
      assert.deepEqual(Object.keys(c), EVERY_ELEMENT);
      assert.equal(c.Id, String(rc.id));
      assert.equal(c.Name, rc.name);
      assert.equal(c.Abbreviation, 'RALEIGH');
      assert.equal(c.Lata, rc.lata);
      assert.equal(Number(c.AvailableNumberCount), (await availableByRateCenter(db)).get(rc.id));
      // The same as the list entry with every embed.
      const listed = await h.get(
        `/api/coveredRateCenters?page=${rc.id}&size=1&embed=ZipCodes&embed=Cities&embed=Vendors&embed=NpaNxxX&embed=AvailableNumberCount&embed=LocalRateCenters`,
      );
      assert.deepEqual(coveredOf(listed)[0], c);
      assert.ok((await h.get(`/v1.0/coveredRateCenters/${rc.id}`)).status === 200);
    });

    for (const id of ['999999', '0', 'abc', '12x', '-1']) {
      it(`answers 404 with an empty body for ${id}`, async () => {
        const res = await h.get(`/api/coveredRateCenters/${id}`);
        assert.equal(res.status, 404);
        assert.equal(res.body, '');
      });
    }
  });

  describe('access', () => {
    const paths = [
      '/api/rateCenters?state=NC',
      '/api/cities?state=NC',
      '/api/coveredRateCenters?page=1&size=1',
      '/api/coveredRateCenters',
      '/api/coveredRateCenters/1',
    ];
    before(async () => {
      await createUser(h.app.deps, {
        username: 'siteonly',
        password: 'siteonly1',
        accounts: ['9900000'],
        roles: [{ role: 'ROLE_API_SITE', permissions: ['VIEW', 'UPDATE'] }],
      });
      await createUser(h.app.deps, {
        username: 'searcher',
        password: 'searcher1',
        accounts: [],
        roles: [{ role: 'ROLE_API_SEARCH', permissions: ['VIEW'] }],
      });
    });

    for (const path of paths) {
      it(`${path}: 401 without credentials, 403 without ROLE_API_SEARCH`, async () => {
        const anonymous = await h.get(path, { auth: null });
        assert.equal(anonymous.status, 401);
        assert.equal(errorCode(anonymous), '401');
        const denied = await h.get(path, { auth: ['siteonly', 'siteonly1'] });
        assert.equal(denied.status, 403);
        assert.equal(errorCode(denied), '1001');
      });
    }

    it('needs no account: a search user without accounts may read coverage', async () => {
      const res = await h.get('/api/rateCenters?state=NC', { auth: ['searcher', 'searcher1'] });
      assert.equal(res.status, 200);
      const one = await h.get('/api/coveredRateCenters/1', { auth: ['searcher', 'searcher1'] });
      assert.equal(one.status, 200);
    });

    it('answers 405 for other methods', async () => {
      const res = await h.post('/api/rateCenters', '<RateCenter/>');
      assert.equal(res.status, 405);
      assert.match(String(res.headers.allow), /GET/);
    });
  });
});
