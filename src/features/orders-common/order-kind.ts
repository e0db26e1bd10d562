import type { z } from 'zod';
import type { NonRecurringCharge } from '../billing/index.js';
import type { AppDeps } from '../../context.js';
import type { Dialect, Executor } from '../../platform/db/database.js';
import { ApiError } from '../../platform/http/api-error.js';
import type { ErrorShape } from '../../platform/http/error-shapes.js';
import type { RouteDef } from '../../platform/http/routes.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import { isState, isTerminal, statesOf, type Machine } from './order-machine.js';
import { OrderCommonErrors } from './orders-common.errors.js';
import {
  findOrderRow,
  findOrderRowByName,
  findOrderRowOfKind,
  listOrderRowsOfKind,
  lockOrderRow,
  type OrderRow,
} from './orders-common.store.js';

/**
 * A kind of order (new numbers, disconnects, and the kinds to come): what every kind declares once,
 * in its `<kind>.kind.ts`, and what the shared pieces (lifecycle, notes, history, lists, number
 * reports) need to know of it. See CONTEXT.md for the checklist of adding one.
 */
export interface OrderKindSpec<S extends string, D> {
  /** Stored in `orders.kind`: 'new_number', 'disconnect'. */
  readonly name: string;
  /** How its 404 names it: "New number order {id} not found." (5035). */
  readonly label: string;
  /** Its collection under /accounts/{accountId}/: 'orders', 'disconnects'. */
  readonly collection: string;
  /** The role its routes need (VIEW for GET, UPDATE otherwise). */
  readonly role: string;
  /** The error body of its routes for one order (404s, 400s of notes aside). */
  readonly errorShape: ErrorShape;
  readonly machine: Machine<S>;
  /** What each order of the kind keeps besides the common columns, validated whenever it is read. */
  readonly details: z.ZodType<D>;
  /**
   * How subscriptions name the kind (`OrderType`, contract §11): 'orders', 'disconnects', 'portins', …;
   * undefined for a kind whose orders are not notified (report instances).
   */
  readonly subscriptionType: string | undefined;
  /** The statuses whose reaching is notified to subscribers (contract §11). */
  readonly notifies: readonly S[];
  /** Notifications of a final status list the numbers the order completed (port-ins, port-outs, orders, disconnects). */
  readonly notifiesCompletedNumbers: boolean;
  /** What the kind adds to a status notification from its details (a port-in at FOC: `ActualFocDate`). */
  notificationFields?(details: D, status: S): { readonly actualFocDate?: string | undefined };
  /** What the kind charges per number a completed order took (features/billing), if anything. */
  readonly charge?: NonRecurringCharge;
  /** The FOC date of a port (the actual one once given, else the one requested), for reports. */
  focDateOf?(details: D): string | undefined;
}

export type OrderKind<S extends string = string, D = unknown> = OrderKindSpec<S, D>;

export function defineOrderKind<S extends string, D>(spec: OrderKindSpec<S, D>): OrderKind<S, D> {
  if ((spec.subscriptionType === undefined) !== (spec.notifies.length === 0))
    throw new Error(`${spec.name}: a kind notifies some statuses exactly when subscriptions can name it`);
  const strays = spec.notifies.filter((s: string) => !isState(spec.machine, s));
  if (strays.length > 0)
    throw new Error(`${spec.name}: notified statuses ${strays.join(', ')} are not states`);
  return spec;
}

/** A registered kind: its identity, and the routes and jobs it brings (features/index.ts lists them). */
export interface OrderKindModule {
  readonly kind: OrderKind;
  routes(deps: AppDeps): RouteDef[];
  jobs(deps: AppDeps): JobDefinition<unknown>[];
}

/** An order of a kind, as operations see it: the common columns typed, and the kind's details. */
export interface Order<S extends string, D> {
  readonly id: string;
  readonly accountId: string;
  readonly status: S;
  readonly name: string | undefined;
  readonly customerOrderId: string | undefined;
  readonly siteId: number | undefined;
  readonly sipPeerId: number | undefined;
  readonly quantity: number;
  readonly details: D;
  readonly createdBy: string | undefined;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly completedAt: string | undefined;
}

/** The row as an order of `kind`: its status must be one of the machine's, its details the kind's. */
export function orderOf<S extends string, D>(kind: OrderKind<S, D>, row: OrderRow): Order<S, D> {
  if (row.kind !== kind.name) throw new Error(`order ${row.id} is a ${row.kind}, not a ${kind.name}`);
  const status = row.status;
  if (!isState(kind.machine, status))
    throw new Error(`order ${row.id}: unknown ${kind.name} status ${status}`);
  return {
    id: row.id,
    accountId: row.account_id,
    status,
    name: row.name ?? undefined,
    customerOrderId: row.customer_order_id ?? undefined,
    siteId: row.site_id ?? undefined,
    sipPeerId: row.sip_peer_id ?? undefined,
    quantity: row.quantity,
    details: kind.details.parse(JSON.parse(row.details)),
    createdBy: row.created_by ?? undefined,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at ?? undefined,
  };
}

/** The account's order of the kind (ids match in any case), or undefined. */
export async function findOrder<S extends string, D>(
  db: Executor,
  kind: OrderKind<S, D>,
  accountId: string,
  id: string,
): Promise<Order<S, D> | undefined> {
  const row = await findOrderRow(db, accountId, kind.name, id.toLowerCase());
  return row && orderOf(kind, row);
}

/** The account's order of the kind with this name (an LSR order's PON), or undefined. */
export async function findOrderByName<S extends string, D>(
  db: Executor,
  kind: OrderKind<S, D>,
  accountId: string,
  name: string,
): Promise<Order<S, D> | undefined> {
  const row = await findOrderRowByName(db, accountId, kind.name, name);
  return row && orderOf(kind, row);
}

/**
 * An order of the kind on whichever account it is: for orders a kind opens on other accounts (an
 * LSR order's port-outs live on the owners' accounts). Never for answering a customer's request.
 */
export async function findOrderOnAnyAccount<S extends string, D>(
  db: Executor,
  kind: OrderKind<S, D>,
  id: string,
): Promise<Order<S, D> | undefined> {
  const row = await findOrderRowOfKind(db, kind.name, id);
  return row && orderOf(kind, row);
}

/** The account's order of the kind, or 404 5035 naming the kind ("New number order … not found."). */
export async function requireOrder<S extends string, D>(
  deps: AppDeps,
  kind: OrderKind<S, D>,
  accountId: string,
  id: string,
): Promise<Order<S, D>> {
  const order = await findOrder(deps.database.db, kind, accountId, id);
  if (!order) throw ApiError.of(OrderCommonErrors.orderNotFound, kind.label, id);
  return order;
}

/** The order, locked for the caller's transaction (see lockOrderRow), when it is of the kind. */
export async function lockOrder<S extends string, D>(
  db: Executor,
  dialect: Dialect,
  kind: OrderKind<S, D>,
  id: string,
): Promise<Order<S, D> | undefined> {
  const row = await lockOrderRow(db, dialect, id);
  return row && row.kind === kind.name ? orderOf(kind, row) : undefined;
}

/**
 * The order, locked for the caller's transaction (see lockOrderRow), when it is of the kind and not
 * final; otherwise undefined, so that a job run again for an order already done does nothing.
 */
export async function lockOpenOrder<S extends string, D>(
  db: Executor,
  dialect: Dialect,
  kind: OrderKind<S, D>,
  id: string,
): Promise<Order<S, D> | undefined> {
  const order = await lockOrder(db, dialect, kind, id);
  return order && !isTerminal(kind.machine, order.status) ? order : undefined;
}

/** The statuses a kind's list filter accepts. */
export function statusesOf(kind: OrderKind): readonly string[] {
  return statesOf(kind.machine);
}

/** Orders of the kind on every account (or one), newest first, optionally only in some statuses. */
export async function ordersOfKind<S extends string, D>(
  db: Executor,
  kind: OrderKind<S, D>,
  statuses: readonly S[] | undefined,
  limit: number,
  accountId?: string,
): Promise<Order<S, D>[]> {
  return (await listOrderRowsOfKind(db, kind.name, statuses, limit, accountId)).map((r) => orderOf(kind, r));
}
