import type { Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { AccountsTable } from '../../platform/db/tables.js';
import type { Address } from '../../shared/address.js';

export interface Product {
  readonly name: string;
  readonly features: readonly string[];
}

export interface Contact {
  readonly firstName: string;
  readonly lastName: string;
  readonly phone: string;
  readonly email: string;
}

export interface Account {
  readonly id: string;
  readonly companyName: string;
  readonly accountType: string;
  readonly nenaId: string | undefined;
  readonly tiers: readonly string[];
  readonly address: Address | undefined;
  readonly contact: Contact | undefined;
  readonly reservationAllowed: boolean;
  readonly lnpEnabled: boolean;
  readonly altSpid: string | undefined;
  readonly spid: string | undefined;
  readonly portCarrierType: string | undefined;
  readonly globalAccountNumber: string | undefined;
  readonly associatedCatapultAccount: string | undefined;
  readonly products: readonly Product[];
  readonly createdAt: string;
}

function toAccount(row: Selectable<AccountsTable>): Account {
  return {
    id: row.id,
    companyName: row.company_name,
    accountType: row.account_type,
    nenaId: row.nena_id ?? undefined,
    tiers: JSON.parse(row.tiers) as string[],
    address: row.address ? (JSON.parse(row.address) as Address) : undefined,
    contact: row.contact ? (JSON.parse(row.contact) as Contact) : undefined,
    reservationAllowed: row.reservation_allowed === 1,
    lnpEnabled: row.lnp_enabled === 1,
    altSpid: row.alt_spid ?? undefined,
    spid: row.spid ?? undefined,
    portCarrierType: row.port_carrier_type ?? undefined,
    globalAccountNumber: row.global_account_number ?? undefined,
    associatedCatapultAccount: row.associated_catapult_account ?? undefined,
    products: JSON.parse(row.products) as Product[],
    createdAt: row.created_at,
  };
}

export async function findAccount(db: Executor, id: string): Promise<Account | undefined> {
  const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAccount(row) : undefined;
}

export async function listAccounts(db: Executor): Promise<Account[]> {
  const rows = await db.selectFrom('accounts').selectAll().orderBy('id').execute();
  return rows.map(toAccount);
}

/** What Bandwidth would set by ticket: where port-out validation calls go, and the port-out PIN. */
export interface PortOutSettingsRow {
  readonly validationUrl: string | undefined;
  readonly validationUser: string | undefined;
  /** Sealed. */
  readonly validationPassword: string | undefined;
  readonly pinHash: string | undefined;
}

export async function findPortOutSettings(db: Executor, id: string): Promise<PortOutSettingsRow | undefined> {
  const row = await db
    .selectFrom('accounts')
    .select([
      'portout_validation_url',
      'portout_validation_user',
      'portout_validation_password',
      'portout_pin_hash',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    row && {
      validationUrl: row.portout_validation_url ?? undefined,
      validationUser: row.portout_validation_user ?? undefined,
      validationPassword: row.portout_validation_password ?? undefined,
      pinHash: row.portout_pin_hash ?? undefined,
    }
  );
}

/** The columns an operator may change (`bwdash account update`); undefined keeps, null clears. */
export type AccountChanges = Partial<
  Pick<
    Updateable<AccountsTable>,
    | 'company_name'
    | 'products'
    | 'spid'
    | 'alt_spid'
    | 'portout_validation_url'
    | 'portout_validation_user'
    | 'portout_validation_password'
    | 'portout_pin_hash'
  >
>;

export async function updateAccountRow(
  db: Executor,
  id: string,
  changes: AccountChanges,
  at: string,
): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ ...changes, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function insertAccount(db: Executor, a: Account): Promise<void> {
  await db
    .insertInto('accounts')
    .values({
      id: a.id,
      company_name: a.companyName,
      account_type: a.accountType,
      nena_id: a.nenaId ?? null,
      tiers: JSON.stringify(a.tiers),
      address: a.address ? JSON.stringify(a.address) : null,
      contact: a.contact ? JSON.stringify(a.contact) : null,
      reservation_allowed: a.reservationAllowed ? 1 : 0,
      lnp_enabled: a.lnpEnabled ? 1 : 0,
      alt_spid: a.altSpid ?? null,
      spid: a.spid ?? null,
      port_carrier_type: a.portCarrierType ?? null,
      global_account_number: a.globalAccountNumber ?? null,
      associated_catapult_account: a.associatedCatapultAccount ?? null,
      products: JSON.stringify(a.products),
      created_at: a.createdAt,
      updated_at: a.createdAt,
    })
    .execute();
}
