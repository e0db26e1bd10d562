import type { Executor } from '../../platform/db/database.js';

/**
 * An order's file (a report instance's, a billing archive), in parts (table `report_file_parts` of
 * migration 0011, named after its first user): written in order by one producer (its generation:
 * the job attempt that wrote it), read back in order; the other generations are deleted when one
 * is kept.
 */
export async function appendFilePart(
  db: Executor,
  orderId: string,
  generation: number,
  seq: number,
  bytes: Buffer,
): Promise<void> {
  await db.insertInto('report_file_parts').values({ instance_id: orderId, generation, seq, bytes }).execute();
}

/** Deletes the instance's parts: all of them, or all but those of the generation kept. */
export async function deleteFile(db: Executor, orderId: string, keep?: number): Promise<void> {
  let q = db.deleteFrom('report_file_parts').where('instance_id', '=', orderId);
  if (keep !== undefined) q = q.where('generation', '<>', keep);
  await q.execute();
}

/** The file's parts one at a time (each one query), so no more than a part is held at once. */
export async function* fileParts(db: Executor, orderId: string, generation: number): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const part = await db
      .selectFrom('report_file_parts')
      .select('bytes')
      .where('instance_id', '=', orderId)
      .where('generation', '=', generation)
      .where('seq', '=', seq)
      .executeTakeFirst();
    if (!part) return;
    yield Buffer.isBuffer(part.bytes) ? part.bytes : Buffer.from(part.bytes);
  }
}
