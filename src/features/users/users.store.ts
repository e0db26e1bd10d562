import type { Executor } from '../../platform/db/database.js';

export interface UserProfile {
  readonly username: string;
  readonly firstName: string | undefined;
  readonly lastName: string | undefined;
  readonly email: string | undefined;
  readonly telephoneNumber: string | undefined;
}

export interface UserRole {
  readonly role: string;
  readonly permissions: readonly string[];
}

export interface UserRecord extends UserProfile {
  readonly passwordHash: string;
  readonly accounts: readonly string[];
  readonly roles: readonly UserRole[];
}

export async function findUser(db: Executor, username: string): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  if (!row) return undefined;
  const [accounts, roles] = await Promise.all([
    db
      .selectFrom('user_accounts')
      .select('account_id')
      .where('username', '=', username)
      .orderBy('account_id')
      .execute(),
    db
      .selectFrom('user_roles')
      .select(['role', 'permissions'])
      .where('username', '=', username)
      .orderBy('role')
      .execute(),
  ]);
  return {
    username: row.username,
    passwordHash: row.password_hash,
    firstName: row.first_name ?? undefined,
    lastName: row.last_name ?? undefined,
    email: row.email ?? undefined,
    telephoneNumber: row.telephone_number ?? undefined,
    accounts: accounts.map((a) => a.account_id),
    roles: roles.map((r) => ({ role: r.role, permissions: r.permissions.split(',').filter(Boolean) })),
  };
}

export async function insertUser(
  db: Executor,
  user: UserProfile & { passwordHash: string },
  now: string,
): Promise<void> {
  await db
    .insertInto('users')
    .values({
      username: user.username,
      password_hash: user.passwordHash,
      first_name: user.firstName ?? null,
      last_name: user.lastName ?? null,
      email: user.email ?? null,
      telephone_number: user.telephoneNumber ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function updatePasswordHash(
  db: Executor,
  username: string,
  hash: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ password_hash: hash, updated_at: now, version: eb('version', '+', 1) }))
    .where('username', '=', username)
    .execute();
}

/** Marks a change to the user's grants, so cached principals are reloaded (see credentialLoader). */
async function bumpVersion(db: Executor, username: string): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('username', '=', username)
    .execute();
}

/** What authentication needs on every request: the hash and the version of the grants. */
export async function findCredentials(
  db: Executor,
  username: string,
): Promise<{ passwordHash: string; version: number } | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['password_hash', 'version'])
    .where('username', '=', username)
    .executeTakeFirst();
  return row ? { passwordHash: row.password_hash, version: row.version } : undefined;
}

export async function grantAccount(db: Executor, username: string, accountId: string): Promise<void> {
  await db
    .insertInto('user_accounts')
    .values({ username, account_id: accountId })
    .onConflict((oc) => oc.columns(['username', 'account_id']).doNothing())
    .execute();
  await bumpVersion(db, username);
}

export async function revokeAccount(db: Executor, username: string, accountId: string): Promise<void> {
  await db
    .deleteFrom('user_accounts')
    .where('username', '=', username)
    .where('account_id', '=', accountId)
    .execute();
  await bumpVersion(db, username);
}

export async function setRole(db: Executor, username: string, role: UserRole): Promise<void> {
  const permissions = role.permissions.join(',');
  await db
    .insertInto('user_roles')
    .values({ username, role: role.role, permissions })
    .onConflict((oc) => oc.columns(['username', 'role']).doUpdateSet({ permissions }))
    .execute();
  await bumpVersion(db, username);
}

export async function usernamesOfAccount(db: Executor, accountId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('user_accounts')
    .select('username')
    .where('account_id', '=', accountId)
    .orderBy('username')
    .execute();
  return rows.map((r) => r.username);
}

export async function listUsernames(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('users').select('username').orderBy('username').execute();
  return rows.map((r) => r.username);
}
