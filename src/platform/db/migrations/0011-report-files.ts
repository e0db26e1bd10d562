import { type MigrationFactory, columnTypes } from './types.js';

/**
 * Report files: the bytes of each report instance's file, in parts of about a megabyte (written as
 * the file is produced, read back as a stream), stored in the database so that every instance of
 * the server can serve them; and an index that lets a report read an account's number history in
 * order without scanning everyone's.
 */
export const reportFiles: MigrationFactory = (dialect) => {
  const t = columnTypes(dialect);
  return {
    async up(db) {
      await db.schema
        .createTable('report_file_parts')
        .addColumn('instance_id', 'text', (c) => c.notNull().references('orders.id'))
        // The attempt that wrote it: two producers of one instance (a lost lease) never mix parts.
        .addColumn('generation', 'integer', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('bytes', t.bytes, (c) => c.notNull())
        .addPrimaryKeyConstraint('report_file_parts_pk', ['instance_id', 'generation', 'seq'])
        .execute();
      await db.schema
        .createIndex('tn_history_account')
        .on('tn_history')
        .columns(['account_id', 'id'])
        .execute();
    },
  };
};
