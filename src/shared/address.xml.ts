import { x, type In, type Out } from '../platform/xml/schema.js';
import type { Address, AddressInput } from './address.js';

/** The postal address element carried by sites, SIP peers, accounts and (later) E911, port-ins and DL/DA. */
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

export function addressInputOf(a: In<typeof AddressXml>): AddressInput | undefined {
  if (!a) return undefined;
  return {
    houseNumber: a.HouseNumber,
    houseSuffix: a.HouseSuffix,
    preDirectional: a.PreDirectional,
    streetName: a.StreetName,
    streetSuffix: a.StreetSuffix,
    postDirectional: a.PostDirectional,
    addressLine2: a.AddressLine2,
    city: a.City,
    stateCode: a.StateCode,
    zip: a.Zip,
    plusFour: a.PlusFour,
    county: a.County,
    country: a.Country,
    addressType: a.AddressType,
  };
}

/** An address as sent or kept (every element optional, as E911 and DL/DA carry them): its elements that have a value. */
export function addressInputToXml(a: AddressInput | undefined): Out<typeof AddressXml> {
  if (!a) return undefined;
  return {
    HouseNumber: a.houseNumber,
    HouseSuffix: a.houseSuffix,
    PreDirectional: a.preDirectional,
    StreetName: a.streetName,
    StreetSuffix: a.streetSuffix,
    PostDirectional: a.postDirectional,
    AddressLine2: a.addressLine2,
    City: a.city,
    StateCode: a.stateCode,
    Zip: a.zip,
    PlusFour: a.plusFour,
    County: a.county,
    Country: a.country,
    AddressType: a.addressType,
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
