import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ManualClock } from '../../src/platform/clock.js';
import type { Executor } from '../../src/platform/db/database.js';
import { canMove, statesOf, transition, type OrderKind } from '../../src/features/orders-common/index.js';
import { insertOrder } from '../../src/features/orders-common/orders-common.store.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

/**
 * The checks every order kind's machine gets (its `<kind>.machine.test.ts` states the table it
 * expects): each allowed transition moves a stored order and writes its history and event; each
 * refused one throws before anything is written.
 */
export function checkOrderMachine<S extends string, D>(
  kind: OrderKind<S, D>,
  expected: Readonly<Record<S, readonly S[]>>,
  sampleDetails: D,
): void {
  const states = statesOf(kind.machine);
  const pairs = states.flatMap((from) => states.map((to) => [from, to] as const));
  const allowed = pairs.filter(([from, to]) => expected[from].includes(to));
  const refused = pairs.filter(([from, to]) => !expected[from].includes(to));

  describe(`${kind.name} order machine`, () => {
    let test: TestDatabase;
    const clock = new ManualClock(Date.parse('2026-12-01T12:00:00Z'));
    const accountId = '9900990';

    before(async () => {
      test = await createTestDatabase();
      await test.database.db
        .insertInto('accounts')
        .values({
          id: accountId,
          company_name: 'Machine Test',
          account_type: 'Business',
          tiers: '[]',
          reservation_allowed: 0,
          lnp_enabled: 0,
          products: '[]',
          created_at: clock.now().toISOString(),
          updated_at: clock.now().toISOString(),
        })
        .execute();
    });
    after(async () => test.drop());

    async function storedIn(status: S): Promise<string> {
      const id = randomUUID();
      await insertOrder(test.database.db, {
        id,
        accountId,
        kind: kind.name,
        status,
        quantity: 1,
        details: JSON.stringify(sampleDetails),
        createdAt: clock.now().toISOString(),
      });
      return id;
    }

    it('has exactly the states of the expected table', () => {
      assert.deepEqual([...states].sort(), Object.keys(expected).sort());
      assert.ok(states.includes(kind.machine.initial));
    });

    it('declares notifying statuses that are states of the machine', () => {
      for (const s of kind.notifies) assert.ok(states.includes(s), s);
    });

    for (const [from, to] of allowed) {
      it(`moves ${from} -> ${to}, with its history row and event`, async () => {
        const db = test.database.db;
        assert.equal(canMove(kind.machine, from, to), true);
        const id = await storedIn(from);
        await transition(db, clock, kind, { id, accountId, status: from }, to, { note: 'checked' });
        const row = await db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        assert.equal(row.status, to);
        assert.equal(row.completed_at !== null, kind.machine.terminal.includes(to));
        const history = await db.selectFrom('order_history').selectAll().where('order_id', '=', id).execute();
        assert.deepEqual(
          history.map((h) => [h.status, h.note]),
          [[to, 'checked']],
        );
        const events = await db.selectFrom('order_events').selectAll().where('order_id', '=', id).execute();
        assert.deepEqual(
          events.map((e) => [e.kind, e.status]),
          [[kind.name, to]],
        );
      });
    }

    for (const [from, to] of refused) {
      it(`refuses ${from} -> ${to} before writing anything`, async () => {
        assert.equal(canMove(kind.machine, from, to), false);
        // Any use of the database would throw a different error than the refusal.
        const untouchable = new Proxy({} as Executor, {
          get() {
            throw new Error('the database was touched');
          },
        });
        await assert.rejects(
          transition(untouchable, clock, kind, { id: 'x', accountId, status: from }, to),
          /is not a transition/,
        );
      });
    }
  });
}
