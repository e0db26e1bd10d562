import type { AppDeps } from '../../context.js';
import { param, type Query } from '../../platform/http/query.js';
import { created, okXml, type RouteDef } from '../../platform/http/routes.js';
import { encodeXml } from '../../platform/xml/encode.js';
import { parseFlag } from '../../shared/fields.js';
import {
  numberReport,
  composedOr,
  orderHistoryRoutes,
  orderListRoute,
  orderNoteRoutes,
  orderNumberReportRoutes,
  rejectWith,
  OrderTnsXml,
  tnsToXml,
} from '../orders-common/index.js';
import { requireSite } from '../sites/index.js';
import { NEW_NUMBER_ORDERS } from './orders.kind.js';
import {
  createOrder,
  getOrder,
  numbersOfOrder,
  requireNewNumberOrder,
  updateOrder,
} from './orders.service.js';
import {
  AccountOrderListXml,
  createdToXml,
  newOrderInputOf,
  OrderCreatedXml,
  OrderRejectedXml,
  OrderRequestXml,
  orderListToXml,
  OrderResponseXml,
  orderToXml,
  rejectedToXml,
  SiteOrderListXml,
  updateOrderInputOf,
} from './orders.xml.js';

const kind = NEW_NUMBER_ORDERS;
const access = { account: true, role: kind.role } as const;

/** `?tndetail=true` adds each number's place and vendor; anything else leaves them out. */
const withDetails = (query: Query) => parseFlag(param(query, 'tndetail'), null) ?? false;

export function orderRoutes(deps: AppDeps): RouteDef[] {
  const order = '/accounts/:accountId/orders/:orderId';
  const site = '/accounts/:accountId/sites/:siteId';
  return [
    {
      method: 'POST',
      path: '/accounts/:accountId/orders',
      // 400: `OrderResponse` with the errors, then the order as sent (contract op 7).
      errorShape: composedOr(kind.errorShape),
      access,
      handle: async ({ param: p, body, url, principal }) => {
        const accountId = p('accountId');
        const wire = body(OrderRequestXml);
        const o = await rejectWith(
          () => createOrder(deps, accountId, newOrderInputOf(wire), principal.username),
          (err) => encodeXml(OrderRejectedXml, rejectedToXml(err, wire, deps.clock.now().toISOString())),
        );
        return created(
          url(`/accounts/${accountId}/orders/${o.id}`),
          encodeXml(OrderCreatedXml, createdToXml(o)),
        );
      },
    },
    orderListRoute(deps, kind, {
      xml: AccountOrderListXml,
      toXml: orderListToXml,
      echoed: ['customerOrderId', 'status', 'userid', 'startdate', 'enddate'],
      defaultSize: 300,
      malformedQuery: 400,
    }),
    {
      method: 'GET',
      path: order,
      errorShape: kind.errorShape,
      access,
      handle: async ({ param: p, query }) =>
        okXml(
          OrderResponseXml,
          orderToXml(
            await getOrder(deps, p('accountId'), p('orderId'), { numberDetails: withDetails(query) }),
          ),
        ),
    },
    {
      method: 'PUT',
      path: order,
      errorShape: kind.errorShape,
      access,
      handle: async ({ param: p, body, principal }) => {
        const input = updateOrderInputOf(body(OrderRequestXml));
        await updateOrder(deps, p('accountId'), p('orderId'), input, principal.username);
        return okXml(OrderResponseXml, {});
      },
    },
    ...orderNumberReportRoutes(deps, kind),
    ...orderHistoryRoutes(deps, kind),
    ...orderNoteRoutes(deps, kind),

    // A site's view of its orders (contract ops 114–116).
    orderListRoute(deps, kind, {
      path: `${site}/orders`,
      xml: SiteOrderListXml,
      toXml: orderListToXml,
      echoed: [],
      defaultSize: 300,
      noneIs404: 'links',
      scope: async ({ param: p }) => ({ siteId: (await requireSite(deps, p('accountId'), p('siteId'))).id }),
    }),
    {
      method: 'GET',
      path: `${site}/orders/:orderId`,
      errorShape: kind.errorShape,
      access,
      handle: async ({ param: p, query }) =>
        okXml(
          OrderResponseXml,
          orderToXml(
            await getOrder(deps, p('accountId'), p('orderId'), {
              siteId: p('siteId'),
              numberDetails: withDetails(query),
            }),
          ),
        ),
    },
    {
      method: 'GET',
      path: `${site}/orders/:orderId/tns`,
      errorShape: kind.errorShape,
      access,
      handle: async ({ param: p }) => {
        const o = await requireNewNumberOrder(deps, p('accountId'), p('orderId'), p('siteId'));
        return okXml(OrderTnsXml, tnsToXml(numberReport(await numbersOfOrder(deps, o))));
      },
    },
  ];
}
