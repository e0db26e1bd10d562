import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

/** Queries of porting out: the numbers each port-out holds, and the LSR order that asked for them. */

/**
 * Holds the numbers for an open port-out. A number already held by another open port-out is not
 * inserted (the unique index on open numbers decides, also between concurrent transactions); the
 * numbers actually held are returned.
 */
export async function holdPortOutNumbers(
  db: Executor,
  orderId: string,
  tns: readonly number[],
  lsrOrderId: string | undefined,
): Promise<number[]> {
  const held: number[] = [];
  for (let i = 0; i < tns.length; i += 500) {
    const rows = await db
      .insertInto('port_out_numbers')
      .values(
        tns
          .slice(i, i + 500)
          .map((tn) => ({ order_id: orderId, tn, lsr_order_id: lsrOrderId ?? null, open: 1 })),
      )
      .onConflict((oc) =>
        oc
          .column('tn')
          .where(sql<boolean>`open = 1`)
          .doNothing(),
      )
      .returning('tn')
      .execute();
    held.push(...rows.map((r) => r.tn));
  }
  return held;
}

/** The open port-outs holding any of the numbers: tn → port-out id. */
export async function openPortOutsOf(db: Executor, tns: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < tns.length; i += 500) {
    const rows = await db
      .selectFrom('port_out_numbers')
      .select(['tn', 'order_id'])
      .where('tn', 'in', tns.slice(i, i + 500))
      .where('open', '=', 1)
      .execute();
    for (const r of rows) out.set(r.tn, r.order_id);
  }
  return out;
}

/** The port-out's numbers, in order. */
export async function numbersOfPortOut(db: Executor, orderId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('port_out_numbers')
    .select('tn')
    .where('order_id', '=', orderId)
    .orderBy('tn')
    .execute();
  return rows.map((r) => r.tn);
}

/** The port-outs an LSR order asked for, by id. */
export async function portOutsOfLsr(db: Executor, lsrOrderId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('port_out_numbers')
    .select('order_id')
    .distinct()
    .where('lsr_order_id', '=', lsrOrderId)
    .orderBy('order_id')
    .execute();
  return rows.map((r) => r.order_id);
}

/** Every number an LSR order asked for, in order. */
export async function numbersOfLsr(db: Executor, lsrOrderId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('port_out_numbers')
    .select('tn')
    .where('lsr_order_id', '=', lsrOrderId)
    .orderBy('tn')
    .execute();
  return rows.map((r) => r.tn);
}

/** The LSR orders that asked for a number. */
export async function lsrOrdersWithNumber(db: Executor, tn: number): Promise<string[]> {
  const rows = await db
    .selectFrom('port_out_numbers')
    .select('lsr_order_id')
    .distinct()
    .where('tn', '=', tn)
    .where('lsr_order_id', 'is not', null)
    .execute();
  return rows.flatMap((r) => (r.lsr_order_id ? [r.lsr_order_id] : []));
}

/** The port-outs of a number, by id. */
export async function portOutsWithNumber(db: Executor, tn: number): Promise<string[]> {
  const rows = await db
    .selectFrom('port_out_numbers')
    .select('order_id')
    .distinct()
    .where('tn', '=', tn)
    .execute();
  return rows.map((r) => r.order_id);
}

/** The port-out's numbers are no longer held (it is complete or cancelled). */
export async function releasePortOutNumbers(db: Executor, orderId: string): Promise<void> {
  await db.updateTable('port_out_numbers').set({ open: 0 }).where('order_id', '=', orderId).execute();
}
