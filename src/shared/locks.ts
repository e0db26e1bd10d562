/**
 * Names of the advisory locks that serialise check-then-write rules no index can express
 * (see lockNamed in platform/db/transaction.ts). One place, so every writer uses the same name.
 */
export const Locks = {
  /** The set of SIP peers of any site: default-peer rule, unique names, termination-address overlaps, site deletion. */
  sipPeers: 'sip-peers',
  /** An account's SIP credentials: "no duplicate composite name" checked before a batch insert. */
  sipCredentials: (accountId: string) => `sip-credentials:${accountId}`,
  /** An LSR order and its port-outs: taken before any of their rows, by the carrier's changes and the port-outs' jobs alike. */
  lsrOrder: (lsrOrderId: string) => `lsr-order:${lsrOrderId}`,
} as const;
