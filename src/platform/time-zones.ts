/**
 * Local times in named zones (digests in DIGEST_TZ, the porting calendar in US Eastern), through Intl,
 * so daylight-saving changes are the zone's own.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function partsIn(
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
export function offsetAt(ms: number, tz: string): number {
  const p = partsIn(ms, tz);
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - Math.floor(ms / 1000) * 1000;
}

/** The instant at which the local clock in `tz` reads y-m-d hh:mm. */
export function instantOf(y: number, m: number, d: number, hh: number, mm: number, tz: string): number {
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const first = guess - offsetAt(guess, tz);
  return guess - offsetAt(first, tz);
}
