import type { Writable } from 'node:stream';
import type { AppDeps } from '../../context.js';
import { csvLines, type CsvCell } from '../../platform/csv.js';
import { put, yieldToOthers } from '../../platform/streams.js';
import { zipTo } from '../../platform/zip.js';
import { formatTn } from '../../shared/numbering.js';
import { chargesPage, type ChargeKey, type ChargeQuery } from './billing.store.js';
import type { BillingPeriod } from './billing-period.js';
import { monthsOf } from './billing-period.js';
import { CHARGE_KINDS, NUMBER_DAY_KINDS, type ChargeKind } from './charges.js';
import { formatDollars } from './money.js';

/**
 * Billing archives: ZIP files of CSV files made from the charge records (archiver, csv-stringify),
 * each CSV written a page of records at a time into its ZIP entry with back-pressure, so an archive
 * of millions of records is never held in memory.
 *
 * - BDR: the detail records of the period (one row per charge).
 * - STATEMENT_BDR: the detail records of each whole calendar month the period touches, one file a
 *   month (aligned with the invoices, which are monthly).
 * - INVOICE: the records of the period, then a summary per kind of charge with a TOTAL row, summed
 *   from those very records as they were written (so it always adds up to them).
 * - DID_SNAPSHOT: the numbers in service on each day of the period (from their days in service).
 * - MDR: message detail records. This server provisions numbers and carries no messages, so the
 *   file holds the header only.
 */
export const BILLING_REPORT_TYPES = ['BDR', 'MDR', 'INVOICE', 'STATEMENT_BDR', 'DID_SNAPSHOT'] as const;
export type BillingReportType = (typeof BILLING_REPORT_TYPES)[number];

type Rows = AsyncIterable<readonly (readonly CsvCell[])[]>;

interface CsvEntry {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: () => Rows;
}

export const DETAIL_HEADER = [
  'Date',
  'AccountId',
  'TelephoneNumber',
  'ChargeType',
  'Description',
  'Amount',
  'OrderId',
] as const;

const PAGE = 1000;

/** The query's charges a page at a time, along the unique index, with the event loop let through between pages. */
async function* chargePages(deps: AppDeps, q: ChargeQuery) {
  let after: ChargeKey | undefined;
  for (;;) {
    const page = await chargesPage(deps.database.db, q, after, PAGE);
    if (page.length > 0) yield page;
    if (page.length < PAGE) return;
    after = page[page.length - 1];
    await yieldToOthers();
  }
}

/** A kind of charge as people read it. */
export const describeCharge = (kind: string): string => CHARGE_KINDS[kind as ChargeKind]?.description ?? kind;

/** What an invoice sums, kind by kind, as its records are written. */
type Tally = Map<string, { count: number; amount: number }>;

async function* detailRows(deps: AppDeps, q: ChargeQuery, tally?: Tally): Rows {
  for await (const page of chargePages(deps, q)) {
    if (tally)
      for (const c of page) {
        const t = tally.get(c.kind) ?? { count: 0, amount: 0 };
        tally.set(c.kind, { count: t.count + 1, amount: t.amount + c.amount });
      }
    yield page.map((c) => [
      c.date,
      c.accountId,
      formatTn(c.tn),
      c.kind,
      describeCharge(c.kind),
      formatDollars(c.amount),
      c.reference,
    ]);
  }
}

async function* snapshotRows(deps: AppDeps, q: ChargeQuery): Rows {
  for await (const page of chargePages(deps, { ...q, kinds: NUMBER_DAY_KINDS }))
    yield page.map((c) => [
      c.date,
      formatTn(c.tn),
      c.kind === 'TOLLFREE_MRC' ? 'TOLLFREE' : 'LOCAL',
      c.accountId,
    ]);
}

// eslint-disable-next-line @typescript-eslint/require-await
async function* invoiceRows(tally: Tally, q: ChargeQuery): Rows {
  const totals = [...tally.entries()].sort(([a], [b]) => a.localeCompare(b));
  const count = totals.reduce((n, [, t]) => n + t.count, 0);
  const amount = totals.reduce((n, [, t]) => n + t.amount, 0);
  yield [
    ...totals.map(([kind, t]) => [kind, describeCharge(kind), t.count, formatDollars(t.amount)]),
    ['TOTAL', `${q.from} to ${q.to}`, count, formatDollars(amount)],
  ];
}

const span = (p: BillingPeriod) => `${p.startDate}_${p.endDate}`;
const query = (p: BillingPeriod, from = p.startDate, to = p.endDate): ChargeQuery => ({
  accountId: p.accountId,
  from,
  to,
});

function entriesOf(deps: AppDeps, type: BillingReportType, p: BillingPeriod): CsvEntry[] {
  const detail = (name: string, q: ChargeQuery): CsvEntry => ({
    name,
    header: DETAIL_HEADER,
    rows: () => detailRows(deps, q),
  });
  switch (type) {
    case 'BDR':
      return [detail(`bdr_${span(p)}.csv`, query(p))];
    case 'STATEMENT_BDR':
      return monthsOf(p, true).map((m) => detail(`statement_bdr_${m.month}.csv`, query(p, m.from, m.to)));
    case 'INVOICE': {
      const tally: Tally = new Map();
      return [
        {
          name: `invoice_${span(p)}_records.csv`,
          header: DETAIL_HEADER,
          rows: () => detailRows(deps, query(p), tally),
        },
        {
          name: `invoice_${span(p)}.csv`,
          header: ['ChargeType', 'Description', 'Quantity', 'Amount'],
          rows: () => invoiceRows(tally, query(p)),
        },
      ];
    }
    case 'DID_SNAPSHOT':
      return [
        {
          name: `did_snapshot_${span(p)}.csv`,
          header: ['Date', 'TelephoneNumber', 'NumberType', 'AccountId'],
          rows: () => snapshotRows(deps, query(p)),
        },
      ];
    case 'MDR':
      return [
        {
          name: `mdr_${span(p)}.csv`,
          header: ['Date', 'AccountId', 'From', 'To', 'Direction', 'Segments', 'Amount'],
          rows: async function* () {},
        },
      ];
  }
}

/** The CSV entries into a ZIP written to `out`, one after another; the number of rows written. */
async function writeZip(entries: readonly CsvEntry[], out: Writable, keepAlive: () => Promise<void>) {
  const zip = zipTo(out);
  let records = 0;
  for (const entry of entries) {
    const csv = zip.entry(entry.name);
    await put(csv, csvLines([entry.header]));
    for await (const rows of entry.rows()) {
      records += rows.length;
      await put(csv, csvLines(rows));
      await keepAlive();
    }
    csv.end();
    await yieldToOthers();
  }
  await zip.finish();
  return records;
}

/** A billing report's archive (row 93): its name and its records. */
export async function writeBillingArchive(
  deps: AppDeps,
  type: BillingReportType,
  p: BillingPeriod,
  out: Writable,
  keepAlive: () => Promise<void>,
): Promise<{ name: string; rows: number }> {
  const rows = await writeZip(entriesOf(deps, type, p), out, keepAlive);
  return { name: `${type.toLowerCase()}_${span(p)}.zip`, rows };
}

/** A BDR archive (row 96): the detail records of each month of the period, `bdrs_<start>_<end>.zip`. */
export async function writeBdrArchive(
  deps: AppDeps,
  p: BillingPeriod,
  out: Writable,
  keepAlive: () => Promise<void>,
): Promise<{ name: string; rows: number }> {
  const entries = monthsOf(p).map((m) => ({
    name: `bdr_${m.month}.csv`,
    header: DETAIL_HEADER,
    rows: () => detailRows(deps, query(p, m.from, m.to)),
  }));
  const rows = await writeZip(entries, out, keepAlive);
  return { name: `bdrs_${span(p)}.zip`, rows };
}

export const ZIP_CONTENT_TYPE = 'application/zip';
