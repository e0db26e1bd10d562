/**
 * The life of a telephone number, in one place: its states (stored as small integers), their
 * Bandwidth wire names, and the transitions allowed between them. Every status change goes through
 * `transitionNumbers` (inventory.service.ts), which checks this table and writes the history.
 *
 *   available -> reserved -> available            (reservation released or expired)
 *   available | reserved -> in service            (new-number order, admin assignment)
 *   in service -> aging -> available              (disconnect, then the aging period)
 *   in service -> ported out                      (port-out; a ported-in number disconnected)
 *   ported out -> in service                      (ported in again)
 *   (not in the inventory) -> in service          (ported in: admitPortedNumbers)
 *   external                                      (an operator's imported, customer-owned number)
 */
export const TnStatus = {
  available: 0,
  reserved: 1,
  inService: 2,
  aging: 3,
  portedOut: 4,
  external: 5,
} as const;

export type TnStatusCode = (typeof TnStatus)[keyof typeof TnStatus];
export type TnStatusName = keyof typeof TnStatus;

/** What `/tns`, `/tns/{tn}` and history show (Bandwidth's spellings). */
export const TN_STATUS_WIRE: Readonly<Record<TnStatusCode, string>> = {
  [TnStatus.available]: 'Available',
  [TnStatus.reserved]: 'Reserved',
  [TnStatus.inService]: 'Inservice',
  [TnStatus.aging]: 'Aging',
  [TnStatus.portedOut]: 'PortOut',
  [TnStatus.external]: 'Inservice',
};

const ALLOWED: Readonly<Record<TnStatusCode, readonly TnStatusCode[]>> = {
  [TnStatus.available]: [TnStatus.reserved, TnStatus.inService, TnStatus.external],
  [TnStatus.reserved]: [TnStatus.available, TnStatus.inService],
  [TnStatus.inService]: [TnStatus.aging, TnStatus.portedOut, TnStatus.inService],
  [TnStatus.aging]: [TnStatus.available],
  [TnStatus.portedOut]: [TnStatus.available, TnStatus.inService],
  [TnStatus.external]: [TnStatus.available, TnStatus.inService],
};

export function canTransition(from: TnStatusCode, to: TnStatusCode): boolean {
  return ALLOWED[from].includes(to);
}

export function statusCode(value: number): TnStatusCode {
  if (!(Object.values(TnStatus) as number[]).includes(value)) throw new Error(`unknown TN status ${value}`);
  return value as TnStatusCode;
}

/** Parses a wire status filter (`Inservice`, `aging`, …) into codes. */
export function statusFromWire(text: string): TnStatusCode[] {
  const lower = text.toLowerCase();
  return Object.entries<string>(TN_STATUS_WIRE)
    .filter(([, wire]) => wire.toLowerCase() === lower)
    .map(([code]) => Number(code) as TnStatusCode);
}

/** Vendors that own inventory: on-net (tier 0) and partner coverage (tier 1). */
export const VENDORS: Readonly<Record<number, string>> = {
  49: 'Bandwidth CLEC',
  62: 'Level 3 Communications',
};

export function vendorForTier(tier: number): number {
  return tier === 0 ? 49 : 62;
}
