import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ORDER_KINDS } from './index.js';
import { SUBSCRIPTION_ORDER_TYPES } from './subscriptions/index.js';

/** What every registered kind must declare for notifications to reach its subscribers. */
describe('registered order kinds', () => {
  const notified = ORDER_KINDS.filter((m) => m.kind.subscriptionType !== undefined);

  it('each name a subscription OrderType of their own, so subscribers can choose them', () => {
    const types = notified.map((m) => m.kind.subscriptionType ?? '');
    for (const t of types) assert.ok((SUBSCRIPTION_ORDER_TYPES as readonly string[]).includes(t), t);
    assert.equal(new Set(types).size, types.length);
    // Only the kinds whose result is a file are not notified (contract §11 lists no type for them).
    assert.deepEqual(
      ORDER_KINDS.filter((m) => m.kind.subscriptionType === undefined).map((m) => m.kind.name),
      ['billing_report', 'bdr', 'report_instance'],
    );
  });

  it('each notify some of their statuses (contract §11), the others none', () => {
    for (const m of notified) assert.ok(m.kind.notifies.length > 0, m.kind.name);
    for (const m of ORDER_KINDS)
      if (!notified.includes(m)) assert.deepEqual(m.kind.notifies, [], m.kind.name);
  });
});
