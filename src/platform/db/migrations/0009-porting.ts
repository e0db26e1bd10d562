import { sql } from 'kysely';
import { type MigrationFactory, columnTypes } from './types.js';

/**
 * Porting in: the numbers of each port-in (an open port-in holds its numbers, so two cannot race
 * for one), its documents (stored in the database so every instance serves them), and, on each
 * number, the carrier it was ported in from (a ported-in number that is disconnected goes back there).
 * Also an index that lets order lists page without sorting.
 */
export const porting: MigrationFactory = (dialect) => {
  const t = columnTypes(dialect);
  return {
    async up(db) {
      await db.schema
        .createTable('port_in_numbers')
        .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
        .addColumn('tn', 'bigint', (c) => c.notNull())
        // 1 while the port-in is open (not COMPLETE or CANCELLED).
        .addColumn('open', 'integer', (c) => c.notNull())
        .addColumn('activated_at', 'text')
        .addPrimaryKeyConstraint('port_in_numbers_pk', ['order_id', 'tn'])
        .execute();
      // At most one open port-in per number: the database refuses the second, whatever the race.
      await sql`create unique index port_in_numbers_open on port_in_numbers (tn) where open = 1`.execute(db);
      await db.schema.createIndex('port_in_numbers_tn').on('port_in_numbers').column('tn').execute();
      await db.schema
        .createTable('port_documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('content', t.bytes, (c) => c.notNull())
        .addColumn('document_name', 'text')
        // LOA | INVOICE | CSR | OTHER
        .addColumn('document_type', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('port_documents_order').on('port_documents').column('order_id').execute();
      // Order lists page by (created_at, id): with the id in the index, a page of orders created in
      // the same millisecond (a bulk load, a manual clock) is read in order instead of sorted.
      await db.schema
        .createIndex('orders_account_page')
        .on('orders')
        .columns(['account_id', 'kind', 'created_at', 'id'])
        .execute();
      await db.schema.dropIndex('orders_account').execute();
      // The losing carrier's SPID, on numbers that came in by a port.
      await db.schema.alterTable('telephone_numbers').addColumn('ported_from', 'text').execute();
    },
  };
};
