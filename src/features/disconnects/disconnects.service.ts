import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { ApiError } from '../../platform/http/api-error.js';
import type { RootIn, RootOut } from '../../platform/xml/schema.js';
import { text } from '../../shared/fields.js';
import { parseCustomerOrderId, parseOrderName } from '../orders-common/order-fields.js';
import { formatTn, parseTn } from '../../shared/numbering.js';
import type { Query } from '../../platform/http/query.js';
import { listOrderPage, type OrderPage } from '../orders-common/order-list.js';
import { receiveOrder } from '../orders-common/order-machine.js';
import {
  findOrder,
  orderNumbers,
  type OrderNumberRow,
  type OrderRow,
} from '../orders-common/order-records.store.js';
import { MAX_ORDER_QUANTITY } from '../orders/orders.rules.js';
import { disconnectJob } from './disconnects.jobs.js';
import { DISCONNECT_STATUSES, disconnectOrderMachine, type DisconnectStatus } from './disconnects.machine.js';
import type { DisconnectRequestXml, DisconnectResponseXml } from './disconnects.xml.js';
import { OrderCommonErrors } from '../orders-common/orders-common.errors.js';
import { DisconnectErrors } from './disconnects.errors.js';

type DisconnectBody = RootIn<typeof DisconnectRequestXml>;

/** How the numbers leave: `normal` (and `soft-remove`) age first; `purge` is available again at once. */
export type DisconnectMode = 'normal' | 'soft-remove' | 'purge';
const MODES: readonly DisconnectMode[] = ['normal', 'soft-remove', 'purge'];
export type ProtectedChange = 'TRUE' | 'FALSE' | 'UNCHANGED';
const PROTECTED: readonly ProtectedChange[] = ['TRUE', 'FALSE', 'UNCHANGED'];

export interface DisconnectDetails {
  readonly tns: readonly number[];
  readonly mode: DisconnectMode;
  readonly protected: ProtectedChange;
  /** Order-level errors (the order could not be processed at all). */
  readonly errors?: readonly { readonly code: number; readonly description: string }[];
}

export interface DisconnectOrder {
  readonly id: string;
  readonly accountId: string;
  readonly status: DisconnectStatus;
  readonly customerOrderId: string | undefined;
  readonly createdAt: string;
  readonly details: DisconnectDetails;
}

function toDisconnect(row: OrderRow): DisconnectOrder {
  return {
    id: row.id,
    accountId: row.account_id,
    status: row.status as DisconnectStatus,
    customerOrderId: row.customer_order_id ?? undefined,
    createdAt: row.created_at,
    details: JSON.parse(row.details) as DisconnectDetails,
  };
}

/** A rejected POST: the error and the request as sent, both in the 400 body. */
export class DisconnectRejected extends ApiError {
  constructor(
    reason: ApiError,
    readonly body: DisconnectBody,
  ) {
    super(reason.status, reason.code, reason.description);
  }
}

interface DisconnectRequest {
  readonly name: string | undefined;
  readonly customerOrderId: string | undefined;
  readonly details: DisconnectDetails;
}

/** The synchronous checks: the list itself (present, valid, no repeats, ≤ 5000), the mode and flags. */
export function parseDisconnect(body: DisconnectBody): DisconnectRequest {
  const name = parseOrderName(body.name);
  const customerOrderId = parseCustomerOrderId(body.CustomerOrderId);
  const type = body.DisconnectTelephoneNumberOrderType ?? {};
  const list = (type.TelephoneNumberList ?? []).map((v) => text(v) ?? '');
  if (list.length === 0) throw ApiError.of(OrderCommonErrors.orderTnRequired);
  if (list.length > MAX_ORDER_QUANTITY)
    throw ApiError.of(OrderCommonErrors.orderTooManyTns, MAX_ORDER_QUANTITY);
  const tns = list.map((v) => {
    const tn = parseTn(v);
    if (tn === undefined) throw ApiError.of(OrderCommonErrors.orderTnInvalid);
    return tn;
  });
  if (new Set(tns).size !== tns.length) throw ApiError.of(OrderCommonErrors.orderDuplicateTns);
  const modeText = text(type.DisconnectMode) ?? 'normal';
  const mode = MODES.find((m) => m === modeText.toLowerCase());
  if (!mode) throw ApiError.of(DisconnectErrors.disconnectModeInvalid, modeText);
  const protectedText = text(type.Protected) ?? 'UNCHANGED';
  const protectedChange = PROTECTED.find((p) => p === protectedText.toUpperCase());
  if (!protectedChange) throw ApiError.of(DisconnectErrors.disconnectProtectedInvalid, protectedText);
  if (mode === 'purge' && protectedChange === 'TRUE')
    throw ApiError.of(DisconnectErrors.disconnectProtectedPurge);
  return { name, customerOrderId, details: { tns, mode, protected: protectedChange } };
}

/**
 * POST /disconnects: stores the order as RECEIVED with its job, in one transaction. Which numbers
 * can go is decided by the job: a number not in service here gets a per-number error.
 */
export async function createDisconnect(
  deps: AppDeps,
  accountId: string,
  body: DisconnectBody,
  userId: string,
): Promise<DisconnectOrder> {
  let request: DisconnectRequest;
  try {
    request = parseDisconnect(body);
  } catch (err) {
    if (err instanceof ApiError && err.status === 400) throw new DisconnectRejected(err, body);
    throw err;
  }
  const id = randomUUID();
  const now = deps.clock.now().toISOString();
  await inTransaction(deps.database.db, async (tx) => {
    await receiveOrder(tx.db, deps.clock, disconnectOrderMachine, {
      id,
      accountId,
      name: request.name,
      customerOrderId: request.customerOrderId,
      quantity: request.details.tns.length,
      details: request.details,
      createdBy: userId,
      createdAt: now,
    });
    await deps.jobs.enqueue(tx, disconnectJob(deps), { orderId: id });
  });
  return requireDisconnect(deps, accountId, id);
}

export async function requireDisconnect(
  deps: AppDeps,
  accountId: string,
  id: string,
): Promise<DisconnectOrder> {
  const row = await findOrder(deps.database.db, accountId, 'disconnect', id.toLowerCase());
  if (!row) throw ApiError.of(OrderCommonErrors.orderNotFound, 'Disconnect', id);
  return toDisconnect(row);
}

type DisconnectOut = RootOut<typeof DisconnectResponseXml>;

function orderRequestOf(o: DisconnectOrder): DisconnectOut['orderRequest'] {
  return {
    CustomerOrderId: o.customerOrderId,
    id: o.id,
    OrderCreateDate: o.createdAt,
    DisconnectTelephoneNumberOrderType: {
      TelephoneNumberList: o.details.tns.map(formatTn),
      DisconnectMode: o.details.mode,
      Protected: o.details.protected,
    },
  };
}

export function createdView(o: DisconnectOrder): DisconnectOut {
  return { orderRequest: orderRequestOf(o), OrderStatus: o.status };
}

/** GET /disconnects/{id}: errors per number, the numbers disconnected, the request, the status. */
export async function disconnectView(deps: AppDeps, o: DisconnectOrder): Promise<DisconnectOut> {
  const numbers: OrderNumberRow[] = await orderNumbers(deps.database.db, o.id);
  const errors = [
    ...numbers
      .filter((n) => n.outcome === 'failed')
      .map((n) => ({ Code: n.errorCode, Description: n.errorDescription, TelephoneNumber: formatTn(n.tn) })),
    ...(o.details.errors ?? []).map((e) => ({ Code: e.code, Description: e.description })),
  ];
  return {
    ErrorList: errors.length ? errors : undefined,
    DisconnectedTelephoneNumberList: numbers
      .filter((n) => n.outcome === 'completed')
      .map((n) => formatTn(n.tn)),
    orderRequest: orderRequestOf(o),
    OrderStatus: o.status,
  };
}

export function rejectedView(err: ApiError): DisconnectOut {
  const echo = err instanceof DisconnectRejected ? err.body.DisconnectTelephoneNumberOrderType : undefined;
  return {
    ErrorList: [{ Code: err.code, Description: err.description }],
    orderRequest: echo ? { DisconnectTelephoneNumberOrderType: echo } : undefined,
  };
}

/** GET /disconnects: filters status, userid, startdate/enddate; pages by order id. */
export function listDisconnects(
  deps: AppDeps,
  accountId: string,
  query: Query,
  linkBase: string,
): Promise<OrderPage> {
  return listOrderPage(deps, query, {
    filter: { accountId, kind: 'disconnect' },
    statuses: DISCONNECT_STATUSES,
    linkBase,
    echoed: ['status', 'userid', 'startdate', 'enddate'],
    defaultSize: 300,
  });
}
