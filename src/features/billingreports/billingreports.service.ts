import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { ApiError } from '../../platform/http/api-error.js';
import { CommonErrors } from '../../shared/errors.js';
import { isUuid, oneOf, text } from '../../shared/fields.js';
import { BILLING_REPORT_TYPES, BillingErrors, parseBillingDates } from '../billing/index.js';
import { findOrder, receiveOrder, requireOrder, type StoredFile } from '../orders-common/index.js';
import { BillingReportErrors } from './billingreports.errors.js';
import { produceBillingReportJob } from './billingreports.jobs.js';
import { BILLING_REPORTS, type BillingReport } from './billingreports.kind.js';

/** Billing reports: requested (type and dates checked), read, and their archives served once built. */
export interface BillingReportInput {
  readonly type?: string | undefined;
  readonly startDate?: string | undefined;
  readonly endDate?: string | undefined;
}

/** POST /accounts/{id}/billingreports: PROCESSING, its archive built by a job. */
export async function createBillingReport(
  deps: AppDeps,
  accountId: string,
  input: BillingReportInput,
  userId: string,
): Promise<BillingReport> {
  const typeText = text(input.type) ?? '';
  const type = oneOf(typeText.toUpperCase(), BILLING_REPORT_TYPES);
  if (!type) throw ApiError.of(BillingReportErrors.typeInvalid, typeText, BILLING_REPORT_TYPES.join(', '));
  const dates = parseBillingDates(input.startDate, input.endDate);
  const id = randomUUID();
  await inTransaction(deps.database.db, async (tx) => {
    await receiveOrder(tx.db, deps.clock, BILLING_REPORTS, {
      id,
      accountId,
      quantity: 0,
      details: { type, ...dates },
      createdBy: userId,
      createdAt: deps.clock.now().toISOString(),
    });
    await deps.jobs.enqueue(tx, produceBillingReportJob(deps), { orderId: id });
  });
  return requireOrder(deps, BILLING_REPORTS, accountId, id);
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
