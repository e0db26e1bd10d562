import type { AppDeps } from '../../context.js';
import { listOrderPage, statesOf, type OrderKind, type OrderSummary } from '../orders-common/index.js';
import {
  accountParameter,
  dateParameter,
  daysOf,
  one,
  PAGE,
  type Cell,
  type ReportDefinition,
  type ReportRun,
} from './report-definition.js';

/** The account's orders of each kind (status in any case), a page at a time. */
async function* ordersOfKinds(
  deps: AppDeps,
  kinds: readonly OrderKind[],
  run: ReportRun,
  dates?: { from: string; before: string },
): AsyncGenerator<{ kind: OrderKind; orders: OrderSummary[] }> {
  const wanted = one(run, 'Status')?.toUpperCase();
  for (const kind of kinds) {
    const status =
      wanted === undefined ? undefined : statesOf(kind.machine).find((st) => st.toUpperCase() === wanted);
    if (wanted !== undefined && status === undefined) continue;
    let page: string | undefined;
    for (;;) {
      const result = await listOrderPage(deps, kind, {
        accountId: run.accountId,
        status,
        dates,
        page,
        size: PAGE,
      });
      yield { kind, orders: [...result.entries] };
      if (result.nextId === undefined) break;
      page = result.nextId;
    }
  }
}

/** The order-activity report reads every kind registered (given by features/index.ts). */
export function orderActivity(kinds: () => readonly OrderKind[]): ReportDefinition {
  return {
    id: 100002,
    name: 'Order activity',
    description: 'Orders of every kind placed on the account, by type, status and date.',
    parameters: [
      accountParameter,
      {
        name: 'OrderType',
        type: 'Enum',
        required: false,
        description: 'Only these kinds of order',
        multiSelect: true,
        help: 'One or more order types; leave out for all of them.',
        get values() {
          return kinds().map((k) => ({ internalName: k.name, displayName: k.label }));
        },
      },
      {
        name: 'Status',
        type: 'String',
        required: false,
        description: 'Only orders in this status',
        multiSelect: false,
        help: 'A status of the order types chosen, such as COMPLETE or FOC.',
      },
      dateParameter('FromDate', 'Orders created on or after this day'),
      dateParameter('ToDate', 'Orders created on or before this day'),
    ],
    columns: [
      { header: 'Order ID', type: 'text', width: 38 },
      { header: 'Order type', type: 'text', width: 18 },
      { header: 'Status', type: 'text', width: 18 },
      { header: 'Customer order ID', type: 'text', width: 20 },
      { header: 'Numbers', type: 'number', width: 9 },
      { header: 'Created by', type: 'text', width: 14 },
      { header: 'Created', type: 'date', width: 22 },
      { header: 'Last modified', type: 'date', width: 22 },
    ],
    ranges: [['FromDate', 'ToDate']],
    async *rows(deps, run) {
      const wanted = run.values.get('OrderType');
      const chosen = kinds().filter((k) => !wanted || wanted.includes(k.name));
      for await (const { kind, orders } of ordersOfKinds(
        deps,
        chosen,
        run,
        daysOf(run, 'FromDate', 'ToDate'),
      )) {
        yield orders.map((o) => [
          o.id,
          kind.label,
          o.status,
          o.customerOrderId ?? null,
          o.quantity,
          o.createdBy ?? null,
          new Date(o.createdAt),
          new Date(o.updatedAt),
        ]);
      }
    },
  };
}

/** Port-ins and port-outs (the kinds that have a FOC date), by status and FOC date. */
export function ports(kinds: () => readonly OrderKind[]): ReportDefinition {
  const portKinds = () => kinds().filter((k) => k.focDateOf !== undefined);
  return {
    id: 100005,
    name: 'Port-ins and port-outs',
    description: 'The account’s ports in and out, by status and FOC date.',
    parameters: [
      accountParameter,
      {
        name: 'Direction',
        type: 'Enum',
        required: false,
        description: 'Ports in, ports out, or both',
        multiSelect: true,
        help: 'Leave out for both.',
        get values() {
          return portKinds().map((k) => ({ internalName: k.name, displayName: k.label }));
        },
      },
      {
        name: 'Status',
        type: 'String',
        required: false,
        description: 'Only ports in this status',
        multiSelect: false,
        help: 'Such as FOC, COMPLETE or EXCEPTION.',
      },
      dateParameter('FocFromDate', 'FOC on or after this day'),
      dateParameter('FocToDate', 'FOC on or before this day'),
    ],
    columns: [
      { header: 'Order ID', type: 'text', width: 38 },
      { header: 'Direction', type: 'text', width: 11 },
      { header: 'Status', type: 'text', width: 18 },
      { header: 'FOC date', type: 'text', width: 12 },
      { header: 'Numbers', type: 'number', width: 9 },
      { header: 'Customer order ID', type: 'text', width: 20 },
      { header: 'Created', type: 'date', width: 22 },
      { header: 'Last modified', type: 'date', width: 22 },
    ],
    ranges: [['FocFromDate', 'FocToDate']],
    async *rows(deps, run) {
      const wanted = run.values.get('Direction');
      const chosen = portKinds().filter((k) => !wanted || wanted.includes(k.name));
      const foc = daysOf(run, 'FocFromDate', 'FocToDate');
      const filtered = run.values.has('FocFromDate') || run.values.has('FocToDate');
      for await (const { kind, orders } of ordersOfKinds(deps, chosen, run)) {
        const rows: Cell[][] = [];
        for (const o of orders) {
          const day = kind.focDateOf?.(o.details)?.slice(0, 10);
          const at = `${day}T00:00:00.000Z`;
          if (filtered && (day === undefined || at < foc.from || at >= foc.before)) continue;
          rows.push([
            o.id,
            kind.label,
            o.status,
            day ?? null,
            o.quantity,
            o.customerOrderId ?? null,
            new Date(o.createdAt),
            new Date(o.updatedAt),
          ]);
        }
        yield rows;
      }
    },
  };
}
