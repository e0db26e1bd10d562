import type { AppDeps } from '../../context.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import { writeBdrArchive, ZIP_CONTENT_TYPE } from '../billing/index.js';
import { fileProducingJob, type OrderJobPayload } from '../orders-common/index.js';
import { BDRS } from './bdrs.kind.js';

/** Builds a BDR archive from the account's charges, then marks it READY. */
export function produceBdrJob(deps: AppDeps): JobDefinition<OrderJobPayload> {
  return fileProducingJob(deps, {
    name: 'bdrs.produce',
    kind: BDRS,
    producing: 'PROCESSING',
    ready: 'READY',
    failed: 'FAILED',
    failedNote: 'The BDR archive could not be constructed',
    withFile: (details, file) => ({ ...details, file }),
    async produce(bdr, out, ctx) {
      const period = { accountId: bdr.accountId, ...bdr.details };
      const archive = await writeBdrArchive(deps, period, out, () => ctx.keepAlive());
      return { ...archive, contentType: ZIP_CONTENT_TYPE };
    },
  });
}
