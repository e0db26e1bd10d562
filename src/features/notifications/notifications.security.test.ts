import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Harness } from '../../../test/support/harness.js';
import { certificateBase64, startReceiver, type Receiver } from '../../../test/support/receiver.js';
import { setSigningSecret } from '../subscriptions/index.js';
import { isPrivateAddress } from '../../platform/security/addresses.js';
import { CallbackSender } from './callback-sender.js';
import { notificationHelpers, startNotificationHarness } from './notifications.fixtures.js';

/**
 * The receiver's side of trust: certificate pinning with PublicKey, the HMAC signature and the
 * README's recipe to check it, and the refusal of private addresses (CALLBACK_ALLOW_PRIVATE=false).
 */
describe('notification security', () => {
  let h: Harness;
  const n = notificationHelpers(() => h);
  before(async () => {
    h = await startNotificationHarness();
  });
  after(() => h.close());

  describe('an https receiver with a self-signed certificate', () => {
    let rx: Receiver;
    before(async () => {
      rx = await startReceiver({ tls: 'receiver' });
    });
    after(() => rx.close());

    const pinned = (key: string | undefined) =>
      n.callback(`${rx.url}/pinned`, {
        extra: key ? `<CallbackCredentials><PublicKey>${key}</PublicKey></CallbackCredentials>` : '',
      });

    it('is delivered to when the subscription pins the key its certificate carries', async () => {
      const sub = await pinned(certificateBase64('receiver'));
      await n.order(1);
      await n.deliver();
      assert.equal(rx.received.length, 1);
      assert.equal(await n.subscriptionStatus(sub), '200 OK');
      await h.del(`/api/accounts/9900000/subscriptions/${sub}`);
    });

    it('is refused without a pinned key (the certificate is not trusted) and with another key', async () => {
      const before = rx.received.length;
      const unpinned = await pinned(undefined);
      await n.order(1);
      await n.deliver();
      assert.match(String(await n.subscriptionStatus(unpinned)), /self[- ]signed/i);
      await h.del(`/api/accounts/9900000/subscriptions/${unpinned}`);

      const wrong = await pinned(certificateBase64('other'));
      await n.order(1);
      await n.deliver();
      assert.match(String(await n.subscriptionStatus(wrong)), /does not carry the subscription's public key/);
      assert.equal(rx.received.length, before, 'nothing may reach a receiver that fails the pin');
      await h.del(`/api/accounts/9900000/subscriptions/${wrong}`);
    });
  });

  it('signs the body with the secret an operator set, as the README recipe checks it', async () => {
    const rx = await startReceiver();
    try {
      const sub = await n.callback(`${rx.url}/signed`);
      await setSigningSecret(h.app.deps, sub, 'a-signing-secret-of-some-length');
      await n.order(1);
      await n.deliver();
      const [got] = await rx.waitFor(1);
      assert.ok(got);
      // The recipe: HMAC-SHA256 over "<X-Notification-Timestamp>.<raw body>", hex, after "v1=".
      const timestamp = String(got.headers['x-notification-timestamp']);
      const signature = String(got.headers['x-notification-signature']);
      const expected = createHmac('sha256', 'a-signing-secret-of-some-length')
        .update(`${timestamp}.${got.body}`)
        .digest('hex');
      assert.ok(timingSafeEqual(Buffer.from(signature), Buffer.from(`v1=${expected}`)));
      assert.ok(Math.abs(Number(timestamp) - Date.now() / 1000) < 60, 'timestamp is wall-clock seconds');
      // A tampered body does not verify.
      const forged = createHmac('sha256', 'a-signing-secret-of-some-length')
        .update(`${timestamp}.${got.body.replace('COMPLETE', 'FAILED')}`)
        .digest('hex');
      assert.notEqual(`v1=${forged}`, signature);
      // Unsigned subscriptions carry no signature.
      await setSigningSecret(h.app.deps, sub, undefined);
      await n.order(1);
      await n.deliver();
      const [, unsigned] = await rx.waitFor(2);
      assert.equal(unsigned?.headers['x-notification-signature'], undefined);
      await h.del(`/api/accounts/9900000/subscriptions/${sub}`);
    } finally {
      await rx.close();
    }
  });

  it('refuses loopback and private targets, after DNS resolution, when private addresses are not allowed', async () => {
    const rx = await startReceiver();
    const strict = new CallbackSender({ timeoutMs: 2_000, allowPrivate: false, perHost: 2 });
    const open = new CallbackSender({ timeoutMs: 2_000, allowPrivate: true, perHost: 2 });
    try {
      const req = { body: '<Notification/>', notificationId: 'n-1' };
      for (const url of [
        `${rx.url}/x`,
        rx.url.replace('127.0.0.1', 'localhost'),
        rx.url.replace('127.0.0.1', '[::ffff:127.0.0.1]'),
      ]) {
        const refused = await strict.send({ ...req, url });
        assert.equal(refused.delivered, false, url);
        assert.match(refused.summary, /private address .* refused/, url);
      }
      assert.equal(rx.received.length, 0);
      assert.equal((await open.send({ ...req, url: `${rx.url}/x` })).delivered, true);
    } finally {
      strict.close();
      open.close();
      await rx.close();
    }
  });

  it('knows private, loopback, link-local and reserved addresses', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:10.0.0.1',
    ]) {
      assert.equal(isPrivateAddress(a), true, a);
    }
    for (const a of ['8.8.8.8', '172.32.0.1', '93.184.216.34', '2606:4700::1111', '::ffff:8.8.8.8']) {
      assert.equal(isPrivateAddress(a), false, a);
    }
  });
});
