import { type MigrationFactory, columnTypes } from './types.js';

/**
 * Billing: each account's rate card (and the default one, account '*', for accounts without their
 * own), and the charges, one row per charge as it is incurred: a number's day in service (MRC, per
 * kind) or a number's completed order (NRC). Amounts are integer millionths of a dollar, so every
 * total is an exact sum. The unique key makes accruing a day or charging an order idempotent.
 */
export const billing: MigrationFactory = (dialect) => {
  const t = columnTypes(dialect);
  return {
    async up(db) {
      const rate = (name: string) => [name, 'bigint'] as const;
      let cards = db.schema.createTable('rate_cards').addColumn('account_id', 'text', (c) => c.primaryKey());
      for (const name of [
        'local_mrc',
        'tollfree_mrc',
        'e911_mrc',
        'cnam_mrc',
        'order_nrc',
        'portin_nrc',
        'feature_nrc',
      ]) {
        const [column, type] = rate(name);
        cards = cards.addColumn(column, type, (c) => c.notNull());
      }
      await cards.addColumn('updated_at', 'text', (c) => c.notNull()).execute();

      await t
        .id(db.schema.createTable('charges'))
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('tn', 'bigint', (c) => c.notNull())
        // yyyy-MM-dd (UTC, business clock): the day in service, or the day the order completed.
        .addColumn('charge_date', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        // The order charged (NRC); empty for a day in service.
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('charges_key')
        .unique()
        .on('charges')
        .columns(['account_id', 'charge_date', 'kind', 'tn', 'reference'])
        .execute();
    },
  };
};
