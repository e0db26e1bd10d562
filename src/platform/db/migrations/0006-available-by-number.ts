import { sql } from 'kysely';
import type { MigrationFactory } from './types.js';

/**
 * Searches by number range (area code, NPA-NXX, NPA-NXX-X) read available numbers in number order.
 * Through the primary key they also step over every number already taken in that range, which
 * orders make ever more of; a partial index over the available numbers alone keeps such a search
 * one short range read however full the range becomes.
 */
export const availableByNumber: MigrationFactory = () => ({
  async up(db) {
    await db.schema
      .createIndex('tns_avail_tn')
      .on('telephone_numbers')
      .columns(['tn', 'protected'])
      .where(sql.ref('status'), '=', 0)
      .execute();
  },
});
