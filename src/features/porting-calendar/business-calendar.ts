import { instantOf, partsIn } from '../../platform/time-zones.js';

/**
 * The porting calendar: business days are weekdays that are not US federal holidays (observed
 * dates, from the reference data), in US Eastern time, as Bandwidth and the carriers count them.
 * Days are `yyyy-MM-dd` strings of the Eastern calendar; instants are epoch milliseconds.
 */
export const PORTING_TIME_ZONE = 'America/New_York';

/** FOC times must fall within 8:00–15:30 Eastern (7313). */
export const PROCESSING_HOURS = { open: 8 * 60, close: 15 * 60 + 30 } as const;
/** The carriers' working day, over which "business hours" of delay are counted. */
export const BUSINESS_HOURS = { open: 8 * 60, close: 17 * 60 } as const;

export interface BusinessCalendar {
  /** The holiday observed on the day, if any. */
  holiday(day: string): string | undefined;
}

export function calendarOf(holidays: ReadonlyMap<string, string>): BusinessCalendar {
  return { holiday: (day) => holidays.get(day) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The Eastern calendar day of an instant. */
export function easternDay(ms: number): string {
  const p = partsIn(ms, PORTING_TIME_ZONE);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** Minutes since Eastern midnight of an instant. */
export function easternMinutes(ms: number): number {
  const p = partsIn(ms, PORTING_TIME_ZONE);
  return p.h * 60 + p.min;
}

function ymd(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** The instant at which Eastern clocks read `minutes` past midnight on `day`. */
export function easternInstant(day: string, minutes: number): number {
  const [y, m, d] = ymd(day);
  return instantOf(y, m, d, Math.floor(minutes / 60), minutes % 60, PORTING_TIME_ZONE);
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = ymd(day);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

export function isWeekend(day: string): boolean {
  const [y, m, d] = ymd(day);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function isBusinessDay(cal: BusinessCalendar, day: string): boolean {
  return !isWeekend(day) && cal.holiday(day) === undefined;
}

/** The `n`-th business day after `day` (n ≥ 1). */
export function addBusinessDays(cal: BusinessCalendar, day: string, n: number): string {
  let at = day;
  for (let left = n; left > 0;) {
    at = addDays(at, 1);
    if (isBusinessDay(cal, at)) left -= 1;
  }
  return at;
}

/** The instant `hours` business hours (8:00–17:00 Eastern on business days) after `fromMs`. */
export function addBusinessHours(cal: BusinessCalendar, fromMs: number, hours: number): number {
  let left = Math.round(hours * 60);
  let day = easternDay(fromMs);
  let minute = easternMinutes(fromMs);
  for (;;) {
    if (isBusinessDay(cal, day) && minute < BUSINESS_HOURS.close) {
      const start = Math.max(minute, BUSINESS_HOURS.open);
      const room = BUSINESS_HOURS.close - start;
      if (left <= room) return easternInstant(day, start + left);
      left -= room;
    }
    day = addDays(day, 1);
    minute = 0;
  }
}

/** Whether an instant's Eastern time of day is within the FOC processing hours. */
export function withinProcessingHours(ms: number): boolean {
  const minute = easternMinutes(ms);
  return minute >= PROCESSING_HOURS.open && minute <= PROCESSING_HOURS.close;
}

/** A port's numbers change hands at 9:00 Eastern on the FOC date (unless a triggered port says when). */
export const DEFAULT_FOC_MINUTES = 9 * 60;

/** When a port confirmed for `day` is carried out, unless triggered: the default FOC time. */
export function focInstantOf(day: string): string {
  return new Date(easternInstant(day, DEFAULT_FOC_MINUTES)).toISOString();
}
