import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { at, DEMO, startHarness, type Harness } from '../../../test/support/harness.js';
import { startReceiver, type Receiver } from '../../../test/support/receiver.js';
import {
  CARRIER,
  fileLsr,
  inService,
  LSR,
  lsrCodes,
  lsrFocDate,
  lsrStatus,
  OWNER,
  portOutsOf,
  setPorting,
  settle,
  setUpCarriers,
} from '../../../test/support/porting-out.js';

/**
 * The port-out validation callback (contract §12) against a real HTTP receiver on loopback: what
 * the owner's endpoint is sent (Basic credentials, every field), approval, refusal with each
 * recognised code and its hints, the answers that approve (invalid body, 500, an unknown code, no
 * answer in time), an unreachable endpoint retried 8 times five minutes apart before approval,
 * every call in the delivery log, and the notifications of both sides.
 */
const portable = (yes: boolean, errors = '', hints = '') =>
  `<?xml version="1.0"?><PortOutValidationResponse><Portable>${yes}</Portable><PON>x</PON>` +
  (errors ? `<Errors>${errors}</Errors>` : '') +
  (hints ? `<AcceptableValues>${hints}</AcceptableValues>` : '') +
  `</PortOutValidationResponse>`;
const error = (code: number, description = '') =>
  `<Error><Code>${code}</Code>${description ? `<Description>${description}</Description>` : ''}</Error>`;

describe('port-out validation', () => {
  let h: Harness;
  let endpoint: Receiver;
  before(async () => {
    h = await startHarness({
      inventory: 2000,
      env: { LOG_LEVEL: 'error', PORTOUT_VALIDATION_TIMEOUT: '400ms' },
    });
    await setUpCarriers(h);
    endpoint = await startReceiver();
    await setPorting(h, DEMO.accountId, {
      portOutValidationUrl: `${endpoint.url}/validate`,
      portOutValidationUser: 'bw',
      portOutValidationPassword: 'validate-secret',
    });
  });
  beforeEach(() => {
    endpoint.received.length = 0;
    endpoint.respond = () => ({ status: 200, body: portable(true) });
  });
  after(async () => {
    await endpoint.close();
    await h.close();
  });

  it("asks the owner's endpoint with its credentials and every field, and obeys Portable=true", async () => {
    const tns = await inService(h, 2);
    const id = await fileLsr(h, {
      tns,
      pin: '1234',
      accountNumber: 'ACC99',
      pon: 'VAL-1',
      zip: '27601-1234',
    });
    await settle(h);
    assert.equal(endpoint.received.length, 1);
    const call = endpoint.received[0];
    assert.equal(call?.path, '/validate');
    assert.equal(
      call?.headers.authorization,
      `Basic ${Buffer.from('bw:validate-secret').toString('base64')}`,
    );
    assert.match(String(call?.headers['content-type']), /application\/xml/);
    const req = call?.xml.PortOutValidationRequest as Record<string, unknown>;
    assert.equal(req.PON, 'VAL-1');
    assert.equal(req.Pin, '1234');
    assert.equal(req.AccountNumber, 'ACC99');
    assert.equal(req.ZipCode, '27601');
    assert.equal(req.SubscriberName, 'Acme Corporation');
    assert.deepEqual(at(req, 'TelephoneNumbers', 'TelephoneNumber'), tns.map(String));
    assert.equal(await lsrStatus(h, id), 'FOC');
    const [portOut] = await portOutsOf(h, DEMO.accountId, `?tn=${tns[0]}`);
    assert.equal(portOut?.ProcessingStatus, 'FOC');
    // The call is in the delivery log, with its attempt.
    const log = await h.app.deps.database.db
      .selectFrom('deliveries')
      .selectAll()
      .where('order_id', '=', portOut?.OrderId ?? '')
      .where('channel', '=', 'call')
      .execute();
    assert.equal(log.length, 1);
    assert.equal(log[0]?.channel, 'call');
    assert.equal(log[0]?.status, 'delivered');
    assert.doesNotMatch(log[0]?.payload ?? '', /validate-secret/, 'the password is sealed in the log');
    const attempts = await h.app.deps.database.db
      .selectFrom('delivery_attempts')
      .selectAll()
      .where('delivery_id', '=', log[0]?.id ?? 0)
      .execute();
    assert.equal(attempts.length, 1);
    assert.equal(attempts[0]?.status_code, 200);
  });

  it("refuses with each recognised code, with its description or Bandwidth's, and the hints", async () => {
    const codes = [7510, 7511, 7512, 7513, 7514, 7515, 7516, 7517, 7518, 7519, 7598, 7599];
    for (const code of codes) {
      endpoint.respond = () => ({ status: 200, body: portable(false, error(code)) });
      const id = await fileLsr(h, { tns: await inService(h, 1) });
      await settle(h);
      const res = await h.get(`${LSR}/${id}`, { auth: CARRIER.user });
      assert.equal(at(res.xml, 'LsrOrder', 'OrderStatus'), 'EXCEPTION', String(code));
      assert.deepEqual(lsrCodes(res), [String(code)]);
    }
    endpoint.respond = () => ({
      status: 200,
      body: portable(false, error(7513, 'PIN does not match') + error(7511), '<Pin>2468</Pin>'),
    });
    const id = await fileLsr(h, { tns: await inService(h, 1) });
    await settle(h);
    const res = await h.get(`${LSR}/${id}`, { auth: CARRIER.user });
    assert.deepEqual(lsrCodes(res), ['7513', '7511']);
    const described = at(res.xml, 'LsrOrder', 'LsrOrderErrors', 'LsrOrderError') as Record<string, string>[];
    assert.match(described[0]?.Description ?? '', /^PIN does not match\. Acceptable values: Pin 2468/);
    assert.match(described[1]?.Description ?? '', /^Invalid Account Code/);
  });

  it('approves when the answer cannot refuse: a 500, a 404, an unreadable body, no errors, an unknown code', async () => {
    const answers = [
      { status: 500, body: 'oops' },
      { status: 404 },
      { status: 200, body: '<NotTheRightRoot/>' },
      { status: 200, body: 'not xml at all <' },
      { status: 200, body: portable(false) },
      { status: 200, body: portable(false, error(1234)) },
      { status: 200, body: '' },
    ];
    for (const answer of answers) {
      endpoint.respond = () => answer;
      const id = await fileLsr(h, { tns: await inService(h, 1) });
      await settle(h);
      assert.equal(await lsrStatus(h, id), 'FOC', JSON.stringify(answer));
    }
  });

  it('approves when the endpoint does not answer in time', async () => {
    endpoint.respond = () => 'hang';
    const tns = await inService(h, 1);
    const id = await fileLsr(h, { tns });
    await settle(h);
    assert.equal(await lsrStatus(h, id), 'FOC');
    const [portOut] = await portOutsOf(h, DEMO.accountId, `?tn=${tns[0]}`);
    const notes = await h.get(`${OWNER}/portouts/${portOut?.OrderId}/history`);
    assert.match(notes.body, /did not answer in time: approved/);
  });

  it('tries an unreachable endpoint 9 times, five minutes apart, then approves', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await setPorting(h, DEMO.accountId, { portOutValidationUrl: `http://127.0.0.1:${port}/validate` });
    try {
      const tns = await inService(h, 1);
      const id = await fileLsr(h, { tns });
      await settle(h);
      const [portOut] = await portOutsOf(h, DEMO.accountId, `?tn=${tns[0]}`);
      const log = () =>
        h.app.deps.database.db
          .selectFrom('deliveries')
          .selectAll()
          .where('order_id', '=', portOut?.OrderId ?? '')
          .where('channel', '=', 'call')
          .executeTakeFirstOrThrow();
      assert.equal((await log()).attempts, 1);
      assert.equal(await lsrStatus(h, id), 'PENDING');
      for (let i = 2; i <= 9; i++) {
        h.clock.advance(4 * 60_000);
        await settle(h);
        assert.equal((await log()).attempts, i - 1, 'not before five minutes');
        h.clock.advance(60_000);
        await settle(h);
        assert.equal((await log()).attempts, i);
      }
      assert.equal((await log()).status, 'failed');
      assert.equal(await lsrStatus(h, id), 'FOC');
      const history = await h.get(`${OWNER}/portouts/${portOut?.OrderId}/history`);
      assert.match(history.body, /could not be reached/);
    } finally {
      await setPorting(h, DEMO.accountId, { portOutValidationUrl: `${endpoint.url}/validate` });
    }
  });

  it('notifies the owner of the completed port-out and the carrier of every LSR status', async () => {
    const owner = await startReceiver();
    const carrier = await startReceiver();
    try {
      const sub = (url: string, type: string) =>
        `<Subscription><OrderType>${type}</OrderType><CallbackSubscription><URL>${url}</URL><Expiry>31536000</Expiry></CallbackSubscription></Subscription>`;
      assert.equal((await h.post(`${OWNER}/subscriptions`, sub(owner.url, 'portouts'))).status, 201);
      const carrierSub = await h.post(
        `/api/accounts/${CARRIER.accountId}/subscriptions`,
        sub(carrier.url, 'lsrorders'),
        {
          auth: CARRIER.user,
        },
      );
      assert.equal(carrierSub.status, 201, carrierSub.body);
      const tns = await inService(h, 2);
      const id = await fileLsr(h, { tns, customerOrderId: 'notify-me' });
      await settle(h);
      const foc = await lsrFocDate(h, id);
      h.clock.set(Math.max(h.clock.nowMs(), Date.parse(`${foc}T14:00:00.000Z`)));
      await settle(h);
      await h.app.dispatcher.runDue();
      const carrierSaw = carrier.received
        .map((r) => r.xml.Notification as Record<string, string>)
        .filter((n) => n.OrderId === id);
      assert.deepEqual(
        carrierSaw.map((n) => n.Status),
        ['PENDING', 'FOC', 'COMPLETE'],
      );
      assert.equal(carrierSaw[0]?.OrderType, 'lsrorders');
      assert.equal(carrierSaw[0]?.CustomerOrderId, 'notify-me');
      assert.equal(carrierSaw[1]?.ActualFocDate, foc);
      const ownerSaw = owner.received.map((r) => r.xml.Notification as Record<string, unknown>);
      const [portOut] = await portOutsOf(h, DEMO.accountId, `?tn=${tns[0]}`);
      const complete = ownerSaw.find((n) => n.Status === 'COMPLETE' && n.OrderId === portOut?.OrderId);
      assert.ok(complete, JSON.stringify(ownerSaw));
      assert.equal(complete.OrderType, 'portouts');
      assert.deepEqual(at(complete, 'CompletedTelephoneNumbers', 'TelephoneNumber'), tns.map(String));
      // Notes (the validation asked) always notify; of the statuses, only the completion does.
      assert.ok(
        ownerSaw.filter((n) => n.Note === undefined).every((n) => n.Status === 'COMPLETE'),
        JSON.stringify(ownerSaw),
      );
    } finally {
      await owner.close();
      await carrier.close();
    }
  });

  it('withdraws a validation call not yet made when the LSR order is cancelled, and a SUPP calls again at once', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await setPorting(h, DEMO.accountId, { portOutValidationUrl: `http://127.0.0.1:${port}/validate` });
    try {
      const calls = (orderId: string) =>
        h.app.deps.database.db
          .selectFrom('deliveries')
          .selectAll()
          .where('order_id', '=', orderId)
          // The owner's note notifications (to an earlier test's subscription) are not calls.
          .where('channel', '=', 'call')
          .orderBy('id')
          .execute();
      const supped = await inService(h, 1);
      const id = await fileLsr(h, { tns: supped });
      await settle(h);
      const [portOut] = await portOutsOf(h, DEMO.accountId, `?tn=${supped[0]}`);
      assert.equal(
        (await calls(portOut?.OrderId ?? ''))[0]?.status,
        'pending',
        'waiting for its next attempt',
      );
      // The endpoint is back; a SUPP withdraws the old round's call and the new one goes at once.
      await setPorting(h, DEMO.accountId, { portOutValidationUrl: `${endpoint.url}/validate` });
      const supp = await h.put(
        `${LSR}/${id}`,
        '<LsrOrder><AuthorizingPerson>Jane Roe</AuthorizingPerson></LsrOrder>',
        {
          auth: CARRIER.user,
        },
      );
      assert.equal(supp.status, 200, supp.body);
      await settle(h);
      const [old, fresh] = await calls(portOut?.OrderId ?? '');
      assert.equal(old?.status, 'cancelled');
      assert.equal(fresh?.status, 'delivered');
      assert.equal(await lsrStatus(h, id), 'FOC');

      await setPorting(h, DEMO.accountId, { portOutValidationUrl: `http://127.0.0.1:${port}/validate` });
      const cancelled = await inService(h, 1);
      const other = await fileLsr(h, { tns: cancelled });
      await settle(h);
      const [po] = await portOutsOf(h, DEMO.accountId, `?tn=${cancelled[0]}`);
      const cancel = await h.put(
        `${LSR}/${other}`,
        '<LsrOrder><OrderStatus>CANCELLED</OrderStatus></LsrOrder>',
        {
          auth: CARRIER.user,
        },
      );
      assert.equal(cancel.status, 200, cancel.body);
      assert.deepEqual(
        (await calls(po?.OrderId ?? '')).map((c) => c.status),
        ['cancelled'],
      );
    } finally {
      await setPorting(h, DEMO.accountId, { portOutValidationUrl: `${endpoint.url}/validate` });
    }
  });
});
