import type { Executor } from '../../platform/db/database.js';

/** The observed US federal holidays of the reference data: date → name. */
export async function holidays(db: Executor): Promise<Map<string, string>> {
  const rows = await db.selectFrom('ref_holidays').select(['observed_date', 'name']).execute();
  return new Map(rows.map((r) => [r.observed_date, r.name]));
}
