import { ApiError, type ErrorDefinition } from '../../platform/http/api-error.js';
import { CommonErrors } from '../../shared/errors.js';
import { oneOf, parseFlag, text } from '../../shared/fields.js';
import { parseTn } from '../../shared/numbering.js';
import type { Problems } from '../orders-common/index.js';
import { isStateCode } from '../../shared/states.js';
import {
  addBusinessDays,
  addDays,
  easternDay,
  easternMinutes,
  isBusinessDay,
  PROCESSING_HOURS,
  withinProcessingHours,
  type BusinessCalendar,
  focInstantOf,
} from '../porting-calendar/index.js';
import { PortInErrors } from './portins.errors.js';
import {
  BILLING_TYPES,
  SUBSCRIBER_TYPES,
  TN_ATTRIBUTES,
  type PortInDetails,
  type Subscriber,
} from './portins.kind.js';
import type { SubscriberInput, WirelessInput } from './portins.service.js';

/**
 * The rules of a port-in request, each with Bandwidth's code. Validation gathers every problem
 * (orders-common's `Problems`) so that one 400 lists them all, as Bandwidth's repeated `Errors` do.
 */

/** The most numbers one port-in may hold. */
export const MAX_PORT_IN_TNS = 5000;

/** The numbers to port: 1–5,000, valid NANP numbers, none twice. Undefined when they cannot be read. */
export function parsePortTns(values: readonly string[] | undefined, p: Problems): number[] | undefined {
  const list = (values ?? []).map((v) => text(v) ?? '');
  if (list.length === 0) return p.add(PortInErrors.tnListRequired);
  if (list.length > MAX_PORT_IN_TNS) return p.add(CommonErrors.tooManyTns, MAX_PORT_IN_TNS);
  const invalid = list.filter((v) => parseTn(v) === undefined);
  if (invalid.length > 0) {
    p.list.push(
      new ApiError(
        400,
        PortInErrors.tnInvalid.code,
        `${PortInErrors.tnInvalid.template}: ${invalid.join(', ')}`,
      ),
    );
    return undefined;
  }
  const tns = list.map((v) => parseTn(v) as number);
  const seen = new Set<number>();
  const twice = tns.filter((tn) => (seen.has(tn) ? true : (seen.add(tn), false)));
  if (twice.length > 0) {
    p.addForNumbers(PortInErrors.checkDuplicates, twice);
    return undefined;
  }
  return tns;
}

export function parseBtn(value: string | undefined, p: Problems): number | undefined {
  const t = text(value);
  if (t === undefined) return p.add(PortInErrors.btnRequired);
  return parseTn(t) ?? p.add(PortInErrors.btnInvalid);
}

const NAME_MAX = 25;

/**
 * The parts every porting service address must have (7108–7112), the state a known one (7395): the
 * same rules for port-ins and LSR orders. Each part is undefined when it broke a rule.
 */
export function serviceAddressParts(
  a: {
    readonly houseNumber?: string | undefined;
    readonly streetName?: string | undefined;
    readonly city?: string | undefined;
    readonly stateCode?: string | undefined;
    readonly zip?: string | undefined;
  },
  p: Problems,
) {
  const houseNumber = text(a.houseNumber) ?? p.add(PortInErrors.houseNumberRequired);
  const streetName = text(a.streetName) ?? p.add(PortInErrors.streetNameRequired);
  const city = text(a.city) ?? p.add(PortInErrors.cityRequired);
  let stateCode = text(a.stateCode) ?? p.add(PortInErrors.stateRequired);
  if (stateCode !== undefined && !isStateCode(stateCode))
    stateCode = p.add(PortInErrors.stateUnsupported, stateCode);
  const zipText = text(a.zip) ?? p.add(PortInErrors.zipRequired);
  return { houseNumber, streetName, city, stateCode: stateCode?.toUpperCase(), zipText };
}

/** Subscriber: BUSINESS with a business name, RESIDENTIAL with first and last name; a service address. */
export function parseSubscriber(s: SubscriberInput | undefined, p: Problems): Subscriber | undefined {
  if (!s) return p.add(PortInErrors.subscriberRequired);
  const typeText = text(s.type);
  const type = typeText === undefined ? undefined : oneOf(typeText, SUBSCRIBER_TYPES);
  if (!type) p.add(PortInErrors.subscriberTypeRequired);
  const businessName = text(s.businessName);
  const firstName = text(s.firstName);
  const middleInitial = text(s.middleInitial);
  const lastName = text(s.lastName);
  if (type === 'RESIDENTIAL' && businessName !== undefined) p.add(PortInErrors.residentialBusinessName);
  if (type === 'BUSINESS' && businessName === undefined) p.add(PortInErrors.subscriberNameRequired);
  if (type === 'RESIDENTIAL' && (firstName === undefined || lastName === undefined))
    p.add(PortInErrors.subscriberNameRequired);
  if (businessName !== undefined && businessName.length > NAME_MAX) p.add(PortInErrors.businessNameTooLong);
  if (firstName !== undefined && firstName.length > NAME_MAX) p.add(PortInErrors.firstNameTooLong);
  if (lastName !== undefined && lastName.length > NAME_MAX) p.add(PortInErrors.lastNameTooLong);
  const a = s.address;
  if (!a) return p.add(PortInErrors.addressRequired);
  const { houseNumber, streetName, city, stateCode, zipText } = serviceAddressParts(a, p);
  const zip = zipText === undefined ? undefined : /^(\d{5})(?:-?(\d{4}))?$/.exec(zipText);
  if (zipText !== undefined && !zip) p.add(PortInErrors.zipInvalid);
  if (!type || !houseNumber || !streetName || !city || !stateCode || !zip?.[1]) return undefined;
  return {
    type,
    businessName,
    firstName,
    middleInitial,
    lastName,
    address: {
      houseNumber,
      houseSuffix: text(a.houseSuffix),
      preDirectional: text(a.preDirectional),
      streetName,
      streetSuffix: text(a.streetSuffix),
      postDirectional: text(a.postDirectional),
      addressLine2: text(a.addressLine2),
      city,
      stateCode,
      zip: zip[1],
      plusFour: text(a.plusFour) ?? zip[2],
      county: text(a.county),
      country: text(a.country) ?? 'United States',
    },
  };
}

export function parseWireless(w: WirelessInput | undefined): PortInDetails['wirelessInfo'] {
  const accountNumber = text(w?.accountNumber);
  const pinNumber = text(w?.pinNumber);
  return accountNumber === undefined && pinNumber === undefined ? undefined : { accountNumber, pinNumber };
}

export function parseTnAttributes(
  values: readonly string[] | undefined,
  p: Problems,
): PortInDetails['tnAttributes'] {
  const out: PortInDetails['tnAttributes'] = [];
  for (const v of values ?? []) {
    const t = text(v) ?? '';
    const a = oneOf(t, TN_ATTRIBUTES);
    if (!a) p.add(PortInErrors.tnAttributeInvalid, t);
    else if (out.includes(a)) p.add(PortInErrors.tnAttributeDuplicate, a);
    else out.push(a);
  }
  return out;
}

export function parseBillingType(value: string | undefined, p: Problems): PortInDetails['billingType'] {
  const t = text(value);
  if (t === undefined) return 'PORTIN';
  return oneOf(t, BILLING_TYPES) ?? (p.add(PortInErrors.billingTypeInvalid), 'PORTIN');
}

export function parseCustomerOrderId(value: string | undefined, p: Problems): string | undefined {
  const t = text(value);
  if (t !== undefined && !/^[A-Za-z0-9 -]{1,40}$/.test(t)) return p.add(PortInErrors.customerOrderIdInvalid);
  return t;
}

/** A boolean flag (default false); anything but true/false is the rule's error. */
function flag(value: string | undefined, def: ErrorDefinition, p: Problems): boolean {
  try {
    return parseFlag(value, () => ApiError.of(def)) ?? false;
  } catch (err) {
    p.list.push(err as ApiError);
    return false;
  }
}

export const parsePartialPort = (value: string | undefined, p: Problems) =>
  flag(value, PortInErrors.partialPortInvalid, p);
export const parseTriggered = (value: string | undefined, p: Problems) =>
  flag(value, PortInErrors.invalidRequest, p);

export function parseLoaPerson(value: string | undefined, p: Problems): string | undefined {
  return text(value) ?? p.add(PortInErrors.loaPersonRequired);
}

// ---- the FOC date -----------------------------------------------------------------------------

/**
 * The earliest FOC date a carrier allows: its minimum porting interval in business days after
 * today (Eastern), counted from tomorrow once today's processing hours are over.
 */
export function nextAvailableFocDay(cal: BusinessCalendar, nowMs: number, intervalDays: number): string {
  const today = easternDay(nowMs);
  const from = easternMinutes(nowMs) > PROCESSING_HOURS.close ? addDays(today, 1) : today;
  return addBusinessDays(cal, from, intervalDays);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * RequestedFocDate on the business calendar (contract §8: the time of day is honoured only for
 * triggered ports; others activate at the default FOC time of the date as written). Absent: the
 * carrier's next available date. Returns the FOC instant as ISO-8601.
 */
export function parseRequestedFoc(
  value: string | undefined,
  o: {
    readonly triggered: boolean;
    readonly nowMs: number;
    readonly cal: BusinessCalendar;
    readonly intervalDays: number;
  },
  p: Problems,
): string | undefined {
  const next = nextAvailableFocDay(o.cal, o.nowMs, o.intervalDays);
  const t = text(value);
  if (t === undefined) return focInstantOf(next);
  const dateOnly = DATE_ONLY.exec(t);
  const dateTime = DATE_TIME.exec(t);
  const ms = dateTime ? Date.parse(t) : dateOnly ? Date.parse(`${t}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms) || (dateOnly && new Date(ms).toISOString().slice(0, 10) !== t))
    return p.add(PortInErrors.focFormat);
  const timed = o.triggered && dateTime !== null;
  const day = timed ? easternDay(ms) : t.slice(0, 10);
  const at = timed ? new Date(ms).toISOString() : focInstantOf(day);
  const today = easternDay(o.nowMs);
  if (day < today || (timed && ms < o.nowMs)) return p.add(PortInErrors.focPast);
  if (!isBusinessDay(o.cal, day)) return p.add(PortInErrors.focNotBusinessDay);
  if (timed && !withinProcessingHours(ms)) return p.add(PortInErrors.focOutsideHours, t);
  if (day <= today) return p.add(PortInErrors.focTooSoon);
  if (day < next) return p.add(PortInErrors.focBeforeNextAvailable);
  if (day > addDays(today, 30)) return p.add(PortInErrors.focTooFar);
  return at;
}
