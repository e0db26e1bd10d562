import type { AppDeps } from '../../context.js';
import { ApiError } from '../../platform/http/api-error.js';
import { responseStatusShape, type ErrorShape } from '../../platform/http/error-shapes.js';
import { created, okXml, type RouteDef } from '../../platform/http/routes.js';
import { encodeXml } from '../../platform/xml/encode.js';
import { Roles } from '../../roles.js';
import { orderNoteRoutes } from '../orders-common/order-notes.routes.js';
import { historyOf, OrderHistoryXml } from '../orders-common/order-history.js';
import { NoOrdersXml, orderListErrorShape } from '../orders-common/order-list.js';
import {
  createOrder,
  listOrders,
  orderWithNumbers,
  OrderRejected,
  requireOrder,
  updateOrder,
} from './orders.service.js';
import {
  areaCodesView,
  createdView,
  listEntry,
  npaNxxView,
  orderView,
  tnsView,
  totalsView,
} from './orders.views.js';
import {
  AccountOrderListXml,
  OrderCreatedXml,
  OrderRejectedXml,
  OrderRequestXml,
  OrderResponseXml,
  OrderTnsXml,
  SiteOrderListXml,
  TelephoneDetailsReportsXml,
} from './orders.xml.js';

const access = { account: true, role: Roles.ordering } as const;
const orderShape = responseStatusShape('OrderResponse');

/** 400 of POST /orders: `OrderResponse` with the errors, then the order as sent (contract op 7). */
const createShape: ErrorShape = (err: ApiError) =>
  err.status === 400
    ? encodeXml(OrderRejectedXml, {
        ErrorList: [{ Code: err.code, Description: err.description }],
        Order: err instanceof OrderRejected ? err.body : undefined,
      })
    : orderShape(err);

const isTrue = (v: string | undefined) => v !== undefined && /^true$/i.test(v.trim());

export function orderRoutes(deps: AppDeps): RouteDef[] {
  const order = '/accounts/:accountId/orders/:orderId';
  return [
    {
      method: 'POST',
      path: '/accounts/:accountId/orders',
      errorShape: createShape,
      access,
      handle: async ({ param, body, url, principal }) => {
        const accountId = param('accountId');
        const o = await createOrder(deps, accountId, body(OrderRequestXml), principal.username);
        return created(
          url(`/accounts/${accountId}/orders/${o.id}`),
          encodeXml(OrderCreatedXml, createdView(o)),
        );
      },
    },
    {
      method: 'GET',
      path: '/accounts/:accountId/orders',
      errorShape: orderListErrorShape,
      access,
      handle: async ({ param, query, linkUrl }) => {
        const accountId = param('accountId');
        const page = await listOrders(deps, accountId, query, linkUrl(`/accounts/${accountId}/orders`));
        return okXml(AccountOrderListXml, {
          ListOrderIdUserIdDate: {
            TotalCount: page.total,
            Links: page.links,
            OrderIdUserIdDate: page.entries.map(listEntry),
          },
        });
      },
    },
    {
      method: 'GET',
      path: order,
      errorShape: orderShape,
      access,
      handle: async ({ param, query }) => {
        const outcome = await orderWithNumbers(deps, param('accountId'), param('orderId'));
        return okXml(OrderResponseXml, await orderView(deps, outcome, isTrue(query.tndetail)));
      },
    },
    {
      method: 'PUT',
      path: order,
      errorShape: orderShape,
      access,
      handle: async ({ param, body, principal }) => {
        await updateOrder(
          deps,
          param('accountId'),
          param('orderId'),
          body(OrderRequestXml),
          principal.username,
        );
        return okXml(OrderResponseXml, {});
      },
    },
    ...(
      [
        ['areaCodes', areaCodesView],
        ['npaNxx', npaNxxView],
        ['totals', totalsView],
      ] as const
    ).map(([name, view]): RouteDef => ({
      method: 'GET',
      path: `${order}/${name}`,
      errorShape: orderShape,
      access,
      handle: async ({ param }) =>
        okXml(
          TelephoneDetailsReportsXml,
          view(await orderWithNumbers(deps, param('accountId'), param('orderId'))),
        ),
    })),
    {
      method: 'GET',
      path: `${order}/tns`,
      errorShape: orderShape,
      access,
      handle: async ({ param }) =>
        okXml(OrderTnsXml, tnsView(await orderWithNumbers(deps, param('accountId'), param('orderId')))),
    },
    {
      method: 'GET',
      path: `${order}/history`,
      errorShape: orderShape,
      access,
      handle: async ({ param }) => {
        const o = await requireOrder(deps, param('accountId'), param('orderId'));
        return okXml(OrderHistoryXml, await historyOf(deps, o.id));
      },
    },
    ...orderNoteRoutes(deps, 'orders', 'new_number', (accountId, id) => requireOrder(deps, accountId, id)),
    ...siteOrderRoutes(deps),
  ];
}

/** A site's view of its new-number orders (contract ops 114–116). */
function siteOrderRoutes(deps: AppDeps): RouteDef[] {
  const site = '/accounts/:accountId/sites/:siteId';
  return [
    {
      method: 'GET',
      path: `${site}/orders`,
      // "404 when none: body is a bare <Links> element" — and bare 404s for bad parameters.
      errorShape: orderListErrorShape,
      access,
      handle: async ({ param, query, linkUrl }) => {
        const accountId = param('accountId');
        const base = linkUrl(`/accounts/${accountId}/sites/${param('siteId')}/orders`);
        const page = await listOrders(deps, accountId, query, base, param('siteId'));
        if (page.entries.length === 0) {
          return { status: 404, body: encodeXml(NoOrdersXml, { first: page.links.first }) };
        }
        return okXml(SiteOrderListXml, {
          ListOrderIdUserIdDate: {
            TotalCount: page.total,
            Links: page.links,
            OrderIdUserIdDate: page.entries.map(listEntry),
          },
        });
      },
    },
    {
      method: 'GET',
      path: `${site}/orders/:orderId`,
      errorShape: orderShape,
      access,
      handle: async ({ param, query }) => {
        const outcome = await orderWithNumbers(deps, param('accountId'), param('orderId'), param('siteId'));
        return okXml(OrderResponseXml, await orderView(deps, outcome, isTrue(query.tndetail)));
      },
    },
    {
      method: 'GET',
      path: `${site}/orders/:orderId/tns`,
      errorShape: orderShape,
      access,
      handle: async ({ param }) =>
        okXml(
          OrderTnsXml,
          tnsView(await orderWithNumbers(deps, param('accountId'), param('orderId'), param('siteId'))),
        ),
    },
  ];
}
