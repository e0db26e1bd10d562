import { chargeTotals, describeCharge, formatDollars } from '../billing/index.js';
import {
  accountParameter,
  dateParameter,
  one,
  type Cell,
  type ReportDefinition,
} from './report-definition.js';

/**
 * Charges summary (features/billing): the account's charges between two days, one line per kind
 * (days in service, orders) with how many and how much, and the total; the same figures as an
 * INVOICE billing report's summary. Without dates: the current month so far.
 */
export const chargesSummary: ReportDefinition = {
  id: 100009,
  name: 'Charges summary',
  description: 'The account’s charges between two days, per kind of charge, with the total.',
  parameters: [
    accountParameter,
    dateParameter('FromDate', 'Charges on or after this day (default: the first of this month)'),
    dateParameter('ToDate', 'Charges on or before this day (default: today)'),
  ],
  columns: [
    { header: 'Charge type', type: 'text', width: 14 },
    { header: 'Description', type: 'text', width: 44 },
    { header: 'Quantity', type: 'number', width: 10 },
    { header: 'Amount (USD)', type: 'number', width: 14 },
  ],
  ranges: [['FromDate', 'ToDate']],
  async *rows(deps, run) {
    const today = deps.clock.now().toISOString().slice(0, 10);
    const from = one(run, 'FromDate') ?? `${today.slice(0, 7)}-01`;
    const to = one(run, 'ToDate') ?? today;
    const totals = await chargeTotals(deps.database.db, { accountId: run.accountId, from, to });
    const dollars = (micros: number) => Number(formatDollars(micros));
    const lines: Cell[][] = totals.map((t) => [t.kind, describeCharge(t.kind), t.count, dollars(t.amount)]);
    const count = totals.reduce((n, t) => n + t.count, 0);
    const amount = totals.reduce((n, t) => n + t.amount, 0);
    yield [...lines, ['TOTAL', `${from} to ${to}`, count, dollars(amount)]];
  },
};
