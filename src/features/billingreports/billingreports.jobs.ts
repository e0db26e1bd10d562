import type { AppDeps } from '../../context.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import { writeBillingArchive, ZIP_CONTENT_TYPE } from '../billing/index.js';
import { fileProducingJob, type OrderJobPayload } from '../orders-common/index.js';
import { BILLING_REPORTS } from './billingreports.kind.js';

/** Builds a billing report's archive from the account's charges, then marks it COMPLETED. */
export function produceBillingReportJob(deps: AppDeps): JobDefinition<OrderJobPayload> {
  return fileProducingJob(deps, {
    name: 'billingreports.produce',
    kind: BILLING_REPORTS,
    producing: 'PROCESSING',
    ready: 'COMPLETED',
    failed: 'FAILED',
    failedNote: 'The report archive could not be constructed',
    withFile: (details, file) => ({ ...details, file }),
    async produce(report, out, ctx) {
      const { type, startDate, endDate } = report.details;
      const period = { accountId: report.accountId, startDate, endDate };
      const archive = await writeBillingArchive(deps, type, period, out, () => ctx.keepAlive());
      return { ...archive, contentType: ZIP_CONTENT_TYPE };
    },
  });
}
