import type { AppDeps } from '../../context.js';
import { ApiError } from '../../platform/http/api-error.js';
import type { Address } from '../../shared/address.js';
import type { Executor } from '../../platform/db/database.js';
import { hashPassword, verifyPassword } from '../../platform/security/password.js';
import {
  findAccount,
  findPortOutSettings,
  insertAccount,
  listAccounts,
  updateAccountRow,
  type Account,
  type AccountChanges,
  type Contact,
  type Product,
} from './accounts.store.js';
import { AccountErrors } from './accounts.errors.js';

/** What a new account gets unless told otherwise: a wholesale account with the usual products. */
export const DEFAULT_PRODUCTS: readonly Product[] = [
  { name: 'Origination', features: ['CallForwarding', 'DlDa', 'CNAM', 'LIDB'] },
  { name: 'Termination', features: [] },
  { name: 'TollFree', features: [] },
  { name: 'VirtualInventory', features: [] },
  { name: 'SMS', features: [] },
  { name: 'E911', features: [] },
];

export const KNOWN_PRODUCTS = [
  'Origination',
  'Termination',
  'TollFree',
  'VirtualInventory',
  'SMS',
  'MESSAGING',
  'E911',
  'UcTrunking',
] as const;

export interface NewAccount extends PortingSettings {
  readonly id?: string | undefined;
  readonly companyName: string;
  readonly accountType?: string | undefined;
  readonly products?: readonly Product[] | undefined;
  readonly address?: Address | undefined;
  readonly contact?: Contact | undefined;
  readonly tiers?: readonly string[] | undefined;
}

/**
 * An account's porting settings, set by an operator (Bandwidth sets them by ticket): its SPID (a
 * carrier account files LSR orders under it), the endpoint asked to validate port-outs of its
 * numbers, and an account-wide port-out PIN used when it has no endpoint. Undefined keeps a
 * setting, null (or an empty string) clears it.
 */
export interface PortingSettings {
  readonly spid?: string | null | undefined;
  readonly portOutValidationUrl?: string | null | undefined;
  readonly portOutValidationUser?: string | null | undefined;
  readonly portOutValidationPassword?: string | null | undefined;
  readonly portOutPin?: string | null | undefined;
}

export interface AccountUpdate extends PortingSettings {
  readonly companyName?: string | undefined;
  readonly products?: readonly Product[] | undefined;
}

/** What the port-out validation of an account's numbers uses, secrets opened. Never leaves the server. */
export interface PortOutValidation {
  readonly url: string | undefined;
  readonly username: string | undefined;
  readonly password: string | undefined;
  /** Whether an account-wide port-out PIN is set. */
  readonly hasPin: boolean;
}

const blank = (v: string | null | undefined) => (v === null || v?.trim() === '' ? null : v?.trim());

function checkProducts(products: readonly Product[] | undefined): void {
  for (const p of products ?? []) {
    if (!(KNOWN_PRODUCTS as readonly string[]).includes(p.name)) {
      throw new Error(`unknown product '${p.name}' (known: ${KNOWN_PRODUCTS.join(', ')})`);
    }
  }
}

/** The porting columns of `settings`, checked: a 4-character SPID, an http(s) URL, a PIN of up to 10. */
async function portingChanges(deps: AppDeps, settings: PortingSettings): Promise<AccountChanges> {
  const out: AccountChanges = {};
  const spid = blank(settings.spid);
  if (spid !== undefined) {
    if (spid !== null && !/^[A-Za-z0-9]{4}$/.test(spid))
      throw new Error(`SPID must be 4 letters or digits, got '${spid}'`);
    out.spid = spid?.toUpperCase() ?? null;
  }
  const url = blank(settings.portOutValidationUrl);
  if (url !== undefined) {
    if (url !== null && !/^https?:\/\/[^\s]+$/i.test(url))
      throw new Error(`the port-out validation URL must be http(s), got '${url}'`);
    if (url !== null) new URL(url);
    out.portout_validation_url = url;
  }
  const user = blank(settings.portOutValidationUser);
  if (user !== undefined) out.portout_validation_user = user;
  const password = blank(settings.portOutValidationPassword);
  if (password !== undefined)
    out.portout_validation_password = password === null ? null : deps.secrets.seal(password);
  const pin = blank(settings.portOutPin);
  if (pin !== undefined) {
    if (pin !== null && !/^[A-Za-z0-9]{1,10}$/.test(pin))
      throw new Error('the port-out PIN must be 1 to 10 letters or digits');
    out.portout_pin_hash = pin === null ? null : await hashPassword(pin);
  }
  return out;
}

/** Changes an account's name, products and porting settings (`bwdash account update`). */
export async function updateAccount(deps: AppDeps, id: string, update: AccountUpdate): Promise<Account> {
  if (!(await findAccount(deps.database.db, id))) throw new Error(`no account ${id}`);
  checkProducts(update.products);
  const name = update.companyName?.trim();
  if (name === '') throw new Error('the company name cannot be empty');
  const changes: AccountChanges = {
    ...(name === undefined ? {} : { company_name: name }),
    ...(update.products === undefined ? {} : { products: JSON.stringify(update.products) }),
    ...(await portingChanges(deps, update)),
  };
  await updateAccountRow(deps.database.db, id, changes, deps.clock.now().toISOString());
  return getAccount(deps, id);
}

/** Where port-outs of the account's numbers are validated (read through `db`, a transaction's if any). */
export async function portOutValidationOf(
  deps: AppDeps,
  db: Executor,
  accountId: string,
): Promise<PortOutValidation> {
  const s = await findPortOutSettings(db, accountId);
  return {
    url: s?.validationUrl,
    username: s?.validationUser,
    password: s?.validationPassword ? deps.secrets.open(s.validationPassword) : undefined,
    hasPin: s?.pinHash !== undefined,
  };
}

/** Whether `pin` is the account's port-out PIN (false when it has none). */
export async function portOutPinMatches(db: Executor, accountId: string, pin: string): Promise<boolean> {
  const s = await findPortOutSettings(db, accountId);
  return s?.pinHash !== undefined && (await verifyPassword(pin, s.pinHash));
}

export function hasProduct(account: Account, name: string): boolean {
  return account.products.some((p) => p.name.toLowerCase() === name.toLowerCase());
}

export async function getAccount(deps: AppDeps, id: string): Promise<Account> {
  const account = await findAccount(deps.database.db, id);
  if (!account) throw ApiError.of(AccountErrors.accountNotFound, id);
  return account;
}

export function allAccounts(deps: AppDeps): Promise<Account[]> {
  return listAccounts(deps.database.db);
}

async function nextAccountId(deps: AppDeps): Promise<string> {
  const ids = (await listAccounts(deps.database.db)).map((a) => Number(a.id)).filter(Number.isFinite);
  return String(Math.max(9900000, ...ids) + 1);
}

/** Creates an account (admin CLI and demo set-up: the API has no call for it). */
export async function createAccount(deps: AppDeps, input: NewAccount): Promise<Account> {
  const id = input.id ?? (await nextAccountId(deps));
  if (!/^\d{1,10}$/.test(id)) throw new Error(`account id must be numeric (up to 10 digits), got '${id}'`);
  if (await findAccount(deps.database.db, id)) throw new Error(`account ${id} already exists`);
  checkProducts(input.products);
  const porting = await portingChanges(deps, input);
  const account: Account = {
    id,
    companyName: input.companyName,
    accountType: input.accountType ?? 'Business',
    nenaId: undefined,
    tiers: input.tiers ?? ['0'],
    address: input.address,
    contact: input.contact,
    reservationAllowed: true,
    lnpEnabled: true,
    altSpid: undefined,
    spid: undefined,
    portCarrierType: 'WIRELINE',
    globalAccountNumber: `BW-${id.padStart(7, '0').slice(-7)}`,
    associatedCatapultAccount: undefined,
    products: input.products ?? DEFAULT_PRODUCTS,
    createdAt: deps.clock.now().toISOString(),
  };
  await insertAccount(deps.database.db, account);
  if (Object.keys(porting).length > 0)
    await updateAccountRow(deps.database.db, id, porting, account.createdAt);
  return getAccount(deps, id);
}
