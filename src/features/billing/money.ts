/**
 * Money as integer millionths of a dollar ("micros"): a day's share of a monthly rate is kept to
 * the millionth, and every total is an exact integer sum of its records.
 */
export const MICROS_PER_DOLLAR = 1_000_000;

/** `0.35` or `12` (dollars, up to six decimals, not negative) → micros; undefined when it is not one. */
export function parseDollars(text: string): number | undefined {
  const m = /^(\d{1,7})(?:\.(\d{1,6}))?$/.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * MICROS_PER_DOLLAR + Number((m[2] ?? '').padEnd(6, '0'));
}

/** Micros → dollars with six decimals (`11290` → `0.011290`), exactly. */
export function formatDollars(micros: number): string {
  const sign = micros < 0 ? '-' : '';
  const abs = Math.abs(micros);
  return `${sign}${Math.floor(abs / MICROS_PER_DOLLAR)}.${String(abs % MICROS_PER_DOLLAR).padStart(6, '0')}`;
}
