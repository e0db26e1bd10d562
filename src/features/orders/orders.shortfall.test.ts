import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DIALECT } from '../../../test/support/databases.js';
import { at, idFromLocation, type Harness } from '../../../test/support/harness.js';
import type { Coverage } from '../../shared/coverage.js';
import { TnStatus } from '../../shared/tn-status.js';
import {
  ACC,
  completed,
  existingXml,
  orderHelpers,
  orderXml,
  RIVAL,
  startOrdersHarness,
  statusOf,
} from './orders.fixtures.js';

describe(`new-number orders on ${DIALECT}: numbers it cannot get (partial, failed, reserved)`, () => {
  let h: Harness;
  let cov: Coverage;
  let rivalSite: string;
  const { db, numberRow, available, place, fulfil } = orderHelpers(() => h);

  before(async () => {
    ({ h, cov, rivalSite } = await startOrdersHarness());
  });
  after(() => h.close());

  it('reports numbers it could not get: PARTIAL with per-number errors, or FAILED and untouched when all-or-nothing', async () => {
    const [free] = await available(1);
    assert.ok(free);
    const [taken] = (await available(2)).slice(1);
    assert.ok(taken);
    await place(orderXml(existingXml([taken.tn])));
    await h.drain();

    const partial = await fulfil(orderXml(existingXml([free.tn, taken.tn, 2125550000])));
    assert.equal(statusOf(partial.res), 'PARTIAL', partial.res.body);
    assert.deepEqual(completed(partial.res), [free.tn]);
    const errors = at(partial.res.xml, 'OrderResponse', 'ErrorList', 'Error') as unknown[];
    assert.deepEqual(
      errors.map((e) => [at(e, 'Code'), at(e, 'TelephoneNumber')]),
      (
        [
          ['5071', '2125550000'],
          ['5005', String(taken.tn)],
        ] as const
      ).toSorted((x, y) => x[1].localeCompare(y[1])),
    );
    assert.equal(at(partial.res.xml, 'OrderResponse', 'FailedQuantity'), '2');
    assert.match(
      String(at(partial.res.xml, 'OrderResponse', 'Summary')),
      /^1 out of 3 numbers ordered in \(\d{3}\)$/,
    );
    const failedNumbers = at(partial.res.xml, 'OrderResponse', 'FailedNumbers', 'FullNumber');
    assert.deepEqual(failedNumbers, ['2125550000', String(taken.tn)].sort());

    const [free2] = await available(1);
    assert.ok(free2);
    const all = await fulfil(
      orderXml(existingXml([free2.tn, taken.tn]), '<PartialAllowed>false</PartialAllowed><SiteId>1</SiteId>'),
    );
    assert.equal(statusOf(all.res), 'FAILED', all.res.body);
    assert.deepEqual(completed(all.res), []);
    assert.equal((await numberRow(free2.tn)).status, TnStatus.available);
  });

  it('ends a search order short of numbers PARTIAL (5017) or FAILED (5018), and FAILED with nothing taken when all-or-nothing', async () => {
    // A rate centre with a single available number, searched without its local calling area.
    const lonely = await db()
      .selectFrom('telephone_numbers')
      .select(['rate_center_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('status', '=', TnStatus.available)
      .where('rate_center_id', 'is not', null)
      .groupBy('rate_center_id')
      .having((eb) => eb.fn.countAll(), '=', 2)
      .orderBy('rate_center_id')
      .limit(1)
      .execute();
    const a = cov.rateCenter(lonely[0]?.rate_center_id);
    assert.ok(a);
    const rcOrder = (rc: typeof a, quantity: number) =>
      `<RateCenterSearchAndOrderType><RateCenter>${rc.abbreviation}</RateCenter><State>${rc.state}</State><EnableLCA>false</EnableLCA><Quantity>${quantity}</Quantity></RateCenterSearchAndOrderType>`;

    const strict = await fulfil(
      orderXml(rcOrder(a, 3), '<PartialAllowed>false</PartialAllowed><SiteId>1</SiteId>'),
    );
    assert.equal(statusOf(strict.res), 'FAILED', strict.res.body);
    assert.equal(at(strict.res.xml, 'OrderResponse', 'ErrorList', 'Error', 'Code'), '5018');
    const left = await db()
      .selectFrom('telephone_numbers')
      .select('tn')
      .where('rate_center_id', '=', a.id)
      .where('status', '=', TnStatus.available)
      .execute();
    assert.equal(left.length, 2, 'all-or-nothing took nothing');

    const partial = await fulfil(orderXml(rcOrder(a, 3)));
    assert.equal(statusOf(partial.res), 'PARTIAL', partial.res.body);
    assert.equal(completed(partial.res).length, 2);
    assert.equal(at(partial.res.xml, 'OrderResponse', 'ErrorList', 'Error', 'Code'), '5017');

    const none = await fulfil(orderXml(rcOrder(a, 1)));
    assert.equal(statusOf(none.res), 'FAILED');
    assert.equal(at(none.res.xml, 'OrderResponse', 'ErrorList', 'Error', 'Code'), '5018');
  });

  it('honours a reservation named in the order and refuses the reserved number without it', async () => {
    const [tn] = (await available(1)).map((r) => r.tn);
    assert.ok(tn);
    const reserved = await h.post(
      `${ACC}/tnreservation`,
      `<Reservation><ReservedTn>${tn}</ReservedTn></Reservation>`,
    );
    assert.equal(reserved.status, 201, reserved.body);
    const reservationId = idFromLocation(reserved);

    const without = await fulfil(orderXml(existingXml([tn])));
    assert.equal(statusOf(without.res), 'FAILED');
    assert.equal(at(without.res.xml, 'OrderResponse', 'ErrorList', 'Error', 'Code'), '5005');
    assert.match(
      String(at(without.res.xml, 'OrderResponse', 'ErrorList', 'Error', 'Description')),
      /ReservationId/,
    );

    // Another account cannot order it, even naming the reservation.
    const rivalOrder = await h.post(
      '/api/accounts/9900700/orders',
      orderXml(existingXml([tn], [reservationId]), `<SiteId>${rivalSite}</SiteId>`),
      { auth: RIVAL },
    );
    assert.equal(rivalOrder.status, 201, rivalOrder.body);
    await h.drain();
    const rivalResult = await h.get(`/api/accounts/9900700/orders/${idFromLocation(rivalOrder)}`, {
      auth: RIVAL,
    });
    assert.equal(statusOf(rivalResult), 'FAILED', rivalResult.body);
    assert.equal(at(rivalResult.xml, 'OrderResponse', 'ErrorList', 'Error', 'Code'), '5005');

    const withId = await fulfil(orderXml(existingXml([tn], [reservationId])));
    assert.equal(statusOf(withId.res), 'COMPLETE', withId.res.body);
    const row = await numberRow(tn);
    assert.equal(row.status, TnStatus.inService);
    assert.equal(row.reservation_id, null);
    const reservation = await db()
      .selectFrom('tn_reservations')
      .selectAll()
      .where('id', '=', reservationId)
      .executeTakeFirstOrThrow();
    assert.equal(reservation.state, 'used');
  });
});
