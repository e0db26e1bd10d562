import type { AppDeps } from '../../context.js';
import type { RootOut } from '../../platform/xml/schema.js';
import { formatTn } from '../../shared/numbering.js';
import { findNumbers } from '../inventory/inventory.store.js';
import { isTerminal } from '../orders-common/order-machine.js';
import type { OrderSummary } from '../orders-common/order-list.js';
import { describeNumber } from '../search/search.service.js';
import { newNumberOrderMachine } from './orders.machine.js';
import type { NewNumberOrder, OrderOutcome } from './orders.service.js';
import {
  orderElementOf,
  type AccountOrderListXml,
  type OrderCreatedXml,
  type OrderResponseXml,
  type OrderTnsXml,
  type TelephoneDetailsReportsXml,
} from './orders.xml.js';

/** How new-number orders look on the wire: the created answer, the order, its number reports, list entries. */

export function createdView(order: NewNumberOrder): RootOut<typeof OrderCreatedXml> {
  return { Order: orderElementOf(order), OrderStatus: order.status };
}

const completedTns = (o: OrderOutcome) => o.numbers.filter((n) => n.outcome === 'completed').map((n) => n.tn);

/** "1 out of 2 numbers ordered in (636)": the counts and the area codes of the numbers obtained. */
function summary(done: readonly number[], quantity: number): string {
  const npas = [...new Set(done.map((tn) => Math.floor(tn / 1e7)))].sort((a, b) => a - b);
  return `${done.length} out of ${quantity} numbers ordered${npas.length ? ` in (${npas.join(', ')})` : ''}`;
}

/** GET /orders/{id}: counts, errors (per number and for the order), the order, its numbers. */
export async function orderView(
  deps: AppDeps,
  outcome: OrderOutcome,
  tnDetail: boolean,
): Promise<RootOut<typeof OrderResponseXml>> {
  const { order } = outcome;
  const done = completedTns(outcome);
  const failed = outcome.numbers.filter((n) => n.outcome === 'failed');
  const final = isTerminal(newNumberOrderMachine, order.status);
  const errors = [
    ...failed.map((n) => ({
      Code: n.errorCode,
      Description: n.errorDescription,
      TelephoneNumber: formatTn(n.tn),
    })),
    ...(order.details.errors ?? []).map((e) => ({ Code: e.code, Description: e.description })),
  ];
  let completed: RootOut<typeof OrderResponseXml>['CompletedNumbers'];
  if (tnDetail) {
    const cov = deps.coverage;
    const rows = (await findNumbers(deps.database.db, done)).sort((a, b) => a.tn - b.tn);
    completed = rows.map((r) => {
      const d = describeNumber(r, cov);
      return {
        FullNumber: formatTn(r.tn),
        City: d.city,
        Lata: d.lata,
        RateCenter: d.rateCenter,
        State: d.state,
        Tier: d.tier,
        VendorId: d.vendorId,
        VendorName: d.vendorName,
      };
    });
  } else {
    completed = done.map((tn) => ({ FullNumber: formatTn(tn) }));
  }
  const pending = final ? 0 : Math.max(0, order.quantity - done.length);
  return {
    CompletedQuantity: done.length,
    CreatedByUser: order.createdBy,
    ErrorList: errors.length > 0 ? errors : undefined,
    FailedNumbers: failed.length > 0 ? failed.map((n) => formatTn(n.tn)) : undefined,
    LastModifiedDate: order.updatedAt,
    OrderCompleteDate: order.completedAt,
    Order: orderElementOf(order),
    OrderStatus: order.status,
    CompletedNumbers: completed,
    Summary: final ? summary(done, order.quantity) : undefined,
    FailedQuantity: final ? order.quantity - done.length : failed.length,
    PendingQuantity: pending > 0 ? pending : undefined,
  };
}

function countBy(tns: readonly number[], key: (tn: number) => string) {
  const counts = new Map<string, number>();
  for (const tn of tns) counts.set(key(tn), (counts.get(key(tn)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

export function areaCodesView(outcome: OrderOutcome): RootOut<typeof TelephoneDetailsReportsXml> {
  return {
    TelephoneDetailsReport: countBy(completedTns(outcome), (tn) => formatTn(tn).slice(0, 3)).map(
      ([AreaCode, Count]) => ({ AreaCode, Count }),
    ),
  };
}

export function npaNxxView(outcome: OrderOutcome): RootOut<typeof TelephoneDetailsReportsXml> {
  return {
    TelephoneDetailsReport: countBy(completedTns(outcome), (tn) => formatTn(tn).slice(0, 6)).map(
      ([npaNxx, Count]) => ({ 'NPA-NXX': npaNxx, Count }),
    ),
  };
}

/** The total alone (contract: the OpenAPI schema has only Count; the RAML example copies npaNxx). */
export function totalsView(outcome: OrderOutcome): RootOut<typeof TelephoneDetailsReportsXml> {
  return { TelephoneDetailsReport: [{ Count: completedTns(outcome).length }] };
}

export function tnsView(outcome: OrderOutcome): RootOut<typeof OrderTnsXml> {
  const done = completedTns(outcome);
  return { Count: done.length, TelephoneNumber: done.map(formatTn) };
}

type AccountEntry = NonNullable<
  RootOut<typeof AccountOrderListXml>['ListOrderIdUserIdDate']
>['OrderIdUserIdDate'];

/** One entry of an order list, with every field any of the lists shows. */
export function listEntry(s: OrderSummary): NonNullable<AccountEntry>[number] {
  return {
    CountOfTNs: s.countOfTns,
    CustomerOrderId: s.row.customer_order_id ?? undefined,
    lastModifiedDate: s.row.updated_at,
    OrderDate: s.row.created_at,
    OrderType: 'new_number',
    orderId: s.row.id,
    OrderStatus: s.row.status,
    TelephoneNumberDetails: s.details,
    userId: s.row.created_by ?? undefined,
  };
}
