import type { Generated } from 'kysely';

/** Amounts are integer millionths of a dollar. */
export interface RateCardsTable {
  /** '*' is the default card of accounts without their own. */
  account_id: string;
  local_mrc: number;
  tollfree_mrc: number;
  e911_mrc: number;
  cnam_mrc: number;
  order_nrc: number;
  portin_nrc: number;
  feature_nrc: number;
  updated_at: string;
}

export interface ChargesTable {
  id: Generated<number>;
  account_id: string;
  tn: number;
  charge_date: string;
  kind: string;
  amount: number;
  reference: string;
  created_at: string;
}
