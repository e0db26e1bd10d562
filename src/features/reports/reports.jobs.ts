import { z } from 'zod';
import { Writable } from 'node:stream';
import type { AppDeps } from '../../context.js';
import type { JobDefinition, PrepareContext } from '../../platform/jobs/queue.js';
import {
  findOrderOnAnyAccount,
  lockOpenOrder,
  parseOrderJobPayload,
  transition,
  type OrderJobPayload,
} from '../orders-common/index.js';
import type { Cell, ReportDefinition } from './catalogue.js';
import { fileNameOf, FORMATS } from './formats/index.js';
import { REPORT_INSTANCES, type ReportInstance } from './reports.kind.js';
import { appendFilePart, deleteFile } from './reports.store.js';

/**
 * A report instance's jobs: `produce` writes its file outside any transaction (rows read a page at
 * a time, the file stored in parts of a megabyte as it is written, so neither is ever held whole and
 * other requests keep the database), then marks it Ready in one short transaction; `expire` deletes
 * the file at the end of the ExpiresAt day.
 */
const PART_BYTES = 1 << 20;
/** What producing a file gives the job's transaction: its size and rows (none when there was nothing to do). */
const Produced = z.object({ size: z.number(), rows: z.number(), generation: z.number() }).optional();

/** A sink that stores what it is given in parts of about a megabyte, keeping the job's lease alive. */
function fileSink(deps: AppDeps, ctx: PrepareContext, instanceId: string) {
  let buffered: Buffer[] = [];
  let bufferedBytes = 0;
  let seq = 0;
  let size = 0;
  const flush = async () => {
    if (bufferedBytes === 0) return;
    await appendFilePart(deps.database.db, instanceId, ctx.attempt, seq++, Buffer.concat(buffered));
    size += bufferedBytes;
    buffered = [];
    bufferedBytes = 0;
    await ctx.keepAlive();
  };
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      buffered.push(chunk);
      bufferedBytes += chunk.length;
      if (bufferedBytes < PART_BYTES) return done();
      flush().then(() => done(), done);
    },
    final(done) {
      flush().then(() => done(), done);
    },
  });
  // Its failures (storing a part, a lost lease) are read by the writers from `errored` as they
  // write; a listener keeps one between two writes from being an uncaught exception.
  stream.on('error', () => undefined);
  return { stream, size: () => size };
}

function parametersShown(i: ReportInstance) {
  return i.details.parameters.map((p) => ({ name: p.name, value: p.values.join(', ') }));
}

export function produceJob(
  deps: AppDeps,
  catalogue: readonly ReportDefinition[],
): JobDefinition<OrderJobPayload> {
  return {
    name: 'reports.produce',
    maxAttempts: 3,
    parse: parseOrderJobPayload,
    async prepare(ctx, { orderId }) {
      const instance = await findOrderOnAnyAccount(deps.database.db, REPORT_INSTANCES, orderId);
      if (instance?.status !== 'Processing') return undefined;
      const report = catalogue.find((r) => r.id === instance.details.reportId);
      if (!report) throw new Error(`report ${instance.details.reportId} is no longer in the catalogue`);
      // This attempt's parts only: another producer (a lost lease) writes its own generation.
      const sink = fileSink(deps, ctx, orderId);
      let rows = 0;
      async function* counted(): AsyncGenerator<readonly (readonly Cell[])[]> {
        const values = new Map(instance?.details.parameters.map((p) => [p.name, p.values]) ?? []);
        for await (const batch of report?.rows(deps, { accountId: instance?.accountId ?? '', values }) ??
          []) {
          rows += batch.length;
          yield batch;
          await ctx.keepAlive();
          // Reading and writing here resolve without I/O on SQLite: let requests in between pages.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      const table = {
        title: report.name,
        ranAt: deps.clock.now().toISOString(),
        parameters: parametersShown(instance),
        columns: report.columns,
      };
      await FORMATS[instance.details.outputFormat].write(table, counted(), sink.stream);
      return { size: sink.size(), rows, generation: ctx.attempt };
    },
    async run(ctx, { orderId }) {
      const instance = await lockOpenOrder(ctx.tx.db, deps.database.dialect, REPORT_INSTANCES, orderId);
      const file = Produced.parse(ctx.prepared);
      // Expired (or failed) while it was produced: nothing of it is kept.
      if (instance?.status !== 'Processing') {
        await deleteFile(ctx.tx.db, orderId);
        return;
      }
      if (!file) throw new Error(`report instance ${orderId}: its file was not produced`);
      const format = instance.details.outputFormat;
      const name = fileNameOf(instance.details.reportName, orderId, format);
      await deleteFile(ctx.tx.db, orderId, file.generation);
      await transition(
        ctx.tx.db,
        deps.clock,
        REPORT_INSTANCES,
        instance,
        'Ready',
        { note: `${file.rows} rows, ${file.size} bytes`, author: 'System' },
        { ...instance.details, file: { name, contentType: FORMATS[format].contentType, ...file } },
      );
    },
    async giveUp(ctx, { orderId }) {
      const instance = await lockOpenOrder(ctx.tx.db, deps.database.dialect, REPORT_INSTANCES, orderId);
      if (instance?.status !== 'Processing') return;
      await deleteFile(ctx.tx.db, orderId);
      await transition(ctx.tx.db, deps.clock, REPORT_INSTANCES, instance, 'Failed', {
        note: 'The report could not be produced',
        author: 'System',
      });
    },
  };
}

export function expireJob(deps: AppDeps): JobDefinition<OrderJobPayload> {
  return {
    name: 'reports.expire',
    parse: parseOrderJobPayload,
    async run(ctx, { orderId }) {
      const instance = await lockOpenOrder(ctx.tx.db, deps.database.dialect, REPORT_INSTANCES, orderId);
      if (!instance) return;
      await deleteFile(ctx.tx.db, orderId);
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
