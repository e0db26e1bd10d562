import { CommonErrors } from '../../shared/errors.js';
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { ApiError, type ErrorDefinition } from '../../platform/http/api-error.js';
import type { Coverage } from '../../shared/coverage.js';
import { parseFlag, text, type Flag } from '../../shared/fields.js';
import { numbersByTn } from '../inventory/index.js';
import {
  MAX_ORDER_QUANTITY,
  parseCustomerOrderId,
  parseOrderName,
  parseOrderTns,
  lockOrder,
  requireOrder,
  OrderMovedError,
  OrderCommonErrors,
  receiveOrder,
  recordHistory,
  transition,
  isTerminal,
  countCompleted,
  orderNumbers,
  updateOrderFields,
  type OrderNumber,
} from '../orders-common/index.js';
import { describeNumber, parseSearch, type FoundNumber, type Search } from '../search/index.js';
import { defaultPeerIdOf, findSipPeerOnSite } from '../sip-peers/index.js';
import { findSiteOf } from '../sites/index.js';
import { OrderErrors } from './orders.errors.js';
import { endStatus, fulfilmentJob, shortfallErrors } from './orders.jobs.js';
import {
  NEW_NUMBER_ORDERS,
  type NewNumberDetails,
  type NewNumberOrder,
  type OrderCriteria,
  type OrderType,
} from './orders.kind.js';

/**
 * New-number orders: accepting one (every rule that can be checked at once), reading it with its
 * numbers, and changing it (name, customer order id, closing a backorder). Its fulfilment is the
 * job in orders.jobs.ts.
 */

/** POST /orders, in our names (orders.xml.ts decodes it): text and flags as sent, checked here. */
export interface NewOrderInput {
  readonly name?: string | undefined;
  readonly customerOrderId?: string | undefined;
  readonly siteId?: string | number | undefined;
  readonly peerId?: string | number | undefined;
  readonly partialAllowed?: Flag | undefined;
  readonly backOrderRequested?: Flag | undefined;
  readonly tnAttributes?: readonly string[] | undefined;
  /** The order-type elements given; exactly one is required. */
  readonly orderTypes: readonly { readonly type: OrderType; readonly criteria: OrderCriteria }[];
}

/** PUT /orders/{id}. */
export interface UpdateOrderInput {
  readonly name?: string | undefined;
  readonly customerOrderId?: string | undefined;
  readonly closeOrder?: Flag | undefined;
}

const fail = (def: ErrorDefinition, ...args: (string | number)[]): never => {
  throw ApiError.of(def, ...args);
};

function flag(value: Flag | undefined, name: string, fallback: boolean): boolean {
  return parseFlag(value, () => ApiError.of(OrderErrors.orderCriteriaInvalid, name)) ?? fallback;
}

/** A positive whole number up to 5,000; absent: required by some types, else the seed's default of 5000. */
function quantity(value: string | undefined, requiredBy: ErrorDefinition | undefined): number {
  const t = text(value);
  if (t === undefined) return requiredBy ? fail(requiredBy) : MAX_ORDER_QUANTITY;
  const n = Number(t);
  if (!/^\d+$/.test(t) || n < 1 || n > MAX_ORDER_QUANTITY) fail(OrderErrors.orderQuantityInvalid, t);
  return n;
}

/** The availableNumbers parameter each criterion stands for. */
const SEARCH_PARAM: Partial<Readonly<Record<keyof OrderCriteria, string>>> = {
  areaCode: 'areacode',
  rateCenter: 'ratecenter',
  state: 'state',
  npaNxx: 'npanxx',
  npaNxxX: 'npanxxx',
  lata: 'lata',
  city: 'city',
  zip: 'zip',
  enableLca: 'lca',
  localVanity: 'localvanity',
  endsIn: 'endsin',
  tollFreeVanity: 'tollfreevanity',
  tollFreeWildCardPattern: 'tollfreewildcardpattern',
};

/** The availableNumbers query an order type's criteria stand for. */
function searchQuery(criteria: OrderCriteria): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, param] of Object.entries(SEARCH_PARAM)) {
    const value = text(criteria[name as keyof OrderCriteria] as string | undefined);
    if (value !== undefined) query[param] = value;
  }
  // NPANXXSearchAndOrderType takes an NPA-NXX-X in NpaNxx too ("a similar approach is viable").
  if (query.npanxx?.length === 7 && query.npanxxx === undefined) {
    query.npanxxx = query.npanxx;
    delete query.npanxx;
  }
  return query;
}

/**
 * The search parser run on the order's criteria (search order types are the equivalent
 * availableNumbers query, so ordering and searching agree on every rule); its 40xx errors are
 * reported as the ordering code 5002.
 */
function parseOrderSearch(query: Record<string, string>, wanted: number, cov: Coverage): Search {
  try {
    return parseSearch({ ...query, quantity: String(wanted) }, cov);
  } catch (err) {
    if (err instanceof ApiError && err.code >= 4000 && err.code < 4100) {
      throw ApiError.of(OrderErrors.orderValidation, err.description);
    }
    throw err;
  }
}

function tnAttributes(values: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const raw of values ?? []) {
    const v = text(raw) ?? '';
    if (!/^protected$/i.test(v)) fail(CommonErrors.tnAttributeInvalid, v);
    if (out.includes('Protected')) fail(OrderErrors.orderTnAttributeDuplicate, v);
    out.push('Protected');
  }
  return out;
}

function positiveId(value: string | number | undefined, invalid: ErrorDefinition): number | undefined {
  const t = text(value === undefined ? undefined : String(value));
  if (t === undefined) return undefined;
  return /^\d{1,9}$/.test(t) ? Number(t) : fail(invalid);
}

export interface ValidOrder {
  readonly name: string | undefined;
  readonly customerOrderId: string | undefined;
  readonly siteId: number;
  readonly peerId: number | undefined;
  readonly quantity: number;
  readonly details: NewNumberDetails;
}

/** The seed's common elements and its one order type, checked in the order Bandwidth reports them. */
export function validateNewOrder(input: NewOrderInput, cov: Coverage): ValidOrder {
  if (input.orderTypes.length !== 1) fail(OrderErrors.orderTypeInvalid);
  const { type: orderType, criteria } = input.orderTypes[0] as NewOrderInput['orderTypes'][number];
  const name = parseOrderName(input.name);
  const customerOrderId = parseCustomerOrderId(input.customerOrderId);
  const siteId =
    positiveId(input.siteId, OrderErrors.orderSiteInvalid) ?? fail(OrderErrors.orderSiteRequired);
  const peerId = positiveId(input.peerId, OrderErrors.orderPeerInvalid);
  const partialAllowed = flag(input.partialAllowed, 'PartialAllowed', true);
  const backOrderRequested = flag(input.backOrderRequested, 'BackOrderRequested', false);
  const attributes = tnAttributes(input.tnAttributes);
  const common = { orderType, criteria, partialAllowed, backOrderRequested, tnAttributes: attributes };

  if (orderType === 'existing') {
    const tns = parseOrderTns(criteria.telephoneNumbers);
    const reservationIds = (criteria.reservationIds ?? []).map((v) => (text(v) ?? '').toLowerCase());
    return {
      name,
      customerOrderId,
      siteId,
      peerId,
      quantity: tns.length,
      details: { ...common, tns, reservationIds },
    };
  }
  const required =
    orderType === 'areaCode'
      ? OrderErrors.orderAreaCodeQuantity
      : orderType === 'tollFreeVanity'
        ? OrderErrors.orderTollFreeVanityQuantity
        : undefined;
  if (orderType === 'areaCode' && text(criteria.areaCode) === undefined)
    fail(OrderErrors.orderAreaCodeQuantity);
  if (orderType === 'tollFreeVanity' && text(criteria.tollFreeVanity) === undefined) {
    fail(OrderErrors.orderTollFreeVanityQuantity);
  }
  const n = quantity(criteria.quantity, required);
  const query = searchQuery(criteria);
  if (Object.keys(query).filter((k) => k !== 'lca' && k !== 'endsin').length === 0) {
    fail(OrderErrors.orderCombinationUnsupported);
  }
  const search = parseOrderSearch(query, n, cov);
  if (search.kind === 'localVanity' && backOrderRequested) fail(OrderErrors.orderVanityBackorder);
  if (search.kind === 'tollFree' && attributes.includes('Protected'))
    fail(OrderErrors.orderProtectedTollFree);
  return { name, customerOrderId, siteId, peerId, quantity: n, details: { ...common, search: query } };
}

/**
 * POST /orders: validates everything that can be known now (the order type and its criteria, the
 * site and SIP peer, quantities, flags), then stores the order as RECEIVED with its history and the
 * fulfilment job in one transaction. The numbers are found and assigned by the job.
 */
export async function createOrder(
  deps: AppDeps,
  accountId: string,
  input: NewOrderInput,
  userId: string,
): Promise<NewNumberOrder> {
  const db = deps.database.db;
  const request = validateNewOrder(input, deps.coverage);
  const site = await findSiteOf(db, accountId, request.siteId);
  if (!site) throw ApiError.of(OrderErrors.orderSiteInvalid);
  let peerId = request.peerId;
  if (peerId === undefined) {
    peerId = (await defaultPeerIdOf(db, site.id)) ?? fail(OrderErrors.orderNoDefaultPeer);
  } else if (!(await findSipPeerOnSite(db, accountId, site.id, peerId))) {
    throw ApiError.of(OrderErrors.orderPeerInvalid);
  }
  const id = randomUUID();
  const now = deps.clock.now().toISOString();
  const order = {
    id,
    accountId,
    name: request.name,
    customerOrderId: request.customerOrderId,
    siteId: site.id,
    sipPeerId: peerId,
    quantity: request.quantity,
    details: request.details,
    createdBy: userId,
    createdAt: now,
  };
  await inTransaction(db, async (tx) => {
    await receiveOrder(tx.db, deps.clock, NEW_NUMBER_ORDERS, order);
    await deps.jobs.enqueue(tx, fulfilmentJob(deps), { orderId: id });
  });
  return {
    ...order,
    status: NEW_NUMBER_ORDERS.machine.initial,
    updatedAt: now,
    completedAt: undefined,
  };
}

/** The account's order; with `siteId`, only if it is on that site (a site's view of its orders). */
export async function requireNewNumberOrder(
  deps: AppDeps,
  accountId: string,
  orderId: string,
  siteId?: string,
): Promise<NewNumberOrder> {
  const order = await requireOrder(deps, NEW_NUMBER_ORDERS, accountId, orderId);
  if (siteId !== undefined && String(order.siteId) !== siteId) {
    throw ApiError.of(OrderCommonErrors.orderNotFound, NEW_NUMBER_ORDERS.label, orderId);
  }
  return order;
}

/** A completed number as GET shows it: the number, and its place and vendor when asked for. */
export type CompletedNumber = Partial<FoundNumber> & { readonly tn: number };

export interface OrderView {
  readonly order: NewNumberOrder;
  /** Whether the order has reached a final status (then it has a Summary and no pending count). */
  readonly final: boolean;
  readonly completed: readonly CompletedNumber[];
  readonly failed: readonly OrderNumber[];
}

/** GET /orders/{id}: the order with the numbers it obtained (with their details on request) and failed. */
export async function getOrder(
  deps: AppDeps,
  accountId: string,
  orderId: string,
  options: { readonly siteId?: string | undefined; readonly numberDetails?: boolean | undefined } = {},
): Promise<OrderView> {
  const order = await requireNewNumberOrder(deps, accountId, orderId, options.siteId);
  const numbers = await orderNumbers(deps.database.db, order.id);
  const done = numbers.filter((n) => n.outcome === 'completed').map((n) => n.tn);
  let completed: CompletedNumber[] = done.map((tn) => ({ tn }));
  if (options.numberDetails) {
    const rows = (await numbersByTn(deps.database.db, done)).sort((a, b) => a.tn - b.tn);
    completed = rows.map((r) => describeNumber(r, deps.coverage));
  }
  return {
    order,
    final: isTerminal(NEW_NUMBER_ORDERS.machine, order.status),
    completed,
    failed: numbers.filter((n) => n.outcome === 'failed'),
  };
}

/** The numbers of an order: what its number reports count. */
export async function numbersOfOrder(deps: AppDeps, order: NewNumberOrder): Promise<OrderNumber[]> {
  return orderNumbers(deps.database.db, order.id);
}

/**
 * PUT /orders/{id}: Name and CustomerOrderId may change (recorded in the history with the
 * difference); CloseOrder=true ends a backorder, keeping the numbers it already has.
 */
export async function updateOrder(
  deps: AppDeps,
  accountId: string,
  orderId: string,
  input: UpdateOrderInput,
  userId: string,
): Promise<void> {
  const current = await requireNewNumberOrder(deps, accountId, orderId);
  const name = parseOrderName(input.name);
  const customerOrderId = parseCustomerOrderId(input.customerOrderId);
  const close = flag(input.closeOrder, 'CloseOrder', false);
  if (close && current.status !== 'BACKORDERED') throw ApiError.of(OrderErrors.orderCloseNotBackordered);

  await inTransaction(deps.database.db, async (tx) => {
    const now = deps.clock.now().toISOString();
    // Wait for a fulfilment run in progress, then decide on the order as it left it.
    const order = (await lockOrder(tx.db, deps.database.dialect, NEW_NUMBER_ORDERS, current.id)) ?? current;
    if (close && order.status !== 'BACKORDERED') throw ApiError.of(OrderErrors.orderCloseNotBackordered);
    const changes: string[] = [];
    if (name !== undefined && name !== order.name) changes.push(`Name : "${order.name ?? ''}" --> ${name}`);
    if (customerOrderId !== undefined && customerOrderId !== order.customerOrderId) {
      changes.push(`CustomerOrderId : "${order.customerOrderId ?? ''}" --> ${customerOrderId}`);
    }
    if (changes.length > 0) {
      await updateOrderFields(tx.db, order.id, {
        name: name ?? order.name ?? null,
        customer_order_id: customerOrderId ?? order.customerOrderId ?? null,
        updated_at: now,
      });
      await recordHistory(tx.db, deps.clock, order.id, order.status, {
        note: 'Order updated',
        author: userId,
        difference: changes.join('; '),
      });
    }
    if (close) {
      const done = await countCompleted(tx.db, order.id);
      const final = endStatus(done, order.quantity);
      try {
        await transition(
          tx.db,
          deps.clock,
          NEW_NUMBER_ORDERS,
          order,
          final,
          { note: `Backorder closed: ${done} of ${order.quantity} numbers`, author: userId },
          { ...order.details, errors: shortfallErrors(order.details, final, done) },
        );
      } catch (err) {
        // A retry filled the order meanwhile: it is no longer a backorder to close.
        if (err instanceof OrderMovedError) throw ApiError.of(OrderErrors.orderCloseNotBackordered);
        throw err;
      }
    }
  });
}
