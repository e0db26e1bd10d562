import { sql } from 'kysely';
import type { MigrationFactory } from './types.js';

/**
 * Porting out: each account's port-out settings (the validation endpoint Bandwidth calls, set by an
 * operator, and an account-wide port-out PIN), the numbers each port-out holds (an open port-out
 * holds its numbers, so two cannot race for one), the carrier a number was ported out to, and one
 * PON per account for LSR orders, kept by the database.
 */
export const portingOut: MigrationFactory = () => ({
  async up(db) {
    await db.schema.alterTable('accounts').addColumn('portout_validation_url', 'text').execute();
    await db.schema.alterTable('accounts').addColumn('portout_validation_user', 'text').execute();
    // Sealed with the server key (platform/security/secret-box.ts): it must be sent, so not hashed.
    await db.schema.alterTable('accounts').addColumn('portout_validation_password', 'text').execute();
    // Hashed like a password: it is only ever compared.
    await db.schema.alterTable('accounts').addColumn('portout_pin_hash', 'text').execute();
    await db.schema
      .createTable('port_out_numbers')
      .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
      .addColumn('tn', 'bigint', (c) => c.notNull())
      // The LSR order that asked for the number, when a carrier here did.
      .addColumn('lsr_order_id', 'text')
      // 1 while the port-out is open (not COMPLETE or CANCELLED).
      .addColumn('open', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('port_out_numbers_pk', ['order_id', 'tn'])
      .execute();
    // At most one open port-out per number: the database refuses the second, whatever the race.
    await sql`create unique index port_out_numbers_open on port_out_numbers (tn) where open = 1`.execute(db);
    await db.schema.createIndex('port_out_numbers_tn').on('port_out_numbers').column('tn').execute();
    await db.schema
      .createIndex('port_out_numbers_lsr')
      .on('port_out_numbers')
      .columns(['lsr_order_id', 'tn'])
      .execute();
    // An LSR order's PON (kept in orders.name) is unique on its account.
    await sql`create unique index orders_lsr_pon on orders (account_id, name) where kind = 'lsr'`.execute(db);
    await db.schema.alterTable('telephone_numbers').addColumn('ported_to', 'text').execute();
  },
});
