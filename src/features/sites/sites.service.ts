import type { AppDeps } from '../../context.js';
import { inTransaction, lockNamed } from '../../platform/db/transaction.js';
import { ApiError } from '../../platform/http/api-error.js';
import { parseAddress, type AddressInput } from '../../shared/address.js';
import { maxLength, oneOf, parseId, text } from '../../shared/fields.js';
import { Locks } from '../../shared/locks.js';
import { hasProduct, getAccount } from '../accounts/index.js';
import {
  countSipPeersOfSite,
  deleteSite as deleteSiteRow,
  findSite,
  insertSite,
  listSites as listSiteRows,
  updateSite as updateSiteRow,
  type Site,
  type SiteFields,
  type UcTrunking,
} from './sites.store.js';
import { SiteErrors } from './sites.errors.js';
import { CommonErrors } from '../../shared/errors.js';

/** A site as POST and PUT give it, in our names (sites.xml.ts decodes it); checked here. */
export interface SiteInput {
  readonly name?: string | undefined;
  readonly description?: string | undefined;
  readonly customerName?: string | undefined;
  readonly customerProvidedId?: string | undefined;
  readonly address?: AddressInput | undefined;
  readonly ucTrunking?:
    { readonly type?: string | undefined; readonly usageCategory?: string | undefined } | undefined;
}

const UC_TYPES = ['Seats', 'Premise', 'Cloud'] as const;
const UC_USAGE = ['UC250', 'UC500', 'UC1000'] as const;

function parseUcTrunking(input: SiteInput['ucTrunking']): UcTrunking | undefined {
  if (!input) return undefined;
  const type = oneOf(text(input.type) ?? '', UC_TYPES);
  if (!type) throw ApiError.of(SiteErrors.ucTypeInvalid);
  const usageText = text(input.usageCategory);
  if (usageText === undefined) return { type };
  const usageCategory = oneOf(usageText, UC_USAGE);
  if (!usageCategory) throw ApiError.of(SiteErrors.ucUsageInvalid);
  if (type !== 'Seats') throw ApiError.of(SiteErrors.ucUsageOnlyForSeats);
  return { type, usageCategory };
}

function parseCustomerProvidedId(value: string | undefined): string | undefined {
  const id = text(value);
  if (id === undefined) return undefined;
  if (!/^\d+$/.test(id)) throw ApiError.of(SiteErrors.customerProvidedIdInvalid, id);
  if (id.length > 10) throw ApiError.of(SiteErrors.customerProvidedIdTooLong, id, 10);
  return id;
}

/** The fields given, validated; absent ones stay undefined (PUT keeps current values). */
function parseSiteInput(input: SiteInput): Partial<SiteFields> {
  const name = text(input.name);
  if (name !== undefined && name.length > 10) throw ApiError.of(SiteErrors.siteNameTooLong, name);
  return {
    name,
    description: maxLength(text(input.description), 255, 'Description'),
    customerName: maxLength(text(input.customerName), 50, 'CustomerName'),
    customerProvidedId: parseCustomerProvidedId(input.customerProvidedId),
    address: input.address ? parseAddress(input.address) : undefined,
    ucTrunking: parseUcTrunking(input.ucTrunking),
  };
}

async function checkUcTrunking(
  deps: AppDeps,
  accountId: string,
  fields: Partial<SiteFields>,
  creating: boolean,
) {
  const uc = hasProduct(await getAccount(deps, accountId), 'UcTrunking');
  if (!uc && fields.ucTrunking) throw ApiError.of(SiteErrors.ucTrunkingNotAllowed);
  if (uc && creating && !fields.ucTrunking) throw ApiError.of(SiteErrors.ucTrunkingRequired);
}

export function parseSiteId(value: string): number {
  return parseId(value, () => ApiError.of(SiteErrors.siteIdInvalid, value));
}

/** The site `siteId` of the account, or 404 12016 (also for another account's site). */
export async function requireSite(deps: AppDeps, accountId: string, siteId: string): Promise<Site> {
  const site = await findSite(deps.database.db, accountId, parseSiteId(siteId));
  if (!site) throw ApiError.of(SiteErrors.siteNotFound, siteId);
  return site;
}

export function listSites(deps: AppDeps, accountId: string): Promise<Site[]> {
  return listSiteRows(deps.database.db, accountId);
}

export async function createSite(deps: AppDeps, accountId: string, input: SiteInput): Promise<Site> {
  const fields = parseSiteInput(input);
  if (!fields.name) throw ApiError.of(SiteErrors.siteNameRequired);
  if (!fields.address) throw ApiError.of(CommonErrors.addressRequired);
  await checkUcTrunking(deps, accountId, fields, true);
  const id = await insertSite(
    deps.database.db,
    accountId,
    { ...fields, name: fields.name },
    deps.clock.now().toISOString(),
  );
  return requireSite(deps, accountId, String(id));
}

/** PUT merges: elements present in the body replace the stored ones, absent ones are kept. */
export async function updateSite(
  deps: AppDeps,
  accountId: string,
  siteId: string,
  input: SiteInput,
): Promise<Site> {
  const current = await requireSite(deps, accountId, siteId);
  const fields = parseSiteInput(input);
  await checkUcTrunking(deps, accountId, fields, false);
  const merged: Site = {
    ...current,
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
  };
  await updateSiteRow(deps.database.db, merged, deps.clock.now().toISOString());
  return merged;
}

/** Refused while SIP peers remain (seed: "sites can only be deleted if there are no SIP Peers"). */
export async function deleteSite(deps: AppDeps, accountId: string, siteId: string): Promise<void> {
  const site = await requireSite(deps, accountId, siteId);
  await inTransaction(deps.database.db, async (tx) => {
    // Serialised with SIP-peer creation, so a peer being added now is counted.
    await lockNamed(tx, deps.database.dialect, Locks.sipPeers);
    if ((await countSipPeersOfSite(tx.db, site.id)) > 0) throw ApiError.of(SiteErrors.siteHasSipPeers);
    await deleteSiteRow(tx.db, accountId, site.id);
  });
}
