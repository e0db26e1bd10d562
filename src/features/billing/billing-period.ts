import { ApiError } from '../../platform/http/api-error.js';
import { QueryErrors } from '../../platform/http/query.js';
import { text } from '../../shared/fields.js';
import { BillingErrors } from './billing.errors.js';
import { dayOf } from './charges.js';

/** The days an archive covers, both included (yyyy-MM-dd, UTC days of the business clock). */
export interface BillingPeriod {
  readonly accountId: string;
  readonly startDate: string;
  readonly endDate: string;
}

/** Years an archive may cover: this server's charges start in this century. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

function dateOf(value: string | undefined, name: string): string {
  const v = text(value);
  const m = v === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const [y, mo, d] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const real =
    m !== null &&
    y >= FIRST_YEAR &&
    y <= LAST_YEAR &&
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d;
  if (!real || v === undefined) throw ApiError.of(BillingErrors.dateRequired, name);
  return v;
}

/** StartDate and EndDate of a billing report or BDR request: real dates of 2000–2099, the start not after the end. */
export function parseBillingDates(start: string | undefined, end: string | undefined) {
  const startDate = dateOf(start, 'StartDate');
  const endDate = dateOf(end, 'EndDate');
  if (startDate > endDate) throw ApiError.of(QueryErrors.dateRange, startDate, endDate);
  return { startDate, endDate };
}

/** The calendar months the period touches, each clipped to it (`whole`: not clipped). */
export function monthsOf(p: BillingPeriod, whole = false): { month: string; from: string; to: string }[] {
  const months = [];
  for (let month = p.startDate.slice(0, 7); month <= p.endDate.slice(0, 7);) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const first = `${month}-01`;
    const last = dayOf(Date.UTC(y, m, 0));
    months.push({
      month,
      from: whole || first > p.startDate ? first : p.startDate,
      to: whole || last < p.endDate ? last : p.endDate,
    });
    month = dayOf(Date.UTC(y, m, 1)).slice(0, 7);
  }
  return months;
}
