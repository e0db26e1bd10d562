/**
 * The shared set-up of the notification tests (notifications.*.test.ts): a harness with numbers,
 * subscribing, placing orders and disconnects, and sending what is due. Not a test file itself.
 */
import assert from 'node:assert/strict';
import { idFromLocation, startHarness, type Harness } from '../../../test/support/harness.js';
import { availableTns } from '../../../test/support/inventory.js';
import type { Env } from '../../config.js';

export const ACC = '/api/accounts/9900000';
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function startNotificationHarness(env: Env = {}): Promise<Harness> {
  return startHarness({ inventory: 20_000, env: { CALLBACK_TIMEOUT: '2s', ...env } });
}

export function notificationHelpers(harness: () => Harness) {
  const h = () => harness();
  /** Subscribes the demo account; returns the subscription id. */
  const subscribe = async (body: string): Promise<string> => {
    const res = await h().post(`${ACC}/subscriptions`, body);
    assert.equal(res.status, 201, res.body);
    return idFromLocation(res);
  };
  const callback = (url: string, o: { type?: string; orderId?: string; extra?: string } = {}) =>
    subscribe(
      `<Subscription><OrderType>${o.type ?? 'orders'}</OrderType>${o.orderId ? `<OrderId>${o.orderId}</OrderId>` : ''}` +
        `<CallbackSubscription><URL>${url}</URL><Expiry>31536000</Expiry>${o.extra ?? ''}</CallbackSubscription></Subscription>`,
    );
  const email = (address: string, digest: 'NONE' | 'DAILY', type = 'orders') =>
    subscribe(
      `<Subscription><OrderType>${type}</OrderType><EmailSubscription><Email>${address}</Email>` +
        `<DigestRequested>${digest}</DigestRequested></EmailSubscription></Subscription>`,
    );
  /** Places an order of `n` listed numbers and runs its job; returns its id and numbers. */
  const order = async (n = 1): Promise<{ id: string; tns: number[] }> => {
    const tns = await availableTns(h().app.deps.database.db, n, { placed: true });
    const res = await h().post(
      `${ACC}/orders`,
      `<Order><CustomerOrderId>co-7</CustomerOrderId><SiteId>1</SiteId><ExistingTelephoneNumberOrderType><TelephoneNumberList>${tns
        .map((t) => `<TelephoneNumber>${t}</TelephoneNumber>`)
        .join('')}</TelephoneNumberList></ExistingTelephoneNumberOrderType></Order>`,
    );
    assert.equal(res.status, 201, res.body);
    await h().drain();
    return { id: idFromLocation(res), tns };
  };
  const disconnect = async (tns: readonly number[]): Promise<string> => {
    const res = await h().post(
      `${ACC}/disconnects`,
      `<DisconnectTelephoneNumberOrder><CustomerOrderId>dc-1</CustomerOrderId><DisconnectTelephoneNumberOrderType><TelephoneNumberList>${tns
        .map((t) => `<TelephoneNumber>${t}</TelephoneNumber>`)
        .join(
          '',
        )}</TelephoneNumberList></DisconnectTelephoneNumberOrderType></DisconnectTelephoneNumberOrder>`,
    );
    assert.equal(res.status, 201, res.body);
    await h().drain();
    return idFromLocation(res);
  };
  const note = async (orderId: string, text: string, collection = 'orders') => {
    const res = await h().post(
      `${ACC}/${collection}/${orderId}/notes`,
      `<Note><UserId>demo</UserId><Description>${text}</Description></Note>`,
    );
    assert.equal(res.status, 201, res.body);
  };
  /** Sends every delivery due now, as the dispatcher's loop would. */
  const deliver = () => h().app.dispatcher.runDue();
  const deliveries = (subscriptionId?: string) =>
    h()
      .app.deps.database.db.selectFrom('deliveries')
      .selectAll()
      .$if(subscriptionId !== undefined, (q) => q.where('subscription_id', '=', subscriptionId ?? ''))
      .orderBy('id')
      .execute();
  const subscriptionStatus = async (id: string): Promise<unknown> => {
    const res = await h().get(`${ACC}/subscriptions/${id}`);
    const sub = (res.xml.SubscriptionsResponse as Record<string, Record<string, Record<string, unknown>>>)
      .Subscriptions?.Subscription;
    return (sub?.CallbackSubscription as Record<string, unknown> | undefined)?.Status;
  };
  return { subscribe, callback, email, order, disconnect, note, deliver, deliveries, subscriptionStatus };
}
