import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import {
  call,
  failure,
  numbers as sdk,
  startOfficialClientRun,
  type Callback,
  type OfficialClientRun,
  type SdkError,
} from './support/official-client.js';

/**
 * Ordering through Bandwidth's official Node client, @bandwidth/numbers 2.0.0 from npm, unchanged,
 * against the real server as `npm start` runs it (worker included): search, order, poll the order
 * to COMPLETE, see the numbers on the site, the SIP peer and the in-service list, change their
 * settings, move them between peers, and disconnect them.
 */
const numbers = sdk as Sdk;

interface SdkOrder {
  id: string;
  name?: string;
  client: object;
  getTns(cb: Callback<{ count: number; telephoneNumber: string | string[] }>): void;
  getAreaCodes(cb: Callback<{ areaCode: number; count: number }[]>): void;
  getNpaNxx(cb: Callback<{ count: number }[]>): void;
  getTotals(cb: Callback<{ count: number }[]>): void;
  getHistory(cb: Callback<{ status: string; author: string }[]>): void;
  getNotes(cb: Callback<{ id: number; description: string }[]>): void;
  addNote(
    note: { userId: string; description: string },
    cb: Callback<{ id: number; description: string }>,
  ): void;
  update(data: Record<string, unknown>, cb: Callback<unknown>): void;
}
interface SdkOrderResponse {
  order: SdkOrder;
  orderStatus: string;
  completedQuantity?: number;
  completedNumbers?: { telephoneNumber: { fullNumber: string } | { fullNumber: string }[] };
}
interface SdkSite {
  id: number;
  getOrders(query: Record<string, unknown>, cb: Callback<Record<string, unknown>>): void;
  getTotalTns(query: Record<string, unknown>, cb: Callback<{ siteTNs: { totalCount: number } }>): void;
  getPortIns(query: Record<string, unknown>, cb: Callback<{ totalCount: number }>): void;
}
interface SdkPeerTn {
  fullNumber: string;
  callForward?: string;
  callingNameDisplay?: boolean;
}
interface SdkSipPeer {
  id: number;
  siteId: number;
  getTns(cb: Callback<SdkPeerTn[]>): void;
  getTns(number: string, cb: Callback<SdkPeerTn>): void;
  updateTns(number: string, data: Record<string, unknown>, cb: Callback<unknown>): void;
  moveTns(numbers: string[], cb: Callback<unknown>): void;
}
interface Sdk {
  AvailableNumbers: {
    list(
      client: object,
      query: Record<string, unknown>,
      cb: Callback<{ telephoneNumberList: { telephoneNumber: string[] } }>,
    ): void;
  };
  Order: {
    create(client: object, order: Record<string, unknown>, cb: Callback<SdkOrderResponse>): void;
    get(client: object, id: string, cb: Callback<SdkOrderResponse>): void;
    list(
      client: object,
      query: Record<string, unknown>,
      cb: Callback<{ listOrderIdUserIdDate: { totalCount: number } }>,
    ): void;
  };
  InServiceNumber: {
    get(client: object, tn: string, cb: Callback<Record<string, never>>): void;
    totals(client: object, cb: Callback<{ count: number }>): void;
  };
  Site: { get(client: object, id: number, cb: Callback<SdkSite>): void };
  SipPeer: {
    get(client: object, siteId: number, id: number, cb: Callback<SdkSipPeer>): void;
    create(client: object, peer: Record<string, unknown>, cb: Callback<SdkSipPeer>): void;
  };
  Disconnect: {
    create(client: object, name: string, tns: string[], cb: Callback<{ orderRequest: { id: string } }>): void;
    get(
      client: object,
      id: string,
      query: Record<string, unknown>,
      cb: Callback<{
        orderStatus: string;
        disconnectedTelephoneNumberList: { telephoneNumber: string | string[] };
      }>,
    ): void;
    list(
      client: object,
      query: Record<string, unknown>,
      cb: Callback<{ listOrderIdUserIdDate: { totalCount: number } }>,
    ): void;
  };
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe('the official Node client ordering and disconnecting numbers (@bandwidth/numbers 2.0.0)', () => {
  let run: OfficialClientRun;
  let client: object;
  let ordered: string[] = [];
  let orderId = '';

  /** Polls the order as an integrator would, until it leaves RECEIVED. */
  const pollOrder = async (id: string): Promise<SdkOrderResponse> => {
    for (let i = 0; i < 100; i++) {
      const res = await call<SdkOrderResponse>((cb) => numbers.Order.get(client, id, cb));
      if (res.orderStatus !== 'RECEIVED') return res;
      await sleep(50);
    }
    throw new Error(`order ${id} stayed RECEIVED`);
  };

  before(async () => {
    run = await startOfficialClientRun();
    client = run.client;
  });
  after(() => run.stop());

  it('searches, orders the numbers found, and polls the order to COMPLETE', async () => {
    const found = await call<{ telephoneNumberList: { telephoneNumber: string[] } }>((cb) =>
      numbers.AvailableNumbers.list(client, { areaCode: 919, quantity: 3 }, cb),
    );
    const tns = asArray(found.telephoneNumberList.telephoneNumber);
    assert.equal(tns.length, 3);
    const created = await call<SdkOrderResponse>((cb) =>
      numbers.Order.create(
        client,
        {
          name: 'SDK order',
          siteId: 1,
          customerOrderId: 'sdk-1',
          existingTelephoneNumberOrderType: { telephoneNumberList: { telephoneNumber: tns } },
        },
        cb,
      ),
    );
    assert.equal(created.orderStatus, 'RECEIVED');
    orderId = created.order.id;
    assert.match(orderId, /^[0-9a-f-]{36}$/);

    const done = await pollOrder(orderId);
    assert.equal(done.orderStatus, 'COMPLETE');
    assert.equal(done.completedQuantity, 3);
    ordered = asArray(done.completedNumbers?.telephoneNumber).map((n) => n.fullNumber);
    assert.deepEqual([...ordered].sort(), [...tns].sort());

    const order = done.order;
    const orderTns = await call<{ count: number; telephoneNumber: string | string[] }>((cb) =>
      order.getTns(cb),
    );
    assert.equal(orderTns.count, 3);
    const areaCodes = await call<{ areaCode: number; count: number }[]>((cb) => order.getAreaCodes(cb));
    assert.deepEqual(areaCodes, [{ areaCode: 919, count: 3 }]);
    const totals = await call<{ count: number }[]>((cb) => order.getTotals(cb));
    assert.equal(totals[0]?.count, 3);
    const history = await call<{ status: string }[]>((cb) => order.getHistory(cb));
    assert.deepEqual(
      history.map((h) => h.status),
      ['RECEIVED', 'COMPLETE'],
    );
    const note = await call<{ id: number; description: string }>((cb) =>
      order.addNote({ userId: 'demo', description: 'ordered with the SDK' }, cb),
    );
    assert.equal(note.description, 'ordered with the SDK');
    await call((cb) => order.update({ name: 'Renamed by SDK' }, cb));
    const renamed = await call<SdkOrderResponse>((cb) => numbers.Order.get(client, orderId, cb));
    assert.equal(renamed.order.name, 'Renamed by SDK');
    const list = await call<{ listOrderIdUserIdDate: { totalCount: number } }>((cb) =>
      numbers.Order.list(client, { page: 1, size: 10 }, cb),
    );
    assert.equal(list.listOrderIdUserIdDate.totalCount, 1);
  });

  it('orders by area code, and reports a failed order as an error with the order attached', async () => {
    const created = await call<SdkOrderResponse>((cb) =>
      numbers.Order.create(
        client,
        { name: 'by area code', siteId: 1, areaCodeSearchAndOrderType: { areaCode: 919, quantity: 2 } },
        cb,
      ),
    );
    const done = await pollOrder(created.order.id);
    assert.equal(done.orderStatus, 'COMPLETE');
    assert.equal(asArray(done.completedNumbers?.telephoneNumber).length, 2);

    const bad = await failure(
      call((cb) =>
        numbers.Order.create(
          client,
          { name: 'bad', siteId: 4242, areaCodeSearchAndOrderType: { areaCode: 919, quantity: 1 } },
          cb,
        ),
      ),
    );
    // HTTP errors come back as superagent's error, with the documented body.
    assert.equal(bad.status, 400);
    assert.match(bad.response?.text ?? '', /<ErrorList><Error><Code>5016<\/Code>/);

    const taken = await call<SdkOrderResponse>((cb) =>
      numbers.Order.create(
        client,
        {
          siteId: 1,
          existingTelephoneNumberOrderType: { telephoneNumberList: { telephoneNumber: [ordered[0]] } },
        },
        cb,
      ),
    );
    // A failed order comes back as an error (the body's ErrorList) once it is processed.
    let err: SdkError | undefined;
    for (let i = 0; i < 100 && !err; i++) {
      err = await call((cb) => numbers.Order.get(client, taken.order.id, cb)).then(
        () => sleep(50).then(() => undefined),
        (e: unknown) => e as SdkError,
      );
    }
    assert.ok(err);
    assert.equal(String(err.code), '5005', 'the per-number error surfaces through the client');
  });

  it('shows the numbers in service, on the site and on the SIP peer', async () => {
    for (const tn of ordered) await call((cb) => numbers.InServiceNumber.get(client, tn, cb));
    const totals = await call<{ count: number }>((cb) => numbers.InServiceNumber.totals(client, cb));
    assert.equal(totals.count, 25 + 5);
    const site = await call<SdkSite>((cb) => numbers.Site.get(client, 1, cb));
    const siteTotal = await call<{ siteTNs: { totalCount: number } }>((cb) => site.getTotalTns({}, cb));
    assert.equal(siteTotal.siteTNs.totalCount, 30);
    const siteOrders = await call<Record<string, unknown>>((cb) => site.getOrders({ page: 1, size: 10 }, cb));
    assert.ok(JSON.stringify(siteOrders).includes(orderId));
    const portIns = await call<{ totalCount: number }>((cb) => site.getPortIns({ page: 1, size: 10 }, cb));
    assert.equal(portIns.totalCount, 0);

    const peer = await call<SdkSipPeer>((cb) => numbers.SipPeer.get(client, 1, 500000, cb));
    const peerTns = await call<SdkPeerTn[]>((cb) => peer.getTns(cb));
    const onPeer = peerTns.map((t) => t.fullNumber);
    for (const tn of ordered) assert.ok(onPeer.includes(tn), `${tn} on the peer`);
    await call((cb) =>
      peer.updateTns(ordered[0] ?? '', { callForward: '9195550100', callingNameDisplay: true }, cb),
    );
    const one = await call<SdkPeerTn>((cb) => peer.getTns(ordered[0] ?? '', cb));
    assert.equal(String(one.callForward), '9195550100');
    assert.equal(one.callingNameDisplay, true);
  });

  it('moves numbers to another SIP peer', async () => {
    const created = await call<SdkSipPeer>((cb) =>
      numbers.SipPeer.create(client, { peerName: 'SdkPeer', isDefaultPeer: false, siteId: 1 }, cb),
    );
    const target = await call<SdkSipPeer>((cb) => numbers.SipPeer.get(client, 1, created.id, cb));
    await call((cb) => target.moveTns(ordered.slice(0, 2), cb));
    const moved = await call<SdkPeerTn[]>((cb) => target.getTns(cb));
    assert.deepEqual(moved.map((t) => t.fullNumber).sort(), ordered.slice(0, 2).sort());
  });

  it('disconnects the numbers and follows the disconnect to COMPLETE', async () => {
    const created = await call<{ orderRequest: { id: string } }>((cb) =>
      numbers.Disconnect.create(client, 'SDK disconnect', ordered, cb),
    );
    const id = created.orderRequest.id;
    let res:
      | { orderStatus: string; disconnectedTelephoneNumberList: { telephoneNumber: string | string[] } }
      | undefined;
    for (let i = 0; i < 100 && res?.orderStatus !== 'COMPLETE'; i++) {
      if (i > 0) await sleep(50);
      res = await call((cb) => numbers.Disconnect.get(client, id, {}, cb));
    }
    assert.equal(res?.orderStatus, 'COMPLETE');
    assert.deepEqual(
      asArray(res?.disconnectedTelephoneNumberList.telephoneNumber).sort(),
      [...ordered].sort(),
    );
    const gone = await failure(call((cb) => numbers.InServiceNumber.get(client, ordered[0] ?? '', cb)));
    assert.equal(gone.status ?? gone.httpStatus, 404);
    const list = await call<{ listOrderIdUserIdDate: { totalCount: number } }>((cb) =>
      numbers.Disconnect.list(client, { page: 1, size: 10 }, cb),
    );
    assert.equal(list.listOrderIdUserIdDate.totalCount, 1);
  });
});
