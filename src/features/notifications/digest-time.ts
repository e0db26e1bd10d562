/**
 * When daily digests go out: at DIGEST_AT (HH:MM) local time in DIGEST_TZ, every day, on the
 * business clock. Time-zone arithmetic through Intl, so daylight-saving changes are the zone's own.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(
  ms: number,
  tz: string,
): { y: number; m: number; d: number; h: number; min: number; s: number } {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return {
    y: Number(p.year),
    m: Number(p.month),
    d: Number(p.day),
    h: Number(p.hour),
    min: Number(p.minute),
    s: Number(p.second),
  };
}

/** Local time minus UTC at `ms`, in ms. */
function offsetAt(ms: number, tz: string): number {
  const p = partsIn(ms, tz);
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - Math.floor(ms / 1000) * 1000;
}

/** The instant at which the local clock in `tz` reads y-m-d hh:mm. */
function instantOf(y: number, m: number, d: number, hh: number, mm: number, tz: string): number {
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const first = guess - offsetAt(guess, tz);
  return guess - offsetAt(first, tz);
}

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
