import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import type { JobDefinition, PrepareContext } from '../../platform/jobs/queue.js';
import { parseOrderJobPayload, type OrderJobPayload } from './order-jobs.js';
import {
  findOrderOnAnyAccount,
  lockOpenOrder,
  requireOrder,
  type Order,
  type OrderKind,
} from './order-kind.js';
import { receiveOrder, transition } from './order-lifecycle.js';
import { appendFilePart, deleteFile, fileParts } from './order-files.store.js';

/**
 * Orders whose result is a file (report instances, billing reports, BDR archives): the file is
 * produced by a durable job outside any transaction, stored in the database in parts of about a
 * quarter of a megabyte as it is written (so neither the rows nor the file are ever held whole, and every
 * server instance can serve it), and recorded in the order's details when the order moves on.
 */
const PART_BYTES = 1 << 18;

/** A produced file as an order's details keep it. */
export const StoredFile = z.object({
  name: z.string(),
  contentType: z.string(),
  size: z.number(),
  rows: z.number(),
  /** Which producer's parts are the file's. */
  generation: z.number(),
});
export type StoredFile = z.infer<typeof StoredFile>;

/** What `produce` says of the file it wrote. */
export interface ProducedFile {
  readonly name: string;
  readonly contentType: string;
  readonly rows: number;
}

export interface FileJobSpec<S extends string, D> {
  readonly name: string;
  readonly kind: OrderKind<S, D>;
  /** The status the order is in while its file is produced, and the ones it ends in. */
  readonly producing: S;
  readonly ready: S;
  readonly failed: S;
  /** Writes the order's file to `out` (ending it), calling `ctx.keepAlive` as it goes. */
  produce(order: Order<S, D>, out: Writable, ctx: PrepareContext): Promise<ProducedFile>;
  /** The order's details with its file recorded. */
  withFile(details: D, file: StoredFile): D;
  /** The history note when the file cannot be produced. */
  readonly failedNote: string;
}

const Produced = StoredFile.optional();

/** A sink that stores what it is given in parts of about 256 KB, keeping the job's lease alive. */
function fileSink(deps: AppDeps, ctx: PrepareContext, orderId: string) {
  let buffered: Buffer[] = [];
  let bufferedBytes = 0;
  let seq = 0;
  let size = 0;
  const flush = async () => {
    if (bufferedBytes === 0) return;
    await appendFilePart(deps.database.db, orderId, ctx.attempt, seq++, Buffer.concat(buffered));
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

/**
 * The job that produces an order's file: `prepare` writes it (this attempt's parts only, so two
 * producers after a lost lease never mix), `run` keeps that generation and moves the order to
 * `ready` in one short transaction; an order that left `producing` meanwhile (expired) keeps nothing.
 */
export function fileProducingJob<S extends string, D>(
  deps: AppDeps,
  spec: FileJobSpec<S, D>,
): JobDefinition<OrderJobPayload> {
  const { kind } = spec;
  return {
    name: spec.name,
    maxAttempts: 3,
    parse: parseOrderJobPayload,
    async prepare(ctx, { orderId }) {
      const order = await findOrderOnAnyAccount(deps.database.db, kind, orderId);
      if (order?.status !== spec.producing) return undefined;
      const sink = fileSink(deps, ctx, orderId);
      const produced = await spec.produce(order, sink.stream, ctx);
      return { ...produced, size: sink.size(), generation: ctx.attempt } satisfies StoredFile;
    },
    async run(ctx, { orderId }) {
      const order = await lockOpenOrder(ctx.tx.db, deps.database.dialect, kind, orderId);
      const file = Produced.parse(ctx.prepared);
      if (order?.status !== spec.producing) {
        await deleteFile(ctx.tx.db, orderId);
        return;
      }
      if (!file) throw new Error(`${kind.name} ${orderId}: its file was not produced`);
      await deleteFile(ctx.tx.db, orderId, file.generation);
      await transition(
        ctx.tx.db,
        deps.clock,
        kind,
        order,
        spec.ready,
        { note: `${file.rows} rows, ${file.size} bytes`, author: 'System' },
        spec.withFile(order.details, file),
      );
    },
    async giveUp(ctx, { orderId }) {
      const order = await lockOpenOrder(ctx.tx.db, deps.database.dialect, kind, orderId);
      if (order?.status !== spec.producing) return;
      await deleteFile(ctx.tx.db, orderId);
      await transition(ctx.tx.db, deps.clock, kind, order, spec.failed, {
        note: spec.failedNote,
        author: 'System',
      });
    },
  };
}

/** The parts, or an error when they stop short of the size (the file was deleted meanwhile): the download is cut, not passed off as whole. */
async function* complete(parts: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  let sent = 0;
  for await (const part of parts) {
    sent += part.length;
    yield part;
  }
  if (sent !== size) throw new Error(`order file cut short: ${sent} of ${size} bytes`);
}

/** A stored file's bytes, read part by part (each one query), so no more than a part is held at once. */
export function storedFileParts(deps: AppDeps, orderId: string, file: StoredFile): AsyncIterable<Buffer> {
  return complete(fileParts(deps.database.db, orderId, file.generation), file.size);
}

export { deleteFile as deleteOrderFile } from './order-files.store.js';

/**
 * Receives an order whose result is a file and enqueues the job that produces it, in one
 * transaction (`alsoEnqueue`: its other jobs, such as an expiry); the stored order.
 */
export async function receiveFileOrder<S extends string, D>(
  deps: AppDeps,
  kind: OrderKind<S, D>,
  produce: JobDefinition<OrderJobPayload>,
  order: { readonly accountId: string; readonly details: D; readonly userId: string },
  alsoEnqueue?: (tx: Tx, orderId: string) => Promise<void>,
): Promise<Order<S, D>> {
  const id = randomUUID();
  await inTransaction(deps.database.db, async (tx) => {
    await receiveOrder(tx.db, deps.clock, kind, {
      id,
      accountId: order.accountId,
      quantity: 0,
      details: order.details,
      createdBy: order.userId,
      createdAt: deps.clock.now().toISOString(),
    });
    await deps.jobs.enqueue(tx, produce, { orderId: id });
    await alsoEnqueue?.(tx, id);
  });
  return requireOrder(deps, kind, order.accountId, id);
}
