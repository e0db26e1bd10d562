import type { AppDeps } from '../../context.js';
import { inTransaction, lockNamed } from '../../platform/db/transaction.js';
import { ApiError, type ErrorDefinition } from '../../platform/http/api-error.js';
import { text } from '../../shared/fields.js';
import { Locks } from '../../shared/locks.js';
import {
  countCredentials,
  deleteCredential,
  existingComposites,
  findCredential,
  insertCredentials,
  listCredentials,
  updateHashes,
  type SipCredential,
} from './sip-credentials.store.js';
import { CredentialErrors } from './sip-credentials.errors.js';
import { CommonErrors } from '../../shared/errors.js';

/** A credential as sent (each field as text; rejected entries are echoed back as sent). */
export interface CredentialInput {
  readonly userName?: string | undefined;
  readonly domain?: string | undefined;
  readonly hash1?: string | undefined;
  readonly hash1b?: string | undefined;
}

/** Limits from the seed's table: UserName and Domain 32 characters, hashes 64. */
const MAX_NAME = 32;
const MAX_HASH = 64;
export const MAX_CREDENTIALS_PER_REQUEST = 1000;
const NAME_CHARS = /^[A-Za-z0-9._\-!$&*+=~]+$/;

/** One rejected entry of a batch, echoed back with the error. */
export interface RejectedCredential {
  readonly error: ApiError;
  readonly input: CredentialInput;
}

/** Every entry of a batch was rejected: 400 listing them all. */
export class AllCredentialsRejected extends ApiError {
  constructor(readonly rejected: readonly RejectedCredential[]) {
    super(400, 400, 'Please check your input parameters.');
  }
}

function fail(def: ErrorDefinition, ...args: (string | number)[]): never {
  throw ApiError.of(def, ...args);
}

function checkLength(value: string, name: string, max: number): void {
  if (value.length > max) fail(CredentialErrors.credentialTooLong, name, value, max);
}

/** Validates one entry; the composite name is `user@domain`, or the user name alone. */
export function parseCredential(input: CredentialInput): SipCredential {
  const userName = text(input.userName) ?? fail(CommonErrors.required, 'UserName');
  const domain = text(input.domain);
  const hash1 = text(input.hash1) ?? fail(CommonErrors.required, 'Hash1');
  const hash1b = text(input.hash1b);
  checkLength(userName, 'UserName', MAX_NAME);
  // A pre-aggregated name (`bob@example.com`) may carry one '@' when no Domain is given.
  const [local, host, extra] = userName.split('@');
  const aggregated = domain === undefined && host !== undefined && extra === undefined;
  const nameOk = aggregated
    ? NAME_CHARS.test(local ?? '') && NAME_CHARS.test(host)
    : NAME_CHARS.test(userName);
  if (!nameOk) fail(CredentialErrors.credentialUserNameInvalid, userName);
  if (domain !== undefined) {
    checkLength(domain, 'Domain', MAX_NAME);
    if (!NAME_CHARS.test(domain)) fail(CredentialErrors.credentialDomainInvalid, domain);
    // Seed: "If the Domain is not specified the Hash1b is not required" (so with one, it is).
    if (hash1b === undefined) fail(CommonErrors.required, 'Hash1b');
  }
  checkLength(hash1, 'Hash1', MAX_HASH);
  if (hash1b !== undefined) checkLength(hash1b, 'Hash1b', MAX_HASH);
  return { userName, domain, composite: domain ? `${userName}@${domain}` : userName, hash1, hash1b };
}

export interface CreateResult {
  readonly created: readonly SipCredential[];
  readonly rejected: readonly RejectedCredential[];
}

/**
 * Creates a batch: each entry is checked on its own; valid ones are stored (201) and rejected ones
 * listed. If none is valid, nothing is stored and the answer is 400 with every error.
 */
export async function createCredentials(
  deps: AppDeps,
  accountId: string,
  entries: readonly CredentialInput[],
): Promise<CreateResult> {
  if (entries.length === 0) fail(CredentialErrors.credentialListEmpty);
  if (entries.length > MAX_CREDENTIALS_PER_REQUEST)
    fail(CredentialErrors.credentialListTooLong, MAX_CREDENTIALS_PER_REQUEST);
  return inTransaction(deps.database.db, async (tx) => {
    const { db } = tx;
    // Check-then-insert: concurrent batches for one account must not both pass the existence check
    // (PostgreSQL would then fail the second insert on the unique index with a 500).
    await lockNamed(tx, deps.database.dialect, Locks.sipCredentials(accountId));
    const parsed = entries.map((input) => {
      try {
        return { input, credential: parseCredential(input) };
      } catch (err) {
        if (err instanceof ApiError) return { input, error: err };
        throw err;
      }
    });
    const valid = parsed.flatMap((p) => (p.credential ? [p.credential] : []));
    const existing = await existingComposites(
      db,
      accountId,
      valid.map((c) => c.composite),
    );
    const seen = new Set<string>();
    const created: SipCredential[] = [];
    const rejected: RejectedCredential[] = [];
    for (const p of parsed) {
      if (!p.credential) {
        rejected.push({ input: p.input, error: p.error });
      } else if (existing.has(p.credential.composite)) {
        rejected.push({
          input: p.input,
          error: ApiError.of(CredentialErrors.credentialExists, p.credential.composite, accountId),
        });
      } else if (seen.has(p.credential.composite)) {
        rejected.push({
          input: p.input,
          error: ApiError.of(CredentialErrors.credentialDuplicateInList, accountId),
        });
      } else {
        seen.add(p.credential.composite);
        created.push(p.credential);
      }
    }
    if (created.length === 0) throw new AllCredentialsRejected(rejected);
    await insertCredentials(db, accountId, created, deps.clock.now().toISOString());
    return { created, rejected };
  });
}

export async function requireCredential(
  deps: AppDeps,
  accountId: string,
  composite: string,
): Promise<SipCredential> {
  const found = await findCredential(deps.database.db, accountId, composite);
  if (!found) fail(CredentialErrors.credentialNotFound, composite, accountId);
  return found;
}

/** Only the hashes can change; naming another user or domain is refused (23004). */
export async function updateCredential(
  deps: AppDeps,
  accountId: string,
  composite: string,
  body: CredentialInput,
): Promise<SipCredential> {
  const current = await requireCredential(deps, accountId, composite);
  const userName = text(body.userName);
  const domain = text(body.domain);
  if (
    (userName !== undefined && userName !== current.userName) ||
    (domain !== undefined && domain !== current.domain)
  ) {
    fail(CredentialErrors.credentialRenameNotAllowed);
  }
  const hash1 = text(body.hash1) ?? fail(CommonErrors.required, 'Hash1');
  const hash1b = text(body.hash1b) ?? current.hash1b;
  checkLength(hash1, 'Hash1', MAX_HASH);
  if (hash1b !== undefined) checkLength(hash1b, 'Hash1b', MAX_HASH);
  const next = { ...current, hash1, hash1b };
  await updateHashes(deps.database.db, accountId, next, deps.clock.now().toISOString());
  return next;
}

export async function removeCredential(deps: AppDeps, accountId: string, composite: string): Promise<void> {
  if (!(await deleteCredential(deps.database.db, accountId, composite))) {
    fail(CredentialErrors.credentialNotFound, composite, accountId);
  }
}

export interface CredentialPageRequest {
  readonly page?: string | undefined;
  readonly size?: string | undefined;
  readonly userNameFragment?: string | undefined;
  readonly domainFragment?: string | undefined;
}

function fragment(
  value: string | undefined,
  empty: ErrorDefinition,
  short: ErrorDefinition,
  long: ErrorDefinition,
) {
  if (value === undefined) return undefined;
  if (value.trim() === '') fail(empty);
  if (value.length < 3) fail(short);
  if (value.length > 64) fail(long);
  return value;
}

/**
 * GET /sipcredentials: pages of `size` (default 500) in composite-name order. `page` is the 1-based
 * index of the page's first record, or the `user@domain` name it starts at (23012 for anything
 * else, as Bandwidth's catalogue says). The `next` link carries the next record's name when it has
 * an '@', and otherwise that record's index: a bare name is no valid page value, and a numeric one
 * (an extension such as `2001`) would be read as an index and silently skip the rest of the list.
 * 404 23008 when the account has no credentials at all.
 */
export async function listCredentialPage(deps: AppDeps, accountId: string, req: CredentialPageRequest) {
  const size = req.size === undefined ? 500 : Number(req.size);
  if (!Number.isInteger(size) || size < 1 || size > 5000) fail(CredentialErrors.pagingInvalid);
  const page = req.page ?? '1';
  const numeric = /^\d{1,15}$/.test(page);
  if (!numeric && !/^[^@]+@[^@]+$/.test(page)) fail(CredentialErrors.credentialPageInvalid, page);
  if (numeric && Number(page) < 1) fail(CredentialErrors.pagingInvalid);
  const filters = {
    userNameFragment: fragment(
      req.userNameFragment,
      CredentialErrors.userNameFragmentEmpty,
      CredentialErrors.userNameFragmentShort,
      CredentialErrors.userNameFragmentLong,
    ),
    domainFragment: fragment(
      req.domainFragment,
      CredentialErrors.domainFragmentEmpty,
      CredentialErrors.domainFragmentShort,
      CredentialErrors.domainFragmentLong,
    ),
  };
  const query = {
    ...filters,
    limit: size,
    ...(numeric ? { offset: Number(page) - 1 } : { fromComposite: page }),
  };
  const db = deps.database.db;
  if ((await countCredentials(db, accountId)) === 0) fail(CredentialErrors.credentialsNone, accountId);
  const rows = await listCredentials(db, accountId, query);
  const next = rows[size];
  let nextKey: string | undefined;
  if (next?.composite.includes('@')) nextKey = next.composite;
  else if (next) {
    const start = numeric
      ? Number(page) - 1
      : await countCredentials(db, accountId, { ...filters, before: page });
    nextKey = String(start + size + 1);
  }
  return { credentials: rows.slice(0, size), nextKey, size };
}
