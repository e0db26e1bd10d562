import { sql } from 'kysely';
import { type MigrationFactory, columnTypes } from './types.js';

/**
 * The number inventory: coverage dimensions derived from the reference data (rate centres with
 * integer ids, their cities, ZIP codes and local calling areas), thousands blocks, telephone
 * numbers, their history and reservations.
 *
 * Telephone numbers are one row per number keyed by the 10-digit number itself, so NPA, NPA-NXX and
 * NPA-NXX-X searches are key ranges. Status is a small integer (see features/inventory/tn-status.ts;
 * 0 = available). The search indexes are partial (available numbers only) and carry `protected`, so
 * searches read the index alone.
 */
export const inventory: MigrationFactory = (dialect) => {
  const t = columnTypes(dialect);
  return {
    async up(db) {
      await db.schema
        .createTable('rate_centers')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('abbreviation', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('lata', 'text', (c) => c.notNull())
        .addColumn('lcg_exchange', 'text', (c) => c.notNull().unique())
        .addColumn('tier', 'integer', (c) => c.notNull())
        .addColumn('lat', t.float)
        .addColumn('lng', t.float)
        .execute();
      await db.schema
        .createIndex('rate_centers_abbreviation')
        .unique()
        .on('rate_centers')
        .columns(['state', 'abbreviation'])
        .execute();
      await db.schema.createIndex('rate_centers_lata').on('rate_centers').column('lata').execute();

      await db.schema
        .createTable('cities')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('cities_name').unique().on('cities').columns(['state', 'name']).execute();

      await db.schema
        .createTable('rate_center_cities')
        .addColumn('rate_center_id', 'integer', (c) => c.notNull())
        .addColumn('city_id', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('rate_center_cities_pk', ['rate_center_id', 'city_id'])
        .execute();
      await db.schema
        .createIndex('rate_center_cities_city')
        .on('rate_center_cities')
        .column('city_id')
        .execute();

      await db.schema
        .createTable('rate_center_zips')
        .addColumn('rate_center_id', 'integer', (c) => c.notNull())
        .addColumn('zip', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('rate_center_zips_pk', ['rate_center_id', 'zip'])
        .execute();
      await db.schema.createIndex('rate_center_zips_zip').on('rate_center_zips').column('zip').execute();

      await db.schema
        .createTable('rate_center_lca')
        .addColumn('rate_center_id', 'integer', (c) => c.notNull())
        .addColumn('local_rate_center_id', 'integer', (c) => c.notNull())
        .addColumn('distance_km', t.float, (c) => c.notNull())
        .addPrimaryKeyConstraint('rate_center_lca_pk', ['rate_center_id', 'local_rate_center_id'])
        .execute();

      // NPA-NXX-X thousands blocks the inventory holds numbers in, with their place.
      await db.schema
        .createTable('number_blocks')
        .addColumn('npa_nxx_x', 'integer', (c) => c.primaryKey())
        .addColumn('rate_center_id', 'integer', (c) => c.notNull())
        .addColumn('city_id', 'integer')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('lata', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('number_blocks_rate_center')
        .on('number_blocks')
        .column('rate_center_id')
        .execute();

      await t
        .bigKey(db.schema.createTable('telephone_numbers'), 'tn')
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('rate_center_id', 'integer')
        .addColumn('city_id', 'integer')
        .addColumn('state', 'text')
        .addColumn('lata', 'text')
        .addColumn('tier', 'integer', (c) => c.notNull())
        .addColumn('vendor_id', 'integer', (c) => c.notNull())
        .addColumn('protected', 'integer', (c) => c.notNull())
        .addColumn('account_id', 'text')
        .addColumn('site_id', 'integer')
        .addColumn('sip_peer_id', 'integer')
        .addColumn('reservation_id', 'text')
        .addColumn('order_id', 'text')
        .addColumn('order_type', 'text')
        .addColumn('order_created_at', 'text')
        // When the number entered its current status (null: since the inventory was built).
        .addColumn('status_changed_at', 'text')
        .addColumn('updated_at', 'text')
        .execute();
      // Partial indexes over available numbers (status 0), one per search dimension; with `tn` next,
      // a combined criterion (rate centre + area code, …) is one index range. City and ZIP searches
      // go through the rate centres that serve them, so they use tns_avail_rc.
      const available = (name: string, column: string) =>
        db.schema
          .createIndex(name)
          .on('telephone_numbers')
          .columns([column, 'tn', 'protected'])
          .where(sql.ref('status'), '=', 0)
          .execute();
      await available('tns_avail_rc', 'rate_center_id');
      await available('tns_avail_state', 'state');
      await available('tns_avail_lata', 'lata');
      const assigned = (name: string, column: string) =>
        db.schema
          .createIndex(name)
          .on('telephone_numbers')
          .columns([column, 'tn'])
          .where(sql.ref(column), 'is not', null)
          .execute();
      await assigned('tns_account', 'account_id');
      await assigned('tns_site', 'site_id');
      await assigned('tns_peer', 'sip_peer_id');

      await t
        .id(db.schema.createTable('tn_history'))
        .addColumn('tn', 'bigint', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('account_id', 'text')
        .addColumn('order_id', 'text')
        .addColumn('order_type', 'text')
        .addColumn('order_created_at', 'text')
        .addColumn('order_status', 'text')
        .addColumn('user_id', 'text')
        .execute();
      await db.schema.createIndex('tn_history_tn').on('tn_history').columns(['tn', 'id']).execute();

      await db.schema
        .createTable('tn_reservations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('tn', 'bigint', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        // active | released | expired | used
        .addColumn('state', 'text', (c) => c.notNull())
        .execute();
      // One active reservation per number, kept by the database.
      await db.schema
        .createIndex('tn_reservations_active')
        .unique()
        .on('tn_reservations')
        .column('tn')
        .where(sql.ref('state'), '=', 'active')
        .execute();
      await db.schema
        .createIndex('tn_reservations_account')
        .on('tn_reservations')
        .column('account_id')
        .execute();
    },
  };
};
