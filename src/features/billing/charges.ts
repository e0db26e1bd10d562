import type { AppDeps } from '../../context.js';
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import { yieldToOthers } from '../../platform/streams.js';
import { isTollFreeNpa } from '../../shared/numbering.js';
import { TnStatus } from '../../shared/tn-status.js';
import { allAccounts } from '../accounts/index.js';
import { numbersInServiceAt } from '../inventory/index.js';
import { settingsOfNumbers } from '../sip-peer-tns/index.js';
import { insertCharges, type ChargeRow } from './billing.store.js';
import { ratesOf, type RateName } from './rates.js';

/**
 * Charges, written as they are incurred and never recomputed: each day a number is in service on
 * an account (its monthly rates, prorated: the monthly rate divided by the days of that month), and
 * each number of a completed order (a non-recurring charge). A day's charges are written once the
 * day is over, from the numbers in service then (billing.jobs.ts); an order's when it completes.
 */
export const CHARGE_KINDS = {
  LOCAL_MRC: { rate: 'localMrc', description: 'Local number, a day in service' },
  TOLLFREE_MRC: { rate: 'tollfreeMrc', description: 'Toll-free number, a day in service' },
  E911_MRC: { rate: 'e911Mrc', description: 'E911 address, a day in service' },
  CNAM_MRC: { rate: 'cnamMrc', description: 'Caller name (LIDB), a day in service' },
  ORDER_NRC: { rate: 'orderNrc', description: 'Number ordered' },
  PORTIN_NRC: { rate: 'portinNrc', description: 'Number ported in' },
  FEATURE_NRC: { rate: 'featureNrc', description: 'Feature order (E911, LIDB, DL/DA, TN options)' },
} as const satisfies Record<string, { rate: RateName; description: string }>;
export type ChargeKind = keyof typeof CHARGE_KINDS;

/** The kinds that say which numbers were in service on a day (the DID snapshot). */
export const NUMBER_DAY_KINDS: readonly ChargeKind[] = ['LOCAL_MRC', 'TOLLFREE_MRC'];

/** What a kind of order charges per number it completes (declared by the kind, orders-common charges it). */
export type NonRecurringCharge = 'ORDER_NRC' | 'PORTIN_NRC' | 'FEATURE_NRC';

const DAY_MS = 86_400_000;

/** yyyy-MM-dd of an instant (UTC, the business clock's days). */
export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
/** The instant a day starts. */
export const startOfDay = (day: string): number => Date.parse(`${day}T00:00:00Z`);
export const nextDay = (day: string): string => dayOf(startOfDay(day) + DAY_MS);

/**
 * A day's share of a monthly rate, to the micro: the month's rate spread over its days so that the
 * shares of a whole month add up to the rate exactly (day d of D gets ⌊M·d/D⌋ − ⌊M·(d−1)/D⌋).
 */
export function dailyShare(monthly: number, day: string): number {
  const d = new Date(startOfDay(day));
  const days = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  const n = d.getUTCDate();
  return Math.floor((monthly * n) / days) - Math.floor((monthly * (n - 1)) / days);
}

/**
 * The non-recurring charge of each number a completed order took, in the order's transaction (the
 * numbers are read only when the charge is not free).
 */
export async function chargeCompletedOrder(
  db: Executor,
  clock: Clock,
  order: { readonly accountId: string; readonly orderId: string; readonly charge: NonRecurringCharge },
  completedNumbers: () => Promise<readonly number[]>,
): Promise<void> {
  const { rates } = await ratesOf(db, order.accountId);
  const amount = rates[CHARGE_KINDS[order.charge].rate];
  if (amount === 0) return;
  const tns = await completedNumbers();
  const now = clock.now();
  const date = dayOf(now.getTime());
  await insertCharges(
    db,
    tns.map((tn) => ({
      accountId: order.accountId,
      tn,
      date,
      kind: order.charge,
      amount,
      reference: order.orderId,
    })),
    now.toISOString(),
  );
}

const PAGE = 1000;
const INSERT_ROWS = 250;

/**
 * Writes the day's recurring charges of every account: each number in service (local or toll-free)
 * and each of its features (E911 address, caller name), a page of numbers at a time with the event
 * loop let through between pages. Idempotent: a day accrued again writes nothing new.
 */
export async function accrueDay(deps: AppDeps, day: string, keepAlive: () => Promise<void>): Promise<number> {
  const db = deps.database.db;
  const at = deps.clock.now().toISOString();
  let written = 0;
  for (const account of await allAccounts(deps)) {
    const { rates } = await ratesOf(db, account.id);
    const share = (name: RateName) => dailyShare(rates[name], day);
    const charge = (tn: number, kind: ChargeKind): ChargeRow => ({
      accountId: account.id,
      tn,
      date: day,
      kind,
      amount: share(CHARGE_KINDS[kind].rate),
      reference: '',
    });
    for (let from: number | undefined; ;) {
      const page = await numbersInServiceAt(deps, { accountId: account.id }, from, PAGE + 1);
      const numbers = page.slice(0, PAGE).filter((n) => n.status === TnStatus.inService);
      const rows = numbers.map((n) =>
        charge(n.tn, isTollFreeNpa(String(n.tn).slice(0, 3)) ? 'TOLLFREE_MRC' : 'LOCAL_MRC'),
      );
      for (const [tn, settings] of await settingsOfNumbers(
        db,
        numbers.map((n) => n.tn),
      )) {
        if (settings.e911) rows.push(charge(tn, 'E911_MRC'));
        if (settings.callerName) rows.push(charge(tn, 'CNAM_MRC'));
      }
      // A free feature is no charge; a number's day in service is kept even when free (the DID
      // snapshot reads them). A few hundred rows a statement, other requests let in between.
      const kept = rows.filter((r) => r.amount > 0 || NUMBER_DAY_KINDS.includes(r.kind as ChargeKind));
      for (let i = 0; i < kept.length; i += INSERT_ROWS) {
        await insertCharges(db, kept.slice(i, i + INSERT_ROWS), at);
        await yieldToOthers();
      }
      written += kept.length;
      await keepAlive();
      await yieldToOthers();
      if (page.length <= PAGE) break;
      from = page[PAGE]?.tn;
    }
  }
  return written;
}
