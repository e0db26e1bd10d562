import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DIALECT } from '../../../test/support/databases.js';
import { at, idFromLocation, type Harness } from '../../../test/support/harness.js';
import {
  ACC,
  existingXml,
  ISO,
  orderHelpers,
  orderXml,
  RIVAL,
  SITE_XML,
  startOrdersHarness,
  statusOf,
  UUID,
} from './orders.fixtures.js';

describe(`new-number orders on ${DIALECT}: number reports, notes and lists`, () => {
  let h: Harness;
  const { available, place, fulfil } = orderHelpers(() => h);

  before(async () => {
    ({ h } = await startOrdersHarness());
    // 'lists orders newest last with filters and paging links' relies on orders that the tests
    // before it (in the single describe orders.test.ts had) left on the account: ten or more, some
    // with numbers, one FAILED, one renamed to CustomerOrderId hello. The calls those tests made
    // leave such orders here (eleven with the two tests above it in this file).
    // As in 'accepts an order as RECEIVED …': area-code orders that complete.
    for (let i = 0; i < 6; i++) {
      const { res } = await fulfil(
        orderXml(
          '<AreaCodeSearchAndOrderType><AreaCode>919</AreaCode><Quantity>2</Quantity></AreaCodeSearchAndOrderType>',
        ),
      );
      assert.equal(statusOf(res), 'COMPLETE', res.body);
    }
    // As in 'reports numbers it could not get': all-or-nothing with a number already taken.
    const [free, taken] = await available(2);
    assert.ok(free && taken);
    await place(orderXml(existingXml([taken.tn])));
    await h.drain();
    const all = await fulfil(
      orderXml(existingXml([free.tn, taken.tn]), '<PartialAllowed>false</PartialAllowed><SiteId>1</SiteId>'),
    );
    assert.equal(statusOf(all.res), 'FAILED', all.res.body);
    // As in 'updates Name and CustomerOrderId …': a backorder renamed to hello, then closed.
    const [one] = await available(1);
    assert.ok(one);
    const backorder = await fulfil(
      orderXml(
        `<CombinedSearchAndOrderType><Quantity>50</Quantity><NpaNxx>${String(one.tn).slice(0, 6)}</NpaNxx><EnableLCA>false</EnableLCA></CombinedSearchAndOrderType>`,
        '<BackOrderRequested>true</BackOrderRequested><SiteId>1</SiteId>',
      ),
    );
    assert.equal(statusOf(backorder.res), 'BACKORDERED', backorder.res.body);
    const rename = await h.put(
      `${ACC}/orders/${backorder.id}`,
      '<Order><Name>renamed</Name><CustomerOrderId>hello</CustomerOrderId></Order>',
    );
    assert.equal(rename.status, 200, rename.body);
    const close = await h.put(
      `${ACC}/orders/${backorder.id}`,
      '<Order><CloseOrder>true</CloseOrder></Order>',
    );
    assert.equal(close.status, 200, close.body);
  });
  after(() => h.close());

  it('answers the number reports of an order: area codes, NPA-NXX, totals, numbers', async () => {
    const picks = await available(3, [9_190_000_000, 9_199_999_999]);
    const { id } = await fulfil(orderXml(existingXml(picks.map((p) => p.tn))));
    const area = await h.get(`${ACC}/orders/${id}/areaCodes`);
    assert.equal(at(area.xml, 'TelephoneDetailsReports', 'TelephoneDetailsReport', 'AreaCode'), '919');
    assert.equal(at(area.xml, 'TelephoneDetailsReports', 'TelephoneDetailsReport', 'Count'), '3');
    const npaNxx = await h.get(`${ACC}/orders/${id}/npaNxx`);
    assert.match(npaNxx.body, /<NPA-NXX>919\d{3}<\/NPA-NXX>/);
    const totals = await h.get(`${ACC}/orders/${id}/totals`);
    assert.equal(at(totals.xml, 'TelephoneDetailsReports', 'TelephoneDetailsReport', 'Count'), '3');
    const tns = await h.get(`${ACC}/orders/${id}/tns`);
    assert.equal(at(tns.xml, 'TelephoneNumbers', 'Count'), '3');
    assert.deepEqual(
      at(tns.xml, 'TelephoneNumbers', 'TelephoneNumber'),
      picks.map((p) => String(p.tn)),
    );
  });

  it('appends notes (id as in Location), lists them, and answers 204 when there are none', async () => {
    const [pick] = await available(1);
    assert.ok(pick);
    const { id } = await fulfil(orderXml(existingXml([pick.tn])));
    assert.equal((await h.get(`${ACC}/orders/${id}/notes`)).status, 204);
    const added = await h.post(
      `${ACC}/orders/${id}/notes`,
      '<Note><UserId>demo</UserId><Description>First note</Description></Note>',
    );
    assert.equal(added.status, 201, added.body);
    assert.equal(added.body, '');
    const noteId = idFromLocation(added);
    assert.match(String(added.headers.location), new RegExp(`/orders/${id}/notes/${noteId}$`));
    await h.post(
      `${ACC}/orders/${id}/notes`,
      '<Note><UserId>demo</UserId><Description>Second</Description></Note>',
    );
    const list = await h.get(`${ACC}/orders/${id}/notes`);
    const notes = at(list.xml, 'Notes', 'Note') as unknown[];
    assert.equal(notes.length, 2);
    assert.equal(at(notes[0], 'Id'), noteId);
    assert.equal(at(notes[0], 'Description'), 'First note');
    assert.match(String(at(notes[0], 'LastDateModifier')), ISO);

    const noUser = await h.post(`${ACC}/orders/${id}/notes`, '<Note><Description>who?</Description></Note>');
    assert.equal(noUser.status, 400);
    assert.equal(at(noUser.xml, 'NoteResponse', 'ResponseStatus', 'ErrorCode'), '12501');
  });

  it('lists orders newest last with filters and paging links', async () => {
    const all = await h.get(`${ACC}/orders?page=1&size=500`);
    assert.equal(all.status, 200, all.body);
    const total = Number(at(all.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'TotalCount'));
    assert.ok(total >= 10, `${total}`);
    // Orders placed at the same (manual) instant list in id order: take one that got numbers.
    const entry = (
      at(all.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'OrderIdUserIdDate') as unknown[]
    ).find((e) => at(e, 'TelephoneNumberDetails', 'States') !== undefined);
    assert.match(String(at(entry, 'orderId')), UUID);
    assert.equal(at(entry, 'userId'), 'demo');
    assert.match(String(at(entry, 'OrderDate')), ISO);
    assert.ok(at(entry, 'TelephoneNumberDetails', 'States', 'StateWithCount', 'State'));

    const first = await h.get(`${ACC}/orders?page=1&size=3`);
    const firstIds = (
      at(first.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'OrderIdUserIdDate') as unknown[]
    ).map((e) => at(e, 'orderId'));
    assert.equal(firstIds.length, 3);
    const next = String(at(first.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'Links', 'next'));
    const url = /<([^>]+)>/.exec(next)?.[1] ?? '';
    assert.match(url, /\/v1\.0\/accounts\/9900000\/orders\?page=[0-9a-f-]{36}&size=3$/);
    const second = await h.get(url.slice(url.indexOf('/v1.0')));
    const secondIds = (
      at(second.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'OrderIdUserIdDate') as unknown[]
    ).map((e) => at(e, 'orderId'));
    assert.equal(secondIds.length, 3);
    assert.ok(secondIds.every((i) => !firstIds.includes(i)));

    const failed = await h.get(`${ACC}/orders?status=FAILED&size=500`);
    const failedEntries = [
      at(failed.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'OrderIdUserIdDate'),
    ].flat();
    assert.ok(failedEntries.length > 0);
    assert.ok(failedEntries.every((e) => at(e, 'OrderStatus') === 'FAILED'));
    const byCustomer = await h.get(`${ACC}/orders?customerOrderId=hello`);
    assert.equal(at(byCustomer.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'TotalCount'), '1');
    const byUser = await h.get(`${ACC}/orders?userid=nobody`);
    assert.equal(at(byUser.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'TotalCount'), '0');
    const today = await h.get(`${ACC}/orders?startdate=2026-12-01&enddate=2026-12-31`);
    assert.equal(
      at(today.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'TotalCount'),
      String(total),
    );
    const past = await h.get(`${ACC}/orders?startdate=2020-01-01&enddate=2020-01-02`);
    assert.equal(at(past.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'TotalCount'), '0');

    // Malformed query values are 400 (R18: "malformed Query Parameters can result in a 400"); a page
    // that names no order of the list is 404 ("the order id cannot be found").
    for (const [bad, status] of [
      ['status=DONE', 400],
      ['size=0', 400],
      ['startdate=yesterday&enddate=2026-12-01', 400],
      ['startdate=2026-12-01', 400],
      ['page=not-an-order', 404],
    ] as const) {
      const res = await h.get(`${ACC}/orders?${bad}`);
      assert.equal(res.status, status, bad);
      assert.equal(res.body, '', bad);
    }
  });

  it("shows a site's orders, and answers 404 with bare Links for a site without orders", async () => {
    const created = await h.post(`${ACC}/sites`, SITE_XML);
    assert.equal(created.status, 201, created.body);
    const emptySite = idFromLocation(created);
    const none = await h.get(`${ACC}/sites/${emptySite}/orders`);
    assert.equal(none.status, 404);
    assert.match(
      String(at(none.xml, 'Links', 'first')),
      /^Link=<.*\/sites\/\d+\/orders\?page=1&size=300>;rel="first";$/,
    );

    const [pick] = await available(1);
    assert.ok(pick);
    const { id } = await fulfil(orderXml(existingXml([pick.tn])));
    const list = await h.get(`${ACC}/sites/1/orders?page=1&size=500`);
    assert.equal(list.status, 200);
    const entries = [
      at(list.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'OrderIdUserIdDate'),
    ].flat();
    const mine = entries.find((e) => at(e, 'orderId') === id);
    assert.equal(at(mine, 'OrderType'), 'new_number');
    const one = await h.get(`${ACC}/sites/1/orders/${id}`);
    assert.equal(at(one.xml, 'OrderResponse', 'OrderStatus'), 'COMPLETE');
    const tns = await h.get(`${ACC}/sites/1/orders/${id}/tns`);
    assert.equal(at(tns.xml, 'TelephoneNumbers', 'TelephoneNumber'), String(pick.tn));
    assert.equal((await h.get(`${ACC}/sites/${emptySite}/orders/${id}`)).status, 404, 'not on that site');
    const total = await h.get(`${ACC}/sites/1/totaltns`);
    assert.ok(Number(at(total.xml, 'SiteTNsResponse', 'SiteTNs', 'TotalCount')) > 25);
  });

  it("does not show another account's orders", async () => {
    const [pick] = await available(1);
    assert.ok(pick);
    const { id } = await fulfil(orderXml(existingXml([pick.tn])));
    const res = await h.get(`/api/accounts/9900700/orders/${id}`, { auth: RIVAL });
    assert.equal(res.status, 404);
    assert.equal(at(res.xml, 'OrderResponse', 'ResponseStatus', 'ErrorCode'), '5035');
    assert.equal((await h.get(`/api/accounts/9900700/orders/${id}/tns`, { auth: RIVAL })).status, 404);
    assert.equal((await h.get(`${ACC}/orders/${id}`, { auth: RIVAL })).status, 403);
  });
});
