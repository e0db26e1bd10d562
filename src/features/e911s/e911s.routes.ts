import type { AppDeps } from '../../context.js';
import { param } from '../../platform/http/query.js';
import { created, okXml, type RouteDef } from '../../platform/http/routes.js';
import { encodeXml } from '../../platform/xml/encode.js';
import {
  composedOr,
  NUMBER_FEATURE_LIST_FILTERS,
  numberFeatureListScope,
  orderHistoryRoutes,
  orderListRoute,
  orderNoteRoutes,
  rejectWith,
} from '../orders-common/index.js';
import { E911S } from './e911s.kind.js';
import { createE911Order, getE911Order } from './e911s.service.js';
import {
  e911CreatedToXml,
  E911CreatedXml,
  e911InputOf,
  e911ListToXml,
  E911ListXml,
  e911OrderToXml,
  E911OrderXml,
  e911RejectedToXml,
  E911RequestXml,
} from './e911s.xml.js';

const kind = E911S;
const access = { account: true, role: kind.role } as const;

/** E911 orders (rows 66–69): create, list (summaries or orderDetails=true), get, history, notes. */
export function e911Routes(deps: AppDeps): RouteDef[] {
  return [
    {
      method: 'POST',
      path: '/accounts/:accountId/e911s',
      errorShape: composedOr(kind.errorShape),
      access,
      handle: async ({ param: p, body, url, principal }) => {
        const accountId = p('accountId');
        const wire = body(E911RequestXml);
        const order = await rejectWith(
          () => createE911Order(deps, accountId, e911InputOf(wire), principal.username),
          (err) => e911RejectedToXml(err, wire),
        );
        return created(
          url(`/accounts/${accountId}/e911s/${order.id}`),
          encodeXml(E911CreatedXml, e911CreatedToXml(order)),
        );
      },
    },
    orderListRoute(deps, kind, {
      xml: E911ListXml,
      toXml: (page, _links, ctx) =>
        e911ListToXml(page, ctx.param('accountId'), /^true$/i.test(param(ctx.query, 'orderdetails') ?? '')),
      echoed: [...NUMBER_FEATURE_LIST_FILTERS, 'callBack', 'aeui', 'orderDetails'],
      defaultSize: 1000,
      scope: async (ctx) => {
        const scope = await numberFeatureListScope(deps, ctx);
        // Alternate end-user identifiers are not offered, so no order has a callback number or AEUI.
        const aeui = param(ctx.query, 'callback') ?? param(ctx.query, 'aeui');
        return aeui === undefined ? scope : { ...scope, orderIds: [] };
      },
    }),
    {
      method: 'GET',
      path: '/accounts/:accountId/e911s/:orderId',
      errorShape: kind.errorShape,
      access,
      handle: async ({ param: p }) =>
        okXml(E911OrderXml, e911OrderToXml(await getE911Order(deps, p('accountId'), p('orderId')))),
    },
    ...orderHistoryRoutes(deps, kind),
    ...orderNoteRoutes(deps, kind),
  ];
}
