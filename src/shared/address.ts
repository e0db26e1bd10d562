/** The postal address carried by sites, SIP peers, accounts and (later) E911, port-ins and DL/DA: its rules. */
import { ApiError } from '../platform/http/api-error.js';
import { maxLength, oneOf, text } from './fields.js';
import { isStateCode } from './states.js';
import { CommonErrors } from './errors.js';

/** An address as inputs carry it (every element optional, as sent); parseAddress checks it. */
export interface AddressInput {
  readonly houseNumber?: string | undefined;
  readonly houseSuffix?: string | undefined;
  readonly preDirectional?: string | undefined;
  readonly streetName?: string | undefined;
  readonly streetSuffix?: string | undefined;
  readonly postDirectional?: string | undefined;
  readonly addressLine2?: string | undefined;
  readonly city?: string | undefined;
  readonly stateCode?: string | undefined;
  readonly zip?: string | undefined;
  readonly plusFour?: string | undefined;
  readonly county?: string | undefined;
  readonly country?: string | undefined;
  readonly addressType?: string | undefined;
}

export const ADDRESS_TYPES = ['Service', 'Billing'] as const;
export type AddressType = (typeof ADDRESS_TYPES)[number];
export const DIRECTIONALS = ['N', 'S', 'E', 'W', 'NE', 'NW', 'SE', 'SW'] as const;
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

/** An address without a type (E911's and a directory listing's, whose type is implied). */
export type PostalAddress = Omit<Address, 'addressType'>;

/** The address without its AddressType (for addresses whose type the endpoint implies). */
export function withoutAddressType<T extends { readonly addressType?: unknown }>(
  a: T,
): Omit<T, 'addressType'> {
  const copy: { addressType?: unknown } = { ...a };
  delete copy.addressType;
  return copy as Omit<T, 'addressType'>;
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
export function parseAddress(input: AddressInput): Address {
  const postal = parsePostalAddress(input);
  const typeText = text(input.addressType);
  if (!typeText) throw ApiError.of(CommonErrors.addressTypeRequired);
  const addressType = oneOf(typeText, ADDRESS_TYPES);
  if (!addressType) throw ApiError.of(CommonErrors.addressTypeInvalid);
  return { ...postal, addressType };
}

/** The longest each element may be (the same limits parsePostalAddress applies). */
const MAX_LENGTHS: Readonly<Record<Exclude<keyof AddressInput, 'addressType'>, [string, number]>> = {
  houseNumber: ['HouseNumber', 45],
  houseSuffix: ['HouseSuffix', 45],
  preDirectional: ['PreDirectional', 45],
  streetName: ['StreetName', 200],
  streetSuffix: ['StreetSuffix', 45],
  postDirectional: ['PostDirectional', 45],
  addressLine2: ['AddressLine2', 200],
  city: ['City', 100],
  stateCode: ['StateCode', 45],
  zip: ['Zip', 45],
  plusFour: ['PlusFour', 45],
  county: ['County', 45],
  country: ['Country', 45],
};

/** An address kept as sent (E911's, checked later by its geocoder): no element longer than its limit. */
export function checkAddressLengths(input: AddressInput): void {
  for (const [key, [name, max]] of Object.entries(MAX_LENGTHS)) {
    maxLength(text(input[key as keyof typeof MAX_LENGTHS]), max, name);
  }
}

/** The same rules for an address whose type the endpoint implies (a directory listing's). */
export function parsePostalAddress(input: AddressInput): PostalAddress {
  const houseNumber = maxLength(text(input.houseNumber), 45, 'HouseNumber');
  if (!houseNumber) throw ApiError.of(CommonErrors.houseNumberRequired);
  const streetName = maxLength(text(input.streetName), 200, 'StreetName');
  if (!streetName) throw ApiError.of(CommonErrors.streetNameRequired);
  const city = maxLength(text(input.city), 100, 'City');
  if (!city) throw ApiError.of(CommonErrors.cityRequired);
  const state = text(input.stateCode);
  if (!state) throw ApiError.of(CommonErrors.stateCodeRequired);
  if (!isStateCode(state)) throw ApiError.of(CommonErrors.stateCodeInvalid, state);

  const zipText = text(input.zip);
  if (!zipText) throw ApiError.of(CommonErrors.zipRequired);
  const zipMatch = /^(\d{5})(?:-(\d{4}))?$/.exec(zipText);
  if (!zipMatch?.[1]) throw ApiError.of(CommonErrors.zipInvalid, zipText);
  const plusFour = text(input.plusFour) ?? zipMatch[2];
  if (plusFour !== undefined && !/^\d{4}$/.test(plusFour))
    throw ApiError.of(CommonErrors.plusFourInvalid, plusFour);

  const countryText = text(input.country) ?? 'US';
  const country = COUNTRIES[countryText.toLowerCase()];
  if (!country) throw ApiError.of(CommonErrors.countryInvalid, countryText);

  return {
    houseNumber,
    houseSuffix: maxLength(text(input.houseSuffix), 45, 'HouseSuffix'),
    preDirectional: directional(text(input.preDirectional)),
    streetName,
    streetSuffix: maxLength(text(input.streetSuffix), 45, 'StreetSuffix'),
    postDirectional: directional(text(input.postDirectional)),
    addressLine2: maxLength(text(input.addressLine2), 200, 'AddressLine2'),
    city,
    stateCode: state.toUpperCase(),
    zip: zipMatch[1],
    plusFour,
    county: maxLength(text(input.county), 45, 'County'),
    country,
  };
}
