import type { AppDeps } from '../../context.js';
import { x, type RootOut } from '../../platform/xml/schema.js';
import { orderHistory } from './order-records.store.js';

/** An order's history: every status it went through, and each change made to it, oldest first. */
export const OrderHistoryXml = x.root('OrderHistoryWrapper', {
  OrderHistory: x.repeated(
    x.object({
      OrderDate: x.text(),
      Note: x.text(),
      Author: x.text(),
      Status: x.text(),
      Difference: x.text(),
    }),
  ),
});

export async function historyOf(deps: AppDeps, orderId: string): Promise<RootOut<typeof OrderHistoryXml>> {
  const rows = await orderHistory(deps.database.db, orderId);
  return {
    OrderHistory: rows.map((h) => ({
      OrderDate: h.at,
      Note: h.note ?? undefined,
      Author: h.author ?? undefined,
      Status: h.status,
      Difference: h.difference ?? undefined,
    })),
  };
}
