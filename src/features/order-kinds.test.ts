import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ORDER_KINDS } from './index.js';
import { SUBSCRIPTION_ORDER_TYPES } from './subscriptions/index.js';

/** What every registered kind must declare for notifications to reach its subscribers. */
describe('registered order kinds', () => {
  it('each name a subscription OrderType of their own, so subscribers can choose them', () => {
    const types = ORDER_KINDS.map((m) => m.kind.subscriptionType);
    for (const t of types) assert.ok((SUBSCRIPTION_ORDER_TYPES as readonly string[]).includes(t), t);
    assert.equal(new Set(types).size, types.length);
  });

  it('each notify some of their statuses (contract §11)', () => {
    for (const m of ORDER_KINDS) assert.ok(m.kind.notifies.length > 0, m.kind.name);
  });
});
