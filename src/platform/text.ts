/**
 * Characters XML 1.0 forbids: C0 controls other than tab, line feed and carriage return, the
 * non-characters U+FFFE/U+FFFF, and unpaired surrogates (a `u`-flag class).
 */
export const XML_FORBIDDEN_CLASS = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF\\p{Cs}';

/**
 * Those, plus DEL and the C1 controls (which XML allows): nothing an id, a query value, a name, a
 * note or an address legitimately holds. NUL is also what PostgreSQL cannot store.
 */
const CONTROL = new RegExp(`[${XML_FORBIDDEN_CLASS}\\u007F-\\u009F]`, 'u');

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}
