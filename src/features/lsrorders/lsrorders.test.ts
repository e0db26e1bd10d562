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
  lsrFocDate,
  lsrStatus,
  lsrXml,
  OTHER_OWNER,
  OWNER,
  portOutsOf,
  setPorting,
  settle,
  setUpCarriers,
} from '../../../test/support/porting-out.js';

/**
 * LSR orders through HTTP on the manual clock (Tuesday 2026-12-01 07:00 Eastern): every rule of
 * the request with its code, the lifecycle through the owners' port-outs (no validation, the
 * account's PIN, SUPP after EXCEPTION, two owners and PARTIAL), the FOC-date completion moving
 * numbers off their owner, cancellation, lists and filters, history, and tenant isolation.
 */
const FOC_TIME = Date.parse('2026-12-02T14:00:00.000Z'); // 9:00 Eastern on the next business day
/** 9:00 Eastern (in December) of an FOC date, when the numbers leave. */
const focTime = (day: string) => Date.parse(`${day}T14:00:00.000Z`);

describe('LSR orders', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ inventory: 2000, env: { LOG_LEVEL: 'error' } });
    await setUpCarriers(h);
  });
  after(async () => h.close());

  const post = (body: string) => h.post(LSR, body, { auth: CARRIER.user });
  const numberStatus = async (tn: number) =>
    await h.app.deps.database.db
      .selectFrom('telephone_numbers')
      .selectAll()
      .where('tn', '=', tn)
      .executeTakeFirstOrThrow();

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
    assert.deepEqual(
      lsrCodes(res).sort(),
      ['17004', '17007', '17020', '17023', '17002', '7214', '7324', '17019'].sort(),
    );
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
      lsrXml({ tns: [tn] }).replace(
        '<BusinessName>Acme Corporation</BusinessName>',
        '<LastName>Doe</LastName>',
      ),
    );
    assert.deepEqual(lsrCodes(business).sort(), ['17010', '17011']);
    // An account without an SPID cannot file LSR orders (17027).
    const noSpid = await h.post(`${OWNER}/lsrorders`, lsrXml({ tns: [tn] }));
    assert.deepEqual(lsrCodes(noSpid), ['17027']);
  });

  it('refuses more than 5,000 numbers (13522) and a body that is not an LsrOrder, in the LSR shape', async () => {
    const many = Array.from({ length: 5001 }, (_, i) => String(9194000000 + i));
    const big = await post(lsrXml({ tns: many }));
    assert.equal(big.status, 400);
    assert.deepEqual(lsrCodes(big), ['13522']);
    for (const body of ['not xml', '<LsrOrder><Pon>x</Pon>', '<Other/>']) {
      const res = await post(body);
      assert.equal(res.status, 400, body);
      assert.match(res.body, /^<\?xml[^>]*\?><LsrOrderResponse><ResponseStatus><ErrorCode>400<\/ErrorCode>/);
    }
  });

  it("shows the carrier account's SPID", async () => {
    const res = await h.get(`/api/accounts/${CARRIER.accountId}`, { auth: CARRIER.user });
    assert.equal(at(res.xml, 'AccountResponse', 'Account', 'SPID'), CARRIER.spid);
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
    assert.equal(at(foc.xml, 'LsrOrder', 'ActualFocDate'), undefined, 'not an element of the order');
    assert.equal(await lsrFocDate(h, id), '2026-12-02');
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

  describe("with the owner's port-out PIN", () => {
    before(async () => {
      await setPorting(h, DEMO.accountId, { portOutPin: '4321' });
    });
    after(async () => {
      await setPorting(h, DEMO.accountId, { portOutPin: null });
    });

    it('refuses a wrong PIN (7513) and a missing one (7512); a SUPP with the right one validates again', async () => {
      const tns = await inService(h, 2);
      const id = await fileLsr(h, { tns, pin: '1111' });
      await settle(h);
      const refused = await h.get(`${LSR}/${id}`, { auth: CARRIER.user });
      assert.equal(at(refused.xml, 'LsrOrder', 'OrderStatus'), 'EXCEPTION');
      assert.deepEqual(lsrCodes(refused), ['7513']);
      assert.match(
        String(at(refused.xml, 'LsrOrder', 'LsrOrderErrors', 'LsrOrderError', 'Description')),
        new RegExp(String(tns[0])),
      );
      const [portOut] = await portOutsOf(h, DEMO.accountId, `?tn=${tns[0]}`);
      assert.equal(portOut?.ProcessingStatus, 'VALIDATION_FAILED_NEW');
      assert.equal(portOut?.ErrorCode, '7513');

      const requested = String(at(refused.xml, 'LsrOrder', 'RequestedFocDate'));
      const later = requested < '2026-12-04' ? '2026-12-04' : '2026-12-07';
      const supp = await h.put(
        `${LSR}/${id}`,
        lsrXml({ tns: [], pin: '4321', foc: later }).replace(/<Pon>[^<]*<\/Pon>/, ''),
        { auth: CARRIER.user },
      );
      assert.equal(supp.status, 200, supp.body);
      assert.equal(at(supp.xml, 'LsrOrderResponse', 'LsrOrder', 'OrderStatus'), 'PENDING');
      assert.equal(at(supp.xml, 'LsrOrderResponse', 'LsrOrder', 'PonVersion'), '1');
      assert.equal(at(supp.xml, 'LsrOrderResponse', 'LsrOrder', 'RequestedFocDate'), later);
      await settle(h);
      const foc = await h.get(`${LSR}/${id}`, { auth: CARRIER.user });
      assert.equal(at(foc.xml, 'LsrOrder', 'OrderStatus'), 'FOC');
      assert.equal(await lsrFocDate(h, id), later);
      const [supped] = await portOutsOf(h, DEMO.accountId, `?tn=${tns[0]}`);
      assert.equal(supped?.ProcessingStatus, 'FOC');
      const history = await h.get(`${LSR}/${id}/history`, { auth: CARRIER.user });
      const entries = at(history.xml, 'OrderHistoryWrapper', 'OrderHistory') as Record<string, string>[];
      assert.deepEqual(
        entries.map((e) => e.Status),
        ['PENDING', 'EXCEPTION', 'PENDING', 'FOC'],
      );
      assert.match(
        entries[2]?.Difference ?? '',
        new RegExp(`RequestedFocDate : "${requested}" --> ${later}`),
      );
      assert.match(entries[2]?.Difference ?? '', /PinNumber : "1111" --> 4321/);
      assert.equal(entries[3]?.Note, 'Port-out date has been set');
      assert.equal(entries[3]?.Difference, `ActualFocDate : "" --> ${later}`);

      const missing = await fileLsr(h, { tns: await inService(h, 1) });
      await settle(h);
      const noPin = await h.get(`${LSR}/${missing}`, { auth: CARRIER.user });
      assert.deepEqual(lsrCodes(noPin), ['7512']);
    });

    it('asks each owner for its own numbers: one refuses, one approves, PARTIAL; on the FOC date only the approved numbers leave', async () => {
      const mine = await inService(h, 2);
      const theirs = await inService(h, 2, OTHER_OWNER);
      const id = await fileLsr(h, { tns: [...mine, ...theirs], pin: '9999' });
      await settle(h);
      const partial = await h.get(`${LSR}/${id}`, { auth: CARRIER.user });
      assert.equal(at(partial.xml, 'LsrOrder', 'OrderStatus'), 'PARTIAL');
      assert.equal(at(partial.xml, 'LsrOrder', 'CountOfTNs'), '4');
      const error = at(partial.xml, 'LsrOrder', 'LsrOrderErrors', 'LsrOrderError') as Record<string, string>;
      assert.equal(error.Code, '7513');
      assert.ok(
        mine.every((tn) => error.Description?.includes(String(tn))),
        error.Description,
      );
      assert.ok(theirs.every((tn) => !error.Description?.includes(String(tn))));
      assert.equal((await portOutsOf(h, OTHER_OWNER, `?tn=${theirs[0]}`))[0]?.ProcessingStatus, 'FOC');

      h.clock.set(focTime(await lsrFocDate(h, id)));
      await settle(h);
      const done = await h.get(`${LSR}/${id}`, { auth: CARRIER.user });
      assert.equal(at(done.xml, 'LsrOrder', 'OrderStatus'), 'COMPLETE');
      for (const tn of theirs) assert.equal((await numberStatus(tn)).status, TnStatus.portedOut);
      for (const tn of mine) assert.equal((await numberStatus(tn)).status, TnStatus.inService);
      assert.equal((await portOutsOf(h, DEMO.accountId, `?tn=${mine[0]}`))[0]?.ProcessingStatus, 'CANCELLED');
      // Each number is in exactly one state, and the in-service numbers are still the owner's.
      const counts = await h.app.deps.database.db
        .selectFrom('telephone_numbers')
        .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('tn', 'in', [...mine, ...theirs])
        .groupBy('status')
        .execute();
      assert.deepEqual(counts.map((c) => [c.status, Number(c.n)]).sort(), [
        [TnStatus.inService, 2],
        [TnStatus.portedOut, 2],
      ]);
    });
  });

  it('frees the numbers of an order that FAILED: none could leave on the FOC date', async () => {
    const tns = await inService(h, 1);
    const id = await fileLsr(h, { tns });
    await settle(h);
    // The owner disconnects the number before the FOC date.
    const disconnect = await h.post(
      `${OWNER}/disconnects`,
      `<DisconnectTelephoneNumberOrder><DisconnectTelephoneNumberOrderType><TelephoneNumberList><TelephoneNumber>${tns[0]}</TelephoneNumber></TelephoneNumberList></DisconnectTelephoneNumberOrderType></DisconnectTelephoneNumberOrder>`,
    );
    assert.equal(disconnect.status, 201, disconnect.body);
    await h.drain();
    h.clock.set(Math.max(h.clock.nowMs(), focTime(await lsrFocDate(h, id))));
    await settle(h);
    const failed = await h.get(`${LSR}/${id}`, { auth: CARRIER.user });
    assert.equal(at(failed.xml, 'LsrOrder', 'OrderStatus'), 'FAILED');
    assert.deepEqual(lsrCodes(failed), ['17036', '7518']);
    const [portOut] = await portOutsOf(h, DEMO.accountId, `?tn=${tns[0]}`);
    assert.equal(portOut?.ProcessingStatus, 'CANCELLED');
    const held = await h.app.deps.database.db
      .selectFrom('port_out_numbers')
      .select('open')
      .where('tn', '=', tns[0] ?? 0)
      .execute();
    assert.deepEqual(
      held.map((r) => r.open),
      [0],
      'no longer held',
    );
  });

  it('refuses to change or cancel an order once some of its numbers have left (17029)', async () => {
    await setPorting(h, OTHER_OWNER, { portOutValidationUrl: 'http://127.0.0.1:9/unreachable' });
    try {
      const mine = await inService(h, 1);
      const theirs = await inService(h, 1, OTHER_OWNER);
      const id = await fileLsr(h, { tns: [...mine, ...theirs] });
      await settle(h);
      assert.equal(await lsrStatus(h, id), 'PENDING', 'the second owner is still being asked');
      const [mineOut] = await portOutsOf(h, DEMO.accountId, `?tn=${mine[0]}`);
      assert.equal(mineOut?.ProcessingStatus, 'FOC');
      h.clock.set(
        Math.max(
          h.clock.nowMs(),
          focTime(
            String(
              at(
                (await h.get(`${OWNER}/portouts/${mineOut?.OrderId}`)).xml,
                'LnpOrderResponse',
                'ActualFocDate',
              ),
            ).slice(0, 10),
          ),
        ),
      );
      await h.drain();
      assert.equal((await numberStatus(mine[0] ?? 0)).status, TnStatus.portedOut);
      const cancel = await h.put(
        `${LSR}/${id}`,
        '<LsrOrder><OrderStatus>CANCELLED</OrderStatus></LsrOrder>',
        {
          auth: CARRIER.user,
        },
      );
      assert.equal(cancel.status, 400);
      assert.deepEqual(lsrCodes(cancel), ['17029']);
      const supp = await h.put(
        `${LSR}/${id}`,
        '<LsrOrder><AuthorizingPerson>X</AuthorizingPerson></LsrOrder>',
        {
          auth: CARRIER.user,
        },
      );
      assert.deepEqual(lsrCodes(supp), ['17029']);
    } finally {
      await setPorting(h, OTHER_OWNER, { portOutValidationUrl: null });
    }
  });

  it('cancels with OrderStatus CANCELLED (17018 when other changes came with it); a final order cannot change', async () => {
    const tns = await inService(h, 1);
    const id = await fileLsr(h, { tns });
    await settle(h);
    const wrong = await h.put(`${LSR}/${id}`, '<LsrOrder><OrderStatus>COMPLETE</OrderStatus></LsrOrder>', {
      auth: CARRIER.user,
    });
    assert.equal(wrong.status, 400);
    assert.deepEqual(lsrCodes(wrong), ['17025']);
    assert.equal(at(wrong.xml, 'LsrOrderResponse', 'LsrOrder', 'OrderId'), id);
    const fixed = await h.put(`${LSR}/${id}`, `<LsrOrder><Pon>OTHER</Pon></LsrOrder>`, {
      auth: CARRIER.user,
    });
    assert.deepEqual(lsrCodes(fixed), ['17025']);
    const cancelled = await h.put(
      `${LSR}/${id}`,
      '<LsrOrder><OrderStatus>CANCELLED</OrderStatus><AuthorizingPerson>Someone</AuthorizingPerson><ListOfTelephoneNumbers/></LsrOrder>',
      { auth: CARRIER.user },
    );
    assert.equal(cancelled.status, 200, cancelled.body);
    assert.equal(at(cancelled.xml, 'LsrOrderResponse', 'LsrOrder', 'OrderStatus'), 'CANCELLED');
    assert.deepEqual(lsrCodes(cancelled), ['17018']);
    assert.equal(at(cancelled.xml, 'LsrOrderResponse', 'LsrOrder', 'AuthorizingPerson'), 'Jim Hopkins');
    assert.equal((await portOutsOf(h, DEMO.accountId, `?tn=${tns[0]}`))[0]?.ProcessingStatus, 'CANCELLED');
    assert.equal((await numberStatus(tns[0] ?? 0)).status, TnStatus.inService);
    const again = await h.put(`${LSR}/${id}`, '<LsrOrder><OrderStatus>CANCELLED</OrderStatus></LsrOrder>', {
      auth: CARRIER.user,
    });
    assert.deepEqual(lsrCodes(again), ['17015']);
    // The numbers are free for another LSR order once this one is cancelled.
    await fileLsr(h, { tns });
  });

  it('lists by pon, tn, status (CANCELED), customerOrderId and orderIdFragment', async () => {
    const tns = await inService(h, 1);
    const id = await fileLsr(h, { tns, pon: 'LIST-ME', customerOrderId: 'cust-42' });
    const list = async (q: string) => {
      const res = await h.get(`${LSR}${q}`, { auth: CARRIER.user });
      assert.equal(res.status, 200, res.body);
      const rows = at(res.xml, 'LsrOrders', 'LsrOrderSummary');
      return (rows === undefined ? [] : Array.isArray(rows) ? rows : [rows]) as Record<string, string>[];
    };
    const byPon = await list('?pon=LIST-ME');
    assert.deepEqual(
      byPon.map((r) => r.OrderId),
      [id],
    );
    assert.equal(byPon[0]?.Pon, 'LIST-ME');
    assert.equal(byPon[0]?.OrderType, 'lsr');
    assert.equal(byPon[0]?.CountOfTNs, '1');
    assert.deepEqual(
      (await list(`?tn=${tns[0]}`)).map((r) => r.OrderId),
      [id],
    );
    assert.deepEqual(
      (await list('?customerOrderId=cust-42')).map((r) => r.OrderId),
      [id],
    );
    assert.deepEqual(
      (await list(`?orderIdFragment=${id.slice(0, 8)}`)).map((r) => r.OrderId),
      [id],
    );
    assert.ok((await list('?status=CANCELED')).every((r) => r.OrderStatus === 'CANCELLED'));
    assert.ok((await list('?status=CANCELED')).length >= 1);
    assert.equal((await h.get(`${LSR}?status=NOPE`, { auth: CARRIER.user })).status, 404);
    assert.equal((await h.get(`${LSR}?tn=abc`, { auth: CARRIER.user })).status, 404);
    assert.equal((await h.get(`${LSR}?createdDateFrom=2026-13-01`, { auth: CARRIER.user })).status, 404);
    assert.ok((await list('?createdDateFrom=2026-11-01')).some((r) => r.OrderId === id));
    assert.deepEqual(await list('?createdDateTo=2026-11-01'), []);
    // The owner's list: a status of Bandwidth's enum no port-out here takes is an empty list.
    const modify = await h.get(`${OWNER}/portouts?status=MODIFY`);
    assert.equal(modify.status, 200, modify.body);
    assert.equal(at(modify.xml, 'LNPResponseWrapper', 'TotalCount'), '0');
  });

  it("keeps each side to its own: the carrier never sees the owner's port-outs, the owner never the LSR order", async () => {
    const tns = await inService(h, 1);
    const id = await fileLsr(h, { tns });
    await settle(h);
    const [portOut] = await portOutsOf(h, DEMO.accountId, `?tn=${tns[0]}`);
    assert.ok(portOut);
    assert.equal((await h.get(`${OWNER}/portouts/${portOut.OrderId}`, { auth: CARRIER.user })).status, 403);
    assert.equal((await h.get(`${OWNER}/portouts`, { auth: CARRIER.user })).status, 403);
    assert.equal((await h.get(`${OWNER}/inserviceNumbers`, { auth: CARRIER.user })).status, 403);
    assert.equal((await h.get(`${LSR}/${id}`)).status, 403);
    // An order id of one account is not found under another.
    const other = await h.get(`${OWNER}/lsrorders/${id}`);
    assert.equal(other.status, 404);
    assert.equal(errorCode(other), '5035');
    assert.match(
      other.body,
      /<LsrOrderResponse><ResponseStatus><ErrorCode>5035<\/ErrorCode><Description>lsr order /,
    );
    assert.equal(
      (await h.get(`/api/accounts/${CARRIER.accountId}/portouts/${portOut.OrderId}`, { auth: CARRIER.user }))
        .status,
      404,
    );
  });

  it('keeps notes on both sides', async () => {
    const tns = await inService(h, 1);
    const id = await fileLsr(h, { tns });
    const note = await h.post(
      `${LSR}/${id}/notes`,
      '<Note><UserId>carrier</UserId><Description>Customer called</Description></Note>',
      {
        auth: CARRIER.user,
      },
    );
    assert.equal(note.status, 201);
    const notes = await h.get(`${LSR}/${id}/notes`, { auth: CARRIER.user });
    assert.equal(at(notes.xml, 'Notes', 'Note', 'Description'), 'Customer called');
    await settle(h);
    const [portOut] = await portOutsOf(h, DEMO.accountId, `?tn=${tns[0]}`);
    // The owner's port-out has notes of its own (none yet: nothing asked its endpoint).
    const ownerNotes = await h.get(`${OWNER}/portouts/${portOut?.OrderId}/notes`);
    assert.equal(ownerNotes.status, 204, ownerNotes.body);
  });
});
