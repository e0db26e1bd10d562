import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Harness } from '../../../test/support/harness.js';
import { startReceiver, type Receiver } from '../../../test/support/receiver.js';
import { DeliveryDispatcher } from './index.js';
import { notificationHelpers, startNotificationHarness } from './notifications.fixtures.js';

/** Two dispatchers on one database (as two workers are) never send the same attempt twice. */
describe('two delivery workers', () => {
  let h: Harness;
  let rx: Receiver;
  const n = notificationHelpers(() => h);
  before(async () => {
    h = await startNotificationHarness();
    rx = await startReceiver();
  });
  after(async () => {
    await rx.close();
    await h.close();
  });

  it('share the deliveries between them: each one sent exactly once', async () => {
    for (const path of ['a', 'b', 'c']) await n.callback(`${rx.url}/${path}`);
    for (let i = 0; i < 20; i++) await n.order(1);
    const other = new DeliveryDispatcher(h.app.deps, h.app.http.log);
    try {
      const [mine, theirs] = await Promise.all([h.app.dispatcher.runDue(), other.runDue()]);
      assert.equal(mine + theirs, 60);
    } finally {
      await other.stop();
    }
    assert.equal(rx.received.length, 60);
    const ids = rx.received.map((r) => String(r.headers['x-notification-id']));
    assert.equal(new Set(ids).size, 60, 'no notification arrived twice');
    const rows = await n.deliveries();
    assert.ok(rows.every((d) => d.status === 'delivered' && d.attempts === 1));
  });

  it('prune finished deliveries and their attempts after DELIVERY_RETENTION of business time', async () => {
    const db = h.app.deps.database.db;
    const count = async (table: 'deliveries' | 'delivery_attempts') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    assert.equal(await count('deliveries'), 60);
    assert.equal(await count('delivery_attempts'), 60);
    h.clock.advance(29 * 86_400_000);
    await n.deliver();
    assert.equal(await count('deliveries'), 60, 'kept for 30 days');
    h.clock.advance(2 * 86_400_000);
    await n.deliver();
    assert.equal(await count('deliveries'), 0);
    assert.equal(await count('delivery_attempts'), 0);
  });
});
