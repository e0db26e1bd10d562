import type { Executor } from '../../platform/db/database.js';
import type { RateCard } from './rates.js';

/** Rate cards and charges (migration 0012). Amounts in micros. */

/** The stored cards of these accounts ('*' for the default one), by account. */
export async function findRateCards(
  db: Executor,
  accountIds: readonly string[],
): Promise<Map<string, RateCard>> {
  const rows = await db.selectFrom('rate_cards').selectAll().where('account_id', 'in', accountIds).execute();
  return new Map(
    rows.map((row) => [
      row.account_id,
      {
        localMrc: row.local_mrc,
        tollfreeMrc: row.tollfree_mrc,
        e911Mrc: row.e911_mrc,
        cnamMrc: row.cnam_mrc,
        orderNrc: row.order_nrc,
        portinNrc: row.portin_nrc,
        featureNrc: row.feature_nrc,
      },
    ]),
  );
}

export async function saveRateCard(db: Executor, accountId: string, r: RateCard, at: string): Promise<void> {
  const values = {
    local_mrc: r.localMrc,
    tollfree_mrc: r.tollfreeMrc,
    e911_mrc: r.e911Mrc,
    cnam_mrc: r.cnamMrc,
    order_nrc: r.orderNrc,
    portin_nrc: r.portinNrc,
    feature_nrc: r.featureNrc,
    updated_at: at,
  };
  await db
    .insertInto('rate_cards')
    .values({ account_id: accountId, ...values })
    .onConflict((oc) => oc.column('account_id').doUpdateSet(values))
    .execute();
}

export interface ChargeRow {
  readonly accountId: string;
  readonly tn: number;
  /** yyyy-MM-dd */
  readonly date: string;
  readonly kind: string;
  readonly amount: number;
  /** The order charged; '' for a day in service. */
  readonly reference: string;
}

export interface Charge extends ChargeRow {
  readonly id: number;
}

/** Writes charges; one already written (a day accrued again, an order charged again) is left as it was. */
export async function insertCharges(db: Executor, rows: readonly ChargeRow[], at: string): Promise<void> {
  // 8 values a row: well within SQLite's 32,766 bound variables.
  for (let i = 0; i < rows.length; i += 2000) {
    await db
      .insertInto('charges')
      .values(
        rows.slice(i, i + 2000).map((r) => ({
          account_id: r.accountId,
          tn: r.tn,
          charge_date: r.date,
          kind: r.kind,
          amount: r.amount,
          reference: r.reference,
          created_at: at,
        })),
      )
      .onConflict((oc) => oc.columns(['account_id', 'charge_date', 'kind', 'tn', 'reference']).doNothing())
      .execute();
  }
}

/** Where a page of charges starts: after this key (the unique key's order). */
export interface ChargeKey {
  readonly date: string;
  readonly kind: string;
  readonly tn: number;
  readonly reference: string;
}

export interface ChargeQuery {
  readonly accountId: string;
  /** yyyy-MM-dd, both included. */
  readonly from: string;
  readonly to: string;
  readonly kinds?: readonly string[] | undefined;
}

/** A page of the account's charges in the range, in (date, kind, number, order) order, read along the unique index. */
export async function chargesPage(
  db: Executor,
  q: ChargeQuery,
  after: ChargeKey | undefined,
  limit: number,
): Promise<Charge[]> {
  let query = db
    .selectFrom('charges')
    .select(['id', 'account_id', 'tn', 'charge_date', 'kind', 'amount', 'reference'])
    .where('account_id', '=', q.accountId)
    .where('charge_date', '>=', q.from)
    .where('charge_date', '<=', q.to);
  if (q.kinds) query = query.where('kind', 'in', q.kinds);
  if (after)
    query = query.where((eb) =>
      eb(
        eb.refTuple('charge_date', 'kind', 'tn', 'reference'),
        '>',
        eb.tuple(after.date, after.kind, after.tn, after.reference),
      ),
    );
  const rows = await query
    .orderBy('charge_date')
    .orderBy('kind')
    .orderBy('tn')
    .orderBy('reference')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    accountId: r.account_id,
    tn: r.tn,
    date: r.charge_date,
    kind: r.kind,
    amount: r.amount,
    reference: r.reference,
  }));
}

/** The account's charges in the range summed per kind. */
export async function chargeTotals(
  db: Executor,
  q: ChargeQuery,
): Promise<{ kind: string; count: number; amount: number }[]> {
  const rows = await db
    .selectFrom('charges')
    .select((eb) => ['kind', eb.fn.countAll<number>().as('count'), eb.fn.sum<number>('amount').as('amount')])
    .where('account_id', '=', q.accountId)
    .where('charge_date', '>=', q.from)
    .where('charge_date', '<=', q.to)
    .groupBy('kind')
    .orderBy('kind')
    .execute();
  return rows.map((r) => ({ kind: r.kind, count: r.count, amount: r.amount }));
}
