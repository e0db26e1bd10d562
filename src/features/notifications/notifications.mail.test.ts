import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import type { Harness } from '../../../test/support/harness.js';
import { projectRoot } from '../../platform/project-root.js';
import { mailFiles } from './index.js';
import { notificationHelpers, startNotificationHarness } from './notifications.fixtures.js';

interface Mail {
  readonly from: string;
  readonly to: string[];
  readonly raw: string;
  readonly subject: string;
  readonly text: string;
}

/** The body of a message as sent: headers off, quoted-printable soft breaks and escapes undone. */
function parseMail(raw: string): { subject: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(head)?.[1]?.replace(/\r?\n[ \t]/g, ' ') ?? '';
  let text = rest.join('\n\n');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    text = text
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return { subject, text };
}

/** A real SMTP server on loopback (smtp-server), keeping what it receives. */
async function startSmtp(): Promise<{ url: string; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          ...parseMail(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('notification e-mail over SMTP', () => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const n = notificationHelpers(() => h);
  before(async () => {
    smtp = await startSmtp();
    h = await startNotificationHarness({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Numbers <numbers@example.net>',
      PUBLIC_URL: 'https://numbers.example.net',
    });
  });
  after(async () => {
    await h.close();
    await smtp.close();
  });

  it('sends one message per event to an immediate subscriber', async () => {
    await n.email('ops@example.com', 'NONE');
    const { id, tns } = await n.order(2);
    await n.note(id, 'Ported the lobby line');
    assert.equal(await n.deliver(), 2);
    assert.equal(smtp.mails.length, 2);
    const [done, noted] = smtp.mails;
    assert.equal(done?.from, 'numbers@example.net');
    assert.deepEqual(done?.to, ['ops@example.com']);
    assert.equal(done?.subject, `Bandwidth orders order ${id}: COMPLETE`);
    assert.match(done?.text ?? '', new RegExp(`Order id: +${id}`));
    assert.match(done?.text ?? '', /Status: +COMPLETE/);
    assert.match(done?.text ?? '', /Message: +Order completed: 2 of 2 numbers/);
    assert.match(done?.text ?? '', new RegExp(`Numbers: +${tns.join(', ')}`));
    assert.match(
      done?.text ?? '',
      new RegExp(`Link: +https://numbers.example.net/api/accounts/9900000/orders/${id}`),
    );
    assert.match(done?.raw ?? '', /^X-Notification-Id: [0-9a-f-]{36}/im);
    assert.match(done?.raw ?? '', /^Date: Tue, 01 Dec 2026 12:00:00 \+0000/m, 'dated on the business clock');
    assert.match(noted?.subject ?? '', /note added \(COMPLETE\)/);
    assert.match(noted?.text ?? '', /Note: +Ported the lobby line/);
  });

  it('sends a DAILY subscriber one digest at DIGEST_AT on the business clock, and nothing on a day without events', async () => {
    await n.email('digest@example.com', 'DAILY', 'disconnects');
    // The harness clock starts at 2026-12-01T12:00Z, 07:00 in New York: the digest is due at 13:00Z.
    const { tns } = await n.order(3);
    await n.disconnect(tns.slice(0, 1));
    await n.disconnect(tns.slice(1));
    await n.deliver();
    assert.equal(
      smtp.mails.filter((m) => m.to.includes('digest@example.com')).length,
      0,
      'held until the digest',
    );

    h.clock.set(Date.parse('2026-12-01T12:59:59.000Z'));
    await n.deliver();
    assert.equal(
      smtp.mails.filter((m) => m.to.includes('digest@example.com')).length,
      0,
      'not before 08:00 in New York',
    );
    h.clock.set(Date.parse('2026-12-01T13:00:01.000Z'));
    await n.deliver();
    const digests = smtp.mails.filter((m) => m.to.includes('digest@example.com'));
    assert.equal(digests.length, 1);
    assert.equal(digests[0]?.subject, 'Bandwidth daily digest for 2026-12-01: 2 order events');
    assert.equal((digests[0]?.text.match(/Order type: +disconnects/g) ?? []).length, 2);

    // A day with no events: no digest.
    h.clock.set(Date.parse('2026-12-02T13:00:01.000Z'));
    await n.deliver();
    assert.equal(smtp.mails.filter((m) => m.to.includes('digest@example.com')).length, 1);
  });
});

describe('notification e-mail without SMTP', () => {
  let h: Harness;
  const n = notificationHelpers(() => h);
  before(async () => {
    h = await startNotificationHarness();
  });
  after(() => h.close());

  it('writes each message as an .eml file under DATA_DIR/mail, which `bwdash mail` lists and shows', async () => {
    await n.email('sandbox@example.com', 'NONE');
    const { id } = await n.order(1);
    await n.deliver();
    const mailDir = path.join(h.app.deps.config.dataDir, 'mail');
    const files = await mailFiles(mailDir);
    assert.equal(files.length, 1);
    const raw = fs.readFileSync(files[0]?.file ?? '', 'utf8');
    assert.match(raw, /^To: sandbox@example\.com$/m);
    assert.match(parseMail(raw).text, new RegExp(`Order id: +${id}`));

    const cli = path.join(projectRoot(), 'dist', 'src', 'cli', 'main.js');
    if (!fs.existsSync(cli)) return; // the CLI half needs `npm run build` (npm test builds first)
    const run = promisify(execFile);
    const env = { ...process.env, DATA_DIR: h.app.deps.config.dataDir, LOG_LEVEL: 'silent' };
    const list = (await run(process.execPath, [cli, 'mail', 'list'], { env })).stdout;
    assert.match(list, new RegExp(`^1  .*\\.eml  Bandwidth orders order ${id}: COMPLETE$`, 'm'));
    const shown = (await run(process.execPath, [cli, 'mail', 'show', '1'], { env })).stdout;
    assert.equal(shown, raw);
  });
});
