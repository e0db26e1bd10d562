import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { ApiError } from '../../platform/http/api-error.js';
import { oneOf, text } from '../../shared/fields.js';
import { formatTn, isTollFreeNpa, parseTn } from '../../shared/numbering.js';
import { numbersByTn } from '../inventory/index.js';
import { optionsRefusal, refusalError } from '../sip-peer-tns/index.js';
import {
  checkOrderNumbers,
  OrderCommonErrors,
  parseCustomerOrderId,
  receiveOrder,
  requireOrder,
} from '../orders-common/index.js';
import { LidbErrors } from './lidbs.errors.js';
import { LIDB_REFUSALS, processJob } from './lidbs.jobs.js';
import {
  LIDBS,
  USE_TYPES,
  VISIBILITIES,
  type LidbError,
  type LidbGroup,
  type LidbOrder,
} from './lidbs.kind.js';

/**
 * LIDB orders: accepting one (every group's caller name checked; each number checked, those that
 * cannot take a caller name listed in the 201's ErrorList, as the contract shows), and reading it.
 */
export interface LidbGroupInput {
  readonly telephoneNumbers: readonly string[];
  readonly subscriberInformation?: string | undefined;
  readonly useType?: string | undefined;
  readonly visibility?: string | undefined;
}

export interface LidbInput {
  readonly customerOrderId?: string | undefined;
  readonly groups: readonly LidbGroupInput[];
}

const INFORMATION_MAX = 15;

/** A group's caller name checked (the first rule broken throws). */
function callerNameOf(g: LidbGroupInput): Omit<LidbGroup, 'tns'> {
  const info = g.subscriberInformation ?? '';
  if (info.startsWith(' ')) throw ApiError.of(LidbErrors.leadingSpace);
  const subscriberInformation = info.trim();
  if (subscriberInformation.length > INFORMATION_MAX) throw ApiError.of(LidbErrors.informationTooLong);
  const useType = oneOf(text(g.useType) ?? '', USE_TYPES);
  if (!useType) throw ApiError.of(LidbErrors.useTypeRequired);
  const visibility = oneOf(text(g.visibility) ?? '', VISIBILITIES);
  if (!visibility) throw ApiError.of(LidbErrors.visibilityRequired);
  return { subscriberInformation, useType, visibility };
}

/** POST /lidbs: RECEIVED, with the numbers that cannot take a caller name listed; its job queued. */
export async function createLidbOrder(
  deps: AppDeps,
  accountId: string,
  input: LidbInput,
  userId: string,
): Promise<LidbOrder> {
  const customerOrderId = parseCustomerOrderId(input.customerOrderId);
  if (input.groups.length === 0) throw ApiError.of(OrderCommonErrors.orderTnRequired);
  const named = input.groups.map((g) => ({
    ...callerNameOf(g),
    raw: g.telephoneNumbers.map((t) => text(t) ?? ''),
  }));
  if (named.every((g) => g.raw.length === 0)) throw ApiError.of(OrderCommonErrors.orderTnRequired);
  checkOrderNumbers(named.flatMap((g) => g.raw));
  const parsed = named.flatMap((g) => g.raw.map(parseTn)).filter((tn): tn is number => tn !== undefined);
  const rows = new Map((await numbersByTn(deps.database.db, parsed)).map((r) => [r.tn, r]));
  const errors: LidbError[] = [];
  const refuse = (tn: string, def: { code: number; template: string }) =>
    errors.push({ code: def.code, description: def.template, tn });
  const groups = named.map(({ raw, ...name }): LidbGroup => {
    const tns: number[] = [];
    const change = { callerName: { kind: 'set', value: name } } as const;
    for (const t of raw) {
      const tn = parseTn(t);
      const why = tn === undefined ? undefined : optionsRefusal(tn, rows.get(tn), accountId, change);
      if (tn === undefined) refuse(t, LidbErrors.notOnSystem);
      // Toll-free numbers are refused as such, whether this system has them or not.
      else if (isTollFreeNpa(Math.floor(tn / 10_000_000))) refuse(formatTn(tn), LidbErrors.tollFree);
      else if (why !== undefined) refuse(formatTn(tn), refusalError(why, LIDB_REFUSALS));
      else tns.push(tn);
    }
    return { ...name, tns };
  });
  const id = randomUUID();
  await inTransaction(deps.database.db, async (tx) => {
    await receiveOrder(tx.db, deps.clock, LIDBS, {
      id,
      accountId,
      customerOrderId,
      quantity: groups.reduce((n, g) => n + g.tns.length, 0) + errors.length,
      details: { groups, errors: errors.length > 0 ? errors : undefined },
      createdBy: userId,
      createdAt: deps.clock.now().toISOString(),
    });
    await deps.jobs.enqueue(tx, processJob(deps), { orderId: id });
  });
  return getLidbOrder(deps, accountId, id);
}

export function getLidbOrder(deps: AppDeps, accountId: string, id: string): Promise<LidbOrder> {
  return requireOrder(deps, LIDBS, accountId, id);
}
