import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, DIALECT, type TestDatabase } from './support/databases.js';
import { basic } from './support/harness.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

/**
 * A delivery survives the death of the server that was sending it: the real server is killed
 * (SIGKILL) while the receiver holds its callback open, restarted on the same database, and sends
 * the notification again once the dead sender's lease ends, with the same X-Notification-Id, so a
 * receiver that de-duplicates acts on it once.
 */
describe(`notification deliveries survive a server crash on ${DIALECT}`, () => {
  let db: TestDatabase;
  let rx: Receiver;
  const servers: ServerProcess[] = [];
  let env: Record<string, string>;
  const headers = { authorization: basic('demo', 'demo'), 'content-type': 'application/xml' };

  before(async () => {
    db = await createTestDatabase({ inventory: 20_000 });
    rx = await startReceiver();
    env = {
      DATA_DIR: db.dataDir,
      ...(db.database.dialect === 'postgres' ? { DATABASE_URL: db.url } : {}),
      CALLBACK_TIMEOUT: '1s',
      DELIVERY_POLL: '50',
      JOB_POLL: '50',
    };
  });
  after(async () => {
    for (const s of servers) await s.stop();
    await rx.close();
    await db.drop();
  });

  it(
    'sends again after a SIGKILL mid-delivery, and the receiver sees one notification',
    { timeout: 120_000 },
    async () => {
      const first = await startServerProcess(env);
      servers.push(first);
      const sub = await fetch(`${first.baseUrl}/api/accounts/9900000/subscriptions`, {
        method: 'POST',
        headers,
        body: `<Subscription><OrderType>orders</OrderType><CallbackSubscription><URL>${rx.url}/crash</URL><Expiry>86400</Expiry></CallbackSubscription></Subscription>`,
      });
      assert.equal(sub.status, 201, await sub.text());
      rx.respond = (_r, i) => (i === 1 ? 'hang' : { status: 200 });

      const order = await fetch(`${first.baseUrl}/api/accounts/9900000/orders`, {
        method: 'POST',
        headers,
        body: '<Order><SiteId>1</SiteId><StateSearchAndOrderType><Quantity>1</Quantity><State>NC</State></StateSearchAndOrderType></Order>',
      });
      assert.equal(order.status, 201, await order.text());
      await rx.waitFor(1, 30_000);
      const exited = new Promise((r) => first.child.once('exit', r));
      first.child.kill('SIGKILL');
      await exited;
      const inFlight = await db.database.db.selectFrom('deliveries').selectAll().executeTakeFirstOrThrow();
      assert.equal(inFlight.status, 'sending');

      const second = await startServerProcess(env);
      servers.push(second);
      const got = await rx.waitFor(2, 30_000);
      const ids = new Set(got.map((r) => r.headers['x-notification-id']));
      assert.equal(ids.size, 1, 'the same notification, so the receiver acts on it once');
      let delivered;
      for (let i = 0; i < 100; i++) {
        delivered = await db.database.db.selectFrom('deliveries').selectAll().executeTakeFirstOrThrow();
        if (delivered.status === 'delivered') break;
        await sleep(50);
      }
      assert.equal(delivered?.status, 'delivered');
      assert.equal(delivered?.attempts, 2);
      await sleep(300);
      assert.equal(rx.received.length, 2, 'nothing sent after it was delivered');
    },
  );
});
