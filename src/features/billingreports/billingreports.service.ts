import type { AppDeps } from '../../context.js';
import { ApiError } from '../../platform/http/api-error.js';
import { CommonErrors } from '../../shared/errors.js';
import { isUuid, oneOf, text } from '../../shared/fields.js';
import { BILLING_REPORT_TYPES, BillingErrors, parseBillingDates } from '../billing/index.js';
import { findOrder, receiveFileOrder, type StoredFile } from '../orders-common/index.js';
import { BillingReportErrors } from './billingreports.errors.js';
import { produceBillingReportJob } from './billingreports.jobs.js';
import { BILLING_REPORTS, type BillingReport } from './billingreports.kind.js';

/** Billing reports: requested (type and dates checked), read, and their archives served once built. */
export interface BillingReportInput {
  readonly type?: string | undefined;
  readonly startDate?: string | undefined;
  readonly endDate?: string | undefined;
}

/** Bandwidth's short names of two types (its 15600 text lists them so). */
const TYPE_ALIASES: Readonly<Record<string, string>> = { STMTBDR: 'STATEMENT_BDR', DIDSNAP: 'DID_SNAPSHOT' };

/** POST /accounts/{id}/billingreports: PROCESSING, its archive built by a job. */
export async function createBillingReport(
  deps: AppDeps,
  accountId: string,
  input: BillingReportInput,
  userId: string,
): Promise<BillingReport> {
  const typeText = text(input.type) ?? '';
  const upper = typeText.toUpperCase();
  const type = oneOf(TYPE_ALIASES[upper] ?? upper, BILLING_REPORT_TYPES);
  if (!type) throw ApiError.of(BillingReportErrors.typeInvalid, typeText, BILLING_REPORT_TYPES.join(', '));
  const dates = parseBillingDates(input.startDate, input.endDate);
  return receiveFileOrder(deps, BILLING_REPORTS, produceBillingReportJob(deps), {
    accountId,
    details: { type, ...dates },
    userId,
  });
}

/** GET …/billingreports/{id}: 400 (1008) for an id that is no UUID, 404 (15603) for one not on the account. */
export async function getBillingReport(deps: AppDeps, accountId: string, id: string): Promise<BillingReport> {
  if (!isUuid(id)) throw ApiError.of(CommonErrors.invalidUuid, id);
  const report = await findOrder(deps.database.db, BILLING_REPORTS, accountId, id);
  if (!report) throw ApiError.of(BillingReportErrors.notFound);
  return report;
}

/** The archive of a COMPLETED report; 202 (15602) while it is built. */
export function billingReportFile(report: BillingReport): StoredFile {
  if (report.status === 'PROCESSING') throw ApiError.of(BillingErrors.archiveInProgress);
  const file = report.details.file;
  if (report.status === 'FAILED' || !file) throw ApiError.of(BillingReportErrors.failed);
  return file;
}
