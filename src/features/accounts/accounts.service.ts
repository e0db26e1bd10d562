import type { AppDeps } from '../../context.js';
import { ApiError } from '../../platform/http/api-error.js';
import type { Address } from '../../shared/address.js';
import {
  findAccount,
  insertAccount,
  listAccounts,
  type Account,
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

export interface NewAccount {
  readonly id?: string | undefined;
  readonly companyName: string;
  readonly accountType?: string | undefined;
  readonly products?: readonly Product[] | undefined;
  readonly address?: Address | undefined;
  readonly contact?: Contact | undefined;
  readonly tiers?: readonly string[] | undefined;
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
  for (const p of input.products ?? []) {
    if (!(KNOWN_PRODUCTS as readonly string[]).includes(p.name)) {
      throw new Error(`unknown product '${p.name}' (known: ${KNOWN_PRODUCTS.join(', ')})`);
    }
  }
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
  return account;
}
