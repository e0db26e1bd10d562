import { type MigrationFactory, columnTypes } from './types.js';

/**
 * Subscriptions to order events, and the durable deliveries made of those events: one row per
 * notification to one subscriber (callback, e-mail, or an item held for the daily digest), with every
 * attempt kept in the delivery log.
 */
export const notifications: MigrationFactory = (dialect) => {
  const t = columnTypes(dialect);
  return {
    async up(db) {
      await db.schema
        .createTable('subscriptions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        // Bandwidth's spelling: orders, disconnects, portins, …
        .addColumn('order_type', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text')
        // email | callback
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        // NONE | DAILY
        .addColumn('digest', 'text')
        .addColumn('url', 'text')
        .addColumn('callback_user', 'text')
        .addColumn('expiry_seconds', 'bigint')
        // Business-clock epoch ms at which a callback subscription stops.
        .addColumn('expires_at', 'bigint')
        .addColumn('basic_username', 'text')
        // Encrypted with the server key (platform/security/secret-box.ts), never plain.
        .addColumn('basic_password', 'text')
        .addColumn('public_key', 'text')
        .addColumn('signing_secret', 'text')
        // The outcome of the last delivery attempt, shown as CallbackSubscription/Status.
        .addColumn('last_status', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('subscriptions_target')
        .on('subscriptions')
        .columns(['account_id', 'order_type'])
        .execute();

      await t
        .id(db.schema.createTable('deliveries'))
        // Stable across attempts and replays: receivers de-duplicate on it (X-Notification-Id).
        .addColumn('notification_id', 'text', (c) => c.notNull())
        .addColumn('subscription_id', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text', (c) => c.notNull())
        // callback | email | digest (an item held for the day's digest)
        .addColumn('channel', 'text', (c) => c.notNull())
        // Where it goes: the callback URL's host, or 'mail'; sends to one target are limited together.
        .addColumn('target', 'text', (c) => c.notNull())
        // JSON: the notification as it was when the event happened.
        .addColumn('payload', 'text', (c) => c.notNull())
        // pending | sending | delivered | failed | held | digested | cancelled
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        // Business-clock epoch ms of the next attempt (of the digest, for held items).
        .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
        .addColumn('leased_by', 'text')
        // Wall-clock lease of a delivery being sent; a crashed sender's is taken up after it.
        .addColumn('lease_until', 'bigint')
        .addColumn('last_error', 'text')
        .addColumn('replay_of', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema
        .createIndex('deliveries_due')
        .on('deliveries')
        .columns(['status', 'next_attempt_at'])
        .execute();
      await db.schema
        .createIndex('deliveries_sequence')
        .on('deliveries')
        .columns(['subscription_id', 'order_id', 'id'])
        .execute();

      await t
        .id(db.schema.createTable('delivery_attempts'))
        .addColumn('delivery_id', 'integer', (c) => c.notNull())
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('status_code', 'integer')
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        // delivered | failed
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('response_excerpt', 'text')
        .execute();
      await db.schema
        .createIndex('delivery_attempts_delivery')
        .on('delivery_attempts')
        .columns(['delivery_id', 'id'])
        .execute();
    },
  };
};
