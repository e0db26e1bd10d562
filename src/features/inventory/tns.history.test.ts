import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, DEMO, type Harness } from '../../../test/support/harness.js';
import { TnStatus } from '../../shared/tn-status.js';
import { assignNumbers } from '../assignments/index.js';
import { transitionNumbers } from './inventory.service.js';
import { list, OTHER, OTHER_AUTH, startTnsWorld, tnsHelpers, type TnsWorld } from './tns.fixtures.js';

describe('/tns and /tns/{tn}: history of a number', () => {
  let world: TnsWorld;
  let h: Harness;
  let demo: number[];
  let other: number[];
  let available: number;
  const { db, pick, epoch } = tnsHelpers(() => world);

  before(async () => {
    world = await startTnsWorld();
    ({ h, demo, other, available } = world);
  });
  after(() => h.close());

  describe('GET /tns/{tn} and its sub-resources', () => {
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
