import type { Command } from 'commander';
import { LsrRejected, requestOutsidePortOut } from '../features/lsrorders/index.js';
import { cancelOutsidePortOut, portOutAnywhere, type PortOutView } from '../features/portouts/index.js';
import { formatTn } from '../shared/numbering.js';
import { CLI_USER, type WithDeps } from './inventory.js';

/**
 * Port-outs asked by carriers outside this system: an operator records one (`request`), and it is
 * validated by each owner and carried out on its FOC date like any other (features/portouts).
 */
export function registerPortOutCommands(program: Command, withDeps: WithDeps): void {
  const portout = program
    .command('portout')
    .description('record and follow port-outs requested by carriers outside this system');
  portout
    .command('request')
    .description("another carrier's request for numbers here: one port-out per owner, validated by the owner")
    .requiredOption('--tns <list>', 'the numbers, comma-separated')
    .requiredOption('--spid <spid>', "the winning carrier's 4-character SPID")
    .requiredOption('--pon <pon>', "the carrier's PON (letters, digits, # - _; up to 25)")
    .option('--pin <pin>', "the subscriber's port-out PIN, as the carrier gave it")
    .option('--account-number <number>', "the subscriber's account number")
    .option('--zip <zip>', "the service address's ZIP code")
    .option('--name <name>', "the subscriber's name")
    .option('--foc-date <date>', 'yyyy-MM-dd, a business day (default: the next one)')
    .action(
      async (o: {
        tns: string;
        spid: string;
        pon: string;
        pin?: string;
        accountNumber?: string;
        zip?: string;
        name?: string;
        focDate?: string;
      }) => {
        const opened = await withDeps((deps) =>
          refusedAsText(() =>
            requestOutsidePortOut(deps, {
              tns: o.tns.split(',').map((t) => t.trim()),
              spid: o.spid,
              pon: o.pon,
              pin: o.pin,
              accountNumber: o.accountNumber,
              zip: o.zip,
              name: o.name,
              focDate: o.focDate,
            }),
          ),
        );
        for (const v of opened) console.log(line(v));
      },
    );
  portout
    .command('cancel <portOutId>')
    .description("cancel an outside carrier's port-out (withdrawn, or refused and not to be supplemented)")
    .action(async (id: string) => {
      console.log(line(await withDeps((deps) => cancelOutsidePortOut(deps, id, CLI_USER))));
    });
  portout
    .command('show <portOutId>')
    .description('one port-out: its owner, state, FOC date and numbers')
    .action(async (id: string) => {
      const v = await withDeps((deps) => portOutAnywhere(deps, id));
      console.log(line(v));
      for (const e of v.order.details.errors ?? []) console.log(`  error ${e.code}: ${e.description}`);
      for (const tn of v.tns) console.log(`  ${formatTn(tn)}`);
    });
}

function line(v: PortOutView): string {
  const d = v.order.details;
  return (
    `port-out ${v.order.id}  ${v.order.status.padEnd(22)}  account ${v.order.accountId}  ${v.tns.length} numbers  ` +
    `to SPID ${d.spid}  PON ${v.order.name ?? ''}  FOC ${d.actualFocDate ?? `${d.requestedFocDate} (requested)`}`
  );
}

/** A refusal lists every problem, one per line, as the API's LsrOrderErrors would. */
async function refusedAsText<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof LsrRejected)
      throw new Error(err.errors.map((e) => `${e.code} ${e.description}`).join('\n'));
    throw err;
  }
}
