import { ApiError } from '../../platform/http/api-error.js';
import { DIRECTIONALS, type AddressInput, type PostalAddress } from '../../shared/address.js';
import { oneOf } from '../../shared/fields.js';
import { isStateCode } from '../../shared/states.js';
import { E911Errors } from './e911s.errors.js';

/**
 * Address validation as a geocoder does it, on the ZIP reference data: the address is put in its
 * USPS standard form (upper case; street suffixes and directionals abbreviated; a ZIP+4 split; the
 * city or the state taken from the ZIP when only one of them disagrees with it). When the standard
 * form differs from what was sent the address is provisioned corrected (ADJUSTED_*); what cannot be
 * corrected with certainty (no house number or street, an unknown ZIP, a ZIP that disagrees with
 * both city and state) is refused. Pure: the caller looks the ZIP up.
 */
export interface ZipPlace {
  readonly city: string;
  readonly state: string;
}

export type ZipLookup = (zip: string) => Promise<ZipPlace | undefined>;

export type Geocoded =
  | { readonly ok: true; readonly address: PostalAddress; readonly corrections: readonly string[] }
  | { readonly ok: false; readonly error: ApiError };

/** USPS Publication 28, appendix C1: the common street suffixes. */
const SUFFIXES: Readonly<Record<string, string>> = {
  ALLEY: 'ALY',
  AVENUE: 'AVE',
  BEND: 'BND',
  BOULEVARD: 'BLVD',
  BRIDGE: 'BRG',
  BYPASS: 'BYP',
  CAUSEWAY: 'CSWY',
  CENTER: 'CTR',
  CIRCLE: 'CIR',
  COURT: 'CT',
  COVE: 'CV',
  CREEK: 'CRK',
  CRESCENT: 'CRES',
  CROSSING: 'XING',
  DRIVE: 'DR',
  EXPRESSWAY: 'EXPY',
  EXTENSION: 'EXT',
  FREEWAY: 'FWY',
  GARDENS: 'GDNS',
  GROVE: 'GRV',
  HEIGHTS: 'HTS',
  HIGHWAY: 'HWY',
  HILL: 'HL',
  HOLLOW: 'HOLW',
  JUNCTION: 'JCT',
  LAKE: 'LK',
  LANE: 'LN',
  LOOP: 'LOOP',
  MANOR: 'MNR',
  MEADOWS: 'MDWS',
  MOTORWAY: 'MTWY',
  PARKWAY: 'PKWY',
  PASS: 'PASS',
  PIKE: 'PIKE',
  PLACE: 'PL',
  PLAZA: 'PLZ',
  POINT: 'PT',
  RIDGE: 'RDG',
  ROAD: 'RD',
  ROUTE: 'RTE',
  RUN: 'RUN',
  SQUARE: 'SQ',
  STREET: 'ST',
  TERRACE: 'TER',
  TRACE: 'TRCE',
  TRAIL: 'TRL',
  TURNPIKE: 'TPKE',
  VALLEY: 'VLY',
  VIEW: 'VW',
  VILLAGE: 'VLG',
  VISTA: 'VIS',
  WALK: 'WALK',
  WAY: 'WAY',
};

/** Directional words and their abbreviation (the abbreviations are the address's DIRECTIONALS). */
const DIRECTIONAL_WORDS: Readonly<Record<string, (typeof DIRECTIONALS)[number]>> = {
  NORTH: 'N',
  SOUTH: 'S',
  EAST: 'E',
  WEST: 'W',
  NORTHEAST: 'NE',
  NORTHWEST: 'NW',
  SOUTHEAST: 'SE',
  SOUTHWEST: 'SW',
};

/** Trimmed, inner spaces collapsed, upper case; empty is absent. */
function standard(value: string | undefined): string | undefined {
  const s = value?.trim().replace(/\s+/g, ' ').toUpperCase();
  return s === undefined || s === '' ? undefined : s;
}

const abbreviateSuffix = (word: string): string => SUFFIXES[word] ?? word;

/** A directional element: its abbreviation, or undefined when it is none. */
function directional(value: string): string | undefined {
  const word = value.replace(/\./g, '');
  return oneOf(word, DIRECTIONALS) ?? DIRECTIONAL_WORDS[word];
}

/** A street name's trailing suffix and directional words abbreviated ("MAIN STREET NORTH" → "MAIN ST N"). */
function standardStreet(name: string): string {
  const words = name.split(' ');
  if (words.length < 2) return name;
  let end = words.length - 1;
  const last = words[end] ?? '';
  const dir = DIRECTIONAL_WORDS[last];
  if (dir !== undefined) {
    words[end] = dir;
    end -= 1;
  }
  if (end >= 1) words[end] = abbreviateSuffix(words[end] ?? '');
  return words.join(' ');
}

/** The elements compared with what was sent (County and Country are carried, not validated). */
const COMPARED = [
  'houseNumber',
  'houseSuffix',
  'preDirectional',
  'streetName',
  'streetSuffix',
  'postDirectional',
  'addressLine2',
  'city',
  'stateCode',
  'zip',
  'plusFour',
] as const;

const ELEMENT_NAMES: Readonly<Record<(typeof COMPARED)[number], string>> = {
  houseNumber: 'HouseNumber',
  houseSuffix: 'HouseSuffix',
  preDirectional: 'PreDirectional',
  streetName: 'StreetName',
  streetSuffix: 'StreetSuffix',
  postDirectional: 'PostDirectional',
  addressLine2: 'AddressLine2',
  city: 'City',
  stateCode: 'StateCode',
  zip: 'Zip',
  plusFour: 'PlusFour',
};

const refuse = (def: (typeof E911Errors)[keyof typeof E911Errors], ...args: string[]): Geocoded => ({
  ok: false,
  error: ApiError.of(def, ...args),
});

export async function geocode(input: AddressInput, lookup: ZipLookup): Promise<Geocoded> {
  const houseNumber = standard(input.houseNumber);
  if (houseNumber === undefined) return refuse(E911Errors.addressValueInvalid, 'HouseNumber');
  const street = standard(input.streetName);
  if (street === undefined) return refuse(E911Errors.addressValueInvalid, 'StreetName');

  const zipText = (input.zip ?? '').trim();
  const zipMatch = /^(\d{5})(?:-?(\d{4}))?$/.exec(zipText);
  if (!zipMatch?.[1]) return refuse(E911Errors.addressValueInvalid, zipText === '' ? 'Zip' : zipText);
  const zip = zipMatch[1];
  const plusFour = standard(input.plusFour) ?? zipMatch[2];
  if (plusFour !== undefined && !/^\d{4}$/.test(plusFour))
    return refuse(E911Errors.addressValueInvalid, plusFour);
  const place = await lookup(zip);
  if (!place) return refuse(E911Errors.addressNotRecognized);

  // The ZIP decides a city or a state that disagrees with it, not both at once.
  const zipCity = place.city.toUpperCase();
  const sentState = standard(input.stateCode);
  const sentCity = standard(input.city);
  if (sentState !== place.state && sentCity !== zipCity) {
    if (sentState !== undefined && !isStateCode(sentState))
      return refuse(E911Errors.stateCodeInvalid, sentState);
    return refuse(E911Errors.addressNotRecognized);
  }

  const directionals: Partial<Record<'preDirectional' | 'postDirectional', string>> = {};
  for (const key of ['preDirectional', 'postDirectional'] as const) {
    const sent = standard(input[key]);
    if (sent === undefined) continue;
    const d = directional(sent);
    if (d === undefined) return refuse(E911Errors.addressValueInvalid, sent);
    directionals[key] = d;
  }
  const suffix = standard(input.streetSuffix);

  const address: PostalAddress = {
    houseNumber,
    houseSuffix: standard(input.houseSuffix),
    preDirectional: directionals.preDirectional,
    streetName: standardStreet(street),
    streetSuffix: suffix === undefined ? undefined : abbreviateSuffix(suffix),
    postDirectional: directionals.postDirectional,
    addressLine2: standard(input.addressLine2),
    city: zipCity,
    stateCode: place.state,
    zip,
    plusFour,
    county: standard(input.county),
    country: 'United States',
  };
  const corrections = COMPARED.flatMap((key) => {
    const sent = input[key]?.trim() || undefined;
    const now = address[key];
    return sent === now ? [] : [`${ELEMENT_NAMES[key]}: ${sent ?? '(none)'} → ${now ?? '(none)'}`];
  });
  return { ok: true, address, corrections };
}
