import { ApiError } from '../platform/http/api-error.js';
import { hasControlCharacters } from '../platform/text.js';
import { CommonErrors } from './errors.js';

/**
 * Field checks shared by every payload: text from XML arrives as strings (or undefined when the
 * element is absent), and each check throws the documented Bandwidth error.
 */

/**
 * Trimmed text, or undefined for an absent or empty element. Every text field passes here, so text
 * with control characters is refused (1008) whatever field or entry point (XML, CLI) it came by.
 */
export function text(value: string | undefined): string | undefined {
  const t = value?.trim();
  if (t === undefined || t === '') return undefined;
  if (hasControlCharacters(t)) throw ApiError.of(CommonErrors.invalidValue, t);
  return t;
}

export function requireText(value: string | undefined, name: string): string {
  const t = text(value);
  if (t === undefined) throw ApiError.of(CommonErrors.required, name);
  return t;
}

export function maxLength(value: string | undefined, max: number, name: string): string | undefined {
  if (value !== undefined && value.length > max) throw ApiError.of(CommonErrors.tooLong, name, value, max);
  return value;
}

/** A yes/no value as inputs carry it: a boolean, or its text. */
export type Flag = boolean | string;

/**
 * The one boolean parser: `true`/`false` in any case (or a boolean), undefined when absent or
 * empty; anything else is refused with the field's own error, or, where Bandwidth ignores a value
 * it does not understand (`onInvalid` null), taken as absent.
 */
export function parseFlag(
  value: Flag | undefined,
  onInvalid: ((text: string) => ApiError) | null,
): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const t = text(value);
  if (t === undefined) return undefined;
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  if (onInvalid === null) return undefined;
  throw onInvalid(t);
}

/** A flag whose error is the generic 12751 naming the field. */
export function parseBoolean(value: Flag | undefined, name: string): boolean | undefined {
  return parseFlag(value, () => ApiError.of(CommonErrors.invalidBoolean, name));
}

/** A non-negative integer in plain decimal; undefined when absent. */
export function parseNonNegativeInt(
  value: string | undefined,
  onInvalid: () => ApiError,
): number | undefined {
  const t = text(value);
  if (t === undefined) return undefined;
  if (!/^\d{1,15}$/.test(t)) throw onInvalid();
  return Number(t);
}

/** Matches one of `allowed` ignoring case and returns the canonical spelling. */
export function oneOf<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  const lower = value.toLowerCase();
  return allowed.find((a) => a.toLowerCase() === lower);
}

/** A path id that must be a positive integer; `onInvalid` builds the endpoint's error. */
export function parseId(value: string | undefined, onInvalid: () => ApiError): number {
  if (!value || !/^\d{1,15}$/.test(value)) throw onInvalid();
  const n = Number(value);
  if (n < 1) throw onInvalid();
  return n;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An id as this server makes them (orders, reservations, subscriptions): a lower-case RFC 4122 UUID. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
