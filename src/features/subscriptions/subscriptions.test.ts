import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { at, errorCode, idFromLocation, startHarness, type Harness } from '../../../test/support/harness.js';
import { createAccount } from '../accounts/index.js';
import { createUser } from '../users/index.js';
import { certificateBase64 } from '../../../test/support/receiver.js';

const SUBS = '/api/accounts/9900000/subscriptions';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const emailXml = (
  fields = '<Email>ops@example.com</Email><DigestRequested>NONE</DigestRequested>',
  type = 'orders',
) =>
  `<Subscription><OrderType>${type}</OrderType><EmailSubscription>${fields}</EmailSubscription></Subscription>`;
const callbackXml = (inner: string, type = 'orders', orderId = '') =>
  `<Subscription><OrderType>${type}</OrderType>${orderId ? `<OrderId>${orderId}</OrderId>` : ''}` +
  `<CallbackSubscription>${inner}</CallbackSubscription></Subscription>`;
const CALLBACK =
  '<URL>https://hooks.example.com/bw</URL><User>ops</User><Expiry>3600</Expiry>' +
  '<CallbackCredentials><BasicAuthentication><Username>hook</Username><Password>s3cret-pass</Password></BasicAuthentication></CallbackCredentials>';

describe('subscriptions', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    await createAccount(h.app.deps, { id: '9900700', companyName: 'Other Co' });
    await createUser(h.app.deps, { username: 'other', password: 'other-secret', accounts: ['9900700'] });
  });
  after(() => h.close());

  const create = async (body: string): Promise<string> => {
    const res = await h.post(SUBS, body);
    assert.equal(res.status, 201, res.body);
    assert.equal(res.body, '');
    return idFromLocation(res);
  };

  it('creates a callback subscription: 201, a UUID in Location, and GET shows it without its secrets', async () => {
    const res = await h.post(SUBS, callbackXml(CALLBACK));
    assert.equal(res.status, 201, res.body);
    assert.match(res.headers.location as string, /\/api\/accounts\/9900000\/subscriptions\/[0-9a-f-]{36}$/);
    const id = idFromLocation(res);
    assert.match(id, UUID);

    const got = await h.get(`${SUBS}/${id}`);
    assert.equal(got.status, 200);
    assert.deepEqual(at(got.xml, 'SubscriptionsResponse', 'Subscriptions', 'Subscription'), {
      SubscriptionId: id,
      OrderType: 'orders',
      CallbackSubscription: {
        URL: 'https://hooks.example.com/bw',
        User: 'ops',
        Expiry: '3600',
        Status: '',
        CallbackCredentials: { BasicAuthentication: { Username: 'hook' } },
      },
    });
    assert.doesNotMatch(got.body, /s3cret-pass|Password|PublicKey/);
    assert.match(
      got.body,
      /<Subscription><SubscriptionId>.*<\/SubscriptionId><OrderType>orders<\/OrderType><CallbackSubscription><URL>/,
    );

    // Expiry counts down on the business clock.
    h.clock.advance(600_000);
    const later = await h.get(`${SUBS}/${id}`);
    assert.equal(
      at(
        later.xml,
        'SubscriptionsResponse',
        'Subscriptions',
        'Subscription',
        'CallbackSubscription',
        'Expiry',
      ),
      '3000',
    );
  });

  it('stores the callback password encrypted with the server key, never in plain text', async () => {
    const id = await create(callbackXml(CALLBACK.replace('hooks.example.com', 'enc.example.com')));
    const row = await h.app.deps.database.db
      .selectFrom('subscriptions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.ok(row.basic_password);
    assert.doesNotMatch(row.basic_password, /s3cret-pass/);
    assert.equal(h.app.deps.secrets.open(row.basic_password), 's3cret-pass');
    // With no SECRET_KEY the key was generated into the data directory, readable by its owner only.
    const keyFile = path.join(h.app.deps.config.dataDir, 'secret.key');
    assert.ok(fs.existsSync(keyFile));
    assert.equal(fs.statSync(keyFile).mode & 0o077, 0);
  });

  it('creates e-mail subscriptions (immediate and DAILY), one order only with OrderId, and lists them with filters', async () => {
    const a = await create(
      emailXml('<Email>list@example.com</Email><DigestRequested>DAILY</DigestRequested>', 'disconnects'),
    );
    const orderId = '0f2b3c4d-1111-4222-8333-944455556666';
    const b = await create(
      `<Subscription><OrderType>disconnects</OrderType><OrderId>${orderId}</OrderId><EmailSubscription><Email>one@example.com</Email><DigestRequested>NONE</DigestRequested></EmailSubscription></Subscription>`,
    );
    const list = await h.get(`${SUBS}?orderType=disconnects`);
    assert.equal(list.status, 200);
    // Listed by creation time (then id): both were made at the same instant of the manual clock.
    const items = (
      at(list.xml, 'SubscriptionsResponse', 'Subscriptions', 'Subscription') as Record<string, unknown>[]
    )
      .slice()
      .sort((x, y) => (x.SubscriptionId === a ? -1 : y.SubscriptionId === a ? 1 : 0));
    assert.deepEqual(
      items.map((i) => i.SubscriptionId),
      [a, b],
    );
    assert.deepEqual(items[0], {
      SubscriptionId: a,
      OrderType: 'disconnects',
      EmailSubscription: { Email: 'list@example.com', DigestRequested: 'DAILY' },
    });
    assert.equal(items[1]?.OrderId, orderId);
    const one = await h.get(`${SUBS}?orderId=${orderId}`);
    assert.equal(at(one.xml, 'SubscriptionsResponse', 'Subscriptions', 'Subscription', 'SubscriptionId'), b);
  });

  it('replaces a subscription with PUT and deletes it with DELETE; unknown ids are 404', async () => {
    const id = await create(callbackXml(CALLBACK.replace('hooks.example.com', 'put.example.com')));
    const put = await h.put(
      `${SUBS}/${id}`,
      callbackXml('<URL>http://put2.example.com/x</URL><Expiry>60</Expiry>', 'disconnects'),
    );
    assert.equal(put.status, 200, put.body);
    assert.equal(put.body, '');
    const got = await h.get(`${SUBS}/${id}`);
    assert.deepEqual(at(got.xml, 'SubscriptionsResponse', 'Subscriptions', 'Subscription'), {
      SubscriptionId: id,
      OrderType: 'disconnects',
      CallbackSubscription: { URL: 'http://put2.example.com/x', Expiry: '60', Status: '' },
    });
    assert.equal((await h.del(`${SUBS}/${id}`)).status, 200);
    const gone = await h.get(`${SUBS}/${id}`);
    assert.equal(gone.status, 404);
    assert.equal(errorCode(gone), '16000');
    assert.equal((await h.del(`${SUBS}/${id}`)).status, 404);
    assert.equal((await h.put(`${SUBS}/${id}`, emailXml())).status, 404);
  });

  it('answers 409 16008 for a second subscription to the same target', async () => {
    await create(emailXml('<Email>dup@example.com</Email>', 'orders'));
    const again = await h.post(SUBS, emailXml('<Email>dup@example.com</Email>', 'orders'));
    assert.equal(again.status, 409, again.body);
    assert.equal(errorCode(again), '16008');
    // The same address for another order type is another target.
    await create(emailXml('<Email>dup@example.com</Email>', 'portins'));
  });

  const invalid: [string, string, string][] = [
    [
      'no OrderType',
      '<Subscription><EmailSubscription><Email>a@example.com</Email></EmailSubscription></Subscription>',
      '14508',
    ],
    ['an unknown OrderType', emailXml(undefined, 'numbers'), '14500'],
    ['neither kind', '<Subscription><OrderType>orders</OrderType></Subscription>', '14501'],
    [
      'both kinds',
      `<Subscription><OrderType>orders</OrderType><EmailSubscription><Email>a@example.com</Email></EmailSubscription><CallbackSubscription><URL>http://x.example.com</URL></CallbackSubscription></Subscription>`,
      '14501',
    ],
    [
      'an OrderId that is not an order id',
      '<Subscription><OrderType>orders</OrderType><OrderId>abc</OrderId><EmailSubscription><Email>a@example.com</Email></EmailSubscription></Subscription>',
      '14501',
    ],
    ['no Email', emailXml('<DigestRequested>NONE</DigestRequested>'), '12509'],
    ['a malformed Email', emailXml('<Email>not-an-address</Email>'), '12510'],
    [
      'an unknown digest',
      emailXml('<Email>a@example.com</Email><DigestRequested>WEEKLY</DigestRequested>'),
      '14502',
    ],
    ['no URL', callbackXml('<Expiry>60</Expiry>'), '14503'],
    ['an ftp URL', callbackXml('<URL>ftp://x.example.com/</URL>'), '14506'],
    ['a URL that is not one', callbackXml('<URL>not a url</URL>'), '14506'],
    [
      'a URL over 2048 characters',
      callbackXml(`<URL>https://x.example.com/${'a'.repeat(2048)}</URL>`),
      '14506',
    ],
    ['credentials in the URL', callbackXml('<URL>https://u:p@x.example.com/</URL>'), '14506'],
    ['a negative Expiry', callbackXml('<URL>https://x.example.com/</URL><Expiry>-5</Expiry>'), '14501'],
    ['a non-numeric Expiry', callbackXml('<URL>https://x.example.com/</URL><Expiry>soon</Expiry>'), '14501'],
    [
      'a username without password',
      callbackXml(
        '<URL>https://x.example.com/</URL><Expiry>60</Expiry><CallbackCredentials><BasicAuthentication><Username>u</Username></BasicAuthentication></CallbackCredentials>',
      ),
      '14505',
    ],
    [
      'an unreadable PublicKey',
      callbackXml(
        '<URL>https://x.example.com/</URL><Expiry>60</Expiry><CallbackCredentials><PublicKey>bm90IGEga2V5</PublicKey></CallbackCredentials>',
      ),
      '14504',
    ],
    ['no Expiry', callbackXml('<URL>https://x.example.com/</URL>'), '14501'],
    [
      'a PublicKey on an http URL',
      callbackXml(
        `<URL>http://x.example.com/</URL><Expiry>60</Expiry><CallbackCredentials><PublicKey>${certificateBase64('receiver')}</PublicKey></CallbackCredentials>`,
      ),
      '14501',
    ],
  ];
  for (const [what, body, code] of invalid) {
    it(`answers 404 ${code} (the contract's validation status) for ${what}, and stores nothing`, async () => {
      const before = await h.get(SUBS);
      const res = await h.post(SUBS, body);
      assert.equal(res.status, 404, res.body);
      assert.equal(errorCode(res), code, res.body);
      assert.match(res.body, /^<\?xml[^>]*\?><SubscriptionResponse><ResponseStatus><ErrorCode>/);
      assert.equal((await h.get(SUBS)).body, before.body);
    });
  }

  it('answers 400 (not 404) for a PUT that fails validation, as the contract has it, and changes nothing', async () => {
    const id = await create(emailXml('<Email>put-invalid@example.com</Email>', 'orders'));
    const before = await h.get(`${SUBS}/${id}`);
    const res = await h.put(`${SUBS}/${id}`, emailXml('<Email>nope</Email>', 'orders'));
    assert.equal(res.status, 400, res.body);
    assert.equal(errorCode(res), '12510');
    assert.equal((await h.get(`${SUBS}/${id}`)).body, before.body);
    const dup = await create(emailXml('<Email>put-dup@example.com</Email>', 'orders'));
    const clash = await h.put(`${SUBS}/${dup}`, emailXml('<Email>put-invalid@example.com</Email>', 'orders'));
    assert.equal(clash.status, 409);
  });

  it('accepts the RAML example URL wrapped in literal quotes', async () => {
    const id = await create(callbackXml('<URL>"https://quoted.example.com/hook"</URL><Expiry>99</Expiry>'));
    const got = await h.get(`${SUBS}/${id}`);
    assert.equal(
      at(got.xml, 'SubscriptionsResponse', 'Subscriptions', 'Subscription', 'CallbackSubscription', 'URL'),
      'https://quoted.example.com/hook',
    );
  });

  it("keeps each account's subscriptions to itself", async () => {
    const id = await create(emailXml('<Email>mine@example.com</Email>', 'tnoptions'));
    const rival = { auth: ['other', 'other-secret'] as const };
    assert.equal((await h.get(SUBS, rival)).status, 403);
    assert.equal((await h.get(`${SUBS}/${id}`, rival)).status, 403);
    assert.equal((await h.del(`${SUBS}/${id}`, rival)).status, 403);
    // Through their own account, the id is simply not there.
    const theirs = await h.get(`/api/accounts/9900700/subscriptions/${id}`, rival);
    assert.equal(theirs.status, 404);
    const list = await h.get('/api/accounts/9900700/subscriptions', rival);
    assert.equal(list.status, 200);
    assert.doesNotMatch(list.body, new RegExp(id));
    assert.equal((await h.get(`${SUBS}/${id}`, { auth: null })).status, 401);
  });

  it('answers an empty list as an empty Subscriptions element', async () => {
    const res = await h.get('/api/accounts/9900700/subscriptions', { auth: ['other', 'other-secret'] });
    assert.match(res.body, /<SubscriptionsResponse><Subscriptions\/><\/SubscriptionsResponse>/);
  });
});
