import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { SipCredentialsTable } from '../../platform/db/tables.js';
import { containsAfterIgnoringCase, containsIgnoringCase } from '../../platform/db/text-match.js';

export interface SipCredential {
  readonly userName: string;
  readonly domain: string | undefined;
  /** `user` or `user@domain`: the id in URLs, unique per account. */
  readonly composite: string;
  readonly hash1: string;
  readonly hash1b: string | undefined;
}

function toCredential(row: Selectable<SipCredentialsTable>): SipCredential {
  return {
    userName: row.user_name,
    domain: row.domain ?? undefined,
    composite: row.composite,
    hash1: row.hash1,
    hash1b: row.hash1b ?? undefined,
  };
}

export async function findCredential(
  db: Executor,
  accountId: string,
  composite: string,
): Promise<SipCredential | undefined> {
  const row = await db
    .selectFrom('sip_credentials')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('composite', '=', composite)
    .executeTakeFirst();
  return row ? toCredential(row) : undefined;
}

export async function existingComposites(
  db: Executor,
  accountId: string,
  composites: readonly string[],
): Promise<Set<string>> {
  if (composites.length === 0) return new Set();
  const rows = await db
    .selectFrom('sip_credentials')
    .select('composite')
    .where('account_id', '=', accountId)
    .where('composite', 'in', composites)
    .execute();
  return new Set(rows.map((r) => r.composite));
}

export async function insertCredentials(
  db: Executor,
  accountId: string,
  list: readonly SipCredential[],
  now: string,
) {
  if (list.length === 0) return;
  await db
    .insertInto('sip_credentials')
    .values(
      list.map((c) => ({
        account_id: accountId,
        user_name: c.userName,
        domain: c.domain ?? null,
        composite: c.composite,
        hash1: c.hash1,
        hash1b: c.hash1b ?? null,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

export async function updateHashes(
  db: Executor,
  accountId: string,
  c: SipCredential,
  now: string,
): Promise<void> {
  await db
    .updateTable('sip_credentials')
    .set({ hash1: c.hash1, hash1b: c.hash1b ?? null, updated_at: now })
    .where('account_id', '=', accountId)
    .where('composite', '=', c.composite)
    .execute();
}

export async function deleteCredential(db: Executor, accountId: string, composite: string): Promise<boolean> {
  const result = await db
    .deleteFrom('sip_credentials')
    .where('account_id', '=', accountId)
    .where('composite', '=', composite)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface CredentialFilter {
  readonly userNameFragment?: string | undefined;
  readonly domainFragment?: string | undefined;
}

export interface CredentialQuery extends CredentialFilter {
  /** Start at this composite name (inclusive) or skip this many. */
  readonly fromComposite?: string | undefined;
  readonly offset?: number | undefined;
  readonly limit: number;
}

/** The account's credentials matching the fragments (case-insensitive). */
function matching(db: Executor, accountId: string, f: CredentialFilter) {
  let query = db.selectFrom('sip_credentials').where('account_id', '=', accountId);
  if (f.userNameFragment) query = query.where(containsIgnoringCase('user_name', f.userNameFragment));
  const domain = f.domainFragment;
  // A pre-aggregated name (`bill@bw.com`, no Domain) has its domain after the '@'.
  if (domain) {
    query = query.where((eb) =>
      eb.or([
        containsIgnoringCase('domain', domain),
        eb.and([eb('domain', 'is', null), containsAfterIgnoringCase('user_name', '@', domain)]),
      ]),
    );
  }
  return query;
}

/** One page in composite-name order, plus one extra row to tell whether a next page exists. */
export async function listCredentials(
  db: Executor,
  accountId: string,
  q: CredentialQuery,
): Promise<SipCredential[]> {
  let query = matching(db, accountId, q).selectAll();
  if (q.fromComposite !== undefined) query = query.where('composite', '>=', q.fromComposite);
  const rows = await query
    .orderBy('composite')
    .limit(q.limit + 1)
    .offset(q.offset ?? 0)
    .execute();
  return rows.map(toCredential);
}

/** How many credentials of the account match; with `before`, only those ordered before that composite name. */
export async function countCredentials(
  db: Executor,
  accountId: string,
  q: CredentialFilter & { readonly before?: string | undefined } = {},
): Promise<number> {
  let query = matching(db, accountId, q);
  if (q.before !== undefined) query = query.where('composite', '<', q.before);
  const row = await query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  // PostgreSQL returns count(*) as a string.
  return Number(row.n);
}
