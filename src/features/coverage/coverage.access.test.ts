import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { errorCode, type Harness } from '../../../test/support/harness.js';
import { createUser } from '../users/index.js';
import { startCoverageHarness } from './coverage.fixtures.js';

describe('coverage: access', () => {
  let h: Harness;
  before(async () => {
    ({ h } = await startCoverageHarness());
  });
  after(() => h.close());

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
