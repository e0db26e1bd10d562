/**
 * North American Numbering Plan rules used across search, inventory and imports.
 * A TN is 10 digits NPA-NXX-XXXX; NPA and NXX start with 2–9; N11 codes and the reserved or
 * special NXXs (555 directory, 950 and 958/959 carrier/test, 976 information services) are not
 * assigned to subscribers.
 */
const RESERVED_NXX = new Set(['555', '950', '958', '959', '976']);
export const TOLL_FREE_NPAS = ['800', '833', '844', '855', '866', '877', '888'] as const;

export function isValidNpa(npa: string): boolean {
  return /^[2-9]\d\d$/.test(npa) && npa.slice(1) !== '11';
}

export function isValidNxx(nxx: string): boolean {
  return /^[2-9]\d\d$/.test(nxx) && nxx.slice(1) !== '11' && !RESERVED_NXX.has(nxx);
}

export function isTollFreeNpa(npa: string | number): boolean {
  return (TOLL_FREE_NPAS as readonly string[]).includes(String(npa));
}

/** A 10-digit NANP number (accepts a leading +1 or 1). */
export function parseTn(text: string): number | undefined {
  const digits = text.trim().replace(/^\+?1(?=\d{10}$)/, '');
  if (!/^[2-9]\d\d[2-9]\d{6}$/.test(digits)) return undefined;
  return Number(digits);
}

export function formatTn(tn: number): string {
  return String(tn).padStart(10, '0');
}

export const npaOf = (tn: number): number => Math.floor(tn / 10_000_000);
export const npaNxxOf = (tn: number): number => Math.floor(tn / 10_000);
export const npaNxxXOf = (tn: number): number => Math.floor(tn / 1_000);

/** Phone keypad letters (ITU E.161); vanity searches map letters to these digits. */
const KEYPAD: Record<string, string> = {
  A: '2',
  B: '2',
  C: '2',
  D: '3',
  E: '3',
  F: '3',
  G: '4',
  H: '4',
  I: '4',
  J: '5',
  K: '5',
  L: '5',
  M: '6',
  N: '6',
  O: '6',
  P: '7',
  Q: '7',
  R: '7',
  S: '7',
  T: '8',
  U: '8',
  V: '8',
  W: '9',
  X: '9',
  Y: '9',
  Z: '9',
};

/** `FLOWERS` -> `3569377`; digits stay digits; undefined for anything else. */
export function vanityToDigits(text: string): string | undefined {
  let out = '';
  for (const ch of text.toUpperCase()) {
    if (/\d/.test(ch)) out += ch;
    else if (KEYPAD[ch]) out += KEYPAD[ch];
    else return undefined;
  }
  return out;
}
