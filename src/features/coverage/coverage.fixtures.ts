/**
 * The shared set-up of the coverage tests (coverage.*.test.ts): the harness, loose-list readers
 * and the expected values read straight from the database. Not a test file itself.
 */
import assert from 'node:assert/strict';
import { at, startHarness, type Harness, type Reply } from '../../../test/support/harness.js';
import type { Executor } from '../../platform/db/database.js';

/** A loosely parsed list: one item parses as an object, an empty wrapper as '' (or undefined when absent). */
export function items<T = Record<string, string>>(value: unknown): T[] {
  if (value === undefined || value === '') return [];
  return (Array.isArray(value) ? value : [value]) as T[];
}

export const sorted = <T>(list: readonly T[]) => [...list].sort();
export interface Covered {
  Name: string;
  Abbreviation: string;
  State: string;
  Lata: string;
  AvailableNumberCount?: string;
  ZipCodes?: { ZipCode: unknown } | '';
  Cities?: { City: unknown } | '';
  Vendors?: { Vendor: unknown } | '';
  Tiers: { Tier: unknown };
  NpaNxxXs?: { NpaNxxX: unknown } | '';
  Id: string;
  LocalRateCenters?: { RateCenterId: unknown } | '';
}

export function coveredOf(reply: Reply): Covered[] {
  return items<Covered>(at(reply.xml, 'CoveredRateCenters', 'CoveredRateCenter'));
}

export function idsOf(reply: Reply): number[] {
  return coveredOf(reply).map((c) => Number(c.Id));
}

/** The path (with query) of a paging link's URL: `Link=<http://host/v1.0/…>;rel="next";`. */
export function linkPath(text: unknown): string {
  const m = /^Link=<([^>]+)>;rel="(first|next)";$/.exec(String(text));
  assert.ok(m?.[1], `not a paging link: ${String(text)}`);
  const url = new URL(m[1]);
  return url.pathname + url.search;
}

export async function availableByRateCenter(db: Executor): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('telephone_numbers')
    .select(['rate_center_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('status', '=', 0)
    .where('rate_center_id', 'is not', null)
    .groupBy('rate_center_id')
    .execute();
  return new Map(rows.map((r) => [r.rate_center_id as number, Number(r.n)]));
}

export async function rateCentersOf(db: Executor, state: string, tier?: number) {
  let q = db.selectFrom('rate_centers').selectAll().where('state', '=', state);
  if (tier !== undefined) q = q.where('tier', '=', tier);
  return q.orderBy('id').execute();
}

export interface CoverageHarness {
  readonly h: Harness;
  readonly db: Executor;
  /** How many rate centres there are. */
  readonly total: number;
}

/** A harness with 30,000 numbers. Each test file starts its own in before() and closes it in after(). */
export async function startCoverageHarness(): Promise<CoverageHarness> {
  const h = await startHarness({ inventory: 30000 });
  const db = h.db.database.db;
  const row = await db
    .selectFrom('rate_centers')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return { h, db, total: Number(row.n) };
}
