import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { SitesTable } from '../../platform/db/tables.js';
import type { Address } from '../../shared/address.js';

export interface UcTrunking {
  readonly type: 'Seats' | 'Premise' | 'Cloud';
  readonly usageCategory?: 'UC250' | 'UC500' | 'UC1000' | undefined;
}

export interface SiteFields {
  readonly name: string;
  readonly description?: string | undefined;
  readonly customerName?: string | undefined;
  readonly customerProvidedId?: string | undefined;
  readonly address?: Address | undefined;
  readonly ucTrunking?: UcTrunking | undefined;
}

export interface Site extends SiteFields {
  readonly id: number;
  readonly accountId: string;
}

function toSite(row: Selectable<SitesTable>): Site {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    description: row.description ?? undefined,
    customerName: row.customer_name ?? undefined,
    customerProvidedId: row.customer_provided_id ?? undefined,
    address: row.address ? (JSON.parse(row.address) as Address) : undefined,
    ucTrunking: row.uc_trunking ? (JSON.parse(row.uc_trunking) as UcTrunking) : undefined,
  };
}

function toColumns(f: SiteFields) {
  return {
    name: f.name,
    description: f.description ?? null,
    customer_name: f.customerName ?? null,
    customer_provided_id: f.customerProvidedId ?? null,
    address: f.address ? JSON.stringify(f.address) : null,
    uc_trunking: f.ucTrunking ? JSON.stringify(f.ucTrunking) : null,
  };
}

export async function insertSite(
  db: Executor,
  accountId: string,
  f: SiteFields,
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('sites')
    .values({ account_id: accountId, ...toColumns(f), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Scoped by account: another account's site id simply does not exist. */
export async function findSite(db: Executor, accountId: string, id: number): Promise<Site | undefined> {
  const row = await db
    .selectFrom('sites')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toSite(row) : undefined;
}

export async function listSites(db: Executor, accountId: string): Promise<Site[]> {
  const rows = await db
    .selectFrom('sites')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('id')
    .execute();
  return rows.map(toSite);
}

export async function updateSite(db: Executor, site: Site, now: string): Promise<void> {
  await db
    .updateTable('sites')
    .set({ ...toColumns(site), updated_at: now })
    .where('id', '=', site.id)
    .where('account_id', '=', site.accountId)
    .execute();
}

export async function deleteSite(db: Executor, accountId: string, id: number): Promise<void> {
  await db.deleteFrom('sites').where('account_id', '=', accountId).where('id', '=', id).execute();
}

export async function countSipPeersOfSite(db: Executor, siteId: number): Promise<number> {
  const row = await db
    .selectFrom('sip_peers')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('site_id', '=', siteId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
