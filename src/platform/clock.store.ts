import {
  AcceleratedClock,
  ManualClock,
  RealClock,
  wallClockMs,
  type Clock,
  type ClockMode,
} from './clock.js';
import type { Database } from './db/database.js';

/**
 * Business time survives restarts and is shared by every process on one database: a manual clock's
 * value and an accelerated clock's anchor live in `settings`, so time never runs backwards after a
 * restart and `bwdash clock advance` moves the server's clock too.
 */
const MANUAL_KEY = 'clock.manual';
const ACCELERATED_KEY = 'clock.accelerated';

export interface ClockSettings {
  readonly mode: ClockMode;
  readonly factor: number;
  readonly start: number | undefined;
}

async function readSetting(database: Database, key: string): Promise<string | undefined> {
  const row = await database.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.value;
}

async function writeSetting(database: Database, key: string, value: string): Promise<void> {
  await database.db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export async function restoreClock(database: Database, settings: ClockSettings): Promise<Clock> {
  switch (settings.mode) {
    case 'real':
      return new RealClock();
    case 'manual': {
      const stored = await readSetting(database, MANUAL_KEY);
      const clock = new ManualClock(stored ? Number(stored) : (settings.start ?? wallClockMs()));
      if (!stored) await writeSetting(database, MANUAL_KEY, String(clock.nowMs()));
      clock.onChange((ms) => void writeSetting(database, MANUAL_KEY, String(ms)));
      return clock;
    }
    case 'accelerated': {
      const stored = await readSetting(database, ACCELERATED_KEY);
      const anchor = stored
        ? (JSON.parse(stored) as { real: number; business: number; factor: number })
        : undefined;
      if (anchor && anchor.factor === settings.factor) {
        return new AcceleratedClock(
          anchor.factor,
          anchor.business + (wallClockMs() - anchor.real) * anchor.factor,
        );
      }
      // New, or the factor changed: continue from where business time had got to.
      const business = anchor
        ? anchor.business + (wallClockMs() - anchor.real) * anchor.factor
        : (settings.start ?? wallClockMs());
      await writeSetting(
        database,
        ACCELERATED_KEY,
        JSON.stringify({ real: wallClockMs(), business, factor: settings.factor }),
      );
      return new AcceleratedClock(settings.factor, business);
    }
  }
}

/** Sets the stored manual time (the admin CLI, possibly while a server runs on the same database). */
export async function storeManualTime(database: Database, ms: number): Promise<void> {
  await writeSetting(database, MANUAL_KEY, String(ms));
}

export async function readManualTime(database: Database): Promise<number | undefined> {
  const stored = await readSetting(database, MANUAL_KEY);
  return stored ? Number(stored) : undefined;
}
