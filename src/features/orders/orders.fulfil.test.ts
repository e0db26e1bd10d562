import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DIALECT } from '../../../test/support/databases.js';
import { at, idFromLocation, type Harness } from '../../../test/support/harness.js';
import type { Coverage } from '../../shared/coverage.js';
import { TnStatus } from '../../shared/tn-status.js';
import {
  ACC,
  asVanity,
  completed,
  existingXml,
  ISO,
  type NumberRow,
  orderHelpers,
  orderXml,
  startOrdersHarness,
  statusOf,
  UUID,
} from './orders.fixtures.js';

describe(`new-number orders on ${DIALECT}: fulfilment of every order type`, () => {
  let h: Harness;
  let cov: Coverage;
  const { numberRow, available, post, getOrder, fulfil } = orderHelpers(() => h);

  before(async () => {
    ({ h, cov } = await startOrdersHarness());
  });
  after(() => h.close());

  it('accepts an order as RECEIVED (id in body and Location), then fulfils it onto the site and default peer', async () => {
    const res = await post(
      orderXml(
        '<AreaCodeSearchAndOrderType><AreaCode>919</AreaCode><Quantity>2</Quantity></AreaCodeSearchAndOrderType>',
      ),
    );
    assert.equal(res.status, 201, res.body);
    const id = idFromLocation(res);
    assert.match(id, UUID);
    assert.match(String(res.headers.location), new RegExp(`/api/accounts/9900000/orders/${id}$`));
    assert.equal(at(res.xml, 'OrderResponse', 'Order', 'id'), id);
    assert.equal(at(res.xml, 'OrderResponse', 'OrderStatus'), 'RECEIVED');
    assert.match(String(at(res.xml, 'OrderResponse', 'Order', 'OrderCreateDate')), ISO);
    assert.equal(at(res.xml, 'OrderResponse', 'Order', 'AreaCodeSearchAndOrderType', 'AreaCode'), '919');
    assert.equal(at(res.xml, 'OrderResponse', 'Order', 'PartialAllowed'), 'true');
    assert.equal(at(res.xml, 'OrderResponse', 'Order', 'BackOrderRequested'), 'false');
    // The element order of the 201 body, as the contract lists it.
    const order = res.body.slice(res.body.indexOf('<Order>'));
    const positions = [
      '<CustomerOrderId>',
      '<id>',
      '<Name>',
      '<OrderCreateDate>',
      '<AreaCodeSearchAndOrderType>',
      '<PartialAllowed>',
      '<SiteId>',
    ].map((tag) => order.indexOf(tag));
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
      order,
    );

    const pending = await getOrder(id);
    assert.equal(statusOf(pending), 'RECEIVED');
    assert.equal(at(pending.xml, 'OrderResponse', 'PendingQuantity'), '2');

    await h.drain();
    const done = await getOrder(id);
    assert.equal(statusOf(done), 'COMPLETE', done.body);
    assert.equal(at(done.xml, 'OrderResponse', 'CompletedQuantity'), '2');
    assert.equal(at(done.xml, 'OrderResponse', 'FailedQuantity'), '0');
    assert.equal(at(done.xml, 'OrderResponse', 'CreatedByUser'), 'demo');
    assert.match(String(at(done.xml, 'OrderResponse', 'OrderCompleteDate')), ISO);
    assert.equal(at(done.xml, 'OrderResponse', 'ErrorList'), undefined);
    const tns = completed(done);
    assert.equal(tns.length, 2);
    for (const tn of tns) {
      assert.equal(Math.floor(tn / 1e7), 919);
      const row = await numberRow(tn);
      assert.equal(row.status, TnStatus.inService);
      assert.equal(row.account_id, '9900000');
      assert.equal(row.site_id, 1);
      assert.equal(row.sip_peer_id, 500000);
      assert.equal(row.order_id, id);
      assert.equal((await h.get(`${ACC}/inserviceNumbers/${tn}`)).status, 200);
    }
    const history = await h.get(`${ACC}/orders/${id}/history`);
    const statuses = (at(history.xml, 'OrderHistoryWrapper', 'OrderHistory') as unknown[]).map((e) =>
      at(e, 'Status'),
    );
    assert.deepEqual(statuses, ['RECEIVED', 'COMPLETE']);
  });

  it('fills every search order type with numbers that meet its criteria', async () => {
    /** Each case builds its criteria from a number available at that moment (earlier cases take some). */
    interface Sample {
      readonly tn: number;
      readonly rc: NonNullable<ReturnType<Coverage['rateCenter']>>;
      readonly city: ReturnType<Coverage['city']>;
      readonly zip: string | undefined;
      readonly npaNxx: string;
    }
    const sample = async (
      range: readonly [number, number] = [9_190_000_000, 9_199_999_999],
    ): Promise<Sample> => {
      const [row] = await available(1, range);
      assert.ok(row);
      const rc = cov.rateCenter(row.rate_center_id);
      assert.ok(rc);
      const zip = cov.zipsOfRateCenter(rc.id)[0];
      return { tn: row.tn, rc, city: cov.city(row.city_id), zip, npaNxx: String(row.tn).slice(0, 6) };
    };
    const cases: ((s: Sample) => { type: string; check: (row: NumberRow) => void })[] = [
      ({ rc }) => ({
        type: `<RateCenterSearchAndOrderType><RateCenter>${rc.abbreviation}</RateCenter><State>${rc.state}</State><EnableLCA>false</EnableLCA><Quantity>1</Quantity></RateCenterSearchAndOrderType>`,
        check: (r) => assert.equal(r.rate_center_id, rc.id),
      }),
      ({ npaNxx }) => ({
        type: `<NPANXXSearchAndOrderType><NpaNxx>${npaNxx}</NpaNxx><EnableTNDetail>true</EnableTNDetail><EnableLCA>false</EnableLCA><Quantity>1</Quantity></NPANXXSearchAndOrderType>`,
        check: (r) => assert.equal(String(r.tn).slice(0, 6), npaNxx),
      }),
      ({ tn }) => ({
        type: `<NPANXXSearchAndOrderType><NpaNxx>${String(tn).slice(0, 7)}</NpaNxx><EnableLCA>false</EnableLCA><Quantity>1</Quantity></NPANXXSearchAndOrderType>`,
        check: (r) => assert.equal(String(r.tn).slice(0, 7), String(tn).slice(0, 7)),
      }),
      ({ rc }) => ({
        type: `<StateSearchAndOrderType><Quantity>1</Quantity><State>${rc.state}</State></StateSearchAndOrderType>`,
        check: (r) => assert.equal(r.state, rc.state),
      }),
      ({ rc, city }) => ({
        type: `<CitySearchAndOrderType><Quantity>1</Quantity><City>${city?.name ?? ''}</City><State>${rc.state}</State></CitySearchAndOrderType>`,
        check: (r) => assert.ok(city && cov.rateCentersOfCity(city.id).includes(r.rate_center_id ?? -1)),
      }),
      ({ zip }) => ({
        type: `<ZIPSearchAndOrderType><Quantity>1</Quantity><Zip>${zip ?? ''}</Zip></ZIPSearchAndOrderType>`,
        check: (r) => assert.ok(zip && cov.rateCentersOfZip(zip).includes(r.rate_center_id ?? -1)),
      }),
      ({ rc }) => ({
        type: `<LATASearchAndOrderType><Quantity>1</Quantity><Lata>${rc.lata}</Lata></LATASearchAndOrderType>`,
        check: (r) => assert.equal(r.lata, rc.lata),
      }),
      ({ npaNxx, rc, city }) => ({
        type: `<CombinedSearchAndOrderType><Quantity>1</Quantity><NpaNxx>${npaNxx}</NpaNxx><City>${city?.name ?? ''}</City><State>${rc.state}</State><EnableLCA>false</EnableLCA></CombinedSearchAndOrderType>`,
        check: (r) => {
          assert.equal(String(r.tn).slice(0, 6), npaNxx);
          assert.equal(r.state, rc.state);
        },
      }),
    ];
    const [tollFree] = await available(1, [8_000_000_000, 8_899_999_999]);
    assert.ok(tollFree);
    cases.push(() => ({
      type: `<TollFreeWildCharSearchAndOrderType><Quantity>1</Quantity><TollFreeWildCardPattern>${String(tollFree.tn).slice(0, 2)}*</TollFreeWildCardPattern></TollFreeWildCharSearchAndOrderType>`,
      check: (r) => assert.equal(String(r.tn).slice(0, 2), String(tollFree.tn).slice(0, 2)),
    }));
    for (const make of cases) {
      const c = make(await sample());
      const { res } = await fulfil(orderXml(c.type));
      assert.equal(statusOf(res), 'COMPLETE', `${c.type}\n${res.body}`);
      const [tn] = completed(res);
      assert.ok(tn, res.body);
      c.check(await numberRow(tn));
    }

    // Vanity: the pattern of an available number's last digits, locally and toll-free.
    const [local] = await available(1, [9_190_000_000, 9_199_999_999]);
    assert.ok(local);
    const localWord = asVanity(String(local.tn).slice(-4));
    const vanity = await fulfil(
      orderXml(
        `<CombinedSearchAndOrderType><Quantity>1</Quantity><AreaCode>919</AreaCode><LocalVanity>${localWord}</LocalVanity><EndsIn>true</EndsIn></CombinedSearchAndOrderType>`,
      ),
    );
    assert.equal(statusOf(vanity.res), 'COMPLETE', vanity.res.body);
    assert.equal(asVanity(String(completed(vanity.res)[0]).slice(-4)), localWord);

    const [tf] = await available(1, [8_000_000_000, 8_899_999_999]);
    assert.ok(tf);
    const tfWord = asVanity(String(tf.tn).slice(-4));
    const tfOrder = await fulfil(
      orderXml(
        `<TollFreeVanitySearchAndOrderType><Quantity>1</Quantity><TollFreeVanity>${tfWord}</TollFreeVanity></TollFreeVanitySearchAndOrderType>`,
      ),
    );
    assert.equal(statusOf(tfOrder.res), 'COMPLETE', tfOrder.res.body);
    assert.ok(asVanity(String(completed(tfOrder.res)[0]).slice(3)).includes(tfWord));
  });

  it('orders named numbers, with tndetail describing each', async () => {
    const picks = await available(2);
    const { id, res } = await fulfil(orderXml(existingXml(picks.map((p) => p.tn))));
    assert.equal(statusOf(res), 'COMPLETE', res.body);
    assert.deepEqual(
      completed(res),
      picks.map((p) => p.tn),
    );
    const detail = await getOrder(id, '?tndetail=true');
    const first = at(detail.xml, 'OrderResponse', 'CompletedNumbers', 'TelephoneNumber', 0);
    const rc = cov.rateCenter(picks[0]?.rate_center_id);
    assert.equal(at(first, 'RateCenter'), rc?.abbreviation);
    assert.equal(at(first, 'State'), rc?.state);
    assert.equal(at(first, 'VendorName'), 'Bandwidth CLEC');
  });

  it('marks numbers Protected when the order asks', async () => {
    const { res } = await fulfil(
      orderXml(
        '<AreaCodeSearchAndOrderType><AreaCode>919</AreaCode><Quantity>1</Quantity></AreaCodeSearchAndOrderType><TnAttributes><TnAttribute>Protected</TnAttribute></TnAttributes>',
      ),
    );
    assert.equal(statusOf(res), 'COMPLETE');
    assert.equal(at(res.xml, 'OrderResponse', 'Order', 'TnAttributes', 'TnAttribute'), 'Protected');
    const [tn] = completed(res);
    assert.ok(tn);
    assert.equal((await numberRow(tn)).protected, 1);
  });
});
