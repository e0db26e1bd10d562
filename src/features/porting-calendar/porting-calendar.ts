import type { AppDeps } from '../../context.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { calendarOf, type BusinessCalendar } from './business-calendar.js';
import { holidays } from './calendar.store.js';

const loaded = new WeakMap<Database, BusinessCalendar>();

/**
 * The porting calendar of the reference data, loaded once per database. Inside a transaction pass
 * its executor: on SQLite's one connection a read outside the transaction would wait for it to end.
 */
export async function portingCalendar(
  deps: Pick<AppDeps, 'database'>,
  db?: Executor,
): Promise<BusinessCalendar> {
  const done = loaded.get(deps.database);
  if (done) return done;
  const cal = calendarOf(await holidays(db ?? deps.database.db));
  loaded.set(deps.database, cal);
  return cal;
}
