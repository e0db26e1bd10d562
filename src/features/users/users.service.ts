import type { AppDeps } from '../../context.js';
import { ApiError } from '../../platform/http/api-error.js';
import type { CredentialLoader, Principal } from '../../platform/http/auth.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { hashPassword } from '../../platform/security/password.js';
import { ALL_ROLES, isRoleName, PERMISSIONS } from '../../shared/roles.js';
import { findAccountOf as findAccount } from '../accounts/index.js';
import {
  findCredentials,
  findUser,
  grantAccount,
  insertUser,
  revokeAccount,
  setRole,
  updatePasswordHash,
  usernamesOfAccount,
  type UserProfile,
  type UserRecord,
  type UserRole,
} from './users.store.js';
import { UserErrors } from './users.errors.js';

const USERNAME = /^[A-Za-z0-9@._-]{1,100}$/;

export const FULL_ACCESS: readonly UserRole[] = ALL_ROLES.map((role) => ({
  role,
  permissions: [...PERMISSIONS],
}));

export interface NewUser extends Partial<Omit<UserProfile, 'username'>> {
  readonly username: string;
  readonly password: string;
  readonly accounts: readonly string[];
  readonly roles?: readonly UserRole[] | undefined;
}

function checkRoles(roles: readonly UserRole[]): void {
  for (const r of roles) {
    if (!isRoleName(r.role)) throw new Error(`unknown role '${r.role}' (known: ${ALL_ROLES.join(', ')})`);
    for (const p of r.permissions) {
      if (!(PERMISSIONS as readonly string[]).includes(p))
        throw new Error(`unknown permission '${p}' (VIEW, UPDATE)`);
    }
  }
}

async function checkAccountsExist(deps: AppDeps, accounts: readonly string[]): Promise<void> {
  for (const id of accounts) {
    if (!(await findAccount(deps.database.db, id))) throw new Error(`account ${id} does not exist`);
  }
}

/** Creates a user with a hashed password, granted accounts and roles (admin CLI and demo set-up). */
export async function createUser(deps: AppDeps, input: NewUser): Promise<UserRecord> {
  if (!USERNAME.test(input.username)) {
    throw new Error("user names may contain letters, digits, '@', '.', '_' and '-' (up to 100)");
  }
  if (!input.password) throw new Error('a password is required');
  if (await findUser(deps.database.db, input.username))
    throw new Error(`user ${input.username} already exists`);
  const roles = input.roles ?? FULL_ACCESS;
  checkRoles(roles);
  await checkAccountsExist(deps, input.accounts);
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now().toISOString();
  await inTransaction(deps.database.db, async ({ db }) => {
    await insertUser(
      db,
      {
        username: input.username,
        passwordHash,
        firstName: input.firstName,
        lastName: input.lastName,
        email: input.email,
        telephoneNumber: input.telephoneNumber,
      },
      now,
    );
    for (const accountId of input.accounts) await grantAccount(db, input.username, accountId);
    for (const role of roles) await setRole(db, input.username, role);
  });
  return requireUser(deps, input.username);
}

async function requireUser(deps: AppDeps, username: string): Promise<UserRecord> {
  const user = await findUser(deps.database.db, username);
  if (!user) throw ApiError.of(UserErrors.userNotFound, username);
  return user;
}

/** Grants (or with `revoke`, removes) accounts and sets roles on an existing user. */
export async function grantUser(
  deps: AppDeps,
  username: string,
  change: { accounts?: readonly string[]; revoke?: readonly string[]; roles?: readonly UserRole[] },
): Promise<UserRecord> {
  await requireUser(deps, username);
  checkRoles(change.roles ?? []);
  await checkAccountsExist(deps, change.accounts ?? []);
  await inTransaction(deps.database.db, async ({ db }) => {
    for (const id of change.accounts ?? []) await grantAccount(db, username, id);
    for (const id of change.revoke ?? []) await revokeAccount(db, username, id);
    for (const role of change.roles ?? []) await setRole(db, username, role);
  });
  return requireUser(deps, username);
}

/** An operator's reset: no rules beyond non-empty. */
export async function resetPassword(deps: AppDeps, username: string, password: string): Promise<void> {
  await requireUser(deps, username);
  if (!password) throw new Error('a password is required');
  await updatePasswordHash(
    deps.database.db,
    username,
    await hashPassword(password),
    deps.clock.now().toISOString(),
  );
}

/**
 * PUT /users/{userid}/password: the caller has just authenticated with the current password
 * (the seed's rule), and may change only their own. 6 to 20 printable characters.
 */
export async function changeOwnPassword(
  deps: AppDeps,
  principal: Principal,
  userid: string,
  password: string,
): Promise<void> {
  if (userid !== principal.username) throw ApiError.of(UserErrors.passwordNotOwn, userid, principal.username);
  if (password === '') throw ApiError.of(UserErrors.passwordRequired);
  if (password.length < 6) throw ApiError.of(UserErrors.passwordTooShort, 6);
  if (password.length > 20) throw ApiError.of(UserErrors.passwordTooLong, 20);
  if (!/^[\x21-\x7E]+$/.test(password)) throw ApiError.of(UserErrors.passwordCharacters);
  await updatePasswordHash(
    deps.database.db,
    userid,
    await hashPassword(password),
    deps.clock.now().toISOString(),
  );
}

export async function listAccountUsers(deps: AppDeps, accountId: string): Promise<UserRecord[]> {
  const names = await usernamesOfAccount(deps.database.db, accountId);
  const users = await Promise.all(names.map((n) => findUser(deps.database.db, n)));
  return users.filter((u): u is UserRecord => u !== undefined);
}

/** GET /users (the official client's User.list): the users of every account granted to the caller. */
export async function listVisibleUsers(deps: AppDeps, principal: Principal): Promise<UserRecord[]> {
  const seen = new Map<string, UserRecord>();
  for (const accountId of [...principal.accounts].sort()) {
    for (const user of await listAccountUsers(deps, accountId)) seen.set(user.username, user);
  }
  return [...seen.values()].sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
}

/**
 * A user as seen by `principal`: themselves, or someone sharing one of their accounts; only the
 * accounts both can see are listed. Anyone else does not exist for the caller.
 */
export async function getVisibleUser(
  deps: AppDeps,
  principal: Principal,
  userid: string,
): Promise<{ user: UserRecord; accounts: { id: string; companyName: string }[] }> {
  const user = await findUser(deps.database.db, userid);
  const shared = user ? user.accounts.filter((a) => principal.accounts.has(a)) : [];
  if (!user || (user.username !== principal.username && shared.length === 0)) {
    throw ApiError.of(UserErrors.userNotFound, userid);
  }
  const accounts = [];
  for (const id of shared) {
    const account = await findAccount(deps.database.db, id);
    if (account) accounts.push({ id, companyName: account.companyName });
  }
  return { user, accounts };
}

/**
 * For the authenticator: the stored hash and what the user may do. One small query per request:
 * the user's accounts and roles are kept per process and reloaded whenever the user's version
 * (bumped by every password or grant change, from any process) moves.
 */
export function credentialLoader(deps: AppDeps): CredentialLoader {
  const principals = new Map<string, { version: number; principal: Principal }>();
  return async (username) => {
    const db = deps.database.db;
    const creds = await findCredentials(db, username);
    if (!creds) {
      principals.delete(username);
      return undefined;
    }
    const cached = principals.get(username);
    if (cached?.version === creds.version)
      return { passwordHash: creds.passwordHash, principal: cached.principal };
    const user = await findUser(db, username);
    if (!user) return undefined;
    const principal: Principal = {
      username: user.username,
      accounts: new Set(user.accounts),
      roles: new Map(user.roles.map((r) => [r.role, new Set(r.permissions)])),
    };
    if (principals.size > 10_000) principals.clear();
    principals.set(username, { version: creds.version, principal });
    return { passwordHash: creds.passwordHash, principal };
  };
}
