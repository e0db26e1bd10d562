import type { OrderNumber } from './orders-common.store.js';

/**
 * What an order obtained, counted as the number reports show it (`tns`, `areaCodes`, `npaNxx`,
 * `totals`): the completed numbers in order, and their counts by area code and by NPA-NXX.
 */
export interface NumberReport {
  readonly tns: readonly number[];
  readonly areaCodes: readonly { readonly key: string; readonly count: number }[];
  readonly npaNxxs: readonly { readonly key: string; readonly count: number }[];
}

function countBy(tns: readonly number[], digits: number) {
  const counts = new Map<string, number>();
  for (const tn of tns) {
    const key = String(tn).slice(0, digits);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([key, count]) => ({ key, count }));
}

export function numberReport(numbers: readonly OrderNumber[]): NumberReport {
  return numberReportOf(numbers.filter((n) => n.outcome === 'completed').map((n) => n.tn));
}

/** The report of a list of numbers (a port-in reports the numbers it names). */
export function numberReportOf(tns: readonly number[]): NumberReport {
  return { tns, areaCodes: countBy(tns, 3), npaNxxs: countBy(tns, 6) };
}
