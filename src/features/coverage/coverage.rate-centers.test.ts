import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, errorCode, type Harness } from '../../../test/support/harness.js';
import type { Executor } from '../../platform/db/database.js';
import {
  availableByRateCenter,
  items,
  rateCentersOf,
  sorted,
  startCoverageHarness,
} from './coverage.fixtures.js';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('coverage: rate centres and cities', () => {
  let h: Harness;
  let db: Executor;
  before(async () => {
    ({ h, db } = await startCoverageHarness());
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
});
