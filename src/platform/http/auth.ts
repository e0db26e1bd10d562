import { createHash } from 'node:crypto';
import { wallClockMs } from '../clock.js';
import { decoyHash, verifyPassword } from '../security/password.js';
import { ApiError } from './api-error.js';
import { ProtocolErrors } from './protocol-errors.js';

/** Who is calling: the authenticated user with the accounts and roles granted to them. */
export interface Principal {
  readonly username: string;
  readonly accounts: ReadonlySet<string>;
  /** role name -> permissions (VIEW, UPDATE). */
  readonly roles: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface StoredCredentials {
  readonly passwordHash: string;
  readonly principal: Principal;
}

/** Loads a user's stored hash and grants; provided by the users feature. */
export type CredentialLoader = (username: string) => Promise<StoredCredentials | undefined>;

export type Permission = 'VIEW' | 'UPDATE';

export function hasAccount(principal: Principal, accountId: string): boolean {
  return principal.accounts.has(accountId);
}

export function hasRole(principal: Principal, role: string, permission: Permission): boolean {
  return principal.roles.get(role)?.has(permission) ?? false;
}

/**
 * Slows down clients that keep failing to authenticate: after `freeFailures` failures within the
 * window, each further attempt from that client waits twice as long as the last (capped).
 */
export class FailureThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();
  constructor(
    private readonly freeFailures = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly maxDelayMs = 5_000,
  ) {}

  delayFor(client: string): number {
    const entry = this.current(client);
    if (!entry || entry.count < this.freeFailures) return 0;
    return Math.min(this.maxDelayMs, 100 * 2 ** (entry.count - this.freeFailures));
  }

  recordFailure(client: string): void {
    const entry = this.current(client);
    if (entry) entry.count++;
    else {
      if (this.failures.size > 10_000) this.failures.clear(); // bound memory under a spray of addresses
      this.failures.set(client, { count: 1, since: wallClockMs() });
    }
  }

  recordSuccess(client: string): void {
    this.failures.delete(client);
  }

  private current(client: string): { count: number; since: number } | undefined {
    const entry = this.failures.get(client);
    if (entry && wallClockMs() - entry.since > this.windowMs) {
      this.failures.delete(client);
      return undefined;
    }
    return entry;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function parseBasicAuth(
  header: string | undefined,
): { username: string; password: string } | undefined {
  if (!header) return undefined;
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

const CHALLENGE = { 'WWW-Authenticate': 'Basic realm="Bandwidth Dashboard", charset="UTF-8"' };

/**
 * HTTP Basic authentication against scrypt hashes. scrypt is deliberately slow, so a successful
 * (user, password) pair is remembered by digest together with the hash it matched; the stored
 * hash is re-read on every request, so a password change anywhere invalidates the memory at once.
 */
export class BasicAuthenticator {
  private readonly verified = new Map<string, string>();

  constructor(
    private readonly load: CredentialLoader,
    private readonly throttle = new FailureThrottle(),
  ) {}

  async authenticate(header: string | undefined, client: string): Promise<Principal> {
    const delay = this.throttle.delayFor(client);
    if (delay > 0) await sleep(delay);
    const creds = parseBasicAuth(header);
    if (!creds) throw this.reject(ProtocolErrors.unauthenticated);
    const stored = await this.load(creds.username);
    const key = createHash('sha256')
      .update(creds.username)
      .update('\0')
      .update(creds.password)
      .digest('base64');
    if (stored && this.verified.get(key) === stored.passwordHash) {
      this.throttle.recordSuccess(client);
      return stored.principal;
    }
    const ok = await verifyPassword(creds.password, stored?.passwordHash ?? (await decoyHash()));
    if (!stored || !ok) {
      this.throttle.recordFailure(client);
      throw this.reject(ProtocolErrors.badCredentials);
    }
    if (this.verified.size > 10_000) this.verified.clear();
    this.verified.set(key, stored.passwordHash);
    this.throttle.recordSuccess(client);
    return stored.principal;
  }

  private reject(def: typeof ProtocolErrors.unauthenticated): ApiError {
    const base = ApiError.of(def);
    return new ApiError(base.status, base.code, base.description, CHALLENGE);
  }
}
