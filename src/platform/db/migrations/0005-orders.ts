import { type MigrationFactory, columnTypes } from './types.js';

/**
 * Orders of every kind (new numbers, disconnects; port-ins and the rest later share them): one row
 * per order with its status, the numbers it touched, its history (every transition), its notes,
 * and an outbox of events for notifications. Per-number settings of numbers on SIP peers.
 */
export const orders: MigrationFactory = (dialect) => {
  const t = columnTypes(dialect);
  return {
    async up(db) {
      await db.schema
        .createTable('orders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        // new_number | disconnect
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('customer_order_id', 'text')
        .addColumn('site_id', 'integer')
        .addColumn('sip_peer_id', 'integer')
        .addColumn('quantity', 'integer', (c) => c.notNull())
        // The kind's own request, as validated (JSON): order type and criteria, flags, attributes.
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('completed_at', 'text')
        .execute();
      await db.schema
        .createIndex('orders_account')
        .on('orders')
        .columns(['account_id', 'kind', 'created_at'])
        .execute();
      await db.schema.createIndex('orders_site').on('orders').columns(['site_id', 'kind']).execute();

      await db.schema
        .createTable('order_numbers')
        .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
        .addColumn('tn', 'bigint', (c) => c.notNull())
        // completed | failed
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('error_code', 'integer')
        .addColumn('error_description', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('order_numbers_pk', ['order_id', 'tn'])
        .execute();
      await db.schema.createIndex('order_numbers_tn').on('order_numbers').column('tn').execute();

      await t
        .id(db.schema.createTable('order_history'))
        .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('author', 'text')
        .addColumn('difference', 'text')
        .execute();
      await db.schema
        .createIndex('order_history_order')
        .on('order_history')
        .columns(['order_id', 'id'])
        .execute();

      await t
        .id(db.schema.createTable('order_notes'))
        .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('order_notes_order')
        .on('order_notes')
        .columns(['order_id', 'id'])
        .execute();

      // Outbox: what notifications will tell subscribers (status changes and notes), in order.
      await t
        .id(db.schema.createTable('order_events'))
        .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        // status | note
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('message', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();

      // Settings of a number on its SIP peer (call forwarding, calling-name display, SMS, …), JSON.
      await db.schema
        .createTable('tn_settings')
        .addColumn('tn', 'bigint', (c) => c.primaryKey())
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
};
