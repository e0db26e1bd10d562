import { createHash } from 'node:crypto';
import { wallClockMs } from '../clock.js';
import { decoyHash, verifyPassword } from '../security/password.js';
import { ApiError } from './api-error.js';
import {
  DEFAULT_THROTTLE,
  delayAfter,
  FailureCounts,
  KeyedLanes,
  Semaphore,
  Waits,
  type ThrottlePolicy,
} from './auth-throttle.js';
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
 *
 * Guessing is throttled: failures are counted per user name and per client address (a success
 * clears only its own user's count, so a valid login in between resets nothing for the guesser),
 * and after a few, each attempt waits twice as long as the last (attempts still under way count,
 * so a simultaneous burst is slowed too). A client's attempts are verified one at a time, and at
 * most `maxHashing` hashes run at once, so a burst of failures cannot starve valid users. A pair
 * that was verified before is answered without any of this.
 */
export class BasicAuthenticator {
  private readonly policy: ThrottlePolicy;
  private readonly verified = new Map<string, string>();
  private readonly failures: FailureCounts;
  /** Verifications under way (waiting or hashing) per user name. */
  private readonly attempting = new Map<string, number>();
  /** Identical credentials already being verified share that verification. */
  private readonly inFlight = new Map<string, Promise<boolean>>();
  private readonly lanes: KeyedLanes;
  private readonly hashing: Semaphore;
  private readonly waits = new Waits();

  constructor(
    private readonly load: CredentialLoader,
    policy: Partial<ThrottlePolicy> = {},
  ) {
    this.policy = { ...DEFAULT_THROTTLE, ...policy };
    this.failures = new FailureCounts(this.policy.windowMs);
    this.lanes = new KeyedLanes(this.policy.maxWaitingPerClient);
    this.hashing = new Semaphore(this.policy.maxHashing);
  }

  async authenticate(header: string | undefined, client: string): Promise<Principal> {
    const creds = parseBasicAuth(header);
    if (!creds) throw this.reject(ProtocolErrors.unauthenticated);
    const stored = await this.load(creds.username);
    const key = createHash('sha256')
      .update(creds.username)
      .update('\0')
      .update(creds.password)
      .digest('base64');
    if (stored && this.verified.get(key) === stored.passwordHash) {
      this.failures.clear(userKey(creds.username));
      return stored.principal;
    }
    let verification = this.inFlight.get(key);
    if (!verification) {
      const queued = this.lanes.run(clientKey(client), () => this.verify(creds, stored, client, key));
      if (!queued) throw this.tooManyAttempts();
      verification = queued.finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, verification);
    }
    if (!(await verification) || !stored) throw this.reject(ProtocolErrors.badCredentials);
    return stored.principal;
  }

  /** Ends every wait at once (answered 503), so shutdown is not held up by throttled clients. */
  close(): void {
    this.waits.close();
  }

  /** Runs in the client's lane: waits out the throttle, then hashes within the global bound. */
  private async verify(
    creds: { username: string; password: string },
    stored: StoredCredentials | undefined,
    client: string,
    key: string,
  ): Promise<boolean> {
    const user = userKey(creds.username);
    const address = clientKey(client);
    const ahead = this.attempting.get(user) ?? 0;
    this.attempting.set(user, ahead + 1);
    try {
      const delay = Math.max(
        delayAfter(this.failures.count(address), this.policy),
        delayAfter(this.failures.count(user) + ahead, this.policy),
      );
      if (delay > 0 && !(await this.waits.sleep(delay))) throw ApiError.of(ProtocolErrors.shuttingDown);
      if (this.waits.isClosed) throw ApiError.of(ProtocolErrors.shuttingDown);
      const ok = await this.hashing.run(async () =>
        verifyPassword(creds.password, stored?.passwordHash ?? (await decoyHash())),
      );
      if (!stored || !ok) {
        this.failures.add(user);
        this.failures.add(address);
        return false;
      }
      this.failures.clear(user);
      if (this.verified.size > 10_000) this.verified.clear();
      this.verified.set(key, stored.passwordHash);
      return true;
    } finally {
      const left = (this.attempting.get(user) ?? 1) - 1;
      if (left > 0) this.attempting.set(user, left);
      else this.attempting.delete(user);
    }
  }

  private reject(def: typeof ProtocolErrors.unauthenticated): ApiError {
    const base = ApiError.of(def);
    return new ApiError(base.status, base.code, base.description, CHALLENGE);
  }

  private tooManyAttempts(): ApiError {
    const base = ApiError.of(ProtocolErrors.tooManyAttempts);
    const retryAfter = Math.ceil(this.policy.maxDelayMs / 1000);
    return new ApiError(base.status, base.code, base.description, {
      'Retry-After': String(retryAfter),
      'X-RateLimit-Reset': String(Math.ceil(wallClockMs() / 1000) + retryAfter),
    });
  }
}

const userKey = (username: string) => `user:${username.toLowerCase()}`;
const clientKey = (address: string) => `addr:${address}`;
