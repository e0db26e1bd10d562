import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DIALECT } from '../../../test/support/databases.js';
import { at, errorCode, type Harness } from '../../../test/support/harness.js';
import type { Coverage } from '../../shared/coverage.js';
import { TnStatus } from '../../shared/tn-status.js';
import { importNumbers } from '../inventory/index.js';
import { ACC, completed, orderHelpers, orderXml, startOrdersHarness, statusOf } from './orders.fixtures.js';

describe(`new-number orders on ${DIALECT}: backorders, updates and closing`, () => {
  let h: Harness;
  let cov: Coverage;
  const { db, numberRow, available, getOrder, fulfil } = orderHelpers(() => h);

  before(async () => {
    ({ h, cov } = await startOrdersHarness());
  });
  after(() => h.close());

  it('keeps a backorder open until inventory appears, then fills it on the retry schedule', async () => {
    const [lone] = await db()
      .selectFrom('telephone_numbers')
      .select(['rate_center_id', (eb) => eb.fn.min('tn').as('tn')])
      .where('status', '=', TnStatus.available)
      .where('rate_center_id', 'is not', null)
      .groupBy('rate_center_id')
      .having((eb) => eb.fn.countAll(), '=', 1)
      .orderBy('rate_center_id', 'desc')
      .limit(1)
      .execute();
    assert.ok(lone?.tn);
    const rc = cov.rateCenter(lone.rate_center_id);
    assert.ok(rc);
    const body = orderXml(
      `<RateCenterSearchAndOrderType><RateCenter>${rc.abbreviation}</RateCenter><State>${rc.state}</State><EnableLCA>false</EnableLCA><Quantity>2</Quantity></RateCenterSearchAndOrderType>`,
      '<BackOrderRequested>true</BackOrderRequested><SiteId>1</SiteId>',
    );
    const { id, res } = await fulfil(body);
    assert.equal(statusOf(res), 'BACKORDERED', res.body);
    assert.deepEqual(completed(res), [lone.tn]);
    assert.equal(at(res.xml, 'OrderResponse', 'ErrorList'), undefined, 'a backorder is not an error yet');
    assert.equal(at(res.xml, 'OrderResponse', 'PendingQuantity'), '1');

    // New inventory in that rate centre: a free number of the same thousands block.
    let fresh = lone.tn + 1;
    while (
      (await db().selectFrom('telephone_numbers').select('tn').where('tn', '=', fresh).executeTakeFirst()) !==
      undefined
    )
      fresh++;
    const imported = await importNumbers(h.app.deps, `${fresh},${rc.abbreviation},${rc.state}\n`);
    assert.equal(imported.accepted, 1, JSON.stringify(imported));

    h.clock.advance(h.app.deps.config.orders.backorderRetryMs - 60_000);
    await h.drain();
    assert.equal(statusOf(await getOrder(id)), 'BACKORDERED', 'not before the retry is due');
    h.clock.advance(60_000);
    await h.drain();
    const done = await getOrder(id);
    assert.equal(statusOf(done), 'COMPLETE', done.body);
    assert.deepEqual(completed(done).sort(), [lone.tn, fresh].sort());
    const history = await h.get(`${ACC}/orders/${id}/history`);
    const entries = at(history.xml, 'OrderHistoryWrapper', 'OrderHistory') as unknown[];
    assert.deepEqual(
      entries.map((e) => at(e, 'Status')),
      ['RECEIVED', 'BACKORDERED', 'COMPLETE'],
    );
    assert.match(String(at(entries[1], 'Note')), /Order backordered - awaiting additional numbers/);
    // A final order's pending retries do nothing.
    h.clock.advance(h.app.deps.config.orders.backorderRetryMs);
    await h.drain();
    assert.equal(statusOf(await getOrder(id)), 'COMPLETE');
  });

  it('updates Name and CustomerOrderId (with the difference in the history) and closes a backorder keeping its numbers', async () => {
    const [one] = await available(1);
    assert.ok(one);
    const { id, res } = await fulfil(
      orderXml(
        `<CombinedSearchAndOrderType><Quantity>50</Quantity><NpaNxx>${String(one.tn).slice(0, 6)}</NpaNxx><EnableLCA>false</EnableLCA></CombinedSearchAndOrderType>`,
        '<BackOrderRequested>true</BackOrderRequested><SiteId>1</SiteId>',
      ),
    );
    assert.equal(statusOf(res), 'BACKORDERED', res.body);
    const kept = completed(res);
    assert.ok(kept.length > 0 && kept.length < 50, `${kept.length} numbers`);

    const rename = await h.put(
      `${ACC}/orders/${id}`,
      '<Order><Name>renamed</Name><CustomerOrderId>hello</CustomerOrderId></Order>',
    );
    assert.equal(rename.status, 200, rename.body);
    const renamed = await getOrder(id);
    assert.equal(at(renamed.xml, 'OrderResponse', 'Order', 'Name'), 'renamed');
    assert.equal(at(renamed.xml, 'OrderResponse', 'Order', 'CustomerOrderId'), 'hello');

    const close = await h.put(`${ACC}/orders/${id}`, '<Order><CloseOrder>true</CloseOrder></Order>');
    assert.equal(close.status, 200, close.body);
    const closed = await getOrder(id);
    assert.equal(statusOf(closed), 'PARTIAL', closed.body);
    assert.deepEqual(completed(closed), kept);
    for (const tn of kept) assert.equal((await numberRow(tn)).status, TnStatus.inService);

    const history = await h.get(`${ACC}/orders/${id}/history`);
    const entries = at(history.xml, 'OrderHistoryWrapper', 'OrderHistory') as unknown[];
    const diff = entries.map((e) => at(e, 'Difference')).find((d) => typeof d === 'string');
    assert.match(diff as string, /CustomerOrderId : "co-1" --> hello/);
    assert.equal(at(entries.at(-1), 'Status'), 'PARTIAL');

    // Closing again, or closing an order that is not a backorder: 5060.
    const again = await h.put(`${ACC}/orders/${id}`, '<Order><CloseOrder>true</CloseOrder></Order>');
    assert.equal(again.status, 400);
    assert.equal(errorCode(again), '5060');
    const bad = await h.put(`${ACC}/orders/${id}`, `<Order><Name>${'x'.repeat(51)}</Name></Order>`);
    assert.equal(bad.status, 400);
    assert.equal(
      (await h.put(`${ACC}/orders/00000000-0000-4000-8000-000000000000`, '<Order><Name>x</Name></Order>'))
        .status,
      404,
    );

    // A later retry of the closed backorder takes nothing more.
    h.clock.advance(h.app.deps.config.orders.backorderRetryMs * 2);
    await h.drain();
    assert.deepEqual(completed(await getOrder(id)), kept);
  });
});
