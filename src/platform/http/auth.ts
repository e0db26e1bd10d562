import { createHash } from 'node:crypto';
import { wallClockMs } from '../clock.js';
import { decoyHash, verifyPassword } from '../security/password.js';
import { ApiError } from './api-error.js';
import {
  DEFAULT_THROTTLE,
  delayAfter,
  FailureCounts,
  KeyedLanes,
  PrioritySemaphore,
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
 * Guessing is throttled: failures are counted per user name and per client address, and after a
 * few, each attempt waits twice as long as the last (attempts still under way count, so a
 * simultaneous burst is slowed too). Only a password verified by hashing clears its user's count:
 * neither another user's login from the same address nor the victim's own remembered login resets
 * anything for a guesser. A client's attempts are verified one at a time (at most
 * `maxWaitingPerClient` waiting, then 429), its credentials are looked up only when its turn
 * comes, and at most `maxHashing` hashes run at once, those of users and addresses without recent
 * failures first. A pair that was verified before is answered without any of this.
 */
export class BasicAuthenticator {
  private readonly policy: ThrottlePolicy;
  /** Digest of (user, password) -> the stored hash it was verified against; oldest evicted first. */
  private readonly verified = new Map<string, string>();
  private readonly failures: FailureCounts;
  /** Verifications under way (waiting or hashing) per user name. */
  private readonly attempting = new Map<string, number>();
  /** Identical credentials already being verified share that verification. */
  private readonly inFlight = new Map<string, Promise<StoredCredentials | undefined>>();
  private readonly lanes: KeyedLanes;
  private readonly hashing: PrioritySemaphore;
  private readonly waits = new Waits();

  constructor(
    private readonly load: CredentialLoader,
    policy: Partial<ThrottlePolicy> = {},
  ) {
    this.policy = { ...DEFAULT_THROTTLE, ...policy };
    this.failures = new FailureCounts(this.policy.windowMs);
    this.lanes = new KeyedLanes(this.policy.maxWaitingPerClient);
    this.hashing = new PrioritySemaphore(this.policy.maxHashing);
  }

  async authenticate(header: string | undefined, client: string): Promise<Principal> {
    const creds = parseBasicAuth(header);
    if (!creds) throw this.reject(ProtocolErrors.unauthenticated);
    const key = createHash('sha256')
      .update(creds.username)
      .update('\0')
      .update(creds.password)
      .digest('base64');
    const remembered = this.verified.get(key);
    if (remembered !== undefined) {
      const stored = await this.load(creds.username);
      if (stored?.passwordHash === remembered) return stored.principal;
      this.verified.delete(key); // the password changed since
    }
    let verification = this.inFlight.get(key);
    if (!verification) {
      const queued = this.lanes.run(clientKey(client), () => this.verify(creds, client, key));
      if (!queued) throw this.tooManyAttempts();
      verification = queued.finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, verification);
    }
    const stored = await verification;
    if (!stored) throw this.reject(ProtocolErrors.badCredentials);
    return stored.principal;
  }

  /** Ends every wait at once (answered 503), so shutdown is not held up by throttled clients. */
  close(): void {
    this.waits.close();
  }

  /**
   * Runs in the client's lane: waits out the throttle, looks the user up, then hashes within the
   * global bound. Returns the stored credentials when the password is right.
   */
  private async verify(
    creds: { username: string; password: string },
    client: string,
    key: string,
  ): Promise<StoredCredentials | undefined> {
    const user = userKey(creds.username);
    const address = clientKey(client);
    const ahead = this.attempting.get(user) ?? 0;
    this.attempting.set(user, ahead + 1);
    try {
      const userFailures = this.failures.count(user);
      const addressFailures = this.failures.count(address);
      const delay = Math.max(
        delayAfter(addressFailures, this.policy),
        delayAfter(userFailures + ahead, this.policy),
      );
      if (delay > 0 && !(await this.waits.sleep(delay))) throw ApiError.of(ProtocolErrors.shuttingDown);
      if (this.waits.isClosed) throw ApiError.of(ProtocolErrors.shuttingDown);
      const stored = await this.load(creds.username);
      const ok = await this.hashing.run(
        async () => verifyPassword(creds.password, stored?.passwordHash ?? (await decoyHash())),
        userFailures === 0 && addressFailures === 0,
      );
      if (!stored || !ok) {
        this.failures.add(user);
        this.failures.add(address);
        return undefined;
      }
      this.failures.clear(user);
      this.verified.set(key, stored.passwordHash);
      if (this.verified.size > MAX_REMEMBERED)
        this.verified.delete(this.verified.keys().next().value as string);
      return stored;
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

const MAX_REMEMBERED = 10_000;
const userKey = (username: string) => `user:${username.toLowerCase()}`;
const clientKey = (address: string) => `addr:${address}`;
