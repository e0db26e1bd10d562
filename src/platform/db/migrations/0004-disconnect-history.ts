import { sql } from 'kysely';
import type { MigrationFactory } from './types.js';

/**
 * Disconnected-number lists read the history's aging events of one account in number order
 * (discnumbers); a partial index over those events keeps that a range read.
 */
export const disconnectHistory: MigrationFactory = () => ({
  async up(db) {
    await db.schema
      .createIndex('tn_history_disconnects')
      .on('tn_history')
      .columns(['account_id', 'tn', 'at'])
      .where(sql.ref('status'), '=', 3)
      .execute();
  },
});
