import type { Command } from 'commander';
import {
  deskCancel,
  deskComplete,
  deskFoc,
  deskList,
  deskReject,
  deskShow,
  deskSubmit,
  type PortInOrder,
} from '../features/portins/index.js';
import { formatTn } from '../shared/numbering.js';
import type { WithDeps } from './inventory.js';

/**
 * The porting desk (PORTING_MODE=desk): the operator's staff answer for the losing carriers, moving
 * each port-in through the same machine the simulated carrier uses.
 */
export function registerPortCommands(program: Command, withDeps: WithDeps): void {
  const port = program
    .command('port')
    .description('the porting desk: drive port-ins as the losing carrier answers');
  const line = (o: PortInOrder) =>
    `${o.id}  ${o.status.padEnd(17)}  account ${o.accountId}  ${o.quantity} numbers  ` +
    `${o.details.losingCarrier.name} (${o.details.losingCarrier.spid})  FOC ${o.details.actualFocDate ?? o.details.requestedFocDate}`;
  port
    .command('list')
    .description('port-ins on every account, newest first')
    .option('--status <status>', 'only those in one status (e.g. SUBMITTED)')
    .option('--limit <n>', 'how many', '100')
    .action(async (o: { status?: string; limit: string }) => {
      const list = await withDeps((deps) => deskList(deps, o.status, Number(o.limit) || 100));
      for (const order of list) console.log(line(order));
      if (list.length === 0) console.log('(no port-ins)');
    });
  port
    .command('show <orderId>')
    .description('one port-in: its request, numbers and state')
    .action(async (id: string) => {
      const { order, numbers } = await withDeps((deps) => deskShow(deps, id));
      const d = order.details;
      console.log(line(order));
      console.log(
        `  type ${d.portType}  triggered ${d.triggered}  site ${order.siteId}  peer ${order.sipPeerId}`,
      );
      console.log(
        `  subscriber ${d.subscriber.businessName ?? `${d.subscriber.firstName} ${d.subscriber.lastName}`}  BTN ${formatTn(d.billingTelephoneNumber)}  LOA ${d.loaAuthorizingPerson}`,
      );
      for (const e of d.errors ?? []) console.log(`  error ${e.code}: ${e.description}`);
      for (const n of numbers)
        console.log(`  ${formatTn(n.tn)}${n.activatedAt ? `  activated ${n.activatedAt}` : ''}`);
    });
  port
    .command('submit <orderId>')
    .description('send the order (or its SUPP) to the losing carrier: SUBMITTED')
    .action(async (id: string) => report(await withDeps((deps) => deskSubmit(deps, id)), 'SUBMITTED'));
  port
    .command('foc <orderId>')
    .description('the carrier confirmed a FOC date: FOC (activation is scheduled for it)')
    .requiredOption('--date <date>', 'yyyy-MM-dd (a business day), or an ISO-8601 time for a triggered port')
    .action(async (id: string, o: { date: string }) =>
      report(await withDeps((deps) => deskFoc(deps, id, o.date)), 'FOC'),
    );
  port
    .command('reject <orderId>')
    .description('the carrier rejected the order: EXCEPTION with its code and message')
    .requiredOption('--code <code>', "the carrier's error code (e.g. 7429)")
    .requiredOption('--message <text>', 'what the carrier said')
    .action(async (id: string, o: { code: string; message: string }) => {
      const code = Number(o.code);
      if (!Number.isInteger(code) || code < 1) throw new Error('--code must be a positive integer');
      report(await withDeps((deps) => deskReject(deps, id, code, o.message)), 'EXCEPTION');
    });
  port
    .command('complete <orderId>')
    .description('activate the numbers now: COMPLETE')
    .action(async (id: string) => report(await withDeps((deps) => deskComplete(deps, id)), 'COMPLETE'));
  port
    .command('cancel <orderId>')
    .description('cancel the order (or confirm its requested cancellation): CANCELLED')
    .action(async (id: string) => report(await withDeps((deps) => deskCancel(deps, id)), 'CANCELLED'));
}

function report(order: PortInOrder, to: string): void {
  console.log(`port-in ${order.id}: ${order.status} -> ${to}`);
}
