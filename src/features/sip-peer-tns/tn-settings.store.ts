import type { Executor } from '../../platform/db/database.js';
import type { PostalAddress } from '../../shared/address.js';

/**
 * Settings of a number in service on its SIP peer (set by PUT …/sippeers/{id}/tns/{tn}): one JSON
 * row per number that has any. They belong to the service, so a disconnect removes them.
 */
export interface TnSettings {
  readonly callForward?: string;
  readonly callingNameDisplay?: boolean;
  readonly numberFormat?: string;
  readonly rpidFormat?: string;
  readonly rewriteUser?: string;
  readonly smsEnabled?: boolean;
  /** TN options' FinalDestinationURI: a 10-digit number or `user@ip[:port]`. */
  readonly finalDestinationUri?: string;
  /** The caller name others see (LIDB), set by a LIDB order. */
  readonly callerName?: CallerName;
  /** The emergency address (and caller name) PSAPs see, set by an E911 order. */
  readonly e911?: EmergencyAddress;
  /** The directory listing, set by a DL/DA order. */
  readonly listing?: DirectoryListing;
}

export interface CallerName {
  readonly subscriberInformation: string;
  readonly useType: 'RESIDENTIAL' | 'BUSINESS';
  readonly visibility: 'PUBLIC' | 'PRIVATE';
}

export interface EmergencyAddress {
  readonly callerName?: string | undefined;
  /** As provisioned (corrected by the geocoder when the order ended ADJUSTED_*). */
  readonly address: PostalAddress;
  /** The status of the E911 order that set it (LastE911OrderOutcome). */
  readonly outcome: string;
}

// A type (not an interface) so that it reads as a record of texts where one is expected.
export type ListingName = {
  readonly firstName?: string | undefined;
  readonly firstName2?: string | undefined;
  readonly lastName?: string | undefined;
  readonly designation?: string | undefined;
  readonly titleOfLineage?: string | undefined;
  readonly titleOfAddress?: string | undefined;
  readonly titleOfAddress2?: string | undefined;
  readonly titleOfLineageName2?: string | undefined;
  readonly titleOfAddressName2?: string | undefined;
  readonly titleOfAddress2Name2?: string | undefined;
  readonly placeListingAs?: string | undefined;
};

export interface DirectoryListing {
  readonly subscriberType: 'RESIDENTIAL' | 'BUSINESS';
  readonly listingType: 'LISTED' | 'NON_LISTED' | 'NON_PUBLISHED';
  readonly listingName?: ListingName | undefined;
  readonly listAddress: boolean;
  readonly address?: PostalAddress | undefined;
}

const CHUNK = 900;

export async function settingsOf(db: Executor, tns: readonly number[]): Promise<Map<number, TnSettings>> {
  const out = new Map<number, TnSettings>();
  for (let i = 0; i < tns.length; i += CHUNK) {
    const rows = await db
      .selectFrom('tn_settings')
      .select(['tn', 'settings'])
      .where('tn', 'in', tns.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.set(r.tn, JSON.parse(r.settings) as TnSettings);
  }
  return out;
}

/** Stores each number's settings (unset ones dropped); a number with none left loses its row. */
export async function saveSettings(
  db: Executor,
  settings: ReadonlyMap<number, TnSettings>,
  now: string,
): Promise<void> {
  const rows = [...settings].map(([tn, s]) => ({ tn, settings: JSON.stringify(s), updated_at: now }));
  const empty = rows.filter((r) => r.settings === '{}').map((r) => r.tn);
  const kept = rows.filter((r) => r.settings !== '{}');
  for (let i = 0; i < empty.length; i += CHUNK) {
    await db
      .deleteFrom('tn_settings')
      .where('tn', 'in', empty.slice(i, i + CHUNK))
      .execute();
  }
  // One statement per chunk: an order of 5,000 numbers is a handful of round trips, not 5,000.
  for (let i = 0; i < kept.length; i += CHUNK / 3) {
    await db
      .insertInto('tn_settings')
      .values(kept.slice(i, i + CHUNK / 3))
      .onConflict((oc) =>
        oc.column('tn').doUpdateSet((eb) => ({
          settings: eb.ref('excluded.settings'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/**
 * Removes the numbers' settings (they leave service: disconnected, ported out, no longer external)
 * and says which features went with them, for the history of the order that removed them
 * ("E911 address on 2, caller name on 1"); undefined when none had any.
 */
export async function removeTnSettings(db: Executor, tns: readonly number[]): Promise<string | undefined> {
  const had = await settingsOf(db, tns);
  for (let i = 0; i < tns.length; i += CHUNK) {
    await db
      .deleteFrom('tn_settings')
      .where('tn', 'in', tns.slice(i, i + CHUNK))
      .execute();
  }
  const count = (has: (s: TnSettings) => boolean) => [...had.values()].filter(has).length;
  const removed = (
    [
      ['E911 address', count((s) => s.e911 !== undefined)],
      ['caller name', count((s) => s.callerName !== undefined)],
      ['directory listing', count((s) => s.listing !== undefined)],
    ] as const
  ).filter(([, n]) => n > 0);
  return removed.length === 0 ? undefined : removed.map(([name, n]) => `${name} on ${n}`).join(', ');
}

/** An order's history note with the features its numbers lost (what removeTnSettings said). */
export const withFeaturesRemoved = (note: string, removed: string | undefined): string =>
  removed === undefined ? note : `${note}; removed with them: ${removed}`;

/** How many of the peer's numbers (in one of `statuses`) have settings that `has` accepts. */
async function countOn(
  db: Executor,
  accountId: string,
  sipPeerId: number,
  statuses: readonly number[],
  has: (s: TnSettings) => boolean,
): Promise<number> {
  const rows = await db
    .selectFrom('tn_settings')
    .innerJoin('telephone_numbers', 'telephone_numbers.tn', 'tn_settings.tn')
    .select('tn_settings.settings as settings')
    .where('telephone_numbers.sip_peer_id', '=', sipPeerId)
    .where('telephone_numbers.account_id', '=', accountId)
    .where('telephone_numbers.status', 'in', [...statuses])
    .execute();
  return rows.filter((r) => has(JSON.parse(r.settings) as TnSettings)).length;
}

/** The peer's numbers that display the calling name (CNAM). */
export const callingNameCountOn = (
  db: Executor,
  accountId: string,
  sipPeerId: number,
  statuses: readonly number[],
) => countOn(db, accountId, sipPeerId, statuses, (s) => s.callingNameDisplay === true);

/** The peer's numbers that have a caller name (LIDB). */
export const callerNameCountOn = (
  db: Executor,
  accountId: string,
  sipPeerId: number,
  statuses: readonly number[],
) => countOn(db, accountId, sipPeerId, statuses, (s) => s.callerName !== undefined);

/** A page of the account's numbers that have settings, in number order from `fromTn` on. */
export async function settingsPageOf(
  db: Executor,
  accountId: string,
  fromTn: number,
  limit: number,
): Promise<{ tn: number; settings: TnSettings }[]> {
  const rows = await db
    .selectFrom('tn_settings')
    .innerJoin('telephone_numbers', 'telephone_numbers.tn', 'tn_settings.tn')
    .select(['tn_settings.tn as tn', 'tn_settings.settings as settings'])
    .where('telephone_numbers.account_id', '=', accountId)
    .where('tn_settings.tn', '>=', fromTn)
    .orderBy('tn_settings.tn')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ tn: r.tn, settings: JSON.parse(r.settings) as TnSettings }));
}
