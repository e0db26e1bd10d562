import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { ApiError } from '../../platform/http/api-error.js';
import type { RootIn } from '../../platform/xml/schema.js';
import { text } from '../../shared/fields.js';
import { parseCustomerOrderId, parseOrderName } from '../orders-common/order-fields.js';
import { findDefaultPeerId, findSipPeer } from '../sip-peers/sip-peers.store.js';
import { findSite } from '../sites/sites.store.js';
import { OrderMovedError, receiveOrder, recordHistory, transition } from '../orders-common/order-machine.js';
import {
  countCompleted,
  findOrder,
  lockOrder,
  orderNumbers,
  updateOrderFields,
  type OrderNumberRow,
  type OrderRow,
} from '../orders-common/order-records.store.js';
import { endStatus, orderFulfilmentJob, shortfallErrors } from './orders.fulfil.js';
import { NEW_NUMBER_STATUSES, newNumberOrderMachine, type NewNumberStatus } from './orders.machine.js';
import { listOrderPage, type OrderPage } from '../orders-common/order-list.js';
import type { Query } from '../../platform/http/query.js';
import { requireSite } from '../sites/sites.service.js';
import { parseNewOrder, type NewNumberDetails } from './orders.rules.js';
import type { OrderRequestXml } from './orders.xml.js';
import { OrderCommonErrors } from '../orders-common/orders-common.errors.js';
import { OrderErrors } from './orders.errors.js';

type OrderBody = RootIn<typeof OrderRequestXml>;

/** An order as the API shows it. */
export interface NewNumberOrder {
  readonly id: string;
  readonly accountId: string;
  readonly status: NewNumberStatus;
  readonly name: string | undefined;
  readonly customerOrderId: string | undefined;
  readonly siteId: number | undefined;
  readonly peerId: number | undefined;
  readonly quantity: number;
  readonly details: NewNumberDetails;
  readonly createdBy: string | undefined;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly completedAt: string | undefined;
}

export function toOrder(row: OrderRow): NewNumberOrder {
  return {
    id: row.id,
    accountId: row.account_id,
    status: row.status as NewNumberStatus,
    name: row.name ?? undefined,
    customerOrderId: row.customer_order_id ?? undefined,
    siteId: row.site_id ?? undefined,
    peerId: row.sip_peer_id ?? undefined,
    quantity: row.quantity,
    details: JSON.parse(row.details) as NewNumberDetails,
    createdBy: row.created_by ?? undefined,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at ?? undefined,
  };
}

/** A rejected POST: the errors and the order as sent, both in the 400 body. */
export class OrderRejected extends ApiError {
  constructor(
    readonly reason: ApiError,
    readonly body: OrderBody,
  ) {
    super(reason.status, reason.code, reason.description);
  }
}

/**
 * POST /orders: validates everything that can be known now (the order type and its criteria, the
 * site and SIP peer, quantities, flags), then stores the order as RECEIVED with its history and the
 * fulfilment job in one transaction. The numbers are found and assigned by the job.
 */
export async function createOrder(
  deps: AppDeps,
  accountId: string,
  body: OrderBody,
  userId: string,
): Promise<NewNumberOrder> {
  const db = deps.database.db;
  try {
    const request = parseNewOrder(body, deps.coverage);
    const site = await findSite(db, accountId, request.siteId);
    if (!site) throw ApiError.of(OrderErrors.orderSiteInvalid);
    let peerId = request.peerId;
    if (peerId === undefined) {
      peerId = await findDefaultPeerId(db, site.id);
      if (peerId === undefined) throw ApiError.of(OrderErrors.orderNoDefaultPeer);
    } else if (!(await findSipPeer(db, accountId, site.id, peerId))) {
      throw ApiError.of(OrderErrors.orderPeerInvalid);
    }
    const id = randomUUID();
    const now = deps.clock.now().toISOString();
    await inTransaction(db, async (tx) => {
      await receiveOrder(tx.db, deps.clock, newNumberOrderMachine, {
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
      });
      await deps.jobs.enqueue(tx, orderFulfilmentJob(deps), { orderId: id });
    });
    return {
      id,
      accountId,
      status: newNumberOrderMachine.initial,
      name: request.name,
      customerOrderId: request.customerOrderId,
      siteId: site.id,
      peerId,
      quantity: request.quantity,
      details: request.details,
      createdBy: userId,
      createdAt: now,
      updatedAt: now,
      completedAt: undefined,
    };
  } catch (err) {
    if (err instanceof ApiError && err.status === 400) throw new OrderRejected(err, body);
    throw err;
  }
}

/** The account's new-number order; with `siteId`, only if it is on that site (site views). */
export async function requireOrder(
  deps: AppDeps,
  accountId: string,
  orderId: string,
  siteId?: string,
): Promise<NewNumberOrder> {
  const row = await findOrder(deps.database.db, accountId, 'new_number', orderId.toLowerCase());
  const onSite = siteId === undefined || (row !== undefined && String(row.site_id) === siteId);
  if (!row || !onSite) throw ApiError.of(OrderCommonErrors.orderNotFound, 'New number', orderId);
  return toOrder(row);
}

export interface OrderOutcome {
  readonly order: NewNumberOrder;
  readonly numbers: readonly OrderNumberRow[];
}

export async function orderWithNumbers(
  deps: AppDeps,
  accountId: string,
  orderId: string,
  siteId?: string,
): Promise<OrderOutcome> {
  const order = await requireOrder(deps, accountId, orderId, siteId);
  return { order, numbers: await orderNumbers(deps.database.db, order.id) };
}

/** GET /orders (or a site's /orders): filters status, customerOrderId, userid, startdate/enddate; pages by order id. */
export async function listOrders(
  deps: AppDeps,
  accountId: string,
  query: Query,
  linkBase: string,
  siteId?: string,
): Promise<OrderPage> {
  const site = siteId === undefined ? undefined : (await requireSite(deps, accountId, siteId)).id;
  return listOrderPage(deps, query, {
    filter: { accountId, kind: 'new_number', siteId: site },
    statuses: NEW_NUMBER_STATUSES,
    linkBase,
    echoed: site === undefined ? ['customerOrderId', 'status', 'userid', 'startdate', 'enddate'] : [],
    defaultSize: 300,
  });
}

/**
 * PUT /orders/{id}: Name and CustomerOrderId may change (recorded in the history with the
 * difference); CloseOrder=true ends a backorder, keeping the numbers it already has.
 */
export async function updateOrder(
  deps: AppDeps,
  accountId: string,
  orderId: string,
  body: OrderBody,
  userId: string,
): Promise<void> {
  const current = await requireOrder(deps, accountId, orderId);
  const name = parseOrderName(body.Name);
  const customerOrderId = parseCustomerOrderId(body.CustomerOrderId);
  const closeText = text(body.CloseOrder);
  if (closeText !== undefined && !/^(true|false)$/i.test(closeText)) {
    throw ApiError.of(OrderErrors.orderCriteriaInvalid, 'CloseOrder');
  }
  const close = closeText !== undefined && /^true$/i.test(closeText);
  if (close && current.status !== 'BACKORDERED') throw ApiError.of(OrderErrors.orderCloseNotBackordered);

  await inTransaction(deps.database.db, async (tx) => {
    const now = deps.clock.now().toISOString();
    // Wait for a fulfilment run in progress, then decide on the order as it left it.
    const lockedRow = await lockOrder(tx.db, deps.database.dialect, current.id);
    const order = lockedRow ? toOrder(lockedRow) : current;
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
          newNumberOrderMachine,
          order,
          final,
          { note: `Backorder closed: ${done} of ${order.quantity} numbers`, author: userId },
          JSON.stringify({
            ...order.details,
            errors: shortfallErrors(order.details, final, done),
          }),
        );
      } catch (err) {
        // A retry filled the order meanwhile: it is no longer a backorder to close.
        if (err instanceof OrderMovedError) throw ApiError.of(OrderErrors.orderCloseNotBackordered);
        throw err;
      }
    }
  });
}
