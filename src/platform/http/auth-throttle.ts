import { wallClockMs } from '../clock.js';

/**
 * The pieces that keep password guessing slow and cheap for the server: failure counts that grow a
 * delay, one verification at a time per client, and a bound on password hashing in flight.
 */

export interface ThrottlePolicy {
  /** Failures within the window before attempts start to wait. */
  readonly freeFailures: number;
  readonly windowMs: number;
  /** The longest an attempt waits. */
  readonly maxDelayMs: number;
  /** Password hashes computed at once, whoever asks (each scrypt takes ~32 MiB and a core for ~0.1 s). */
  readonly maxHashing: number;
  /** Attempts of one client that may wait for their turn; more are refused (429). */
  readonly maxWaitingPerClient: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  freeFailures: 5,
  windowMs: 15 * 60_000,
  maxDelayMs: 5_000,
  maxHashing: 2,
  maxWaitingPerClient: 10,
};

/** The wait before an attempt when `failures` recent failures (or attempts under way) precede it. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.maxDelayMs, 100 * 2 ** (failures - policy.freeFailures));
}

/**
 * Failures per key (a user name, or a client address) within a window that starts at the key's
 * first failure. Bounded: past `maxKeys`, the keys that failed longest ago are forgotten first.
 */
export class FailureCounts {
  private readonly entries = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  count(key: string): number {
    return this.current(key)?.count ?? 0;
  }

  add(key: string): void {
    const entry = this.current(key);
    if (entry) entry.count++;
    else {
      this.entries.set(key, { count: 1, since: wallClockMs() });
      // A Map iterates in insertion order: the first key is the oldest window.
      if (this.entries.size > this.maxKeys) this.entries.delete(this.entries.keys().next().value as string);
    }
  }

  clear(key: string): void {
    this.entries.delete(key);
  }

  private current(key: string): { count: number; since: number } | undefined {
    const entry = this.entries.get(key);
    if (entry && wallClockMs() - entry.since > this.windowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

/**
 * At most `limit` tasks at once; the rest wait in arrival order, urgent ones first. Password
 * hashing uses it with "urgent" meaning: neither this user nor this client address has failed
 * lately, so a valid login waits only behind others like it, not behind a queue of guesses.
 */
export class PrioritySemaphore {
  private running = 0;
  private readonly urgent: (() => void)[] = [];
  private readonly later: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>, urgent: boolean): Promise<T> {
    if (this.running >= this.limit) {
      await new Promise<void>((resolve) => (urgent ? this.urgent : this.later).push(resolve));
    } else this.running++;
    try {
      return await task();
    } finally {
      const next = this.urgent.shift() ?? this.later.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/**
 * One task at a time per key, in arrival order, with a bound on how many may wait. Attempts of one
 * client address run one after another, so each sees the failures of the ones before it; and a
 * burst from one client holds one place in the hashing queue, not all of them.
 */
export class KeyedLanes {
  private readonly lanes = new Map<string, { tail: Promise<unknown>; size: number }>();

  constructor(private readonly maxWaiting: number) {}

  /** Runs the task in the key's lane; undefined (without running it) when the lane is full. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> | undefined {
    const lane = this.lanes.get(key) ?? { tail: Promise.resolve(), size: 0 };
    if (lane.size > this.maxWaiting) return undefined;
    lane.size++;
    this.lanes.set(key, lane);
    const result = lane.tail.then(task);
    lane.tail = result.then(
      () => this.leave(key, lane),
      () => this.leave(key, lane),
    );
    return result;
  }

  private leave(key: string, lane: { size: number }): void {
    if (--lane.size === 0 && this.lanes.get(key) === lane) this.lanes.delete(key);
  }
}

/** Sleeps that can all be cut short at shutdown. */
export class Waits {
  private readonly pending = new Set<() => void>();
  private closed = false;

  /** Resolves after `ms`, or at once (false) when closed. */
  sleep(ms: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const wake = (completed: boolean) => {
        clearTimeout(timer);
        this.pending.delete(cancel);
        resolve(completed);
      };
      const cancel = () => wake(false);
      const timer = setTimeout(() => wake(true), ms);
      this.pending.add(cancel);
    });
  }

  close(): void {
    this.closed = true;
    for (const cancel of [...this.pending]) cancel();
  }

  get isClosed(): boolean {
    return this.closed;
  }
}
