import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { wallClockMs } from '../../platform/clock.js';
import { deliveredAttempt, failedAttempt, type AttemptResult } from './callback-sender.js';

/**
 * E-mail by SMTP (nodemailer, `SMTP_URL`), or, with no SMTP server configured (the embedded default),
 * each message written as an .eml file under DATA_DIR/mail, named by its notification id so that a
 * message sent twice (a retry after a crash) is still one file.
 */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** The notification id: the Message-ID, and the .eml file's name. */
  readonly notificationId: string;
  /** The Date header: business time, so a sandbox on a manual clock reads consistent dates. */
  readonly date: Date;
}

export interface MailSenderOptions {
  readonly smtpUrl: string | undefined;
  readonly from: string;
  readonly mailDir: string;
  readonly timeoutMs: number;
}

export class MailSender {
  private readonly transport: Transporter;

  constructor(private readonly options: MailSenderOptions) {
    this.transport = options.smtpUrl
      ? nodemailer.createTransport({
          url: options.smtpUrl,
          connectionTimeout: options.timeoutMs,
          greetingTimeout: options.timeoutMs,
          socketTimeout: options.timeoutMs,
        })
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  /** Where messages go: "smtp://host:port", or the mail directory. */
  get target(): string {
    if (!this.options.smtpUrl) return this.options.mailDir;
    const u = new URL(this.options.smtpUrl);
    return `${u.protocol}//${u.host}`;
  }

  async send(m: MailMessage): Promise<AttemptResult> {
    const started = wallClockMs();
    const elapsed = () => Math.max(0, Math.round(wallClockMs() - started));
    try {
      const sending = this.transport.sendMail({
        from: this.options.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        messageId: `<${m.notificationId}@bwdash>`,
        date: m.date,
        headers: { 'X-Notification-Id': m.notificationId },
      }) as Promise<{ response?: string; message?: Buffer }>;
      // nodemailer's timeouts are per phase; one deadline for the whole send keeps it within the
      // delivery's lease, so no other process takes the delivery while this send still runs.
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(
          () => reject(new Error(`timed out after ${this.options.timeoutMs} ms`)),
          this.options.timeoutMs,
        );
      });
      const info = await Promise.race([sending, deadline]).finally(() => clearTimeout(timer));
      if (!this.options.smtpUrl) {
        await fs.mkdir(this.options.mailDir, { recursive: true });
        const file = path.join(this.options.mailDir, `${m.notificationId}.eml`);
        await fs.writeFile(`${file}.tmp`, info.message ?? Buffer.alloc(0));
        await fs.rename(`${file}.tmp`, file);
        return deliveredAttempt(`written to ${file}`, undefined, elapsed());
      }
      const summary = (info.response ?? '250 OK').slice(0, 200);
      return deliveredAttempt(summary, summary, elapsed());
    } catch (err) {
      return failedAttempt(err instanceof Error ? err.message : String(err), elapsed());
    }
  }

  close(): void {
    this.transport.close();
  }
}

/** The .eml files of the mail directory, newest first. */
export async function mailFiles(mailDir: string): Promise<{ file: string; at: Date; size: number }[]> {
  let names: string[];
  try {
    names = (await fs.readdir(mailDir)).filter((n) => n.endsWith('.eml'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const files = await Promise.all(
    names.map(async (name) => {
      const stat = await fs.stat(path.join(mailDir, name));
      return { file: path.join(mailDir, name), at: stat.mtime, size: stat.size };
    }),
  );
  return files.sort((a, b) => b.at.getTime() - a.at.getTime());
}
