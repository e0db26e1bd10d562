import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, DEMO, errorCode, startHarness, type Harness } from '../../../test/support/harness.js';
import { TnStatus } from '../inventory/index.js';
import {
  CARRIER,
  fileLsr,
  inService,
  LSR,
  lsrCodes,
  lsrStatus,
  lsrXml,
  OTHER_OWNER,
  OWNER,
  portOutsOf,
  setPorting,
  settle,
  setUpCarriers,
} from './porting-out.fixtures.js';

/**
 * LSR orders through HTTP on the manual clock (Tuesday 2026-12-01 07:00 Eastern): every rule of
 * the request with its code, the lifecycle through the owners' port-outs (no validation, the
 * account's PIN, SUPP after EXCEPTION, two owners and PARTIAL), the FOC-date completion moving
 * numbers off their owner, cancellation, lists and filters, history, and tenant isolation.
 */
const FOC_TIME = Date.parse('2026-12-02T14:00:00.000Z'); // 9:00 Eastern on the next business day

describe('LSR orders', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ inventory: 2000, env: { LOG_LEVEL: 'error' } });
    await setUpCarriers(h);
  });
  after(async () => h.close());

  const post = (body: string) => h.post(LSR, body, { auth: CARRIER.user });
  const numberStatus = async (tn: number) =>
    (await h.app.deps.database.db.selectFrom('telephone_numbers').selectAll().where('tn', '=', tn).executeTakeFirstOrThrow());

  it('answers every rule broken at once, with the order echoed FAILED', async () => {
    const [tn] = await inService(h, 1);
    const res = await post(
      lsrXml({
        tns: [tn ?? 0, '8005551234', '12345'],
        pon: 'bad pon!',
        spid: 'ZZZ9',
        foc: '2026-12-05',
        authorizingPerson: null,
        businessName: 'A business name longer than twenty-five',
        zip: '2760',
        pin: 'too-long-pin-1',
      }),
    );
    assert.equal(res.status, 400);
    assert.equal(at(res.xml, 'LsrOrderResponse', 'ResponseStatus', 'ErrorCode'), '400');
    assert.equal(at(res.xml, 'LsrOrderResponse', 'LsrOrder', 'OrderStatus'), 'FAILED');
    assert.deepEqual(lsrCodes(res).sort(), ['17004', '17007', '17020', '17023', '17002', '7214', '7324', '17019'].sort());
  });

  it('checks the numbers: none, invalid, toll-free, twice, not here, external', async () => {
    const [tn] = await inService(h, 1);
    const cases: [string, string[]][] = [
      [lsrXml({ tns: [] }), ['17003']],
      [lsrXml({ tns: ['919238146'] }), ['17002']],
      [lsrXml({ tns: ['8005551234'] }), ['17005']],
      [lsrXml({ tns: [tn ?? 0, tn ?? 0] }), ['17009']],
      [lsrXml({ tns: ['9195550199'] }), ['5008']],
      [lsrXml({ tns: [tn ?? 0, '9195550199'] }), ['17002']],
    ];
    for (const [body, expected] of cases) {
      const res = await post(body);
      assert.equal(res.status, 400, body);
      assert.deepEqual(lsrCodes(res), expected, body);
    }
  });

  it('checks the subscriber, the dates and the SPID', async () => {
    const [tn = 0] = await inService(h, 1);
    const cases: [string, string[]][] = [
      [lsrXml({ tns: [tn], pon: '' }), ['7120']],
      [lsrXml({ tns: [tn], type: 'RESIDENTIAL', lastName: '' }), ['17012']],
      [lsrXml({ tns: [tn], foc: '2026-13-01' }), ['17013']],
      [lsrXml({ tns: [tn], foc: '2026-11-30' }), ['7208']],
      [lsrXml({ tns: [tn], foc: '2026-12-25' }), ['17019']],
      [lsrXml({ tns: [tn], accountNumber: 'acct#1' }), ['17006']],
      [lsrXml({ tns: [tn], customerOrderId: 'bad$id' }), ['7318']],
      [lsrXml({ tns: [tn], spid: 'TOOLONG' }), ['17021']],
    ];
    for (const [body, expected] of cases) {
      const res = await post(body);
      assert.equal(res.status, 400, body);
      assert.deepEqual(lsrCodes(res), expected, body);
    }
    const business = await post(
      lsrXml({ tns: [tn] }).replace('<BusinessName>Acme Corporation</BusinessName>', '<LastName>Doe</LastName>'),
    );
    assert.deepEqual(lsrCodes(business).sort(), ['17010', '17011']);
    // An account without an SPID cannot file LSR orders (17027).
    const noSpid = await h.post(`${OWNER}/lsrorders`, lsrXml({ tns: [tn] }));
    assert.deepEqual(lsrCodes(noSpid), ['17027']);
  });

  it('refuses a PON the account already used (17032)', async () => {
    const [a = 0, b = 0] = await inService(h, 2);
    await fileLsr(h, { tns: [a], pon: 'SAME-PON' });
    const again = await post(lsrXml({ tns: [b], pon: 'SAME-PON' }));
    assert.deepEqual(lsrCodes(again), ['17032']);
  });

  it('without validation: PENDING, FOC, then COMPLETE on the FOC date, the numbers off their owner', async () => {
    const tns = await inService(h, 3);
    for (const tn of tns) assert.equal((await h.get(`${OWNER}/inserviceNumbers/${tn}`)).status, 200);
    const created = await post(lsrXml({ tns, customerOrderId: 'carrier-1' }));
    assert.equal(created.status, 201, created.body);
    assert.match(String(created.headers.location), /\/lsrorders\/[0-9a-f-]{36}$/);
    assert.equal(at(created.xml, 'LsrOrderResponse', 'LsrOrder', 'OrderStatus'), 'PENDING');
    assert.equal(at(created.xml, 'LsrOrderResponse', 'LsrOrder', 'SPID'), CARRIER.spid);
    const id = String(at(created.xml, 'LsrOrderResponse', 'LsrOrder', 'OrderId'));
    await settle(h);
    const foc = await h.get(`${LSR}/${id}`, { auth: CARRIER.user });
    assert.equal(at(foc.xml, 'LsrOrder', 'OrderStatus'), 'FOC');
    assert.equal(at(foc.xml, 'LsrOrder', 'ActualFocDate'), '2026-12-02');
    assert.equal(at(foc.xml, 'LsrOrder', 'CountOfTNs'), '3');
    const [portOut, ...others] = await portOutsOf(h, DEMO.accountId, `?tn=${tns[1]}`);
    assert.ok(portOut);
    assert.equal(others.length, 0);
    assert.equal(portOut.ProcessingStatus, 'FOC');
    assert.equal(portOut.CountOfTNs, '3');
    assert.equal(portOut.VendorId, CARRIER.spid);
    // Nothing leaves before the FOC time.
    assert.equal((await numberStatus(tns[0] ?? 0)).status, TnStatus.inService);

    h.clock.set(FOC_TIME);
    await settle(h);
    assert.equal(await lsrStatus(h, id), 'COMPLETE');
    const one = await h.get(`${OWNER}/portouts/${portOut.OrderId}`);
    assert.equal(at(one.xml, 'LnpOrderResponse', 'PortOutStatus'), 'COMPLETE');
    assert.equal(at(one.xml, 'LnpOrderResponse', 'SPID'), CARRIER.spid);
    for (const tn of tns) {
      const row = await numberStatus(tn);
      assert.equal(row.status, TnStatus.portedOut);
      assert.equal(row.account_id, null);
      assert.equal(row.sip_peer_id, null);
      assert.equal(row.ported_to, CARRIER.spid);
    }
    const history = await h.app.deps.database.db
      .selectFrom('tn_history')
      .selectAll()
      .where('tn', '=', tns[0] ?? 0)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(history.order_type, 'PORT_OUT_ORDER');
    assert.equal(history.order_id, portOut.OrderId);
    assert.equal(history.account_id, DEMO.accountId);
    for (const tn of tns) {
      assert.equal((await h.get(`${OWNER}/inserviceNumbers/${tn}`)).status, 404, 'no longer in service');
    }
  });
});
