import type { Executor } from '../../platform/db/database.js';

/** A report instance's file, in parts (migration 0011): written in order, read back in order. */
export async function appendFilePart(
  db: Executor,
  instanceId: string,
  seq: number,
  bytes: Buffer,
): Promise<void> {
  await db.insertInto('report_file_parts').values({ instance_id: instanceId, seq, bytes }).execute();
}

export async function deleteFile(db: Executor, instanceId: string): Promise<void> {
  await db.deleteFrom('report_file_parts').where('instance_id', '=', instanceId).execute();
}

/** The file's parts one at a time (each one query), so no more than a part is held at once. */
export async function* fileParts(db: Executor, instanceId: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const part = await db
      .selectFrom('report_file_parts')
      .select('bytes')
      .where('instance_id', '=', instanceId)
      .where('seq', '=', seq)
      .executeTakeFirst();
    if (!part) return;
    yield Buffer.from(part.bytes);
  }
}
