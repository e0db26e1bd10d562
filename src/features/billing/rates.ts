import type { AppDeps } from '../../context.js';
import type { Executor } from '../../platform/db/database.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { findRateCards, saveRateCard } from './billing.store.js';
import { parseDollars } from './money.js';

/**
 * Rate cards: what an account pays, in micros. Monthly recurring charges (MRC) accrue per day in
 * service; non-recurring charges (NRC) per number of a completed order. An account without its own
 * card pays the default card ('*'), which the operator may change too; until then, DEFAULT_RATES.
 */
export const RATE_NAMES = [
  'localMrc',
  'tollfreeMrc',
  'e911Mrc',
  'cnamMrc',
  'orderNrc',
  'portinNrc',
  'featureNrc',
] as const;
export type RateName = (typeof RATE_NAMES)[number];
export type RateCard = Readonly<Record<RateName, number>>;

/** The card an account pays until the operator sets one: typical wholesale prices. */
export const DEFAULT_RATES: RateCard = {
  localMrc: 350_000,
  tollfreeMrc: 750_000,
  e911Mrc: 500_000,
  cnamMrc: 100_000,
  orderNrc: 0,
  portinNrc: 1_000_000,
  featureNrc: 0,
};

/** The account whose card is every other account's default. */
export const DEFAULT_CARD = '*';

export interface AccountRates {
  readonly accountId: string;
  readonly rates: RateCard;
  /** Whose card it is: the account's own, the operator's default, or the built-in one. */
  readonly source: 'account' | 'default' | 'built-in';
}

/** The rates an account pays (one query: its card and the default card together). */
export async function ratesOf(db: Executor, accountId: string): Promise<AccountRates> {
  const cards = await findRateCards(db, [accountId, DEFAULT_CARD]);
  const own = accountId === DEFAULT_CARD ? undefined : cards.get(accountId);
  if (own) return { accountId, rates: own, source: 'account' };
  const fallback = cards.get(DEFAULT_CARD);
  if (fallback) return { accountId, rates: fallback, source: 'default' };
  return { accountId, rates: DEFAULT_RATES, source: 'built-in' };
}

export class RateError extends Error {}

/**
 * Sets some rates of an account's card (or of the default card, '*'), given in dollars; the others
 * keep what the account pays today. Charges already written keep their amounts.
 */
export async function setRates(
  deps: AppDeps,
  accountId: string,
  changes: Partial<Readonly<Record<RateName, string>>>,
): Promise<AccountRates> {
  const amounts = RATE_NAMES.flatMap((name) => {
    const text = changes[name];
    if (text === undefined) return [];
    const micros = parseDollars(text);
    if (micros === undefined)
      throw new RateError(`${name}: '${text}' is not an amount in dollars (such as 0.35)`);
    return [[name, micros] as const];
  });
  // Read and written in one transaction: two operators setting different rates both keep theirs.
  return inTransaction(deps.database.db, async (tx) => {
    const rates = { ...(await ratesOf(tx.db, accountId)).rates, ...Object.fromEntries(amounts) };
    await saveRateCard(tx.db, accountId, rates, deps.clock.now().toISOString());
    return ratesOf(tx.db, accountId);
  });
}
