import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { at, type Harness } from '../../../test/support/harness.js';
import { startReceiver, type Receiver } from '../../../test/support/receiver.js';
import { deliveryWithAttempts, replayDelivery } from './index.js';
import { notificationHelpers, startNotificationHarness, UUID } from './notifications.fixtures.js';

/** Order and disconnect notifications to a real HTTP receiver on loopback (contract §11, row 145). */
describe('notification callbacks', () => {
  let h: Harness;
  let rx: Receiver;
  const n = notificationHelpers(() => h);
  before(async () => {
    h = await startNotificationHarness();
  });
  after(() => h.close());
  beforeEach(async () => {
    await rx?.close();
    rx = await startReceiver();
  });
  after(() => rx.close());

  it('POSTs the Notification of a completed order, in the contract element order, with its numbers', async () => {
    const sub = await n.callback(`${rx.url}/hook/orders`);
    const { id, tns } = await n.order(2);
    assert.equal(await n.deliver(), 1);
    const [got] = await rx.waitFor(1);
    assert.ok(got);
    assert.equal(got.path, '/hook/orders');
    assert.equal(got.headers['content-type'], 'application/xml; charset=utf-8');
    assert.match(String(got.headers['x-notification-id']), UUID);
    assert.equal(got.headers.authorization, undefined);
    assert.equal(
      got.body,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Notification><SubscriptionId>${sub}</SubscriptionId>` +
        `<OrderType>orders</OrderType><OrderId>${id}</OrderId><CustomerOrderId>co-7</CustomerOrderId>` +
        `<Status>COMPLETE</Status><Message>Order completed: 2 of 2 numbers</Message><CompletedTelephoneNumbers>` +
        tns.map((t) => `<TelephoneNumber>${t}</TelephoneNumber>`).join('') +
        `</CompletedTelephoneNumbers><LastModifiedDate>${h.clock.now().toISOString()}</LastModifiedDate></Notification>`,
    );
    assert.equal(await n.subscriptionStatus(sub), '200 OK');
    // RECEIVED is not a notifying status for new-number orders: one notification only.
    assert.equal(rx.received.length, 1);
    await h.app.deps.database.db.deleteFrom('subscriptions').where('id', '=', sub).execute();
  });

  it('notifies a note on the order, with the note text and the order status', async () => {
    const { id } = await n.order(1);
    const sub = await n.callback(`${rx.url}/notes`);
    await n.note(id, 'Customer called back');
    await n.deliver();
    const [got] = await rx.waitFor(1);
    assert.deepEqual(got?.xml.Notification, {
      SubscriptionId: sub,
      OrderType: 'orders',
      OrderId: id,
      CustomerOrderId: 'co-7',
      Status: 'COMPLETE',
      Note: 'Customer called back',
      LastModifiedDate: h.clock.now().toISOString(),
    });
    await h.del(`/api/accounts/9900000/subscriptions/${sub}`);
  });

  it('notifies a disconnect with the numbers it took, only to disconnect subscribers', async () => {
    const orders = await n.callback(`${rx.url}/orders`);
    const { tns } = await n.order(2);
    await n.deliver();
    const disconnects = await n.callback(`${rx.url}/disconnects`, { type: 'disconnects' });
    const id = await n.disconnect(tns);
    await n.deliver();
    const got = await rx.waitFor(2);
    assert.equal(got.length, 2);
    const last = got[1]?.xml.Notification as Record<string, unknown>;
    assert.equal(got[1]?.path, '/disconnects');
    assert.equal(last.OrderType, 'disconnects');
    assert.equal(last.OrderId, id);
    assert.equal(last.Status, 'COMPLETE');
    assert.equal(last.SubscriptionId, disconnects);
    assert.deepEqual(at(last, 'CompletedTelephoneNumbers', 'TelephoneNumber'), tns.map(String));
    for (const s of [orders, disconnects]) await h.del(`/api/accounts/9900000/subscriptions/${s}`);
  });

  it('scopes a subscription with OrderId to that one order', async () => {
    const first = await n.order(1);
    const sub = await n.callback(`${rx.url}/one`, { orderId: first.id });
    const second = await n.order(1);
    await n.note(second.id, 'not for you');
    await n.note(first.id, 'for you');
    await n.deliver();
    await rx.waitFor(1);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(rx.received.length, 1);
    assert.equal(at(rx.received[0]?.xml, 'Notification', 'Note'), 'for you');
    await h.del(`/api/accounts/9900000/subscriptions/${sub}`);
  });

  it('follows the challenge flow: first without credentials, then with them after a 401 Basic challenge', async () => {
    const sub = await n.callback(`${rx.url}/secured`, {
      extra:
        '<CallbackCredentials><BasicAuthentication><Username>hook</Username><Password>p4ss word</Password></BasicAuthentication></CallbackCredentials>',
    });
    const expected = `Basic ${Buffer.from('hook:p4ss word').toString('base64')}`;
    rx.respond = (r) =>
      r.headers.authorization === expected
        ? { status: 200 }
        : { status: 401, headers: { 'www-authenticate': 'Basic realm="hooks"' } };
    await n.order(1);
    await n.deliver();
    const got = await rx.waitFor(2);
    assert.equal(got[0]?.headers.authorization, undefined);
    assert.equal(got[1]?.headers.authorization, expected);
    assert.equal(got[0]?.headers['x-notification-id'], got[1]?.headers['x-notification-id']);
    assert.equal(await n.subscriptionStatus(sub), '200 OK');
    const [delivery] = await n.deliveries(sub);
    assert.equal(delivery?.status, 'delivered');
    assert.equal(delivery?.attempts, 1);
    await h.del(`/api/accounts/9900000/subscriptions/${sub}`);
  });

  it('retries a receiver that answers 503 on the business clock, and one order reaches it in event order', async () => {
    const { id } = await n.order(1);
    const sub = await n.callback(`${rx.url}/flaky`);
    rx.respond = (_r, i) => (i <= 2 ? { status: 503, body: 'down for maintenance' } : { status: 200 });
    for (const text of ['one', 'two', 'three']) await n.note(id, text);
    assert.equal(await n.deliver(), 1); // the first fails; the others wait behind it
    assert.equal(rx.received.length, 1);
    assert.equal(await n.subscriptionStatus(sub), '503 Service Unavailable');
    assert.equal(await n.deliver(), 0); // not due yet: back-off on the business clock
    h.clock.advance(40_000);
    assert.equal(await n.deliver(), 1); // second attempt, fails again
    h.clock.advance(80_000);
    await n.deliver();
    const notes = rx.received.map((r) => at(r.xml, 'Notification', 'Note'));
    assert.deepEqual(notes, ['one', 'one', 'one', 'two', 'three']);
    assert.equal(await n.subscriptionStatus(sub), '200 OK');
    const [first] = await n.deliveries(sub);
    const log = await deliveryWithAttempts(h.app.deps, first?.id ?? 0);
    assert.deepEqual(
      log?.attempts.map((a) => [a.attempt, a.statusCode, a.outcome]),
      [
        [1, 503, 'failed'],
        [2, 503, 'failed'],
        [3, 200, 'delivered'],
      ],
    );
    assert.equal(log?.attempts[0]?.responseExcerpt, 'down for maintenance');
    assert.equal(log?.attempts[0]?.target, `${rx.url}/flaky`);
    await h.del(`/api/accounts/9900000/subscriptions/${sub}`);
  });

  it('records a delivery failed after the last of CALLBACK_RETRIES attempts, and replays it on demand', async () => {
    const sub = await n.callback(`${rx.url}/dead`);
    rx.respond = () => ({ status: 500 });
    await n.order(1);
    for (let i = 0; i < 12; i++) {
      await n.deliver();
      h.clock.advance(10 * 60_000);
    }
    assert.equal(rx.received.length, 8);
    const [d] = await n.deliveries(sub);
    assert.equal(d?.status, 'failed');
    assert.equal(d?.attempts, 8);
    assert.equal(await n.subscriptionStatus(sub), '500 Internal Server Error');

    rx.respond = () => ({ status: 204 });
    const replay = await replayDelivery(h.app.deps, d?.id ?? 0);
    assert.equal(replay.replayOf, d?.id);
    assert.equal(await n.deliver(), 1);
    assert.equal(rx.received.length, 9);
    // The same notification: a receiver that did get it can tell.
    assert.equal(rx.received[8]?.headers['x-notification-id'], rx.received[0]?.headers['x-notification-id']);
    assert.equal((await n.deliveries(sub))[1]?.status, 'delivered');
    await h.del(`/api/accounts/9900000/subscriptions/${sub}`);
  });

  it('stops at its Expiry on the business clock, and a deleted subscription gets nothing more', async () => {
    const sub = await n.subscribe(
      `<Subscription><OrderType>orders</OrderType><CallbackSubscription><URL>${rx.url}/short</URL><Expiry>60</Expiry></CallbackSubscription></Subscription>`,
    );
    const { id } = await n.order(1);
    await n.deliver();
    assert.equal(rx.received.length, 1);
    h.clock.advance(61_000);
    await n.note(id, 'too late');
    await n.deliver();
    assert.equal(rx.received.length, 1);

    const other = await n.callback(`${rx.url}/deleted`);
    await n.note(id, 'pending when deleted');
    await h.del(`/api/accounts/9900000/subscriptions/${other}`);
    await n.deliver();
    assert.equal(rx.received.length, 1);
    assert.equal((await n.deliveries(other))[0]?.status, 'cancelled');
    await h.del(`/api/accounts/9900000/subscriptions/${sub}`);
  });

  it('records a send that cannot even start (a password sealed under another key) as a failed attempt', async () => {
    const sub = await n.callback(`${rx.url}/sealed`, {
      extra:
        '<CallbackCredentials><BasicAuthentication><Username>hook</Username><Password>pw</Password></BasicAuthentication></CallbackCredentials>',
    });
    const other = new (h.app.deps.secrets.constructor as new (k: string) => typeof h.app.deps.secrets)(
      'another server key, long enough',
    );
    await h.app.deps.database.db
      .updateTable('subscriptions')
      .set({ basic_password: other.seal('pw') })
      .where('id', '=', sub)
      .execute();
    await n.order(1);
    assert.equal(await n.deliver(), 1);
    const [d] = await n.deliveries(sub);
    assert.equal(d?.status, 'pending', 'retried later, not stuck sending');
    assert.match(d?.last_error ?? '', /^could not send: /);
    assert.match(String(await n.subscriptionStatus(sub)), /^could not send: /);
    assert.equal(rx.received.length, 0);
    await h.del(`/api/accounts/9900000/subscriptions/${sub}`);
  });

  it('records a receiver that cannot be reached, with the error as Status', async () => {
    const closed = await startReceiver();
    const url = `${closed.url}/gone`;
    await closed.close();
    const sub = await n.callback(url);
    await n.order(1);
    await n.deliver();
    assert.match(String(await n.subscriptionStatus(sub)), /ECONNREFUSED/);
    const [d] = await n.deliveries(sub);
    assert.equal(d?.status, 'pending');
    assert.match(d?.last_error ?? '', /ECONNREFUSED/);
    await h.del(`/api/accounts/9900000/subscriptions/${sub}`);
  });

  it('a receiver that hangs does not hold up deliveries to another', async () => {
    const slow = await startReceiver();
    slow.respond = () => 'hang';
    const a = await n.callback(`${slow.url}/hang`);
    const b = await n.callback(`${rx.url}/fast`);
    for (let i = 0; i < 5; i++) await n.order(1);
    const started = Date.now();
    h.app.dispatcher.start();
    try {
      await rx.waitFor(5, 1_500);
      // All five reached the fast receiver well before the slow one's 2 s timeout.
      assert.ok(Date.now() - started < 1_500, `took ${Date.now() - started} ms`);
    } finally {
      await h.app.dispatcher.stop();
      await slow.close();
    }
    for (const s of [a, b]) await h.del(`/api/accounts/9900000/subscriptions/${s}`);
  });
});
