import type { AppDeps } from '../../context.js';
import { created, okXml, type RouteDef } from '../../platform/http/routes.js';
import { encodeXml } from '../../platform/xml/encode.js';
import {
  composedOr,
  orderHistoryRoutes,
  NUMBER_FEATURE_LIST_FILTERS,
  numberFeatureListScope,
  orderListRoute,
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
      echoed: NUMBER_FEATURE_LIST_FILTERS,
      defaultSize: 1000,
      scope: (ctx) => numberFeatureListScope(deps, ctx),
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
