import { instantOf, partsIn } from '../../platform/time-zones.js';

/**
 * When daily digests go out: at DIGEST_AT (HH:MM) local time in DIGEST_TZ, every day, on the
 * business clock.
 */

/** The latest digest time at or before `nowMs`, and the local date it falls on (yyyy-MM-dd). */
export function lastDigestTime(nowMs: number, at: string, tz: string): { ms: number; day: string } {
  const [hh, mm] = at.split(':').map(Number) as [number, number];
  const today = partsIn(nowMs, tz);
  let ms = instantOf(today.y, today.m, today.d, hh, mm, tz);
  if (ms > nowMs) {
    // The calendar day before (Date.UTC rolls day 0 back into the previous month), not 24 hours
    // before: around a daylight-saving change a day has 23 or 25 hours.
    const yesterday = new Date(Date.UTC(today.y, today.m - 1, today.d - 1));
    ms = instantOf(
      yesterday.getUTCFullYear(),
      yesterday.getUTCMonth() + 1,
      yesterday.getUTCDate(),
      hh,
      mm,
      tz,
    );
  }
  if (ms > nowMs) throw new Error(`no digest time at or before ${new Date(nowMs).toISOString()}`);
  const p = partsIn(ms, tz);
  const day = `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
  return { ms, day };
}
