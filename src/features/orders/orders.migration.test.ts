import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, DIALECT, type TestDatabase } from '../../../test/support/databases.js';
import { orderDetailsNames } from '../../platform/db/migrations/0007-order-details-names.js';
import { orderOf, type OrderRow } from '../orders-common/index.js';
import { NEW_NUMBER_ORDERS } from './orders.kind.js';

/**
 * Migration 0007: new-number orders stored before it kept Bandwidth's element names in their
 * details; after it they read as typed details in our names, and orders already in our names (and
 * other kinds) are left as they are.
 */
describe(`migration 0007 (order details in our names) on ${DIALECT}`, () => {
  let test: TestDatabase;
  const at = '2026-12-01T12:00:00.000Z';

  async function store(id: string, kind: string, details: unknown): Promise<void> {
    await test.database.db
      .insertInto('orders')
      .values({
        id,
        account_id: '9900991',
        kind,
        status: 'RECEIVED',
        name: null,
        customer_order_id: null,
        site_id: null,
        sip_peer_id: null,
        quantity: 2,
        details: JSON.stringify(details),
        created_by: null,
        created_at: at,
        updated_at: at,
        completed_at: null,
      })
      .execute();
  }

  async function row(id: string): Promise<OrderRow> {
    return test.database.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  before(async () => {
    test = await createTestDatabase();
    await test.database.db
      .insertInto('accounts')
      .values({
        id: '9900991',
        company_name: 'Migration Test',
        account_type: 'Business',
        tiers: '[]',
        reservation_allowed: 0,
        lnp_enabled: 0,
        products: '[]',
        created_at: at,
        updated_at: at,
      })
      .execute();
    const common = { partialAllowed: true, backOrderRequested: false, tnAttributes: [] };
    await store('old-area-code', 'new_number', {
      ...common,
      orderType: 'AreaCodeSearchAndOrderType',
      criteria: { AreaCode: '919', Quantity: '2' },
      search: { areacode: '919', quantity: '2' },
    });
    await store('old-existing', 'new_number', {
      ...common,
      orderType: 'ExistingTelephoneNumberOrderType',
      criteria: { TelephoneNumberList: ['9192120000', '9192120001'], ReservationIdList: ['r-1'] },
      tns: [9192120000, 9192120001],
      reservationIds: ['r-1'],
    });
    await store('already-ours', 'new_number', {
      ...common,
      orderType: 'npaNxx',
      criteria: { npaNxx: '919212', quantity: '2' },
      search: { npanxx: '919212', quantity: '2' },
    });
    await store('a-disconnect', 'disconnect', { tns: [9192120000], mode: 'normal', protected: 'UNCHANGED' });
    await orderDetailsNames(test.database.dialect).up(test.database.db);
  });
  after(async () => test.drop());

  it('renames a search order type and its criteria, keeping the rest', async () => {
    const order = orderOf(NEW_NUMBER_ORDERS, await row('old-area-code'));
    assert.equal(order.details.orderType, 'areaCode');
    assert.deepEqual(order.details.criteria, { areaCode: '919', quantity: '2' });
    assert.deepEqual(order.details.search, { areacode: '919', quantity: '2' });
  });

  it('renames an existing-numbers order, its lists included', async () => {
    const order = orderOf(NEW_NUMBER_ORDERS, await row('old-existing'));
    assert.equal(order.details.orderType, 'existing');
    assert.deepEqual(order.details.criteria, {
      telephoneNumbers: ['9192120000', '9192120001'],
      reservationIds: ['r-1'],
    });
    assert.deepEqual(order.details.tns, [9192120000, 9192120001]);
  });

  it('leaves orders already in our names, and other kinds, untouched', async () => {
    assert.deepEqual(JSON.parse((await row('already-ours')).details), {
      partialAllowed: true,
      backOrderRequested: false,
      tnAttributes: [],
      orderType: 'npaNxx',
      criteria: { npaNxx: '919212', quantity: '2' },
      search: { npanxx: '919212', quantity: '2' },
    });
    assert.deepEqual(JSON.parse((await row('a-disconnect')).details), {
      tns: [9192120000],
      mode: 'normal',
      protected: 'UNCHANGED',
    });
  });

  it('refuses to read the old names as typed details (why the migration exists)', () => {
    const old = {
      id: 'x',
      account_id: '9900991',
      kind: 'new_number',
      status: 'RECEIVED',
      name: null,
      customer_order_id: null,
      site_id: null,
      sip_peer_id: null,
      quantity: 1,
      details: JSON.stringify({ orderType: 'AreaCodeSearchAndOrderType', criteria: {} }),
      created_by: null,
      created_at: at,
      updated_at: at,
      completed_at: null,
    } satisfies OrderRow;
    assert.throws(() => orderOf(NEW_NUMBER_ORDERS, old));
  });
});
