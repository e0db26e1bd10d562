// Migrations keep their own SQL: each is a fixed step of the schema's history.
import type { AnyDb, MigrationFactory } from './types.js';

/**
 * New-number orders kept their order type and its criteria in Bandwidth's element names
 * (`AreaCodeSearchAndOrderType`, `{ AreaCode, Quantity }`); they are now kept in our own names
 * (`areaCode`, `{ areaCode, quantity }`) and mapped to the wire only at the edge. This rewrites the
 * stored details of existing orders; the mapping is copied here so the migration never changes.
 */
const ORDER_TYPES: Readonly<Record<string, string>> = {
  ExistingTelephoneNumberOrderType: 'existing',
  AreaCodeSearchAndOrderType: 'areaCode',
  RateCenterSearchAndOrderType: 'rateCenter',
  NPANXXSearchAndOrderType: 'npaNxx',
  TollFreeVanitySearchAndOrderType: 'tollFreeVanity',
  TollFreeWildCharSearchAndOrderType: 'tollFreeWildChar',
  StateSearchAndOrderType: 'state',
  CitySearchAndOrderType: 'city',
  ZIPSearchAndOrderType: 'zip',
  LATASearchAndOrderType: 'lata',
  CombinedSearchAndOrderType: 'combined',
};

const CRITERIA: Readonly<Record<string, string>> = {
  TelephoneNumberList: 'telephoneNumbers',
  ReservationIdList: 'reservationIds',
  AreaCode: 'areaCode',
  RateCenter: 'rateCenter',
  State: 'state',
  NpaNxx: 'npaNxx',
  NpaNxxX: 'npaNxxX',
  EnableTNDetail: 'enableTnDetail',
  EnableLCA: 'enableLca',
  Quantity: 'quantity',
  TollFreeVanity: 'tollFreeVanity',
  TollFreeWildCardPattern: 'tollFreeWildCardPattern',
  Lata: 'lata',
  City: 'city',
  Zip: 'zip',
  LocalVanity: 'localVanity',
  EndsIn: 'endsIn',
};

function rename(details: Record<string, unknown>): Record<string, unknown> | undefined {
  const type = typeof details.orderType === 'string' ? ORDER_TYPES[details.orderType] : undefined;
  if (type === undefined) return undefined; // already in our names
  const criteria: Record<string, unknown> = {};
  for (const [key, value] of Object.entries((details.criteria ?? {}) as Record<string, unknown>)) {
    const name = CRITERIA[key];
    if (name !== undefined && value !== undefined && value !== null) criteria[name] = value;
  }
  return { ...details, orderType: type, criteria };
}

export const orderDetailsNames: MigrationFactory = () => ({
  async up(db: AnyDb) {
    const rows = (await db
      .selectFrom('orders')
      .select(['id', 'details'])
      .where('kind', '=', 'new_number')
      .execute()) as { id: string; details: string }[];
    for (const row of rows) {
      const renamed = rename(JSON.parse(row.details) as Record<string, unknown>);
      if (renamed) {
        await db
          .updateTable('orders')
          .set({ details: JSON.stringify(renamed) })
          .where('id', '=', row.id)
          .execute();
      }
    }
  },
});
