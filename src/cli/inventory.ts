import fs from 'node:fs';
import type { Command } from 'commander';
import type { AppDeps } from '../context.js';
import { parseInventorySize } from '../shared/sizes.js';
import {
  buildInventory,
  clearInventory,
  inventoryCount,
  importNumbers,
  countNumbersByStatus,
  numbersByTn as findNumbers,
  type NumberRecord,
} from '../features/inventory/index.js';
import { assignNumbers } from '../features/assignments/index.js';
import { TN_STATUS_WIRE, TnStatus, statusCode } from '../shared/tn-status.js';
import { progressBar } from '../platform/progress.js';
import { formatTn, parseTn } from '../shared/numbering.js';

/** How admin.ts runs a command: with the server's database and clock, closed afterwards. */
export type WithDeps = <T>(fn: (deps: AppDeps) => Promise<T>) => Promise<T>;

/** Recorded as the user in the history of numbers the CLI changes. */
/** Who the CLI's changes are recorded as. */
export const CLI_USER = 'bwdash';

const count = (n: number) => n.toLocaleString('en-US');

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value) || Number(value) < 1)
    throw new Error(`${name} must be a positive integer, got '${value}'`);
  return Number(value);
}

/** Why assignNumbers left a number alone, from its row after the attempt. */
function refusal(row: NumberRecord | undefined, accountId: string): string {
  if (!row) return 'not in the inventory';
  const status = statusCode(row.status);
  if (status === TnStatus.reserved) {
    return row.account_id === accountId ? 'reserved' : 'reserved by another account';
  }
  if (status === TnStatus.inService || status === TnStatus.external) {
    return row.account_id === accountId
      ? 'already in service on this account'
      : 'in service on another account';
  }
  return `status ${TN_STATUS_WIRE[status]}`;
}

export function registerInventoryCommands(program: Command, withDeps: WithDeps): void {
  const inventory = program
    .command('inventory')
    .description('the telephone-number inventory: import, assign, build and count numbers');

  inventory
    .command('import <file>')
    .summary('import numbers from a CSV file, as available numbers')
    .description(
      'import numbers from a CSV file, as available numbers. One number per line: ' +
        'number[,rate center][,state][,lata][,city][,zip], or any of these columns under a header row ' +
        '(e.g. "number,zip"). Missing attributes come from the NPA-NXX reference data, else from the ' +
        "ZIP's nearest rate centre; toll-free numbers need none. Numbers already in the inventory are " +
        'left unchanged (importing a file twice is harmless); rows that cannot be placed are listed with ' +
        'their line and reason, and the rest are imported in one transaction.',
    )
    .action(async (file: string) => {
      const text = fs.readFileSync(file, 'utf8');
      const result = await withDeps((deps) => importNumbers(deps, text, { userId: CLI_USER }));
      console.log(
        `accepted ${count(result.accepted)}, unchanged ${count(result.unchanged)}, rejected ${count(result.rejected.length)}`,
      );
      for (const r of result.rejected) console.log(`  line ${r.line}: ${r.number || '(empty)'}: ${r.reason}`);
    });

  inventory
    .command('assign <tn...>')
    .summary('put numbers in service on an account, site and SIP peer')
    .description(
      'put numbers in service on an account, outside any order: available numbers, or numbers that ' +
        'account has reserved. Prints what changed and why the others were refused.',
    )
    .requiredOption('--account <id>', 'the account that gets the numbers')
    .option('--site <id>', "the site (default: the account's first site)")
    .option('--peer <id>', "the SIP peer (default: the site's default SIP peer)")
    .action(async (tnArgs: string[], o: { account: string; site?: string; peer?: string }) => {
      const siteId = positiveInt(o.site, '--site');
      const sipPeerId = positiveInt(o.peer, '--peer');
      const invalid = tnArgs.filter((t) => parseTn(t) === undefined);
      const tns = [...new Set(tnArgs.map((t) => parseTn(t)).filter((t) => t !== undefined))];
      const { result, rows } = await withDeps(async (deps) => {
        const result = await assignNumbers(deps, {
          tns,
          accountId: o.account,
          siteId,
          sipPeerId,
          userId: CLI_USER,
        });
        return { result, rows: await findNumbers(deps.database.db, tns) };
      });
      const byTn = new Map(rows.map((r) => [r.tn, r]));
      const first = byTn.get(result.changed[0] ?? -1);
      if (first) {
        console.log(
          `${count(result.changed.length)} in service on account ${o.account}, site ${first.site_id}, SIP peer ${first.sip_peer_id}:`,
        );
        for (const tn of result.changed) console.log(`  ${formatTn(tn)}`);
      } else {
        console.log('no number changed');
      }
      if (result.refused.length + invalid.length > 0) console.log('refused:');
      for (const t of invalid) console.log(`  ${t}: not a 10-digit number`);
      for (const tn of result.refused) console.log(`  ${formatTn(tn)}: ${refusal(byTn.get(tn), o.account)}`);
    });

  inventory
    .command('build')
    .summary('generate the demo inventory (--reset to replace a non-empty one)')
    .description(
      'generate the demo inventory from the reference data (the same size always gives the same ' +
        'numbers). Refuses when the inventory is not empty, unless --reset.',
    )
    .requiredOption('--size <size>', 'how many numbers, e.g. 250k, 1m, 10m')
    .option(
      '--reset',
      'first delete the whole inventory: every number (in service ones too), their history, reservations and blocks',
    )
    .action(async (o: { size: string; reset?: boolean }) => {
      const size = parseInventorySize(o.size);
      const result = await withDeps(async (deps) => {
        const present = await inventoryCount(deps.database);
        if (present > 0 && !o.reset) {
          throw new Error(
            `the inventory already holds ${count(present)} numbers; add --reset to delete them and build anew`,
          );
        }
        if (present > 0) {
          await clearInventory(deps.database);
          console.log(`deleted ${count(present)} numbers`);
        }
        return buildInventory(deps.database, {
          size,
          builtAt: deps.clock.now(),
          onProgress: progressBar('inventory'),
        });
      });
      console.log(
        `built ${count(result.numbers)} numbers in ${count(result.blocks)} thousands blocks (${(result.ms / 1000).toFixed(1)} s)`,
      );
    });

  inventory
    .command('count')
    .description('how many numbers the inventory holds, per status')
    .action(async () => {
      const counts = await withDeps((deps) => countNumbersByStatus(deps.database.db));
      const width = Math.max(...Object.keys(TnStatus).map((k) => k.length));
      let total = 0;
      for (const [name, code] of Object.entries(TnStatus)) {
        const n = counts.get(code) ?? 0;
        total += n;
        console.log(`${name.padEnd(width)}  ${count(n).padStart(12)}`);
      }
      console.log(`${'total'.padEnd(width)}  ${count(total).padStart(12)}`);
    });
}
