import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import {
  deliveryWithAttempts,
  listDeliveries,
  mailFiles,
  replayDelivery,
  type Delivery,
} from '../features/notifications/index.js';
import { findSubscription, setSigningSecret } from '../features/subscriptions/index.js';
import type { WithDeps } from './inventory.js';

/** The delivery log, the mail directory and subscription signing secrets: what operators look at. */
export function registerNotificationCommands(program: Command, withDeps: WithDeps): void {
  const deliveries = program.command('deliveries').description('the notification delivery log');
  deliveries
    .command('list')
    .description('recent deliveries, newest first')
    .option('--subscription <id>', 'only those of one subscription')
    .option('--failed', 'only those that failed for good')
    .option('--limit <n>', 'how many', '50')
    .action(async (o: { subscription?: string; failed?: boolean; limit: string }) => {
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
        throw new Error('--limit must be 1..10000');
      const list = await withDeps((deps) =>
        listDeliveries(deps, { subscriptionId: o.subscription, failedOnly: o.failed, limit }),
      );
      for (const d of list) console.log(summary(d));
      if (list.length === 0) console.log('(no deliveries)');
    });
  deliveries
    .command('show <id>')
    .description('one delivery: its notification and every attempt')
    .action(async (id: string) => {
      const found = await withDeps((deps) => deliveryWithAttempts(deps, deliveryId(id)));
      if (!found) throw new Error(`no delivery ${id}`);
      const { delivery: d, attempts } = found;
      console.log(summary(d));
      console.log(
        `  notification ${d.notificationId}  subscription ${d.subscriptionId}  account ${d.accountId}`,
      );
      if (d.nextAttemptAt) console.log(`  next attempt ${d.nextAttemptAt}`);
      if (d.replayOf) console.log(`  replay of delivery ${d.replayOf}`);
      console.log(`  payload ${JSON.stringify(d.payload)}`);
      for (const a of attempts) {
        console.log(
          `  attempt ${a.attempt}  ${a.at}  ${a.outcome}  ${a.statusCode ?? '-'}  ${a.durationMs} ms  ${a.target}` +
            (a.error ? `\n    error: ${a.error}` : '') +
            (a.responseExcerpt
              ? `\n    response: ${a.responseExcerpt.replace(/\s+/g, ' ').slice(0, 200)}`
              : ''),
        );
      }
      if (attempts.length === 0) console.log('  (no attempts yet)');
    });
  deliveries
    .command('replay <id>')
    .description('send the same notification again, as a new delivery due now')
    .action(async (id: string) => {
      const d = await withDeps((deps) => replayDelivery(deps, deliveryId(id)));
      console.log(`delivery ${d.id} created (replay of ${id}); a running worker sends it`);
    });

  const mail = program.command('mail').description('e-mail written to DATA_DIR/mail when SMTP_URL is unset');
  mail
    .command('list')
    .description('the messages, newest first')
    .action(async () => {
      const files = await mailFiles(mailDir());
      for (const [i, f] of files.entries()) {
        const head = fs.readFileSync(f.file, 'utf8').split(/\r?\n\r?\n/)[0] ?? '';
        // Long headers are folded onto continuation lines that start with white space.
        const subject =
          /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(head)?.[1]?.replace(/\r?\n[ \t]+/g, ' ') ?? '';
        console.log(`${i + 1}  ${f.at.toISOString()}  ${path.basename(f.file)}  ${subject}`);
      }
      if (files.length === 0) console.log('(no mail)');
    });
  mail
    .command('show <message>')
    .description('print one message (its number in `mail list`, or its file name)')
    .action(async (which: string) => {
      const files = await mailFiles(mailDir());
      const byIndex = /^\d+$/.test(which) ? files[Number(which) - 1] : undefined;
      const found =
        byIndex ??
        files.find((f) => path.basename(f.file) === which || path.basename(f.file) === `${which}.eml`);
      if (!found) throw new Error(`no message ${which}`);
      process.stdout.write(fs.readFileSync(found.file, 'utf8'));
    });

  const subscription = program.command('subscription').description("subscriptions' operator settings");
  subscription
    .command('sign <id>')
    .description('set the HMAC-SHA256 signing secret of a subscription (printed once)')
    .option('--secret <secret>', 'the secret (default: a new random one)')
    .option('--remove', 'stop signing')
    .action(async (id: string, o: { secret?: string; remove?: boolean }) => {
      const secret = o.remove ? undefined : (o.secret ?? randomBytes(24).toString('base64url'));
      await withDeps(async (deps) => {
        if (!(await findSubscription(deps, id))) throw new Error(`no subscription ${id}`);
        await setSigningSecret(deps, id, secret);
      });
      console.log(
        secret === undefined
          ? `subscription ${id} is no longer signed`
          : `subscription ${id} signing secret: ${secret}`,
      );
    });
}

function mailDir(): string {
  return path.join(loadConfig().dataDir, 'mail');
}

function deliveryId(value: string): number {
  if (!/^\d{1,15}$/.test(value)) throw new Error(`a delivery id is a number, got '${value}'`);
  return Number(value);
}

function summary(d: Delivery): string {
  const what =
    d.payload.type === 'event'
      ? `${d.payload.notification.orderType} ${d.payload.notification.orderId} ${d.payload.notification.note === undefined ? d.payload.notification.status : 'note'}`
      : d.payload.type === 'digest'
        ? `digest of ${d.payload.day} (${d.payload.items.length} events)`
        : `${d.payload.purpose} of ${d.orderId} to ${d.payload.url}`;
  return `${d.id}  ${d.createdAt}  ${d.status.padEnd(9)}  ${d.channel.padEnd(8)}  attempts ${d.attempts}  ${d.target}  ${what}${d.lastError ? `  (${d.lastError})` : ''}`;
}
