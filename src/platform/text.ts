/**
 * Control characters (C0 but tab, line feed and carriage return; DEL; C1), the non-characters
 * U+FFFE/U+FFFF and unpaired surrogates: nothing an id, a query value, a name, a note or an address
 * legitimately holds; partly what XML 1.0 cannot carry, and NUL is what PostgreSQL cannot store.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\p{Cs}]/u;

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}
