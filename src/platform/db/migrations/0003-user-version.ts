import type { MigrationFactory } from './types.js';

/**
 * A per-user version, bumped with every change to the user's password, accounts or roles, so each
 * request can validate a cached principal with one small query.
 */
export const userVersion: MigrationFactory = () => ({
  async up(db) {
    await db.schema
      .alterTable('users')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
});
