import type { AppDeps } from '../../context.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import { yieldToOthers } from '../../platform/streams.js';
import {
  deleteOrderFile,
  fileProducingJob,
  lockOpenOrder,
  parseOrderJobPayload,
  transition,
  type OrderJobPayload,
} from '../orders-common/index.js';
import type { Cell, ReportDefinition } from './catalogue.js';
import { fileNameOf, FORMATS } from './formats/index.js';
import { REPORT_INSTANCES, type ReportInstance } from './reports.kind.js';

/**
 * A report instance's jobs: `produce` writes its file (orders-common's file-producing job: rows read
 * a page at a time, the file stored in parts as it is written) and marks it Ready; `expire` deletes
 * the file at the end of the ExpiresAt day.
 */
function parametersShown(i: ReportInstance) {
  return i.details.parameters.map((p) => ({ name: p.name, value: p.values.join(', ') }));
}

export function produceJob(
  deps: AppDeps,
  catalogue: readonly ReportDefinition[],
): JobDefinition<OrderJobPayload> {
  return fileProducingJob(deps, {
    name: 'reports.produce',
    kind: REPORT_INSTANCES,
    producing: 'Processing',
    ready: 'Ready',
    failed: 'Failed',
    failedNote: 'The report could not be produced',
    withFile: (details, file) => ({ ...details, file }),
    async produce(instance, out, ctx) {
      const report = catalogue.find((r) => r.id === instance.details.reportId);
      if (!report) throw new Error(`report ${instance.details.reportId} is no longer in the catalogue`);
      let rows = 0;
      async function* counted(r: ReportDefinition): AsyncGenerator<readonly (readonly Cell[])[]> {
        const values = new Map(instance.details.parameters.map((p) => [p.name, p.values]));
        for await (const batch of r.rows(deps, { accountId: instance.accountId, values })) {
          rows += batch.length;
          yield batch;
          await ctx.keepAlive();
          await yieldToOthers();
        }
      }
      const table = {
        title: report.name,
        ranAt: deps.clock.now().toISOString(),
        parameters: parametersShown(instance),
        columns: report.columns,
      };
      const format = instance.details.outputFormat;
      await FORMATS[format].write(table, counted(report), out);
      return {
        name: fileNameOf(instance.details.reportName, instance.id, format),
        contentType: FORMATS[format].contentType,
        rows,
      };
    },
  });
}

export function expireJob(deps: AppDeps): JobDefinition<OrderJobPayload> {
  return {
    name: 'reports.expire',
    parse: parseOrderJobPayload,
    async run(ctx, { orderId }) {
      const instance = await lockOpenOrder(ctx.tx.db, deps.database.dialect, REPORT_INSTANCES, orderId);
      if (!instance) return;
      await deleteOrderFile(ctx.tx.db, orderId);
      await transition(ctx.tx.db, deps.clock, REPORT_INSTANCES, instance, 'Expired', {
        note: `Expired at the end of ${instance.details.expiresAt}; the file was deleted`,
        author: 'System',
      });
    },
  };
}

export function reportJobs(
  deps: AppDeps,
  catalogue: readonly ReportDefinition[],
): JobDefinition<OrderJobPayload>[] {
  return [produceJob(deps, catalogue), expireJob(deps)];
}
