import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../context.js';
import type { Executor } from '../../platform/db/database.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { ApiError } from '../../platform/http/api-error.js';
import { parsePostalAddress, type AddressInput } from '../../shared/address.js';
import { CommonErrors } from '../../shared/errors.js';
import { maxLength, oneOf, parseBoolean, parseFlag, text } from '../../shared/fields.js';
import { formatTn, isTollFreeNpa, parseTn } from '../../shared/numbering.js';
import { isStateCode } from '../../shared/states.js';
import { numbersByTn } from '../inventory/index.js';
import { optionsRefusal, refusalError } from '../sip-peer-tns/index.js';
import {
  checkOrderNumbers,
  clearOrderNumbers,
  describeChanges,
  lockOrder,
  ordersOfKind,
  parseCustomerOrderId,
  receiveOrder,
  recordHistory,
  requireOrder,
  transition,
  updateOrderFields,
} from '../orders-common/index.js';
import { DldaErrors } from './dldas.errors.js';
import { DLDA_REFUSALS, processJob } from './dldas.jobs.js';
import {
  DLDAS,
  LISTING_NAME_KEYS,
  LISTING_TYPES,
  SUBSCRIBER_TYPES,
  type DldaDetails,
  type DldaError,
  type DldaGroup,
  type DldaOrder,
  type ListingNameKey,
} from './dldas.kind.js';

/**
 * DL/DA orders: accepting one (each group's listing checked, each number checked, those that
 * cannot be listed named in the order's ErrorList; none left is 16104), changing one by PUT (a new
 * round, or a cancel), and reading it.
 */
export interface DldaGroupInput {
  readonly telephoneNumbers: readonly string[];
  /** SubscriberType (POST) or AccountType (PUT and every response): RESIDENTIAL/RESIDENCE or BUSINESS. */
  readonly subscriberType?: string | undefined;
  readonly listingType?: string | undefined;
  readonly listingName?: Partial<Record<ListingNameKey, string | undefined>> | undefined;
  readonly listAddress?: string | undefined;
  readonly address?: AddressInput | undefined;
}

export interface DldaInput {
  readonly customerOrderId?: string | undefined;
  readonly groups: readonly DldaGroupInput[];
  /** DeleteDldaTnGroups, as sent (only a PUT may carry it). */
  readonly deleteGroups?: string | undefined;
}

/** 400 16104 with the numbers that could not be listed, for the body that lists them. */
export class NoNumbersToList extends ApiError {
  constructor(readonly errors: readonly DldaError[]) {
    const e = DldaErrors.noNumbers;
    super(e.status, e.code, e.template);
  }
}

const OPEN = ['RECEIVED', 'PROCESSING'] as const;
const LISTING_NAME_MAX = 100;
// An account's orders not yet processed: a handful in practice (each is processed within seconds).
const MAX_OPEN_ORDERS = 1000;

/** A group's listing checked (the first rule broken throws). */
function listingOf(g: DldaGroupInput): Omit<DldaGroup, 'tns'> {
  const typeText = text(g.subscriberType)?.toUpperCase();
  const subscriberType = oneOf(typeText === 'RESIDENCE' ? 'RESIDENTIAL' : (typeText ?? ''), SUBSCRIBER_TYPES);
  if (!subscriberType) throw ApiError.of(DldaErrors.subscriberTypeRequired);
  const listingType = oneOf(text(g.listingType)?.toUpperCase() ?? '', LISTING_TYPES);
  if (!listingType) throw ApiError.of(DldaErrors.listingTypeRequired);
  const listAddress = parseBoolean(g.listAddress, 'ListAddress') ?? false;
  const names = Object.fromEntries(
    LISTING_NAME_KEYS.flatMap((k) => {
      const v = maxLength(
        text(g.listingName?.[k]),
        LISTING_NAME_MAX,
        `${k.charAt(0).toUpperCase()}${k.slice(1)}`,
      );
      return v === undefined ? [] : [[k, v]];
    }),
  );
  const sent =
    g.address && Object.values<string | undefined>({ ...g.address }).some((v) => text(v) !== undefined);
  if (listAddress && !sent) throw ApiError.of(CommonErrors.addressRequired);
  let address: DldaGroup['address'];
  if (sent && g.address) {
    const state = text(g.address.stateCode);
    if (state !== undefined && !isStateCode(state)) throw ApiError.of(DldaErrors.stateCodeInvalid);
    const postal = parsePostalAddress(g.address);
    address = {
      ...postal,
      country: text(g.address.country) === undefined ? 'United States' : postal.country,
    };
  }
  return {
    subscriberType,
    listingType,
    listingName: Object.keys(names).length > 0 ? names : undefined,
    listAddress,
    address,
  };
}

/** The open DL/DA orders of the account (other than `except`) and the numbers each holds. */
async function numbersInOpenOrders(
  db: Executor,
  accountId: string,
  except?: string,
): Promise<Map<number, string>> {
  const held = new Map<number, string>();
  for (const o of await ordersOfKind(db, DLDAS, OPEN, MAX_OPEN_ORDERS, accountId)) {
    if (o.id === except) continue;
    for (const g of o.details.groups) for (const tn of g.tns) held.set(tn, o.id);
  }
  return held;
}

/** Every group's listing and numbers checked; the numbers that cannot be listed, each with why. */
async function checkGroups(
  db: Executor,
  accountId: string,
  input: readonly DldaGroupInput[],
  orderId?: string,
): Promise<{ groups: DldaGroup[]; errors: DldaError[] }> {
  if (input.length === 0) throw new NoNumbersToList([]);
  const named = input.map((g) => ({ ...listingOf(g), raw: g.telephoneNumbers.map((t) => text(t) ?? '') }));
  checkOrderNumbers(named.flatMap((g) => g.raw));
  const parsed = named.flatMap((g) => g.raw.map(parseTn)).filter((tn): tn is number => tn !== undefined);
  const rows = new Map((await numbersByTn(db, parsed)).map((r) => [r.tn, r]));
  const held = await numbersInOpenOrders(db, accountId, orderId);
  const errors: DldaError[] = [];
  const refuse = (tn: string, def: { code: number; template: string }, description = def.template) =>
    errors.push({ code: def.code, description, tn });
  const groups = named.map(({ raw, ...listing }): DldaGroup => {
    const tns: number[] = [];
    const change = { listing: { kind: 'set', value: listing } } as const;
    for (const t of raw) {
      const tn = parseTn(t);
      const why = tn === undefined ? undefined : optionsRefusal(tn, rows.get(tn), accountId, change);
      const holder = tn === undefined ? undefined : held.get(tn);
      if (tn === undefined) refuse(t, DldaErrors.notOnSystem);
      // Toll-free numbers are refused as such, whether this system has them or not.
      else if (isTollFreeNpa(Math.floor(tn / 10_000_000))) refuse(formatTn(tn), DldaErrors.tollFree);
      else if (why !== undefined) refuse(formatTn(tn), refusalError(why, DLDA_REFUSALS));
      else if (holder !== undefined)
        refuse(formatTn(tn), DldaErrors.inOpenOrder, ApiError.of(DldaErrors.inOpenOrder, holder).description);
      else tns.push(tn);
    }
    return { ...listing, tns };
  });
  if (groups.every((g) => g.tns.length === 0)) throw new NoNumbersToList(errors);
  return { groups, errors };
}

const countOf = (groups: readonly DldaGroup[], errors: readonly DldaError[]) =>
  groups.reduce((n, g) => n + g.tns.length, 0) + errors.length;

/** POST /dldas: RECEIVED, with the numbers that cannot be listed named; its job queued. */
export async function createDldaOrder(
  deps: AppDeps,
  accountId: string,
  input: DldaInput,
  userId: string,
): Promise<DldaOrder> {
  const customerOrderId = parseCustomerOrderId(input.customerOrderId);
  if (input.deleteGroups !== undefined) throw ApiError.of(DldaErrors.deleteGroupsNotSupported);
  const id = randomUUID();
  await inTransaction(deps.database.db, async (tx) => {
    const { groups, errors } = await checkGroups(tx.db, accountId, input.groups);
    await receiveOrder(tx.db, deps.clock, DLDAS, {
      id,
      accountId,
      customerOrderId,
      quantity: countOf(groups, errors),
      details: { groups, errors: errors.length > 0 ? errors : undefined },
      createdBy: userId,
      createdAt: deps.clock.now().toISOString(),
    });
    await deps.jobs.enqueue(tx, processJob(deps), { orderId: id });
  });
  return getDldaOrder(deps, accountId, id);
}

/**
 * PUT /dldas/{id}: new listings (or, with DeleteDldaTnGroups, their removal) for the order. Not yet
 * processed: its round takes the change (removal cancels it); processed: a new round. Being
 * processed (16105), failed (16106) or cancelled: refused.
 */
export async function updateDldaOrder(
  deps: AppDeps,
  accountId: string,
  id: string,
  input: DldaInput,
  userId: string,
): Promise<DldaOrder> {
  const remove = parseFlag(input.deleteGroups, () => ApiError.of(DldaErrors.deleteGroupsInvalid)) ?? false;
  const customerOrderIdSent = input.customerOrderId !== undefined;
  const customerOrderId = parseCustomerOrderId(input.customerOrderId);
  const found = await requireOrder(deps, DLDAS, accountId, id);
  await inTransaction(deps.database.db, async (tx) => {
    const order = await lockOrder(tx.db, deps.database.dialect, DLDAS, found.id);
    if (!order) throw new Error(`DL/DA order ${found.id} vanished`);
    if (order.status === 'PROCESSING') throw ApiError.of(DldaErrors.processing);
    if (order.status === 'FAILED') throw ApiError.of(DldaErrors.failed);
    if (order.status === 'CANCELLED') throw ApiError.of(DldaErrors.rejected, 'the order was cancelled');
    const now = deps.clock.now().toISOString();
    const nextCustomerOrderId = customerOrderIdSent ? customerOrderId : order.customerOrderId;
    const difference = describeChanges([['CustomerOrderId', order.customerOrderId, nextCustomerOrderId]]);
    const who = { author: userId, difference };
    const fields = { customer_order_id: nextCustomerOrderId ?? null, updated_at: now };
    // Removal before any round ran cancels; after one, it is a round that removes the listings.
    if (remove && order.status === 'RECEIVED' && !order.details.processed) {
      await updateOrderFields(tx.db, order.id, fields);
      await transition(tx.db, deps.clock, DLDAS, order, 'CANCELLED', { note: 'Order cancelled', ...who });
      return;
    }
    const processed = order.details.processed;
    let details: DldaDetails;
    if (remove) {
      details = { groups: order.details.groups, remove: true, processed };
    } else {
      const { groups, errors } = await checkGroups(tx.db, accountId, input.groups, order.id);
      details = { groups, errors: errors.length > 0 ? errors : undefined, processed };
    }
    const note = remove ? 'Listings to be removed' : 'Listings changed';
    const changed = {
      ...fields,
      quantity: countOf(details.groups, details.errors ?? []),
    };
    await clearOrderNumbers(tx.db, order.id);
    if (order.status === 'RECEIVED') {
      await updateOrderFields(tx.db, order.id, {
        ...changed,
        details: JSON.stringify(DLDAS.details.parse(details)),
      });
      await recordHistory(tx.db, deps.clock, order.id, order.status, { note, ...who });
      return;
    }
    await updateOrderFields(tx.db, order.id, changed);
    await transition(tx.db, deps.clock, DLDAS, order, 'RECEIVED', { note, ...who }, details);
    await deps.jobs.enqueue(tx, processJob(deps), { orderId: order.id });
  });
  return getDldaOrder(deps, accountId, found.id);
}

export function getDldaOrder(deps: AppDeps, accountId: string, id: string): Promise<DldaOrder> {
  return requireOrder(deps, DLDAS, accountId, id);
}
