import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DIALECT } from '../../../test/support/databases.js';
import { at, drainJobs, idFromLocation, type Harness } from '../../../test/support/harness.js';
import { JobWorker } from '../../platform/jobs/worker.js';
import { TnStatus } from '../../shared/tn-status.js';
import { fulfilmentJob as orderFulfilmentJob } from './orders.jobs.js';
import {
  ACC,
  completed,
  existingXml,
  orderHelpers,
  orderXml,
  startOrdersHarness,
  statusOf,
} from './orders.fixtures.js';

describe(`new-number orders on ${DIALECT}: faults and races`, () => {
  let h: Harness;
  const { db, numberRow, available, place, getOrder } = orderHelpers(() => h);

  before(async () => {
    ({ h } = await startOrdersHarness());
  });
  after(() => h.close());

  it('fails an order whose SIP peer was deleted before it was fulfilled', async () => {
    const peer = await h.post(
      `${ACC}/sites/1/sippeers`,
      '<SipPeer><PeerName>Doomed</PeerName><IsDefaultPeer>false</IsDefaultPeer></SipPeer>',
    );
    assert.equal(peer.status, 201, peer.body);
    const peerId = idFromLocation(peer);
    const [pick] = await available(1);
    assert.ok(pick);
    const id = await place(orderXml(existingXml([pick.tn]), `<SiteId>1</SiteId><PeerId>${peerId}</PeerId>`));
    assert.equal((await h.del(`${ACC}/sites/1/sippeers/${peerId}`)).status, 200);
    await h.drain();
    const res = await getOrder(id);
    assert.equal(statusOf(res), 'FAILED', res.body);
    assert.equal(at(res.xml, 'OrderResponse', 'ErrorList', 'Error', 'Code'), '5023');
    assert.equal((await numberRow(pick.tn)).status, TnStatus.available);
  });

  it('ends an order whose fulfilment keeps failing as FAILED (5086) once its attempts are used up', async () => {
    const id = await place(
      orderXml(
        '<AreaCodeSearchAndOrderType><AreaCode>919</AreaCode><Quantity>1</Quantity></AreaCodeSearchAndOrderType>',
      ),
    );
    // Break the stored order so that every attempt throws (as a persistent fault would).
    const row = await db()
      .selectFrom('orders')
      .select('details')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const broken = { ...(JSON.parse(row.details) as object), search: { areacode: 'not-an-area-code' } };
    await db()
      .updateTable('orders')
      .set({ details: JSON.stringify(broken) })
      .where('id', '=', id)
      .execute();
    for (let i = 0; i < 6; i++) {
      await h.drain();
      h.clock.advance(10 * 60_000);
    }
    const res = await getOrder(id);
    assert.equal(statusOf(res), 'FAILED', res.body);
    assert.equal(at(res.xml, 'OrderResponse', 'ErrorList', 'Error', 'Code'), '5086');
    const job = await db()
      .selectFrom('jobs')
      .selectAll()
      .where('payload', 'like', `%${id}%`)
      .executeTakeFirstOrThrow();
    assert.equal(job.status, 'failed');
  });

  it('never gives one number to two orders racing for it, with two workers at once', async () => {
    const contested = (await available(12, [9_190_000_000, 9_199_999_999])).map((r) => r.tn);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      ids.push(await place(orderXml(existingXml(contested.slice(i, i + 6)))));
      ids.push(
        await place(
          orderXml(
            '<AreaCodeSearchAndOrderType><AreaCode>919</AreaCode><Quantity>3</Quantity></AreaCodeSearchAndOrderType>',
          ),
        ),
      );
    }
    const { database, clock, jobs } = h.app.deps;
    const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const workers = [1, 2].map((n) =>
      new JobWorker(database, clock, jobs, silent, { id: `racer-${n}`, batchSize: 1 }).register(
        orderFulfilmentJob(h.app.deps),
      ),
    );
    await Promise.all(workers.map((w) => drainJobs(w)));

    const owners = new Map<number, string>();
    for (const id of ids) {
      const res = await getOrder(id);
      assert.match(String(statusOf(res)), /^(COMPLETE|PARTIAL|FAILED)$/, res.body);
      for (const tn of completed(res)) {
        assert.equal(owners.get(tn), undefined, `${tn} in two orders`);
        owners.set(tn, id);
        const row = await numberRow(tn);
        assert.equal(row.status, TnStatus.inService);
        assert.equal(row.order_id, id);
      }
    }
    for (const tn of contested) assert.ok(owners.has(tn), `${tn} went to one of the orders`);
  });
});
