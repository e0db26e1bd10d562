import type { CsvCell } from '../../platform/csv.js';
import { TN_STATUS_WIRE } from '../../shared/tn-status.js';
import type { AppDeps } from '../../context.js';

/**
 * What a report of the catalogue is (contract rows 81–82): its typed parameters and columns, and
 * its rows, read a page at a time through the features that own the data (never held whole); and
 * the parameters and readings the reports share.
 */
export type ParameterType =
  'Account ID' | 'Site ID' | 'SipPeer ID' | 'String' | 'Integer' | 'Boolean' | 'Enum' | 'Date';

export interface ReportParameter {
  readonly name: string;
  readonly type: ParameterType;
  readonly required: boolean;
  readonly description: string;
  readonly multiSelect: boolean;
  readonly help: string;
  /** An Enum's values: the internal name is sent, the display name shown. */
  readonly values?: readonly { readonly internalName: string; readonly displayName: string }[];
}

export type Cell = CsvCell;

export interface Column {
  readonly header: string;
  readonly type: 'text' | 'number' | 'date';
  /** In characters, for the workbook and the PDF's proportions. */
  readonly width: number;
}

/** A run of a report: the account and each parameter's accepted values. */
export interface ReportRun {
  readonly accountId: string;
  readonly values: ReadonlyMap<string, readonly string[]>;
}

export interface ReportDefinition {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly ReportParameter[];
  readonly columns: readonly Column[];
  /** Pairs of Date parameters that bound a range: the first may not be after the second. */
  readonly ranges?: readonly (readonly [string, string])[];
  /** The rows, in batches (a page of the underlying list each). */
  rows(deps: AppDeps, run: ReportRun): AsyncIterable<readonly (readonly Cell[])[]>;
}

// Rows per read: small enough that producing a page never holds the event loop for long.
export const PAGE = 250;

export const accountParameter: ReportParameter = {
  name: 'AccountId',
  type: 'Account ID',
  required: true,
  description: 'The account the report is about',
  multiSelect: false,
  help: 'Filled in with the account of the request when left out.',
};
export const siteParameter: ReportParameter = {
  name: 'SiteId',
  type: 'Site ID',
  required: false,
  description: 'Only this site (sub-account)',
  multiSelect: false,
  help: 'The id of one of the account’s sites; leave out for all of them.',
};

export const dateParameter = (name: string, description: string): ReportParameter => ({
  name,
  type: 'Date',
  required: false,
  description,
  multiSelect: false,
  help: 'YYYY-MM-DD',
});

/** A day range from two optional `yyyy-MM-dd` parameters (open ends are the far past and future). */
export function daysOf(run: ReportRun, from: string, to: string): { from: string; before: string } {
  const a = one(run, from);
  const b = one(run, to);
  return {
    from: a === undefined ? '0000-01-01T00:00:00.000Z' : `${a}T00:00:00.000Z`,
    before: b === undefined ? '9999-12-31T00:00:00.000Z' : new Date(Date.parse(b) + 86_400_000).toISOString(),
  };
}

export const statusName = (code: number): string =>
  TN_STATUS_WIRE[code as keyof typeof TN_STATUS_WIRE] ?? String(code);

export const one = (run: ReportRun, name: string): string | undefined => run.values.get(name)?.[0];
export const numberOf = (run: ReportRun, name: string): number | undefined => {
  const v = one(run, name);
  return v === undefined ? undefined : Number(v);
};
