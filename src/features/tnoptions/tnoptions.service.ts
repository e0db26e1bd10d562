import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { ApiError } from '../../platform/http/api-error.js';
import { CommonErrors } from '../../shared/errors.js';
import { text } from '../../shared/fields.js';
import { parseTn } from '../../shared/numbering.js';
import {
  MAX_ORDER_QUANTITY,
  OrderCommonErrors,
  parseCustomerOrderId,
  receiveOrder,
  requireOrder,
} from '../orders-common/index.js';
import { applyNumberOptions } from '../sip-peer-tns/index.js';
import { TnOptionErrors } from './tnoptions.errors.js';
import { changeOf, processJob, refusalOf } from './tnoptions.jobs.js';
import {
  TN_OPTIONS,
  type OptionName,
  type TnOptionGroup,
  type TnOptionOrder,
  type TnOptionValues,
} from './tnoptions.kind.js';

/**
 * TN-option orders: accepting one (every group's options checked against the seed's value sets, the
 * numbers well formed, none twice, at most 5,000), and reading it. The job changes the numbers.
 */
export interface TnOptionGroupInput {
  readonly options: Partial<Record<OptionName, string | undefined>>;
  readonly telephoneNumbers: readonly string[];
}

export interface TnOptionInput {
  readonly customerOrderId?: string | undefined;
  readonly groups: readonly TnOptionGroupInput[];
}

const KEEP = ['unchanged', 'systemdefault'];
const FORMATS = ['10digit', '11digit', 'e164'];
const URI = /^([A-Za-z0-9._+-]{1,40})@(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?$/;
const URI_MAX = 60;

/** One option's value, lower-cased when it is a keyword; a refused value throws its code. */
function optionValue(name: OptionName, raw: string): string {
  const v = raw.trim();
  const lower = v.toLowerCase();
  const keep = KEEP.includes(lower);
  switch (name) {
    case 'numberFormat':
    case 'rpidFormat':
      if (keep || FORMATS.includes(lower)) return lower;
      throw ApiError.of(
        name === 'numberFormat' ? TnOptionErrors.numberFormatInvalid : TnOptionErrors.rpidFormatInvalid,
        v,
      );
    case 'rewriteUser':
      if (keep) return lower;
      if (/^[A-Za-z0-9+._-]{1,64}$/.test(v)) return v;
      throw ApiError.of(TnOptionErrors.rewriteUserInvalid, v);
    case 'callForward': {
      if (keep) return lower;
      const tn = parseTn(v);
      if (tn !== undefined) return String(tn);
      throw ApiError.of(TnOptionErrors.callForwardInvalid, v);
    }
    case 'callingNameDisplay':
      if (keep || lower === 'on' || lower === 'off') return lower;
      throw ApiError.of(TnOptionErrors.callingNameInvalid, v, 'on, off, unchanged, systemdefault');
    case 'sms':
      if (lower === 'unchanged' || lower === 'on' || lower === 'off') return lower;
      throw ApiError.of(TnOptionErrors.smsInvalid, v, 'on, off, unchanged');
    case 'protected':
      if (keep || lower === 'true' || lower === 'false') return lower;
      throw ApiError.of(TnOptionErrors.protectedInvalid, v);
    case 'finalDestinationUri': {
      if (keep) return lower;
      if (parseTn(v) !== undefined) return String(parseTn(v));
      if (v.length >= URI_MAX) throw ApiError.of(TnOptionErrors.finalDestinationTooLong, URI_MAX - 1);
      const m = URI.exec(v);
      if (!m) throw ApiError.of(TnOptionErrors.finalDestinationForm);
      if (m[2]?.split('.').some((o) => Number(o) > 255))
        throw ApiError.of(TnOptionErrors.finalDestinationHost);
      return v;
    }
  }
}

/** One number's options of a line-option order (row 74), as sent. */
export interface LineOptionInput {
  readonly telephoneNumber: string;
  readonly options: Partial<Record<OptionName, string | undefined>>;
}

export interface LineOptionResult {
  readonly completed: readonly number[];
  readonly errors: readonly { readonly tn: string; readonly code: number; readonly description: string }[];
}

/**
 * POST /lineOptionOrders (row 74), the synchronous per-number form TN-option orders replaced: each
 * number's values checked by the same rules, then, in one transaction, applied to each number in
 * service on the account. A number that fails a rule is an error of its own; the others go ahead.
 */
export async function applyLineOptions(
  deps: AppDeps,
  accountId: string,
  entries: readonly LineOptionInput[],
): Promise<LineOptionResult> {
  const errors: { tn: string; code: number; description: string }[] = [];
  const valid: { tn: number; options: TnOptionValues }[] = [];
  const seen = new Set<number>();
  for (const entry of entries) {
    const raw = text(entry.telephoneNumber) ?? '';
    const tn = parseTn(raw);
    const fail = (e: ApiError) => errors.push({ tn: raw, code: e.code, description: e.description });
    if (tn === undefined)
      fail(ApiError.of(raw ? OrderCommonErrors.orderTnInvalid : OrderCommonErrors.orderTnRequired));
    else if (seen.has(tn)) fail(ApiError.of(TnOptionErrors.duplicateTn));
    else {
      seen.add(tn);
      try {
        valid.push({ tn, options: optionValues(entry.options) });
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        fail(err);
      }
    }
  }
  const completed: number[] = [];
  await inTransaction(deps.database.db, async (tx) => {
    for (const { tn, options } of valid) {
      const result = await applyNumberOptions(deps, tx.db, accountId, [tn], changeOf(options));
      const why = result.refused.get(tn);
      if (why === undefined) completed.push(tn);
      else {
        const e = refusalOf(tn, why, options.callForward);
        errors.push({ tn: String(tn), code: e.code, description: e.description });
      }
    }
  });
  return { completed, errors };
}

/** A group's or a line's options, each checked (the first rule broken throws). */
function optionValues(raw: Partial<Record<OptionName, string | undefined>>): TnOptionValues {
  const options: TnOptionValues = {};
  for (const [name, value] of Object.entries(raw) as [OptionName, string | undefined][]) {
    const t = text(value);
    if (t !== undefined) options[name] = optionValue(name, t);
  }
  return options;
}

/** The request checked: its groups with their values and numbers (pure; the first rule broken throws). */
export function validateTnOptions(input: TnOptionInput): {
  customerOrderId: string | undefined;
  groups: TnOptionGroup[];
} {
  const customerOrderId = parseCustomerOrderId(input.customerOrderId);
  if (input.groups.length === 0) throw ApiError.of(TnOptionErrors.groupsRequired);
  const seen = new Set<number>();
  const groups = input.groups.map((g): TnOptionGroup => {
    const options = optionValues(g.options);
    const list = g.telephoneNumbers.map((t) => text(t) ?? '').filter((t) => t !== '');
    if (list.length === 0) throw ApiError.of(OrderCommonErrors.orderTnRequired);
    const tns = list.map(
      (t) =>
        parseTn(t) ??
        (() => {
          throw ApiError.of(OrderCommonErrors.orderTnInvalid);
        })(),
    );
    for (const tn of tns) {
      if (seen.has(tn)) throw ApiError.of(OrderCommonErrors.orderDuplicateTns);
      seen.add(tn);
    }
    return { options, tns };
  });
  if (seen.size > MAX_ORDER_QUANTITY) throw ApiError.of(CommonErrors.tooManyTns, MAX_ORDER_QUANTITY);
  return { customerOrderId, groups };
}

/** POST /tnoptions: RECEIVED, with its job queued in the same transaction. */
export async function createTnOptionOrder(
  deps: AppDeps,
  accountId: string,
  input: TnOptionInput,
  userId: string,
): Promise<TnOptionOrder> {
  const { customerOrderId, groups } = validateTnOptions(input);
  const id = randomUUID();
  await inTransaction(deps.database.db, async (tx) => {
    await receiveOrder(tx.db, deps.clock, TN_OPTIONS, {
      id,
      accountId,
      customerOrderId,
      quantity: groups.reduce((n, g) => n + g.tns.length, 0),
      details: { groups },
      createdBy: userId,
      createdAt: deps.clock.now().toISOString(),
    });
    await deps.jobs.enqueue(tx, processJob(deps), { orderId: id });
  });
  return getTnOptionOrder(deps, accountId, id);
}

export function getTnOptionOrder(deps: AppDeps, accountId: string, id: string): Promise<TnOptionOrder> {
  return requireOrder(deps, TN_OPTIONS, accountId, id);
}
