import { ApiError } from '../platform/http/api-error.js';
import { x, type In, type Out } from '../platform/xml/schema.js';
import { maxLength, oneOf, text } from './fields.js';
import { isStateCode } from './states.js';
import { CommonErrors } from './errors.js';

/** The postal address carried by sites, SIP peers and (later) E911, port-ins and DL/DA. */
export const AddressXml = x.object({
  HouseNumber: x.text(),
  HouseSuffix: x.text(),
  PreDirectional: x.text(),
  StreetName: x.text(),
  StreetSuffix: x.text(),
  PostDirectional: x.text(),
  AddressLine2: x.text(),
  City: x.text(),
  StateCode: x.text(),
  Zip: x.text(),
  PlusFour: x.text(),
  County: x.text(),
  Country: x.text(),
  AddressType: x.text(),
});

export const ADDRESS_TYPES = ['Service', 'Billing'] as const;
export type AddressType = (typeof ADDRESS_TYPES)[number];
const DIRECTIONALS = ['N', 'S', 'E', 'W', 'NE', 'NW', 'SE', 'SW'] as const;
const COUNTRIES: Record<string, string> = { us: 'US', usa: 'US', 'united states': 'United States' };

export interface Address {
  readonly houseNumber: string;
  readonly houseSuffix?: string | undefined;
  readonly preDirectional?: string | undefined;
  readonly streetName: string;
  readonly streetSuffix?: string | undefined;
  readonly postDirectional?: string | undefined;
  readonly addressLine2?: string | undefined;
  readonly city: string;
  readonly stateCode: string;
  readonly zip: string;
  readonly plusFour?: string | undefined;
  readonly county?: string | undefined;
  readonly country: string;
  readonly addressType: AddressType;
}

function directional(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const d = oneOf(value, DIRECTIONALS);
  if (!d) throw ApiError.of(CommonErrors.directionalInvalid);
  return d;
}

/**
 * Validates an address as the seed's SIP-peer table states it: HouseNumber, StreetName, City,
 * StateCode, Zip and AddressType are mandatory; Country defaults to US. A ZIP+4 in `Zip` is split.
 */
export function parseAddress(input: NonNullable<In<typeof AddressXml>>): Address {
  const houseNumber = maxLength(text(input.HouseNumber), 45, 'HouseNumber');
  if (!houseNumber) throw ApiError.of(CommonErrors.houseNumberRequired);
  const streetName = maxLength(text(input.StreetName), 200, 'StreetName');
  if (!streetName) throw ApiError.of(CommonErrors.streetNameRequired);
  const city = maxLength(text(input.City), 100, 'City');
  if (!city) throw ApiError.of(CommonErrors.cityRequired);
  const state = text(input.StateCode);
  if (!state) throw ApiError.of(CommonErrors.stateCodeRequired);
  if (!isStateCode(state)) throw ApiError.of(CommonErrors.stateCodeInvalid, state);

  const zipText = text(input.Zip);
  if (!zipText) throw ApiError.of(CommonErrors.zipRequired);
  const zipMatch = /^(\d{5})(?:-(\d{4}))?$/.exec(zipText);
  if (!zipMatch?.[1]) throw ApiError.of(CommonErrors.zipInvalid, zipText);
  const plusFour = text(input.PlusFour) ?? zipMatch[2];
  if (plusFour !== undefined && !/^\d{4}$/.test(plusFour))
    throw ApiError.of(CommonErrors.plusFourInvalid, plusFour);

  const typeText = text(input.AddressType);
  if (!typeText) throw ApiError.of(CommonErrors.addressTypeRequired);
  const addressType = oneOf(typeText, ADDRESS_TYPES);
  if (!addressType) throw ApiError.of(CommonErrors.addressTypeInvalid);

  const countryText = text(input.Country) ?? 'US';
  const country = COUNTRIES[countryText.toLowerCase()];
  if (!country) throw ApiError.of(CommonErrors.countryInvalid, countryText);

  return {
    houseNumber,
    houseSuffix: maxLength(text(input.HouseSuffix), 45, 'HouseSuffix'),
    preDirectional: directional(text(input.PreDirectional)),
    streetName,
    streetSuffix: maxLength(text(input.StreetSuffix), 45, 'StreetSuffix'),
    postDirectional: directional(text(input.PostDirectional)),
    addressLine2: maxLength(text(input.AddressLine2), 200, 'AddressLine2'),
    city,
    stateCode: state.toUpperCase(),
    zip: zipMatch[1],
    plusFour,
    county: maxLength(text(input.County), 45, 'County'),
    country,
    addressType,
  };
}

/**
 * The wire form. `complete` writes every element (empty ones as `<X/>`), as the account payload
 * does; otherwise only the elements that have a value.
 */
export function addressToXml(a: Address, complete = false): NonNullable<Out<typeof AddressXml>> {
  const v = (s: string | undefined): string | undefined => s ?? (complete ? '' : undefined);
  return {
    HouseNumber: a.houseNumber,
    HouseSuffix: v(a.houseSuffix),
    PreDirectional: v(a.preDirectional),
    StreetName: a.streetName,
    StreetSuffix: v(a.streetSuffix),
    PostDirectional: v(a.postDirectional),
    AddressLine2: v(a.addressLine2),
    City: a.city,
    StateCode: a.stateCode,
    Zip: a.zip,
    PlusFour: v(a.plusFour),
    County: v(a.county),
    Country: a.country,
    AddressType: a.addressType,
  };
}
