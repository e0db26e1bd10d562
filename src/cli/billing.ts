import type { Command } from 'commander';
import type { AppDeps } from '../context.js';
import { findAccountOf } from '../features/accounts/index.js';
import {
  DEFAULT_CARD,
  formatDollars,
  RATE_NAMES,
  ratesOf,
  setRates,
  type AccountRates,
  type RateName,
} from '../features/billing/index.js';
import type { WithDeps } from './inventory.js';

/** `localMrc` → `local-mrc`: the option each rate is set by. */
const optionOf = (name: RateName) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function show(r: AccountRates): string {
  const whose = r.accountId === DEFAULT_CARD ? 'default card' : `account ${r.accountId}`;
  const lines = RATE_NAMES.map((n) => `  ${optionOf(n).padEnd(13)} ${formatDollars(r.rates[n])}`);
  return [`${whose} (${r.source})`, ...lines].join('\n');
}

/**
 * Rate cards (features/billing): what each account pays, in dollars. Monthly rates (MRC) accrue
 * per day in service; NRCs per number of a completed order. `--default` is the card of every
 * account without its own.
 */
export function registerBillingCommands(program: Command, withDeps: WithDeps): void {
  const rates = program
    .command('rates')
    .description('rate cards: what accounts pay (charges accrue as events happen)');
  const target = (cmd: Command) =>
    cmd
      .option('--account <accountId>', 'the account')
      .option('--default', 'the default card of accounts without their own');
  const set = target(rates.command('set').description("sets some of a card's rates, in dollars (0.35)"));
  for (const name of RATE_NAMES) set.option(`--${optionOf(name)} <dollars>`);
  set.action(async (o: { account?: string; default?: boolean } & Partial<Record<RateName, string>>) => {
    const changes = Object.fromEntries(RATE_NAMES.flatMap((n) => (o[n] === undefined ? [] : [[n, o[n]]])));
    if (Object.keys(changes).length === 0)
      throw new Error(`give at least one rate: ${RATE_NAMES.map((n) => `--${optionOf(n)}`).join(', ')}`);
    console.log(show(await withDeps(async (deps) => setRates(deps, await accountOf(deps, o), changes))));
  });
  target(
    rates.command('show').description('the rates an account pays, and whose card they come from'),
  ).action(async (o: { account?: string; default?: boolean }) => {
    console.log(show(await withDeps(async (deps) => ratesOf(deps.database.db, await accountOf(deps, o)))));
  });
}

async function accountOf(
  deps: AppDeps,
  o: { account?: string; default?: boolean },
): Promise<string> {
  if (o.default === (o.account !== undefined))
    throw new Error('give either --account <accountId> or --default');
  if (o.default) return DEFAULT_CARD;
  const id = o.account ?? '';
  if (!(await findAccountOf(deps.database.db, id))) throw new Error(`account ${id} does not exist`);
  return id;
}
