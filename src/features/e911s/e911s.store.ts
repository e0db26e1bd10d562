import type { Executor } from '../../platform/db/database.js';
import type { ZipPlace } from './geocoder.js';

/** The ZIP's place in the reference data (`ref_zip_codes`), for the geocoder. */
export async function zipPlace(db: Executor, zip: string): Promise<ZipPlace | undefined> {
  const row = await db
    .selectFrom('ref_zip_codes')
    .select(['city', 'state'])
    .where('zip', '=', zip)
    .executeTakeFirst();
  return row?.city ? { city: row.city, state: row.state } : undefined;
}
