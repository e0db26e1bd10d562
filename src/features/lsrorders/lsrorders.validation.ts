import { text } from '../../shared/fields.js';
import { isTollFreeNpa, parseTn } from '../../shared/numbering.js';
import type { Problems } from '../orders-common/index.js';
import {
  addBusinessDays,
  easternDay,
  isBusinessDay,
  type BusinessCalendar,
} from '../porting-calendar/index.js';
import { PortInErrors, serviceAddressParts } from '../portins/index.js';
import { LsrErrors } from './lsrorders.errors.js';
import type { LsrSubscriber } from './lsrorders.kind.js';
import type { LsrSubscriberInput } from './lsrorders.service.js';

/**
 * The rules of an LSR order (the seed's field table and its error list), each with Bandwidth's
 * code; validation gathers every problem so that one 400 lists them all in `LsrOrderErrors`.
 */

const isTollFreeNumber = (tn: number) => isTollFreeNpa(Math.floor(tn / 10_000_000));

/** The most numbers one LSR order may name. */
export const MAX_LSR_TNS = 5000;
/** A port of more than this many numbers needs a longer notice (17028). */
export const LARGE_PORT_TNS = 50;
export const LARGE_PORT_DAYS = 3;

export function parsePon(value: string | undefined, p: Problems): string | undefined {
  const t = text(value);
  if (t === undefined) return p.add(LsrErrors.ponRequired);
  return /^[A-Za-z0-9#_-]{1,25}$/.test(t) ? t : p.add(LsrErrors.ponInvalid);
}

export function parseLsrCustomerOrderId(value: string | undefined, p: Problems): string | undefined {
  const t = text(value);
  if (t !== undefined && !/^[A-Za-z0-9 -]{1,40}$/.test(t)) return p.add(PortInErrors.customerOrderIdInvalid);
  return t;
}

/** The order's SPID: the account's unless it names one, which must be the account's (or its alternate). */
export function parseSpid(
  value: string | undefined,
  account: { readonly id: string; readonly spid: string | undefined; readonly altSpid: string | undefined },
  p: Problems,
): string | undefined {
  const t = text(value)?.toUpperCase();
  if (t !== undefined && !/^[A-Z0-9]{1,4}$/.test(t)) return p.add(LsrErrors.spidInvalid, t);
  if (!account.spid) return p.add(LsrErrors.noSpid, account.id);
  if (t === undefined) return account.spid;
  if (t !== account.spid && t !== account.altSpid?.toUpperCase())
    return p.add(LsrErrors.spidMismatch, account.spid, t);
  return t;
}

/** Optional: a 10-digit, non-toll-free number. */
export function parseLsrBtn(value: string | undefined, p: Problems): number | undefined {
  const t = text(value);
  if (t === undefined) return undefined;
  const tn = parseTn(t);
  return tn === undefined || isTollFreeNumber(tn) ? p.add(PortInErrors.btnInvalid) : tn;
}

/**
 * RequestedFocDate, `yyyy-MM-dd` (17013): not past (7208), a business day (17019), and for a port
 * of more than 50 numbers at least three business days away (17028). Absent: the next business day.
 */
export function parseLsrFocDate(
  value: string | undefined,
  o: { readonly cal: BusinessCalendar; readonly nowMs: number; readonly count: number },
  p: Problems,
): string | undefined {
  const today = easternDay(o.nowMs);
  const t = text(value);
  if (t === undefined) return addBusinessDays(o.cal, today, 1);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : undefined;
  const ms = day === undefined ? NaN : Date.parse(`${day}T00:00:00Z`);
  if (!day || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day)
    return p.add(LsrErrors.dateFormat);
  if (day < today) return p.add(PortInErrors.focPast);
  if (!isBusinessDay(o.cal, day)) return p.add(LsrErrors.focNotBusinessDay);
  if (o.count > LARGE_PORT_TNS && day < addBusinessDays(o.cal, today, LARGE_PORT_DAYS))
    return p.add(LsrErrors.focTooSoonForSize, LARGE_PORT_TNS, LARGE_PORT_DAYS);
  return day;
}

const AUTHORIZING_MAX = 100;

export function parseAuthorizingPerson(value: string | undefined, p: Problems): string | undefined {
  const t = text(value);
  if (t === undefined) return p.add(LsrErrors.authorizingPersonRequired);
  return t.length > AUTHORIZING_MAX ? p.add(LsrErrors.authorizingPersonTooLong, AUTHORIZING_MAX) : t;
}

/** The numbers: 1–5,000 valid NANP numbers, none toll-free, none twice. */
export function parseLsrTns(values: readonly string[] | undefined, p: Problems): number[] | undefined {
  const list = (values ?? []).map((v) => text(v) ?? '').filter((v) => v !== '');
  if (list.length === 0) return p.add(LsrErrors.tnsRequired);
  if (list.length > MAX_LSR_TNS) return p.add(LsrErrors.tooMany, MAX_LSR_TNS);
  const invalid = list.filter((v) => parseTn(v) === undefined);
  if (invalid.length > 0) return p.add(LsrErrors.invalidTns, `[${invalid.join(', ')}]`);
  const tns = list.map((v) => parseTn(v) as number);
  if (tns.some(isTollFreeNumber)) return p.add(LsrErrors.tollFree);
  const seen = new Set<number>();
  const twice = tns.filter((tn) => (seen.has(tn) ? true : (seen.add(tn), false)));
  if (twice.length > 0) return p.add(LsrErrors.duplicates, `[${twice.join(', ')}]`);
  return tns;
}

const NAME_MAX = 25;
const ADDRESS_LIMITS = {
  housePrefix: 6,
  houseNumber: 45,
  houseSuffix: 45,
  preDirectional: 2,
  streetName: 200,
  streetSuffix: 45,
  postDirectional: 2,
  addressLine2: 200,
  county: 45,
  city: 100,
} as const;

/**
 * The subscriber: BUSINESS with a business name and no last name, or RESIDENTIAL (the default;
 * the seed's own spelling RESEDENTIAL is accepted) with a last name; names of up to 25 characters;
 * an account number (32) and PIN (10) of letters and digits; a service address.
 */
export function parseLsrSubscriber(
  s: LsrSubscriberInput | undefined,
  p: Problems,
): LsrSubscriber | undefined {
  if (!s) return p.add(PortInErrors.subscriberRequired);
  const typeText = text(s.type)?.toUpperCase();
  const type = typeText === undefined || typeText === 'RESEDENTIAL' ? 'RESIDENTIAL' : typeText;
  if (type !== 'BUSINESS' && type !== 'RESIDENTIAL') p.add(PortInErrors.subscriberTypeRequired);
  const businessName = text(s.businessName);
  const firstName = text(s.firstName);
  const middleInitial = text(s.middleInitial);
  const lastName = text(s.lastName);
  if (type === 'BUSINESS') {
    if (businessName === undefined) p.add(LsrErrors.businessNameRequired);
    if (lastName !== undefined) p.add(LsrErrors.lastNameForBusiness);
  } else if (lastName === undefined) p.add(LsrErrors.lastNameRequired);
  if (businessName !== undefined && businessName.length > NAME_MAX) p.add(PortInErrors.businessNameTooLong);
  if (firstName !== undefined && firstName.length > NAME_MAX) p.add(PortInErrors.firstNameTooLong);
  if (lastName !== undefined && lastName.length > NAME_MAX) p.add(PortInErrors.lastNameTooLong);
  if (middleInitial !== undefined && middleInitial.length > 1) p.add(LsrErrors.middleInitialTooLong);
  const accountNumber = text(s.accountNumber);
  if (accountNumber !== undefined && !/^[A-Za-z0-9]{1,32}$/.test(accountNumber))
    p.add(LsrErrors.accountNumberInvalid);
  const pinNumber = text(s.pinNumber);
  if (pinNumber !== undefined && !/^[A-Za-z0-9]{1,10}$/.test(pinNumber)) p.add(LsrErrors.pinInvalid);
  const a = s.address;
  if (!a) return p.add(PortInErrors.addressRequired);
  for (const [field, max] of Object.entries(ADDRESS_LIMITS)) {
    const v = text(a[field as keyof typeof ADDRESS_LIMITS]);
    if (v !== undefined && v.length > max) p.add(LsrErrors.addressFieldTooLong, field, max);
  }
  const { houseNumber, streetName, city, stateCode, zipText } = serviceAddressParts(a, p);
  // 5 digits, 5+4, or a Canadian postal code.
  const zip =
    zipText !== undefined && /^(\d{5}(-?\d{4})?|[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d)$/.test(zipText)
      ? zipText
      : undefined;
  if (zipText !== undefined && zip === undefined) p.add(PortInErrors.zipInvalid);
  if (
    (type !== 'BUSINESS' && type !== 'RESIDENTIAL') ||
    !houseNumber ||
    !streetName ||
    !city ||
    !stateCode ||
    !zip
  )
    return undefined;
  return {
    type,
    businessName,
    firstName,
    middleInitial,
    lastName,
    accountNumber,
    pinNumber,
    address: {
      housePrefix: text(a.housePrefix),
      houseNumber,
      houseSuffix: text(a.houseSuffix),
      preDirectional: text(a.preDirectional),
      streetName,
      streetSuffix: text(a.streetSuffix),
      postDirectional: text(a.postDirectional),
      addressLine2: text(a.addressLine2),
      city,
      stateCode,
      zip,
      county: text(a.county),
      country: text(a.country) ?? 'United States',
    },
  };
}

/** What the owner's validation is asked (contract §12), from the subscriber. */
export function validationFieldsOf(s: LsrSubscriber) {
  return {
    pin: s.pinNumber,
    accountNumber: s.accountNumber,
    zipCode: s.address.zip.slice(0, 5),
    subscriberName: s.businessName ?? [s.firstName, s.middleInitial, s.lastName].filter(Boolean).join(' '),
  };
}
