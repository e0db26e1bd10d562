import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, type Harness } from '../../../test/support/harness.js';
import type { Executor } from '../../platform/db/database.js';
import {
  availableByRateCenter,
  coveredOf,
  items,
  sorted,
  startCoverageHarness,
  type Covered,
} from './coverage.fixtures.js';

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

describe('coverage: covered rate centre embeds and single rate centres', () => {
  let h: Harness;
  let db: Executor;
  before(async () => {
    ({ h, db } = await startCoverageHarness());
  });
  after(() => h.close());

  describe('GET /coveredRateCenters', () => {
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
});
