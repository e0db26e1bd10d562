import type { AppDeps } from '../../context.js';
import { param } from '../../platform/http/query.js';
import { created, okXml, type RouteDef } from '../../platform/http/routes.js';
import { encodeXml } from '../../platform/xml/encode.js';
import {
  composedOr,
  orderHistoryRoutes,
  orderListRoute,
  ordersWithNumber,
  parseTnFilter,
  rejectWith,
} from '../orders-common/index.js';
import { LIDBS } from './lidbs.kind.js';
import { createLidbOrder, getLidbOrder } from './lidbs.service.js';
import {
  LidbCreatedXml,
  lidbCreatedToXml,
  lidbInputOf,
  lidbListToXml,
  LidbListXml,
  lidbOrderToXml,
  LidbOrderXml,
  lidbRejectedToXml,
  LidbRequestXml,
} from './lidbs.xml.js';

const kind = LIDBS;
const access = { account: true, role: kind.role } as const;

/** LIDB orders (rows 58–60): create, list (tn), get, history. */
export function lidbRoutes(deps: AppDeps): RouteDef[] {
  return [
    {
      method: 'POST',
      path: '/accounts/:accountId/lidbs',
      errorShape: composedOr(kind.errorShape),
      access,
      handle: async ({ param: p, body, url, principal }) => {
        const accountId = p('accountId');
        const wire = body(LidbRequestXml);
        const order = await rejectWith(
          () => createLidbOrder(deps, accountId, lidbInputOf(wire), principal.username),
          (err) => lidbRejectedToXml(err, wire),
        );
        return created(
          url(`/accounts/${accountId}/lidbs/${order.id}`),
          encodeXml(LidbCreatedXml, lidbCreatedToXml(order)),
        );
      },
    },
    orderListRoute(deps, kind, {
      xml: LidbListXml,
      toXml: (page, _links, ctx) => lidbListToXml(page, ctx.param('accountId')),
      echoed: ['tn'],
      defaultSize: 1000,
      scope: async (ctx) => {
        const tn = param(ctx.query, 'tn');
        return {
          orderIds:
            tn === undefined ? undefined : await ordersWithNumber(deps.database.db, parseTnFilter(tn)),
        };
      },
    }),
    {
      method: 'GET',
      path: '/accounts/:accountId/lidbs/:orderId',
      errorShape: kind.errorShape,
      access,
      handle: async ({ param: p }) =>
        okXml(LidbOrderXml, lidbOrderToXml(await getLidbOrder(deps, p('accountId'), p('orderId')))),
    },
    ...orderHistoryRoutes(deps, kind),
  ];
}
