import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, DIALECT } from '../../../test/support/databases.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';

describe(`migrations on ${DIALECT}`, () => {
  it('migrate an empty database to the latest schema, and a second run changes nothing', async () => {
    const t = await createTestDatabase();
    try {
      const tables = await t.database.db.introspection.getTables();
      const names = tables.map((x) => x.name);
      for (const table of [
        'accounts',
        'users',
        'sites',
        'sip_peers',
        'sip_credentials',
        'jobs',
        'ref_rate_centers',
      ]) {
        assert.ok(names.includes(table), `${table} exists`);
      }
      assert.deepEqual(await migrateToLatest(t.database), []);
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
        t.database.db,
      );
      assert.deepEqual(
        applied.rows.map((r) => r.name),
        migrations.map(([name]) => name),
      );
    } finally {
      await t.drop();
    }
  });

  it('enforce one default SIP peer per site in the database itself', async () => {
    const t = await createTestDatabase();
    try {
      const db = t.database.db;
      const now = new Date().toISOString();
      await db
        .insertInto('accounts')
        .values({
          id: '1',
          company_name: 'c',
          account_type: 'Business',
          tiers: '[]',
          reservation_allowed: 1,
          lnp_enabled: 1,
          products: '[]',
          created_at: now,
          updated_at: now,
          nena_id: null,
          address: null,
          contact: null,
          alt_spid: null,
          spid: null,
          port_carrier_type: null,
          global_account_number: null,
          associated_catapult_account: null,
        })
        .execute();
      const site = await db
        .insertInto('sites')
        .values({
          account_id: '1',
          name: 's',
          description: null,
          customer_name: null,
          customer_provided_id: null,
          address: null,
          uc_trunking: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const peer = (name: string) => ({
        account_id: '1',
        site_id: site.id,
        name,
        description: null,
        is_default: 1,
        final_destination_uri: null,
        short_messaging_protocol: 'SMPP',
        voice_hosts: '[]',
        voice_host_groups: '[]',
        sms_hosts: '[]',
        address: null,
        premise_trunks: null,
        calling_name_display: 1,
        calling_name_enforced: 0,
        created_at: now,
        updated_at: now,
      });
      const first = await db
        .insertInto('sip_peers')
        .values(peer('a'))
        .returning('id')
        .executeTakeFirstOrThrow();
      assert.equal(first.id, 500000, 'SIP peer ids start at 500000');
      await assert.rejects(db.insertInto('sip_peers').values(peer('b')).execute());
    } finally {
      await t.drop();
    }
  });
});
