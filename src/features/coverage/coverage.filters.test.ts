import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, type Harness } from '../../../test/support/harness.js';
import type { Executor } from '../../platform/db/database.js';
import { idsOf, linkPath, sorted, startCoverageHarness } from './coverage.fixtures.js';

describe('coverage: covered rate centre filters', () => {
  let h: Harness;
  let db: Executor;
  let total: number;
  before(async () => {
    ({ h, db, total } = await startCoverageHarness());
  });
  after(() => h.close());

  describe('GET /coveredRateCenters', () => {
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
  });
});
