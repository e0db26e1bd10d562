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

type Shown = string | number | object | undefined;

/**
 * A history entry's `Difference`: each changed field as Bandwidth writes it
 * (`CustomerOrderId : "" --> hello`), joined by `; `; undefined when nothing changed.
 */
export function describeChanges(changes: readonly (readonly [string, Shown, Shown])[]): string | undefined {
  const show = (v: Shown) => (v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const lines = changes
    .filter(([, before, after]) => show(before) !== show(after))
    .map(([name, before, after]) => `${name} : "${show(before)}" --> ${show(after)}`);
  return lines.join('; ') || undefined;
}
