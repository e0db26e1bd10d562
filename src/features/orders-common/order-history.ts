import type { AppDeps } from '../../context.js';
import { orderHistory } from './orders-common.store.js';

/** An order's history: every status it went through, and each change made to it, oldest first. */
export interface HistoryEntry {
  readonly at: string;
  readonly status: string;
  readonly note: string | undefined;
  readonly author: string | undefined;
  readonly difference: string | undefined;
}

export async function historyOf(deps: AppDeps, orderId: string): Promise<HistoryEntry[]> {
  const rows = await orderHistory(deps.database.db, orderId);
  return rows.map((h) => ({
    at: h.at,
    status: h.status,
    note: h.note ?? undefined,
    author: h.author ?? undefined,
    difference: h.difference ?? undefined,
  }));
}
