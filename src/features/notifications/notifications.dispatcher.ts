import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { AppDeps } from '../../context.js';
import { wallClockMs } from '../../platform/clock.js';
import { inTransaction } from '../../platform/db/transaction.js';
import type { WorkerLog } from '../../platform/jobs/worker.js';
import { recordDeliveryOutcome, subscriberTarget, type SubscriberTarget } from '../subscriptions/index.js';
import { CallbackSender, failedAttempt, type AttemptResult } from './callback-sender.js';
import { lastDigestTime } from './digest-time.js';
import { digestMail, eventMail } from './mail-messages.js';
import { MailSender } from './mail-sender.js';
import { DeliveryPayload, type CallAnswer, type CallRequest } from './notification.js';
import { MAIL_TARGET } from './notifications.service.js';
import {
  cancelOpenDeliveries,
  claimDeliveries,
  dueDeliveries,
  extendLease,
  finishDelivery,
  insertAttempt,
  insertDeliveries,
  pruneDeliveries,
  subscriptionsWithHeldItems,
  takeHeldItems,
  type DeliveryRow,
} from './notifications.store.js';
import { notificationXml } from './notifications.xml.js';

/** How long a finished send waits for others to finish before the next claim round. */
const SOON_MS = 5;

/**
 * Sends deliveries: claims due ones (a lease on the row, so two processes never send the same
 * attempt), sends each outside any transaction (a slow receiver holds no database lock), and
 * records the attempt, the delivery's next state and the subscription's Status in one transaction.
 * At most `concurrency` sends are in flight, and at most `perHostConcurrency` to one target, so a
 * receiver that hangs only ever holds its own share. Failed attempts are retried with capped
 * exponential back-off on the business clock; daily digests are gathered here too.
 */
export class DeliveryDispatcher {
  readonly id = `dispatcher-${randomUUID().slice(0, 8)}`;
  private readonly callbacks: CallbackSender;
  private readonly mail: MailSender;
  private readonly inflight = new Map<string, number>();
  private readonly sends = new Set<Promise<void>>();
  private total = 0;
  private pumping: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private timer: NodeJS.Timeout | undefined;
  private soonTimer: NodeJS.Timeout | undefined;
  private lastDigestCheck = 0;
  private lastPrune = 0;

  constructor(
    private readonly deps: AppDeps,
    private readonly log: WorkerLog,
  ) {
    const n = deps.config.notifications;
    this.callbacks = new CallbackSender({
      timeoutMs: n.callbackTimeoutMs,
      allowPrivate: n.allowPrivate,
      perHost: n.perHostConcurrency,
    });
    this.mail = new MailSender({
      smtpUrl: n.smtpUrl,
      from: n.mailFrom,
      mailDir: path.join(deps.config.dataDir, 'mail'),
      timeoutMs: n.callbackTimeoutMs,
    });
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.tick();
  }

  /** Stops claiming and waits for the sends in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.soonTimer) clearTimeout(this.soonTimer);
    await this.pumping;
    await Promise.allSettled([...this.sends]);
    this.callbacks.close();
    this.mail.close();
  }

  /**
   * Gathers due digests, prunes, and sends everything due now, waiting for each send, until nothing
   * is due; returns how many deliveries were attempted. Tests and the sandbox call it after moving
   * the clock.
   */
  async runDue(): Promise<number> {
    let attempted = 0;
    // Digests and pruning are due by the clock too: look now, not at their usual pace.
    this.lastPrune = 0;
    for (;;) {
      this.lastDigestCheck = 0;
      const started = await this.pump();
      attempted += started;
      await Promise.allSettled([...this.sends]);
      if (started === 0 && this.sends.size === 0) return attempted;
    }
  }

  private soon(): void {
    if (this.stopped || this.soonTimer) return;
    this.soonTimer = setTimeout(() => {
      this.soonTimer = undefined;
      void this.pump().catch((err: unknown) => this.log.error({ err }, 'delivery round failed'));
    }, SOON_MS);
  }

  private tick(): void {
    if (this.stopped) return;
    void this.pump()
      .catch((err: unknown) => this.log.error({ err }, 'delivery round failed'))
      .finally(() => {
        if (!this.stopped) this.timer = setTimeout(() => this.tick(), this.deps.config.notifications.pollMs);
      });
  }

  /** Claims and starts as many due sends as there is room for; returns how many it started. */
  private async pump(): Promise<number> {
    if (this.pumping) {
      this.again = true;
      await this.pumping;
      return 0;
    }
    let started = 0;
    const run = async () => {
      await this.housekeeping();
      do {
        this.again = false;
        const round = await this.claimRound();
        started += round;
        if (round === 0 && !this.again) break;
      } while (this.total < this.deps.config.notifications.concurrency);
    };
    this.pumping = run().finally(() => (this.pumping = undefined));
    await this.pumping;
    return started;
  }

  private async claimRound(): Promise<number> {
    const { concurrency, perHostConcurrency, callbackTimeoutMs } = this.deps.config.notifications;
    const free = concurrency - this.total;
    if (free <= 0) return 0;
    const busy = [...this.inflight].filter(([, n]) => n >= perHostConcurrency).map(([t]) => t);
    const db = this.deps.database.db;
    const candidates = await dueDeliveries(db, {
      businessNow: this.deps.clock.nowMs(),
      skipTargets: busy,
      limit: free * 2,
    });
    // Within this process's limits (in all, and per target), oldest first; then one claim for all.
    const picked: number[] = [];
    const taking = new Map<string, number>();
    for (const c of candidates) {
      if (this.total + picked.length >= concurrency) break;
      const load = (this.inflight.get(c.target) ?? 0) + (taking.get(c.target) ?? 0);
      if (load >= perHostConcurrency) continue;
      taking.set(c.target, (taking.get(c.target) ?? 0) + 1);
      picked.push(c.id);
    }
    const claimed = await claimDeliveries(db, picked, {
      businessNow: this.deps.clock.nowMs(),
      worker: this.id,
      // Two requests (the Basic challenge) and a margin; a crashed sender's delivery is taken up after
      // it. A call extends its own lease to its timeout (call()).
      leaseUntil: wallClockMs() + 2 * callbackTimeoutMs + 2_000,
    });
    for (const d of claimed) this.begin(d);
    return claimed.length;
  }

  private begin(d: DeliveryRow): void {
    this.total++;
    this.inflight.set(d.target, (this.inflight.get(d.target) ?? 0) + 1);
    const send: Promise<void> = this.deliver(d)
      .catch((err: unknown) => this.log.error({ err, delivery: d.id }, 'delivery failed unexpectedly'))
      .finally(() => {
        this.total--;
        const left = (this.inflight.get(d.target) ?? 1) - 1;
        if (left > 0) this.inflight.set(d.target, left);
        else this.inflight.delete(d.target);
        this.sends.delete(send);
        // Room again: take the next ones soon rather than at the next poll; sends finishing close
        // together share one claim round (each round reads the due deliveries once).
        this.soon();
      });
    this.sends.add(send);
  }

  private async deliver(d: DeliveryRow): Promise<void> {
    if (d.channel === 'call') return this.call(d);
    const { clock, config } = this.deps;
    const n = config.notifications;
    // Attempts lost to crashes count too: a delivery that keeps killing its sender ends.
    if (d.attempts > n.attempts) return this.end(d, 'failed', 'attempts used up');
    let subscriber: SubscriberTarget | undefined;
    let result: AttemptResult;
    try {
      subscriber = await subscriberTarget(this.deps, d.subscription_id);
      const wanted = d.channel === 'callback' ? subscriber?.callback : subscriber?.email;
      if (!subscriber || !wanted) return await this.end(d, 'cancelled', 'subscription deleted or changed');
      const expiresAt = subscriber.callback?.expiresAt;
      if (expiresAt !== undefined && expiresAt <= clock.nowMs()) {
        return await this.end(d, 'cancelled', 'subscription expired');
      }
      result = await this.send(d, subscriber, DeliveryPayload.parse(JSON.parse(d.payload)));
    } catch (err) {
      // A secret sealed under another key, a payload that no longer parses: a failed attempt like
      // any other (retried, then failed), never a delivery stuck in `sending`.
      const message = `could not send: ${err instanceof Error ? err.message : String(err)}`;
      result = failedAttempt(message);
    }
    const now = clock.nowMs();
    const final = result.delivered || d.attempts >= n.attempts;
    const nextAttemptAt = now + Math.min(n.retryCapMs, n.retryBaseMs * 2 ** (d.attempts - 1));
    const target =
      subscriber?.callback?.url ??
      (subscriber?.email ? `${subscriber.email.address} via ${this.mail.target}` : d.target);
    await inTransaction(this.deps.database.db, async (tx) => {
      const mine = await finishDelivery(tx.db, d, this.id, {
        status: result.delivered ? 'delivered' : final ? 'failed' : 'pending',
        ...(final ? {} : { nextAttemptAt }),
        finishedAt: final ? new Date(now).toISOString() : null,
        error: result.error?.slice(0, 1000) ?? null,
      });
      // The attempt happened either way; only the sender still holding the lease sets the Status.
      await insertAttempt(tx.db, {
        delivery_id: d.id,
        attempt: d.attempts,
        at: new Date(now).toISOString(),
        target,
        status_code: result.statusCode ?? null,
        duration_ms: result.durationMs,
        outcome: result.delivered ? 'delivered' : 'failed',
        error: result.error?.slice(0, 1000) ?? null,
        response_excerpt: result.excerpt ?? null,
      });
      if (mine && d.channel === 'callback')
        await recordDeliveryOutcome(tx.db, d.subscription_id, result.summary);
    });
  }

  /**
   * A call (contract §12): sent with its own timeout and the credentials at once. An answer of any
   * status, or none within the timeout, ends it; an endpoint that cannot be reached is tried again
   * after `retryEveryMs`, up to `attempts` times. At the end its answer goes, in the transaction
   * that records the attempt, to the job its requester named.
   */
  private async call(d: DeliveryRow): Promise<void> {
    const { clock, secrets } = this.deps;
    let request: CallRequest | undefined;
    let result: AttemptResult;
    // A failure of ours (a payload or secret we cannot read) is not the endpoint's: said as such.
    let ours = false;
    try {
      const payload = DeliveryPayload.parse(JSON.parse(d.payload));
      if (payload.type !== 'call') throw new Error(`delivery ${d.id} is not a call`);
      request = payload;
      // A call may wait longer than a callback: its lease covers its own timeout.
      await extendLease(this.deps.database.db, d, this.id, wallClockMs() + payload.timeoutMs + 2_000);
      const password = payload.password ? secrets.open(payload.password) : undefined;
      result =
        d.attempts > payload.attempts
          ? failedAttempt('attempts used up')
          : await this.callbacks.send({
              url: payload.url,
              body: payload.body,
              notificationId: d.notification_id,
              username: payload.username,
              password,
              timeoutMs: payload.timeoutMs,
              preemptiveAuth: true,
            });
    } catch (err) {
      ours = true;
      result = failedAttempt(`could not call: ${err instanceof Error ? err.message : String(err)}`);
      this.log.error({ err, delivery: d.id }, 'a call could not be made');
    }
    const answered = result.statusCode !== undefined;
    const final = ours || answered || result.timedOut === true || !request || d.attempts >= request.attempts;
    const now = clock.nowMs();
    const answer: CallAnswer = answered
      ? { outcome: 'answered', statusCode: result.statusCode, body: result.response }
      : { outcome: ours ? 'not-sent' : result.timedOut ? 'timed-out' : 'unreachable', error: result.error };
    await inTransaction(this.deps.database.db, async (tx) => {
      const mine = await finishDelivery(tx.db, d, this.id, {
        status: answered ? 'delivered' : final ? 'failed' : 'pending',
        ...(final ? {} : { nextAttemptAt: now + (request?.retryEveryMs ?? 0) }),
        finishedAt: final ? new Date(now).toISOString() : null,
        error: result.error?.slice(0, 1000) ?? null,
      });
      await insertAttempt(tx.db, {
        delivery_id: d.id,
        attempt: d.attempts,
        at: new Date(now).toISOString(),
        target: request?.url ?? d.target,
        status_code: result.statusCode ?? null,
        duration_ms: result.durationMs,
        outcome: answered ? 'delivered' : 'failed',
        error: result.error?.slice(0, 1000) ?? null,
        response_excerpt: result.excerpt ?? null,
      });
      // Only the sender still holding the lease hands the answer on, so it is handed on once.
      if (mine && final && request) {
        await this.deps.jobs.enqueueNamed(tx, request.answerTo.job, { ...request.answerTo.payload, answer });
      }
    });
  }

  private async send(d: DeliveryRow, s: SubscriberTarget, payload: DeliveryPayload): Promise<AttemptResult> {
    const publicUrl = this.deps.config.publicUrl ?? `http://localhost:${this.deps.config.port}`;
    if (payload.type === 'event' && s.callback) {
      return this.callbacks.send({
        url: s.callback.url,
        body: notificationXml(s.id, payload.notification),
        notificationId: d.notification_id,
        username: s.callback.username,
        password: s.password,
        publicKey: s.callback.publicKey,
        signingSecret: s.signingSecret,
      });
    }
    const to = s.email?.address;
    if (!to) return failedAttempt('no e-mail address');
    if (payload.type === 'call') return failedAttempt('a call is not mailed');
    const message =
      payload.type === 'event'
        ? eventMail(payload.notification, d.account_id, publicUrl)
        : digestMail(payload.day, payload.items, d.account_id, publicUrl);
    return this.mail.send({ to, ...message, notificationId: d.notification_id, date: this.deps.clock.now() });
  }

  private async end(d: DeliveryRow, status: 'cancelled' | 'failed', reason: string): Promise<void> {
    await finishDelivery(this.deps.database.db, d, this.id, {
      status,
      finishedAt: this.deps.clock.now().toISOString(),
      error: reason,
    });
  }

  /** Daily digests (at most once a second) and pruning of old deliveries (every ten minutes). */
  private async housekeeping(): Promise<void> {
    // Its own failures are logged and never stop the sending that follows.
    const wall = wallClockMs();
    try {
      if (wall - this.lastDigestCheck >= 1_000) {
        this.lastDigestCheck = wall;
        await this.gatherDigests();
      }
      if (wall - this.lastPrune >= 10 * 60_000) {
        this.lastPrune = wall;
        const retention = this.deps.config.notifications.retentionMs;
        await pruneDeliveries(
          this.deps.database.db,
          new Date(this.deps.clock.nowMs() - retention).toISOString(),
        );
      }
    } catch (err) {
      this.log.error({ err }, 'notification housekeeping (digests, pruning) failed');
    }
  }

  /**
   * At the digest time, each DAILY subscriber's held items from before it become one e-mail
   * delivery. Taking the items is one conditional update, so two processes never both digest them.
   */
  private async gatherDigests(): Promise<void> {
    const { clock, config, database } = this.deps;
    const { ms: digestAt, day } = lastDigestTime(
      clock.nowMs(),
      config.notifications.digestAt,
      config.notifications.digestTz,
    );
    for (const subscriptionId of await subscriptionsWithHeldItems(database.db, digestAt)) {
      const subscriber = await subscriberTarget(this.deps, subscriptionId);
      const now = clock.now().toISOString();
      await inTransaction(database.db, async (tx) => {
        if (!subscriber?.email) return cancelOpenDeliveries(tx.db, subscriptionId, now);
        const items = await takeHeldItems(tx.db, subscriptionId, digestAt, now);
        if (items.length === 0) return;
        const notifications = items.flatMap((i) => {
          const p = DeliveryPayload.parse(JSON.parse(i.payload));
          return p.type === 'event' ? [p.notification] : [];
        });
        await insertDeliveries(tx.db, [
          {
            notification_id: randomUUID(),
            subscription_id: subscriptionId,
            account_id: items[0]?.account_id ?? subscriber.accountId,
            order_id: `digest:${day}`,
            channel: 'email',
            target: MAIL_TARGET,
            payload: JSON.stringify(DeliveryPayload.parse({ type: 'digest', day, items: notifications })),
            status: 'pending',
            attempts: 0,
            next_attempt_at: clock.nowMs(),
            created_at: now,
          },
        ]);
      });
    }
  }
}
