import { TnStatus } from '../../src/shared/tn-status.js';
import type { Executor } from '../../src/platform/db/database.js';

/**
 * `n` available numbers of the test inventory, lowest first (`highest`: from the top, so they stay
 * clear of numbers other tests take from the bottom); `placed`: only numbers with a rate centre.
 */
export async function availableTns(
  db: Executor,
  n: number,
  options: { readonly highest?: boolean; readonly placed?: boolean } = {},
): Promise<number[]> {
  let q = db.selectFrom('telephone_numbers').select('tn').where('status', '=', TnStatus.available);
  if (options.placed) q = q.where('rate_center_id', 'is not', null);
  const rows = await q
    .orderBy('tn', options.highest ? 'desc' : 'asc')
    .limit(n)
    .execute();
  return rows.map((r) => r.tn);
}
