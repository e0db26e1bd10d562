/**
 * The one source of "now" for business code: reservation expiry, FOC dates, backorder retries,
 * number aging and job due times all ask a Clock. Three modes:
 *  - real: wall-clock time;
 *  - accelerated: time runs `factor` times faster from a starting point (sandboxes, demos);
 *  - manual: time stands still until set or advanced by hand (tests, sandbox users).
 */
export type ClockMode = 'real' | 'accelerated' | 'manual';

export interface Clock {
  readonly mode: ClockMode;
  now(): Date;
  nowMs(): number;
}

/**
 * Wall-clock milliseconds for infrastructure that must not follow business time: job leases,
 * request timing, throttling. Business code never uses it.
 */
export function wallClockMs(): number {
  return Date.now();
}

export class RealClock implements Clock {
  readonly mode = 'real' as const;
  now(): Date {
    return new Date(this.nowMs());
  }
  nowMs(): number {
    return wallClockMs();
  }
}

export class AcceleratedClock implements Clock {
  readonly mode = 'accelerated' as const;
  private readonly realStart = wallClockMs();
  constructor(
    readonly factor: number,
    private readonly businessStart: number = wallClockMs(),
  ) {
    if (!(factor > 0)) throw new RangeError('clock factor must be positive');
  }
  now(): Date {
    return new Date(this.nowMs());
  }
  nowMs(): number {
    return Math.floor(this.businessStart + (wallClockMs() - this.realStart) * this.factor);
  }
}

export class ManualClock implements Clock {
  readonly mode = 'manual' as const;
  private listeners: ((ms: number) => void)[] = [];
  constructor(private current: number = wallClockMs()) {}
  now(): Date {
    return new Date(this.current);
  }
  nowMs(): number {
    return this.current;
  }
  set(ms: number): void {
    this.current = ms;
    for (const l of this.listeners) l(ms);
  }
  advance(ms: number): void {
    if (ms < 0) throw new RangeError('a clock only moves forward');
    this.set(this.current + ms);
  }
  /** Adopts a time set elsewhere (another process) without notifying listeners back. */
  sync(ms: number): void {
    this.current = ms;
  }
  onChange(listener: (ms: number) => void): void {
    this.listeners.push(listener);
  }
}

/** Parses durations such as `90s`, `15m`, `4h`, `2d`, `1w` or plain milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)?$/.exec(text.trim());
  if (!m) throw new RangeError(`not a duration: ${text}`);
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2] ?? 'ms'] ?? 1;
  return Math.round(Number(m[1]) * unit);
}
