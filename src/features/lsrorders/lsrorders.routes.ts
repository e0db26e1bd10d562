import type { AppDeps } from '../../context.js';
import { param, parseOpenDateRange } from '../../platform/http/query.js';
import { created, okXml, type RouteDef } from '../../platform/http/routes.js';
import { encodeXml } from '../../platform/xml/encode.js';
import {
  composedOr,
  orderHistoryRoutes,
  orderListRoute,
  orderNoteRoutes,
  parseTnFilter,
  rejectWith,
} from '../orders-common/index.js';
import { lsrOrdersWithNumber } from '../portouts/index.js';
import { LSR_ORDERS } from './lsrorders.kind.js';
import { createLsrOrder, getLsrOrder, updateLsrOrder } from './lsrorders.service.js';
import {
  lsrCreatedToXml,
  lsrInputOf,
  lsrListToXml,
  LsrOrderCreatedXml,
  LsrOrderListXml,
  LsrOrderRequestXml,
  lsrOrderToXml,
  LsrOrderUpdatedXml,
  LsrOrderXml,
  lsrRejectedToXml,
  lsrSuppRejectedToXml,
  lsrUpdatedToXml,
} from './lsrorders.xml.js';

const kind = LSR_ORDERS;

const access = { account: true, role: kind.role } as const;
const one = '/accounts/:accountId/lsrorders/:orderId';

/** LSR orders (rows 51–57): create, list, read, change or cancel, history and notes. */
export function lsrOrderRoutes(deps: AppDeps): RouteDef[] {
  return [
    {
      method: 'POST',
      path: '/accounts/:accountId/lsrorders',
      errorShape: composedOr(kind.errorShape),
      access,
      handle: async ({ param: p, body, url, principal }) => {
        const accountId = p('accountId');
        const input = lsrInputOf(body(LsrOrderRequestXml));
        const v = await rejectWith(
          () => createLsrOrder(deps, accountId, input, principal.username),
          (err) =>
            lsrRejectedToXml(err, input, {
              accountId,
              userId: principal.username,
              at: deps.clock.now().toISOString(),
            }),
        );
        return created(
          url(`/accounts/${accountId}/lsrorders/${v.order.id}`),
          encodeXml(LsrOrderCreatedXml, lsrCreatedToXml(v)),
        );
      },
    },
    orderListRoute(deps, kind, {
      xml: LsrOrderListXml,
      toXml: (page, _links, ctx) => lsrListToXml(page, ctx.param('accountId')),
      echoed: [
        'status',
        'tn',
        'pon',
        'customerOrderId',
        'orderIdFragment',
        'createdDateFrom',
        'createdDateTo',
      ],
      defaultSize: 1000,
      scope: async (ctx) => {
        const q = ctx.query;
        const status = param(q, 'status')?.toUpperCase();
        const tnText = param(q, 'tn');
        return {
          // The filter's enum spells it CANCELED; the order's status is CANCELLED.
          status: status === 'CANCELED' ? 'CANCELLED' : status,
          name: param(q, 'pon'),
          idPrefix: param(q, 'orderidfragment'),
          orderIds:
            tnText === undefined
              ? undefined
              : await lsrOrdersWithNumber(deps.database.db, parseTnFilter(tnText)),
          dates: parseOpenDateRange(
            { name: 'createdDateFrom', value: param(q, 'createddatefrom') },
            { name: 'createdDateTo', value: param(q, 'createddateto') },
          ),
        };
      },
    }),
    {
      method: 'GET',
      path: one,
      errorShape: kind.errorShape,
      access,
      handle: async ({ param: p }) =>
        okXml(LsrOrderXml, lsrOrderToXml(await getLsrOrder(deps, p('accountId'), p('orderId')))),
    },
    {
      method: 'PUT',
      path: one,
      errorShape: composedOr(kind.errorShape),
      access,
      handle: async ({ param: p, body, principal }) => {
        const accountId = p('accountId');
        const input = lsrInputOf(body(LsrOrderRequestXml));
        const { view, warnings } = await rejectWith(
          () => updateLsrOrder(deps, accountId, p('orderId'), input, principal.username),
          // The order as stored is echoed (reading it answers 404 for an order that does not exist).
          async (err) => lsrSuppRejectedToXml(err, await getLsrOrder(deps, accountId, p('orderId'))),
        );
        return okXml(LsrOrderUpdatedXml, lsrUpdatedToXml(view, warnings));
      },
    },
    ...orderNoteRoutes(deps, kind),
    ...orderHistoryRoutes(deps, kind),
  ];
}
