import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { PortDocumentsTable } from '../../platform/db/tables.js';

/**
 * Queries of porting in: the reference data it reads (incumbents, NPA-NXX places), the
 * numbers each port-in holds, and its documents.
 */

/** Every incumbent carrier of the reference data, with how many rate centres it serves. */
export async function incumbents(db: Executor): Promise<{ name: string; rateCenters: number }[]> {
  const rows = await db
    .selectFrom('ref_rate_centers')
    .select(['ilec_name', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('ilec_name', 'is not', null)
    .groupBy('ilec_name')
    .execute();
  return rows.map((r) => ({ name: r.ilec_name ?? '', rateCenters: Number(r.n) }));
}

export interface NpaNxxPlace {
  readonly npaNxx: number;
  readonly rateCenter: string | null;
  readonly city: string | null;
  readonly state: string;
  readonly lata: string | null;
  readonly exchange: string | null;
  readonly incumbent: string | null;
}

/** The place and incumbent of each NPA-NXX (six digits as a number) the reference data knows. */
export async function npaNxxPlaces(
  db: Executor,
  npaNxxs: readonly number[],
): Promise<Map<number, NpaNxxPlace>> {
  const wanted = new Set(npaNxxs);
  const npas = [...new Set(npaNxxs.map((n) => String(Math.floor(n / 1000))))];
  const out = new Map<number, NpaNxxPlace>();
  for (let i = 0; i < npas.length; i += 200) {
    const rows = await db
      .selectFrom('ref_npanxx')
      .leftJoin('ref_rate_centers', 'ref_rate_centers.lcg_exchange', 'ref_npanxx.lcg_exchange')
      .select([
        'ref_npanxx.npa as npa',
        'ref_npanxx.nxx as nxx',
        'ref_npanxx.rate_center as rate_center',
        'ref_npanxx.city as city',
        'ref_npanxx.state as state',
        'ref_npanxx.lata as lata',
        'ref_npanxx.lcg_exchange as exchange',
        'ref_rate_centers.ilec_name as incumbent',
      ])
      .where('ref_npanxx.npa', 'in', npas.slice(i, i + 200))
      .execute();
    for (const r of rows) {
      const key = Number(r.npa) * 1000 + Number(r.nxx);
      if (!wanted.has(key) || out.has(key)) continue;
      out.set(key, {
        npaNxx: key,
        rateCenter: r.rate_center,
        city: r.city,
        state: r.state,
        lata: r.lata,
        exchange: r.exchange,
        incumbent: r.incumbent,
      });
    }
  }
  return out;
}

/**
 * Holds the numbers for an open port-in. A number already held by another open port-in is not
 * inserted (the unique index on open numbers decides, also between concurrent transactions); the
 * numbers actually held are returned.
 */
export async function holdNumbers(db: Executor, orderId: string, tns: readonly number[]): Promise<number> {
  let held = 0;
  for (let i = 0; i < tns.length; i += 500) {
    const rows = await db
      .insertInto('port_in_numbers')
      .values(tns.slice(i, i + 500).map((tn) => ({ order_id: orderId, tn, open: 1, activated_at: null })))
      .onConflict((oc) =>
        oc
          .column('tn')
          .where(sql<boolean>`open = 1`)
          .doNothing(),
      )
      .returning('tn')
      .execute();
    held += rows.length;
  }
  return held;
}

/** The open port-ins holding any of the numbers: tn → order id. */
export async function openPortInsOf(db: Executor, tns: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < tns.length; i += 500) {
    const rows = await db
      .selectFrom('port_in_numbers')
      .select(['tn', 'order_id'])
      .where('tn', 'in', tns.slice(i, i + 500))
      .where('open', '=', 1)
      .execute();
    for (const r of rows) out.set(r.tn, r.order_id);
  }
  return out;
}

/** The port-in's numbers are no longer held (it is complete or cancelled). */
export async function releaseNumbers(db: Executor, orderId: string): Promise<void> {
  await db.updateTable('port_in_numbers').set({ open: 0 }).where('order_id', '=', orderId).execute();
}

export interface PortInNumber {
  readonly tn: number;
  readonly activatedAt: string | undefined;
}

export async function numbersOfPortIn(db: Executor, orderId: string): Promise<PortInNumber[]> {
  const rows = await db
    .selectFrom('port_in_numbers')
    .select(['tn', 'activated_at'])
    .where('order_id', '=', orderId)
    .orderBy('tn')
    .execute();
  return rows.map((r) => ({ tn: r.tn, activatedAt: r.activated_at ?? undefined }));
}

export async function markActivated(
  db: Executor,
  orderId: string,
  tns: readonly number[],
  at: string,
): Promise<void> {
  for (let i = 0; i < tns.length; i += 500) {
    await db
      .updateTable('port_in_numbers')
      .set({ activated_at: at })
      .where('order_id', '=', orderId)
      .where('tn', 'in', tns.slice(i, i + 500))
      .execute();
  }
}

/** The account's port-ins that name the number (the list's `tn` filter). */
export async function portInsWithNumber(db: Executor, tn: number): Promise<string[]> {
  const rows = await db.selectFrom('port_in_numbers').select('order_id').where('tn', '=', tn).execute();
  return rows.map((r) => r.order_id);
}

export type DocumentRow = Selectable<PortDocumentsTable>;
export type DocumentInfo = Omit<DocumentRow, 'content'>;

const INFO = [
  'id',
  'order_id',
  'media_type',
  'size',
  'document_name',
  'document_type',
  'created_at',
  'updated_at',
] as const;

export async function insertDocument(db: Executor, row: DocumentRow): Promise<void> {
  await db.insertInto('port_documents').values(row).execute();
}

export async function documentsOf(db: Executor, orderId: string): Promise<DocumentInfo[]> {
  return db.selectFrom('port_documents').select(INFO).where('order_id', '=', orderId).orderBy('id').execute();
}

export async function findDocumentInfo(
  db: Executor,
  orderId: string,
  id: string,
): Promise<DocumentInfo | undefined> {
  return db
    .selectFrom('port_documents')
    .select(INFO)
    .where('order_id', '=', orderId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findDocument(
  db: Executor,
  orderId: string,
  id: string,
): Promise<DocumentRow | undefined> {
  return db
    .selectFrom('port_documents')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateDocument(
  db: Executor,
  orderId: string,
  id: string,
  set: Partial<Omit<DocumentRow, 'id' | 'order_id' | 'created_at'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('port_documents')
    .set(set)
    .where('order_id', '=', orderId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteDocument(db: Executor, orderId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('port_documents')
    .where('order_id', '=', orderId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
