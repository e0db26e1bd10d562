import type { Executor } from '../../platform/db/database.js';
import { TnStatus } from '../inventory/index.js';

/** Queries only disconnects make (the order tables themselves are orders-common's). */

/**
 * The numbers this disconnect took out of service that are still aging from it: not taken by
 * anyone since, nor released by a later disconnect's end of aging.
 */
export async function stillAgingFrom(db: Executor, orderId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('order_numbers')
    .innerJoin('telephone_numbers', 'telephone_numbers.tn', 'order_numbers.tn')
    .select('telephone_numbers.tn as tn')
    .where('order_numbers.order_id', '=', orderId)
    .where('order_numbers.outcome', '=', 'completed')
    .where('telephone_numbers.status', '=', TnStatus.aging)
    .where('telephone_numbers.order_id', '=', orderId)
    .execute();
  return rows.map((r) => r.tn);
}
