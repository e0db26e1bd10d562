import { sql } from 'kysely';
import { type MigrationFactory, columnTypes } from './types.js';

/** Accounts, users, sites, SIP peers, SIP credentials, jobs, settings and the reference-data tables. */
export const foundation: MigrationFactory = (dialect) => {
  const t = columnTypes(dialect);
  return {
    async up(db) {
      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_name', 'text', (c) => c.notNull())
        .addColumn('account_type', 'text', (c) => c.notNull())
        .addColumn('nena_id', 'text')
        .addColumn('tiers', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('contact', 'text')
        .addColumn('reservation_allowed', 'integer', (c) => c.notNull())
        .addColumn('lnp_enabled', 'integer', (c) => c.notNull())
        .addColumn('alt_spid', 'text')
        .addColumn('spid', 'text')
        .addColumn('port_carrier_type', 'text')
        .addColumn('global_account_number', 'text')
        .addColumn('associated_catapult_account', 'text')
        .addColumn('products', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('users')
        .addColumn('username', 'text', (c) => c.primaryKey())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('first_name', 'text')
        .addColumn('last_name', 'text')
        .addColumn('email', 'text')
        .addColumn('telephone_number', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('user_accounts')
        .addColumn('username', 'text', (c) => c.notNull().references('users.username').onDelete('cascade'))
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('user_accounts_pk', ['username', 'account_id'])
        .execute();
      await db.schema.createIndex('user_accounts_account').on('user_accounts').column('account_id').execute();

      await db.schema
        .createTable('user_roles')
        .addColumn('username', 'text', (c) => c.notNull().references('users.username').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('permissions', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_roles_pk', ['username', 'role'])
        .execute();

      await t
        .id(db.schema.createTable('sites'))
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('customer_name', 'text')
        .addColumn('customer_provided_id', 'text')
        .addColumn('address', 'text')
        .addColumn('uc_trunking', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sites_account').on('sites').column('account_id').execute();

      await t
        .id(db.schema.createTable('sip_peers'))
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('is_default', 'integer', (c) => c.notNull())
        .addColumn('final_destination_uri', 'text')
        .addColumn('short_messaging_protocol', 'text', (c) => c.notNull())
        .addColumn('voice_hosts', 'text', (c) => c.notNull())
        .addColumn('voice_host_groups', 'text', (c) => c.notNull())
        .addColumn('sms_hosts', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('premise_trunks', 'integer')
        .addColumn('calling_name_display', 'integer')
        .addColumn('calling_name_enforced', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sip_peers_account').on('sip_peers').column('account_id').execute();
      await db.schema
        .createIndex('sip_peers_site_name')
        .unique()
        .on('sip_peers')
        .columns(['site_id', 'name'])
        .execute();
      // One default SIP peer per site, enforced by the database.
      await db.schema
        .createIndex('sip_peers_one_default')
        .unique()
        .on('sip_peers')
        .column('site_id')
        .where(sql.ref('is_default'), '=', 1)
        .execute();
      // SIP peer ids are six-digit numbers, as on Bandwidth's dashboard.
      await t.startIdsAt(db, 'sip_peers', 500000);

      await t
        .id(db.schema.createTable('sip_peer_termination_hosts'))
        .addColumn('sip_peer_id', 'integer', (c) =>
          c.notNull().references('sip_peers.id').onDelete('cascade'),
        )
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('host_name', 'text', (c) => c.notNull())
        .addColumn('range_start', 'bigint', (c) => c.notNull())
        .addColumn('range_end', 'bigint', (c) => c.notNull())
        .addColumn('port', 'integer')
        .addColumn('customer_traffic_allowed', 'text')
        .addColumn('data_allowed', 'integer')
        .execute();
      await db.schema
        .createIndex('termination_hosts_range')
        .on('sip_peer_termination_hosts')
        .columns(['range_start', 'range_end'])
        .execute();
      await db.schema
        .createIndex('termination_hosts_peer')
        .on('sip_peer_termination_hosts')
        .column('sip_peer_id')
        .execute();

      await t
        .id(db.schema.createTable('sip_credentials'))
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('user_name', 'text', (c) => c.notNull())
        .addColumn('domain', 'text')
        .addColumn('composite', 'text', (c) => c.notNull())
        .addColumn('hash1', 'text', (c) => c.notNull())
        .addColumn('hash1b', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('sip_credentials_composite')
        .unique()
        .on('sip_credentials')
        .columns(['account_id', 'composite'])
        .execute();

      await t
        .id(db.schema.createTable('jobs'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('dedupe_key', 'text', (c) => c.unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('run_at', 'bigint', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('max_attempts', 'integer', (c) => c.notNull())
        .addColumn('locked_by', 'text')
        .addColumn('locked_until', 'bigint')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();

      // Reference data, loaded from data/reference at first start (see platform/refdata).
      await db.schema
        .createTable('ref_npa')
        .addColumn('npa', 'text', (c) => c.primaryKey())
        .addColumn('type_of_code', 'text')
        .addColumn('assignable', 'text')
        .addColumn('explanation', 'text')
        .addColumn('assigned', 'text')
        .addColumn('use', 'text')
        .addColumn('location', 'text')
        .addColumn('country', 'text')
        .addColumn('in_service', 'text')
        .addColumn('status', 'text')
        .addColumn('overlay', 'text')
        .addColumn('overlay_complex', 'text')
        .addColumn('parent_npa', 'text')
        .addColumn('service', 'text')
        .addColumn('time_zone', 'text')
        .execute();

      await db.schema
        .createTable('ref_rate_centers')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('rate_center', 'text', (c) => c.notNull())
        .addColumn('full_name', 'text', (c) => c.notNull())
        .addColumn('lata', 'text', (c) => c.notNull())
        .addColumn('lcg_exchange', 'text', (c) => c.primaryKey())
        .addColumn('ilec_name', 'text')
        .addColumn('lat', t.float)
        .addColumn('lng', t.float)
        .addColumn('closest_city', 'text')
        .execute();
      await db.schema
        .createIndex('ref_rate_centers_name')
        .unique()
        .on('ref_rate_centers')
        .columns(['state', 'rate_center'])
        .execute();

      await db.schema
        .createTable('ref_rate_center_localities')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('locality', 'text', (c) => c.notNull())
        .addColumn('locality_abbrev', 'text')
        .addColumn('lcg_exchange', 'text', (c) => c.primaryKey())
        .addColumn('rate_center', 'text')
        .addColumn('rate_center_lcg_exchange', 'text')
        .addColumn('lata', 'text')
        .execute();
      await db.schema
        .createIndex('ref_localities_name')
        .on('ref_rate_center_localities')
        .columns(['state', 'locality'])
        .execute();

      await db.schema
        .createTable('ref_latas')
        .addColumn('lata', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text')
        .addColumn('states', 'text')
        .execute();

      await db.schema
        .createTable('ref_cities')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('county', 'text')
        .addColumn('city', 'text', (c) => c.notNull())
        .addColumn('lat', t.float)
        .addColumn('lng', t.float)
        .addColumn('nearest_rate_center', 'text')
        .addColumn('lata', 'text')
        .execute();
      await db.schema.createIndex('ref_cities_name').on('ref_cities').columns(['state', 'city']).execute();

      await db.schema
        .createTable('ref_zip_codes')
        .addColumn('zip', 'text', (c) => c.primaryKey())
        .addColumn('city', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('county', 'text')
        .addColumn('lat', t.float)
        .addColumn('lng', t.float)
        .addColumn('population', 'integer')
        .addColumn('nearest_rate_center', 'text')
        .addColumn('lata', 'text')
        .execute();

      await db.schema
        .createTable('ref_npanxx')
        .addColumn('npa', 'text', (c) => c.notNull())
        .addColumn('nxx', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('city', 'text')
        .addColumn('rate_center', 'text')
        .addColumn('lata', 'text')
        .addColumn('lcg_exchange', 'text')
        .addPrimaryKeyConstraint('ref_npanxx_pk', ['npa', 'nxx'])
        .execute();

      await db.schema
        .createTable('ref_npa_rate_centers')
        .addColumn('npa', 'text', (c) => c.notNull())
        .addColumn('npa_state', 'text', (c) => c.notNull())
        .addColumn('rc_state', 'text', (c) => c.notNull())
        .addColumn('rate_center', 'text', (c) => c.notNull())
        .addColumn('lata', 'text', (c) => c.notNull())
        .addColumn('lcg_exchange', 'text', (c) => c.notNull())
        .addColumn('nxx_count', 'integer', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('ref_npa_rate_centers_pk', ['npa', 'lcg_exchange'])
        .execute();

      await db.schema
        .createTable('ref_lca')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('rate_center', 'text', (c) => c.notNull())
        .addColumn('lcg_exchange', 'text', (c) => c.notNull())
        .addColumn('local_rate_center', 'text', (c) => c.notNull())
        .addColumn('local_lcg_exchange', 'text', (c) => c.notNull())
        .addColumn('lata', 'text', (c) => c.notNull())
        .addColumn('distance_km', t.float, (c) => c.notNull())
        .addPrimaryKeyConstraint('ref_lca_pk', ['lcg_exchange', 'local_lcg_exchange'])
        .execute();

      await db.schema
        .createTable('ref_toll_free_npas')
        .addColumn('npa', 'text', (c) => c.primaryKey())
        .addColumn('status', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('ref_holidays')
        .addColumn('observed_date', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('holiday_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('ref_holidays_pk', ['year', 'holiday_id'])
        .execute();
      await db.schema
        .createIndex('ref_holidays_observed')
        .on('ref_holidays')
        .column('observed_date')
        .execute();
    },
  };
};
