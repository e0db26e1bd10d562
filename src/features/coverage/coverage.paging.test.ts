import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, errorCode, type Harness } from '../../../test/support/harness.js';
import type { Executor } from '../../platform/db/database.js';
import { coveredOf, idsOf, linkPath, rateCentersOf, startCoverageHarness } from './coverage.fixtures.js';

describe('coverage: covered rate centres, redirects, pages and validation', () => {
  let h: Harness;
  let db: Executor;
  let total: number;
  before(async () => {
    ({ h, db, total } = await startCoverageHarness());
  });
  after(() => h.close());

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
});
