import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { portableNumbers, portInXml, PDF } from '../src/features/portins/portins.fixtures.js';
import { storeManualTime } from '../src/platform/clock.store.js';
import { TnStatus } from '../src/shared/tn-status.js';
import { createTestDatabase, DIALECT, type TestDatabase } from './support/databases.js';
import { basic } from './support/harness.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

/**
 * Crash safety of port-in activation, with the real server as `npm start` runs it: port-ins at FOC,
 * the server killed (SIGKILL) while activating their numbers on the FOC date, restarted on the same
 * database; every port-in must complete and every number be in exactly one state, activated once.
 */
const ORDERS = 20;
const PER_ORDER = 250;

describe(`port-in activation survives a server crash on ${DIALECT}`, () => {
  let db: TestDatabase;
  const servers: ServerProcess[] = [];
  let env: Record<string, string>;
  const start = async () => {
    const server = await startServerProcess(env);
    servers.push(server);
    return server;
  };
  const counts = async () => {
    const rows = await db.database.db
      .selectFrom('orders')
      .select(['status', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('kind', '=', 'port_in')
      .groupBy('status')
      .execute();
    return new Map(rows.map((r) => [r.status, Number(r.n)]));
  };
  const waitFor = async (what: (c: Map<string, number>) => boolean, label: string) => {
    for (let i = 0; i < 1200; i++) {
      if (what(await counts())) return;
      await sleep(50);
    }
    throw new Error(`timed out waiting for ${label}: ${JSON.stringify([...(await counts())])}`);
  };

  before(async () => {
    db = await createTestDatabase({ inventory: 2000 });
    env = {
      DATA_DIR: db.dataDir,
      ...(db.database.dialect === 'postgres' ? { DATABASE_URL: db.url } : {}),
      CLOCK_MODE: 'manual',
      CLOCK_START: '2026-12-01T12:00:00Z',
      JOB_LEASE: '2s',
      JOB_POLL: '20',
    };
  });
  after(async () => {
    for (const s of servers) await s.stop();
    await db.drop();
  });

  it('activates every number exactly once after a SIGKILL mid-activation', async () => {
    const server = await start();
    const auth = basic('demo', 'demo');
    const all: number[] = [];
    for (let i = 0; i < ORDERS; i++) {
      const tns = await portableNumbers(db.database.db, PER_ORDER, i);
      all.push(...tns.map(Number));
      const res = await fetch(`${server.baseUrl}/api/accounts/9900000/portins`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/xml' },
        body: portInXml({ tns, foc: '2026-12-10' }),
      });
      assert.equal(res.status, 201, await res.text());
      const id = res.headers.get('location')?.split('/').pop() ?? '';
      const loa = await fetch(`${server.baseUrl}/api/accounts/9900000/portins/${id}/loas`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/pdf' },
        body: PDF,
      });
      assert.equal(loa.status, 201, await loa.text());
    }
    // The carrier answers the next day; then the FOC time comes and activation starts.
    await storeManualTime(db.database, Date.parse('2026-12-02T15:00:00Z'));
    await waitFor((c) => c.get('FOC') === ORDERS, 'every order at FOC');
    await storeManualTime(db.database, Date.parse('2026-12-10T14:00:00Z'));
    await waitFor((c) => (c.get('COMPLETE') ?? 0) > 0, 'the first activation');
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGKILL');
    await exited;
    const atCrash = await counts();
    assert.ok((atCrash.get('FOC') ?? 0) > 0, `killed mid-activation: ${JSON.stringify([...atCrash])}`);

    const restarted = await start();
    await waitFor((c) => c.get('COMPLETE') === ORDERS, 'every order COMPLETE');
    await restarted.stop();

    const d = db.database.db;
    const numbers = await d
      .selectFrom('telephone_numbers')
      .select(['tn', 'status', 'account_id'])
      .where('tn', 'in', all)
      .execute();
    assert.equal(numbers.length, all.length);
    assert.ok(numbers.every((n) => n.status === TnStatus.inService && n.account_id === '9900000'));
    const history = await d
      .selectFrom('tn_history')
      .select(['tn', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('tn', 'in', all)
      .groupBy('tn')
      .execute();
    assert.equal(history.length, all.length);
    assert.ok(
      history.every((h) => Number(h.n) === 1),
      'each number activated once',
    );
    const completed = await d
      .selectFrom('order_numbers')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('tn', 'in', all)
      .where('outcome', '=', 'completed')
      .executeTakeFirstOrThrow();
    assert.equal(Number(completed.n), all.length);
    const held = await d
      .selectFrom('port_in_numbers')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('tn', 'in', all)
      .where('open', '=', 1)
      .executeTakeFirstOrThrow();
    assert.equal(Number(held.n), 0);
  });
});
