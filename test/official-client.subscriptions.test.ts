import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  call,
  failure,
  numbers as sdk,
  startOfficialClientRun,
  type Callback,
  type OfficialClientRun,
} from './support/official-client.js';

/** The official Node client's Subscription: create, get, list, update and delete, both kinds. */
interface SdkSubscription {
  id: string;
  subscriptionId: string;
  orderType: string;
  orderId?: string;
  emailSubscription?: { email: string; digestRequested: string };
  callbackSubscription?: Record<string, unknown>;
  update(data: object, cb: Callback<unknown>): void;
  delete(cb: Callback<unknown>): void;
}
interface Sdk {
  Subscription: {
    create(client: object, data: object, cb: Callback<SdkSubscription>): void;
    get(client: object, id: string, cb: Callback<SdkSubscription>): void;
    list(client: object, query: object | null, cb: Callback<SdkSubscription[]>): void;
  };
}
const numbers = sdk as Sdk;

describe('the official Node client: subscriptions', () => {
  let run: OfficialClientRun;
  let client: object;
  before(async () => {
    run = await startOfficialClientRun();
    client = run.client;
  });
  after(() => run.stop());

  it('creates, reads, lists, updates and deletes an e-mail subscription', async () => {
    const created = await call<SdkSubscription>((cb) =>
      numbers.Subscription.create(
        client,
        { orderType: 'orders', emailSubscription: { email: 'sdk@example.com', digestRequested: 'DAILY' } },
        cb,
      ),
    );
    assert.match(created.id, /^[0-9a-f-]{36}$/);
    assert.equal(created.orderType, 'orders');
    assert.deepEqual(created.emailSubscription, { email: 'sdk@example.com', digestRequested: 'DAILY' });

    const got = await call<SdkSubscription>((cb) => numbers.Subscription.get(client, created.id, cb));
    assert.equal(got.subscriptionId, created.id);

    await call((cb) =>
      got.update(
        {
          orderType: 'disconnects',
          emailSubscription: { email: 'sdk2@example.com', digestRequested: 'NONE' },
        },
        cb,
      ),
    );
    const list = await call<SdkSubscription[]>((cb) => numbers.Subscription.list(client, null, cb));
    const updated = list.find((s) => s.id === created.id);
    assert.equal(updated?.orderType, 'disconnects');
    assert.deepEqual(updated?.emailSubscription, { email: 'sdk2@example.com', digestRequested: 'NONE' });

    await call((cb) => got.delete(cb));
    const err = await failure(call((cb) => numbers.Subscription.get(client, created.id, cb)));
    assert.equal(err.status ?? err.httpStatus, 404);
  });

  it('creates a callback subscription with credentials, and never gets the password back', async () => {
    const created = await call<SdkSubscription>((cb) =>
      numbers.Subscription.create(
        client,
        {
          orderType: 'orders',
          callbackSubscription: {
            URL: 'https://hooks.example.com/sdk',
            expiry: 3600,
            callbackCredentials: { basicAuthentication: { username: 'hook', password: 'sdk-secret' } },
          },
        },
        cb,
      ),
    );
    const cbs = created.callbackSubscription ?? {};
    // Expiry reads as the seconds left (the server's real clock has moved on a little).
    assert.ok(cbs.expiry === 3600 || cbs.expiry === 3599, String(cbs.expiry));
    assert.deepEqual(cbs.callbackCredentials, { basicAuthentication: { username: 'hook' } });
    assert.doesNotMatch(JSON.stringify(cbs), /sdk-secret/);
    const list = await call<SdkSubscription[]>((cb) =>
      numbers.Subscription.list(client, { orderType: 'orders' }, cb),
    );
    assert.ok(list.some((s) => s.id === created.id));
    await call((cb) => created.delete(cb));
    assert.equal(
      (await call<SdkSubscription[]>((cb) => numbers.Subscription.list(client, null, cb))).length,
      0,
    );
  });

  it('surfaces a validation failure (404) and a duplicate (409) as errors', async () => {
    const invalid = await failure(
      call((cb) =>
        numbers.Subscription.create(
          client,
          { orderType: 'nonsense', emailSubscription: { email: 'x@example.com' } },
          cb,
        ),
      ),
    );
    assert.equal(invalid.status ?? invalid.httpStatus, 404);
    const data = {
      orderType: 'portins',
      emailSubscription: { email: 'dup@example.com', digestRequested: 'NONE' },
    };
    const first = await call<SdkSubscription>((cb) => numbers.Subscription.create(client, data, cb));
    const dup = await failure(call((cb) => numbers.Subscription.create(client, data, cb)));
    assert.equal(dup.status ?? dup.httpStatus, 409);
    await call((cb) => first.delete(cb));
  });
});
