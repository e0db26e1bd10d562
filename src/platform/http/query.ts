import { ApiError, defineError as e } from './api-error.js';

/**
 * Query-string helpers every list uses: a query map by lower-cased name, page sizes and date
 * ranges, with the system-wide codes Bandwidth answers for them. Routes parse a query into a typed
 * filter with these (and the feature's own parsers); operations never see the raw map.
 */
export const QueryErrors = {
  sizeInvalid: e(400, 1006, '%s must be between %s and %s (bounds are included)'),
  paramsTogether: e(400, 15508, "'%s' and '%s' must be used together"),
  dateInvalid: e(400, 1007, '%s is not a valid date format.'),
  dateRange: e(400, 15501, 'Invalid date range. Start date %s must be before end date %s'),
  pageInvalid: e(400, 15516, "The page '%s' is invalid. Page must be a 10 digit phone number"),
} as const;

/** Query parameters by lower-cased name (Bandwidth's own spellings vary: usernamefragment, userNamefragment). */
export type Query = Readonly<Record<string, string | undefined>>;

/** A query parameter, trimmed; undefined when absent or empty (`?npa=` filters nothing). */
export function param(query: Query, name: string): string | undefined {
  const v = query[name.toLowerCase()]?.trim();
  return v === undefined || v === '' ? undefined : v;
}

/** A query's parameters in our own (camelCase) names: each trimmed, or undefined when absent. */
export type Params<K extends string> = { readonly [P in K]?: string | undefined };

/**
 * The named parameters of a query, in the operation's names (`npaNxx` reads `npanxx`, `NpaNxx`…):
 * routes hand operations these, never the raw map.
 */
export function paramsOf<K extends string>(query: Query, names: readonly K[]): Params<K> {
  const out: Partial<Record<K, string>> = {};
  for (const n of names) {
    const v = param(query, n);
    if (v !== undefined) out[n] = v;
  }
  return out;
}

/** The largest page any list serves. */
export const MAX_PAGE_SIZE = 5000;

/** `size`: 1 to `max` (default 5000), `fallback` when absent (1006 otherwise). */
export function parseSize(text: string | undefined, fallback: number, max = MAX_PAGE_SIZE): number {
  if (text === undefined) return fallback;
  const size = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
  if (!(size >= 1 && size <= max)) throw ApiError.of(QueryErrors.sizeInvalid, 'size', 1, max);
  return size;
}

/**
 * `page` of a list of numbers: "1" (the first page, undefined) or the 10-digit number that starts
 * the page (contract §7); 15516 otherwise.
 */
export function parsePage(text: string | undefined): number | undefined {
  if (text === undefined || text === '1') return undefined;
  if (!/^[2-9]\d\d[2-9]\d{6}$/.test(text)) throw ApiError.of(QueryErrors.pageInvalid, text);
  return Number(text);
}

const DAY_MS = 86_400_000;

/** `yyyy-MM-dd` or `yy-MM-dd` (R18's examples: `13-12-15`), as that day's start in UTC (ms). */
function parseDay(name: string, text: string): number {
  const m = /^(\d{2}|\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const year = m ? Number(m[1]) + (m[1]?.length === 2 ? 2000 : 0) : NaN;
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (!m || d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw ApiError.of(QueryErrors.dateInvalid, name);
  }
  return ms;
}

export interface DateRange {
  /** ISO time of the start date's first instant. */
  readonly from: string;
  /** ISO time just after the end date (the end date is included). */
  readonly before: string;
}

/**
 * A range of days either end of which may be left open (LSR orders' `createdDateFrom` and
 * `createdDateTo`); a malformed value is refused under its own name.
 */
export function parseOpenDateRange(
  from: { readonly name: string; readonly value: string | undefined },
  to: { readonly name: string; readonly value: string | undefined },
): DateRange | undefined {
  if (from.value === undefined && to.value === undefined) return undefined;
  const start = from.value === undefined ? undefined : parseDay(from.name, from.value);
  const end = to.value === undefined ? undefined : parseDay(to.name, to.value);
  if (start !== undefined && end !== undefined && start > end)
    throw ApiError.of(QueryErrors.dateRange, from.value ?? '', to.value ?? '');
  return {
    from: start === undefined ? '0000-01-01T00:00:00.000Z' : new Date(start).toISOString(),
    before: end === undefined ? '9999-12-31T00:00:00.000Z' : new Date(end + DAY_MS).toISOString(),
  };
}

/** `startdate` and `enddate`, both or neither ("must be used as a pair"); the end day is included. */
export function parseDateRange(start: string | undefined, end: string | undefined): DateRange | undefined {
  if (start === undefined && end === undefined) return undefined;
  if (start === undefined || end === undefined) {
    throw ApiError.of(QueryErrors.paramsTogether, 'startdate', 'enddate');
  }
  const from = parseDay('startdate', start);
  const to = parseDay('enddate', end);
  if (from > to) throw ApiError.of(QueryErrors.dateRange, start, end);
  return { from: new Date(from).toISOString(), before: new Date(to + DAY_MS).toISOString() };
}
