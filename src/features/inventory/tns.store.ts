import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/tables.js';
import type { NumberRecord } from './inventory.store.js';
import { TnStatus } from '../../shared/tn-status.js';

/**
 * Queries behind the telephone-number views (/tns, inserviceNumbers, discnumbers). Every list is
 * ordered by number and limited, and is scoped first by owner (`account_id`, `site_id` or
 * `sip_peer_id`: the partial indexes `(x, tn)`), so a page reads one index range per owner and
 * stops; NPA / NPA-NXX / NPA-NXX-X and page starts are ranges on `tn` inside it.
 */
export interface NumberQuery {
  /** Owners: the numbers must be on one of these accounts (an empty list matches nothing). */
  readonly accountIds: readonly string[];
  readonly siteId?: number | undefined;
  readonly sipPeerIds?: readonly number[] | undefined;
  readonly statuses?: readonly number[] | undefined;
  /** Inclusive range of numbers (NPA, NPA-NXX, NPA-NXX-X, a full number). */
  readonly range?: readonly [number, number] | undefined;
  readonly tier?: number | undefined;
  readonly lata?: string | undefined;
  readonly state?: string | undefined;
  readonly rateCenterIds?: readonly number[] | undefined;
  readonly cityIds?: readonly number[] | undefined;
  /** `status_changed_at` in [from, before). */
  readonly changedFrom?: string | undefined;
  readonly changedBefore?: string | undefined;
}

type NumbersQuery<O> = SelectQueryBuilder<DB, 'telephone_numbers', O>;

function applyFilter<O>(q: NumbersQuery<O>, f: NumberQuery): NumbersQuery<O> {
  let out = q.where('account_id', 'in', f.accountIds.length ? [...f.accountIds] : ['']);
  if (f.siteId !== undefined) out = out.where('site_id', '=', f.siteId);
  if (f.sipPeerIds !== undefined) {
    out = out.where('sip_peer_id', 'in', f.sipPeerIds.length ? [...f.sipPeerIds] : [-1]);
  }
  if (f.statuses !== undefined) out = out.where('status', 'in', f.statuses.length ? [...f.statuses] : [-1]);
  if (f.range) out = out.where('tn', '>=', f.range[0]).where('tn', '<=', f.range[1]);
  if (f.tier !== undefined) out = out.where('tier', '=', f.tier);
  if (f.lata !== undefined) out = out.where('lata', '=', f.lata);
  if (f.state !== undefined) out = out.where('state', '=', f.state);
  if (f.rateCenterIds !== undefined) {
    out = out.where('rate_center_id', 'in', f.rateCenterIds.length ? [...f.rateCenterIds] : [-1]);
  }
  if (f.cityIds !== undefined) out = out.where('city_id', 'in', f.cityIds.length ? [...f.cityIds] : [-1]);
  if (f.changedFrom !== undefined) out = out.where('status_changed_at', '>=', f.changedFrom);
  if (f.changedBefore !== undefined) out = out.where('status_changed_at', '<', f.changedBefore);
  return out;
}

/**
 * Up to `limit` numbers matching `f`, from `fromTn` on, in number order. With several accounts,
 * each account's range is read on its own (one ordered index range, stopping at `limit`) and the
 * pages merged, instead of sorting every number of every account.
 */
export async function listNumbers(
  db: Executor,
  f: NumberQuery,
  fromTn: number | undefined,
  limit: number,
): Promise<NumberRecord[]> {
  const one = (accountIds: readonly string[]) => {
    let q = applyFilter(db.selectFrom('telephone_numbers').selectAll(), { ...f, accountIds });
    if (fromTn !== undefined) q = q.where('tn', '>=', fromTn);
    return q.orderBy('tn').limit(limit).execute();
  };
  if (f.accountIds.length <= 1) return one(f.accountIds);
  const pages: NumberRecord[] = [];
  for (const accountId of f.accountIds) pages.push(...(await one([accountId])));
  return pages.sort((a, b) => a.tn - b.tn).slice(0, limit);
}

/** Only the numbers, for the TN lists (inserviceNumbers: one account). */
export async function listNumberKeys(
  db: Executor,
  f: NumberQuery,
  fromTn: number | undefined,
  limit: number,
): Promise<number[]> {
  let q = applyFilter(db.selectFrom('telephone_numbers').select('tn'), f);
  if (fromTn !== undefined) q = q.where('tn', '>=', fromTn);
  const rows = await q.orderBy('tn').limit(limit).execute();
  return rows.map((r) => r.tn);
}

export async function countNumbers(db: Executor, f: NumberQuery): Promise<number> {
  const row = await applyFilter(
    db.selectFrom('telephone_numbers').select((eb) => eb.fn.countAll<string | number>().as('n')),
    f,
  ).executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface NumberDetail extends NumberRecord {
  readonly site_name: string | null;
  readonly sip_peer_name: string | null;
}

/** A number with the names of its site and SIP peer (both on the number's own account). */
export async function findNumberDetail(db: Executor, tn: number): Promise<NumberDetail | undefined> {
  return db
    .selectFrom('telephone_numbers as t')
    .leftJoin('sites as s', (j) =>
      j.onRef('s.id', '=', 't.site_id').onRef('s.account_id', '=', 't.account_id'),
    )
    .leftJoin('sip_peers as p', (j) =>
      j.onRef('p.id', '=', 't.sip_peer_id').onRef('p.account_id', '=', 't.account_id'),
    )
    .selectAll('t')
    .select(['s.name as site_name', 'p.name as sip_peer_name'])
    .where('t.tn', '=', tn)
    .executeTakeFirst();
}

/** Account-created times are the earliest trace of a deployment (fallback for the build time). */
export async function earliestAccountCreation(db: Executor): Promise<string | undefined> {
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.min<string | null>('created_at').as('first'))
    .executeTakeFirst();
  return row?.first ?? undefined;
}

/** Disconnects: history rows that moved a number of `accountId` to aging, `at` in [from, before). */
export interface DisconnectQuery {
  readonly accountId: string;
  readonly from?: string | undefined;
  readonly before?: string | undefined;
}

function disconnects(eb: ExpressionBuilder<DB, 'tn_history'>, f: DisconnectQuery) {
  const terms = [eb('account_id', '=', f.accountId), eb('status', '=', sql.lit(TnStatus.aging))];
  if (f.from !== undefined) terms.push(eb('at', '>=', f.from));
  if (f.before !== undefined) terms.push(eb('at', '<', f.before));
  return eb.and(terms);
}

/** Numbers disconnected from the account (each once, however often), from `fromTn` on, in order. */
export async function listDisconnected(
  db: Executor,
  f: DisconnectQuery,
  fromTn: number | undefined,
  limit: number,
): Promise<number[]> {
  let q = db
    .selectFrom('tn_history')
    .select('tn')
    .distinct()
    .where((eb) => disconnects(eb, f));
  if (fromTn !== undefined) q = q.where('tn', '>=', fromTn);
  const rows = await q.orderBy('tn').limit(limit).execute();
  return rows.map((r) => r.tn);
}

export async function countDisconnected(db: Executor, f: DisconnectQuery): Promise<number> {
  const row = await db
    .selectFrom('tn_history')
    .select((eb) => eb.fn.count<string | number>('tn').distinct().as('n'))
    .where((eb) => disconnects(eb, f))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
