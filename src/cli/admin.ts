import type { Command } from 'commander';
import { createDeps, prepareDatabase } from '../app.js';
import { describeConfig, loadConfig } from '../config.js';
import type { AppDeps } from '../context.js';
import {
  allAccounts,
  createAccount,
  DEFAULT_PRODUCTS,
  updateAccount,
  type PortingSettings,
  type Product,
} from '../features/accounts/index.js';
import {
  createUser,
  FULL_ACCESS,
  grantUser,
  resetPassword,
  findUser,
  listUsernames,
  type UserRecord,
  type UserRole,
} from '../features/users/index.js';
import { parseDuration } from '../platform/clock.js';
import { readManualTime, storeManualTime } from '../platform/clock.store.js';
import { PERMISSIONS } from '../shared/roles.js';
import { registerBillingCommands } from './billing.js';
import { registerInventoryCommands } from './inventory.js';
import { registerNotificationCommands } from './notifications.js';
import { registerPortCommands } from './port.js';
import { registerPortOutCommands } from './portout.js';

/** Runs `fn` with the same database and clock the server would use, then closes the database. */
async function withDeps<T>(fn: (deps: AppDeps) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await prepareDatabase(config);
  try {
    return await fn(await createDeps(config, database));
  } finally {
    await database.close();
  }
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `all`, or `ROLE_A:VIEW+UPDATE,ROLE_B:VIEW` (permissions default to both). */
export function parseRoles(spec: string | undefined): UserRole[] | undefined {
  if (spec === undefined) return undefined;
  if (spec.trim().toLowerCase() === 'all') return [...FULL_ACCESS];
  return list(spec).map((item) => {
    const [role = '', perms] = item.split(':');
    return {
      role: role.toUpperCase(),
      permissions: perms ? perms.toUpperCase().split('+') : [...PERMISSIONS],
    };
  });
}

/** `Origination:CallForwarding+CNAM,Termination`. */
export function parseProducts(spec: string | undefined): Product[] | undefined {
  if (spec === undefined) return undefined;
  return list(spec).map((item) => {
    const [name = '', features] = item.split(':');
    return { name, features: features ? features.split('+') : [] };
  });
}

interface PortingOptions {
  spid?: string;
  portoutValidationUrl?: string;
  portoutValidationUser?: string;
  portoutValidationPassword?: string;
  portoutPin?: string;
}

function showUser(u: UserRecord): string {
  const roles = u.roles.map((r) => `${r.role}:${r.permissions.join('+')}`).join(', ');
  return `${u.username}  accounts: ${u.accounts.join(', ') || '(none)'}\n  roles: ${roles || '(none)'}`;
}

export function registerAdminCommands(program: Command): void {
  const account = program
    .command('account')
    .description('manage accounts (the API has no call to create one)');
  const withPorting = (cmd: Command): Command =>
    cmd
      .option('--spid <spid>', "the account's 4-character SPID (a carrier account files LSR orders under it)")
      .option(
        '--portout-validation-url <url>',
        'endpoint asked to validate port-outs of its numbers ("" clears)',
      )
      .option('--portout-validation-user <user>', 'Basic user name for that endpoint')
      .option('--portout-validation-password <password>', 'Basic password for that endpoint')
      .option(
        '--portout-pin <pin>',
        'account-wide port-out PIN, used when no validation URL is set ("" clears)',
      );
  const portingOf = (o: PortingOptions): PortingSettings => ({
    spid: o.spid,
    portOutValidationUrl: o.portoutValidationUrl,
    portOutValidationUser: o.portoutValidationUser,
    portOutValidationPassword: o.portoutValidationPassword,
    portOutPin: o.portoutPin,
  });
  withPorting(
    account
      .command('create')
      .description('create an account')
      .requiredOption('--name <company>', 'company name')
      .option('--id <accountId>', 'numeric account id (default: next free after 9900000)')
      .option('--type <type>', 'account type', 'Business')
      .option(
        '--products <list>',
        `products, e.g. "Origination:CNAM+DlDa,Termination" (default: ${DEFAULT_PRODUCTS.map((p) => p.name).join(', ')})`,
      ),
  ).action(async (o: PortingOptions & { name: string; id?: string; type: string; products?: string }) => {
    const created = await withDeps((deps) =>
      createAccount(deps, {
        id: o.id,
        companyName: o.name,
        accountType: o.type,
        products: parseProducts(o.products),
        ...portingOf(o),
      }),
    );
    console.log(`account ${created.id} created (${created.companyName})`);
  });
  withPorting(
    account
      .command('update <accountId>')
      .description("change an account's name, products and porting settings")
      .option('--name <company>', 'company name')
      .option('--products <list>', 'products, e.g. "Origination:CNAM+DlDa,Termination"'),
  ).action(async (id: string, o: PortingOptions & { name?: string; products?: string }) => {
    const updated = await withDeps((deps) =>
      updateAccount(deps, id, { companyName: o.name, products: parseProducts(o.products), ...portingOf(o) }),
    );
    console.log(`account ${updated.id} updated (${updated.companyName}, SPID ${updated.spid ?? 'none'})`);
  });
  account
    .command('list')
    .description('list accounts')
    .action(async () => {
      const accounts = await withDeps((deps) => allAccounts(deps));
      for (const a of accounts) {
        const spid = a.spid ? `  SPID ${a.spid}` : '';
        console.log(`${a.id}  ${a.companyName}${spid}  [${a.products.map((p) => p.name).join(', ')}]`);
      }
      if (accounts.length === 0) console.log('(no accounts)');
    });

  const user = program.command('user').description('manage users, their accounts and roles');
  user
    .command('create <username>')
    .description('create a user')
    .requiredOption('--password <password>', 'initial password')
    .option('--accounts <ids>', 'accounts the user may use, comma-separated', '')
    .option('--roles <roles>', 'roles: "all" (default) or "ROLE_API_SITE:VIEW+UPDATE,ROLE_API_SEARCH:VIEW"')
    .option('--first-name <name>')
    .option('--last-name <name>')
    .option('--email <email>')
    .option('--phone <tn>')
    .action(async (username: string, o: Record<string, string | undefined>) => {
      const created = await withDeps((deps) =>
        createUser(deps, {
          username,
          password: o.password ?? '',
          accounts: list(o.accounts),
          roles: parseRoles(o.roles),
          firstName: o.firstName,
          lastName: o.lastName,
          email: o.email,
          telephoneNumber: o.phone,
        }),
      );
      console.log(`user created: ${showUser(created)}`);
    });
  user
    .command('grant <username>')
    .description('grant accounts and roles to a user (or --revoke accounts)')
    .option('--accounts <ids>', 'accounts to grant, comma-separated')
    .option('--revoke <ids>', 'accounts to take away, comma-separated')
    .option('--roles <roles>', 'roles to set: "all" or "ROLE_X:VIEW+UPDATE,…"')
    .action(async (username: string, o: { accounts?: string; revoke?: string; roles?: string }) => {
      const updated = await withDeps((deps) =>
        grantUser(deps, username, {
          accounts: list(o.accounts),
          revoke: list(o.revoke),
          roles: parseRoles(o.roles),
        }),
      );
      console.log(showUser(updated));
    });
  user
    .command('password <username>')
    .description("reset a user's password")
    .requiredOption('--password <password>', 'the new password')
    .action(async (username: string, o: { password: string }) => {
      await withDeps((deps) => resetPassword(deps, username, o.password));
      console.log(`password of ${username} reset`);
    });
  user
    .command('list')
    .description('list users with their accounts and roles')
    .action(async () => {
      await withDeps(async (deps) => {
        const names = await listUsernames(deps.database.db);
        for (const name of names) {
          const u = await findUser(deps.database.db, name);
          if (u) console.log(showUser(u));
        }
        if (names.length === 0) console.log('(no users)');
      });
    });

  program
    .command('config')
    .description('show the effective configuration (environment and defaults)')
    .action(() => {
      console.log(JSON.stringify(describeConfig(loadConfig()), null, 2));
    });

  program
    .command('migrate')
    .description('create or upgrade the database and load the reference data, then exit')
    .action(async () => {
      await withDeps(() => Promise.resolve());
      console.log('database is up to date');
    });

  const clock = program.command('clock').description('business time (CLOCK_MODE=manual lets you set it)');
  clock
    .command('show')
    .description('print the current business time')
    .action(async () => {
      const line = await withDeps((deps) =>
        Promise.resolve(`${deps.clock.mode}: ${deps.clock.now().toISOString()}`),
      );
      console.log(line);
    });
  clock
    .command('set <time>')
    .description('set the manual clock to an ISO-8601 time (a running server follows within a moment)')
    .action(async (time: string) => {
      const ms = Date.parse(time);
      if (Number.isNaN(ms)) throw new Error(`not an ISO-8601 time: ${time}`);
      await withDeps(async (deps) => {
        requireManual(deps);
        await storeManualTime(deps.database, ms);
      });
      console.log(`clock set to ${new Date(ms).toISOString()}`);
    });
  clock
    .command('advance <duration>')
    .description('move the manual clock forward, e.g. 90s, 15m, 4h, 2d')
    .action(async (duration: string) => {
      const ms = parseDuration(duration);
      const now = await withDeps(async (deps) => {
        requireManual(deps);
        const next = ((await readManualTime(deps.database)) ?? deps.clock.nowMs()) + ms;
        await storeManualTime(deps.database, next);
        return next;
      });
      console.log(`clock advanced to ${new Date(now).toISOString()}`);
    });

  registerInventoryCommands(program, withDeps);
  registerNotificationCommands(program, withDeps);
  registerPortCommands(program, withDeps);
  registerPortOutCommands(program, withDeps);
  registerBillingCommands(program, withDeps);
}

function requireManual(deps: AppDeps): void {
  if (deps.clock.mode !== 'manual')
    throw new Error('the clock is not manual: start the server with CLOCK_MODE=manual');
}
