import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { TnStatus } from '../src/shared/tn-status.js';
import { createTestDatabase, DIALECT, type TestDatabase } from './support/databases.js';
import { basic } from './support/harness.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

/**
 * Crash safety of order processing, with the real server as `npm start` runs it: orders accepted,
 * the server killed (SIGKILL) while its worker is fulfilling them, restarted on the same database;
 * every accepted order must reach a final status and the inventory must add up.
 */
const FINAL = ['COMPLETE', 'PARTIAL', 'FAILED'];
const STATES = ['NC', 'NY', 'CA', 'TX', 'FL', 'GA', 'PA', 'IL', 'OH', 'WA'];
const ORDERS = 1000;

describe(`orders survive a server crash on ${DIALECT}`, () => {
  let db: TestDatabase;
  const servers: ServerProcess[] = [];
  let env: Record<string, string>;

  const start = async (extra: Record<string, string> = {}) => {
    const server = await startServerProcess({ ...env, ...extra });
    servers.push(server);
    return server;
  };
  const kill = async (server: ServerProcess) => {
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGKILL');
    await exited;
  };
  const statusCounts = async () => {
    const rows = await db.database.db
      .selectFrom('orders')
      .select(['status', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('kind', '=', 'new_number')
      .groupBy('status')
      .execute();
    const counts = new Map(rows.map((r) => [r.status, Number(r.n)]));
    const final = FINAL.reduce((n, s) => n + (counts.get(s) ?? 0), 0);
    const all = [...counts.values()].reduce((a, b) => a + b, 0);
    return { final, open: all - final, all };
  };

  before(async () => {
    db = await createTestDatabase({ inventory: 20_000 });
    env = {
      DATA_DIR: db.dataDir,
      ...(db.database.dialect === 'postgres' ? { DATABASE_URL: db.url } : {}),
      // A crashed worker's claimed jobs are taken over once their lease ends.
      JOB_LEASE: '2s',
      JOB_POLL: '50',
    };
  });
  after(async () => {
    for (const s of servers) await s.stop();
    await db.drop();
  });

  it('fulfils every accepted order exactly once after a SIGKILL mid-processing', async () => {
    // 1. An API-only server accepts the orders (nothing fulfils them yet).
    const api = await start({ ROLES: 'api' });
    const headers = { authorization: basic('demo', 'demo'), 'content-type': 'application/xml' };
    const accepted: string[] = [];
    for (let i = 0; i < ORDERS; i += 20) {
      const batch = Array.from({ length: Math.min(20, ORDERS - i) }, (_, k) => {
        const state = STATES[(i + k) % STATES.length] ?? 'NC';
        const body = `<Order><Name>crash ${i + k}</Name><SiteId>1</SiteId><StateSearchAndOrderType><Quantity>25</Quantity><State>${state}</State></StateSearchAndOrderType></Order>`;
        return fetch(`${api.baseUrl}/api/accounts/9900000/orders`, { method: 'POST', headers, body });
      });
      for (const res of await Promise.all(batch)) {
        assert.equal(res.status, 201, await res.text());
        accepted.push(res.headers.get('location')?.split('/').pop() ?? '');
      }
    }
    await api.stop();
    // (The first start seeded the demo account and its numbers in service.)
    const inServiceBefore = Number(
      (
        await db.database.db
          .selectFrom('telephone_numbers')
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .where('account_id', '=', '9900000')
          .where('status', '=', TnStatus.inService)
          .executeTakeFirstOrThrow()
      ).n,
    );

    assert.equal((await statusCounts()).open, ORDERS);

    // 2. A full server starts fulfilling them and is killed part-way.
    const worker = await start();
    for (let i = 0; i < 1000; i++) {
      if ((await statusCounts()).final > 0) break;
      await sleep(5);
    }
    await kill(worker);
    const atCrash = await statusCounts();
    assert.ok(atCrash.final > 0 && atCrash.open > 0, `killed mid-processing: ${JSON.stringify(atCrash)}`);

    // 3. Restarted on the same database, it finishes every order.
    const restarted = await start();
    for (let i = 0; i < 600 && (await statusCounts()).open > 0; i++) await sleep(100);
    assert.equal((await statusCounts()).open, 0, 'every accepted order reached a final status');
    await restarted.stop();

    // The inventory adds up: each completed number belongs to exactly one order and is in service
    // on the account, site and peer that order named; nothing else changed hands.
    const completed = await db.database.db
      .selectFrom('order_numbers')
      .innerJoin('orders', 'orders.id', 'order_numbers.order_id')
      .innerJoin('telephone_numbers', 'telephone_numbers.tn', 'order_numbers.tn')
      .select([
        'order_numbers.tn as tn',
        'order_numbers.order_id as orderId',
        'telephone_numbers.status as status',
        'telephone_numbers.account_id as accountId',
        'telephone_numbers.site_id as siteId',
        'telephone_numbers.sip_peer_id as peerId',
        'telephone_numbers.order_id as numberOrderId',
      ])
      .where('order_numbers.outcome', '=', 'completed')
      .where('orders.id', 'in', accepted)
      .execute();
    const seen = new Set<number>();
    for (const c of completed) {
      assert.ok(!seen.has(c.tn), `${c.tn} completed in two orders`);
      seen.add(c.tn);
      assert.equal(c.status, TnStatus.inService);
      assert.equal(c.accountId, '9900000');
      assert.equal(c.siteId, 1);
      assert.equal(c.peerId, 500000);
      assert.equal(c.numberOrderId, c.orderId);
    }
    const inServiceAfter = await db.database.db
      .selectFrom('telephone_numbers')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('account_id', '=', '9900000')
      .where('status', '=', TnStatus.inService)
      .executeTakeFirstOrThrow();
    assert.equal(Number(inServiceAfter.n), inServiceBefore + completed.length);
    // Each order's count matches its numbers, and its status says how it ended.
    const perOrder = await sql<{ id: string; status: string; quantity: number; done: number | string }>`
      select o.id, o.status, o.quantity,
             (select count(*) from order_numbers n where n.order_id = o.id and n.outcome = 'completed') as done
      from orders o where o.kind = 'new_number'`.execute(db.database.db);
    for (const o of perOrder.rows) {
      const done = Number(o.done);
      const expected = done >= o.quantity ? 'COMPLETE' : done > 0 ? 'PARTIAL' : 'FAILED';
      assert.equal(o.status, expected, `order ${o.id}: ${done} of ${o.quantity}`);
    }
    // No job is left behind.
    const pending = await db.database.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('name', '=', 'orders.fulfil')
      .where('status', 'in', ['pending', 'running'])
      .executeTakeFirstOrThrow();
    assert.equal(Number(pending.n), 0);
  });
});
