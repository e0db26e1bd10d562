import type { AppDeps } from '../../context.js';
import { param } from '../../platform/http/query.js';
import { created, okXml, type RouteDef } from '../../platform/http/routes.js';
import { encodeXml } from '../../platform/xml/encode.js';
import { orderListRoute, ordersWithNumber, parseTnFilter } from '../orders-common/index.js';
import { EXTERNAL_TNS } from './externaltns.kind.js';
import { createExternalTnOrder, getExternalTnOrder } from './externaltns.service.js';
import {
  externalTnCreatedToXml,
  ExternalTnCreatedXml,
  externalTnInputOf,
  externalTnListToXml,
  ExternalTnListXml,
  externalTnOrderToXml,
  ExternalTnOrderXml,
  ExternalTnRequestXml,
} from './externaltns.xml.js';

const kind = EXTERNAL_TNS;
const access = { account: true, role: kind.role } as const;

/** External-number orders (rows 125–127): create, list (status, tn, customerOrderId, orderIdFragment, action), get. */
export function externalTnRoutes(deps: AppDeps): RouteDef[] {
  return [
    {
      method: 'POST',
      path: '/accounts/:accountId/externalTns',
      errorShape: kind.errorShape,
      access,
      handle: async ({ param: p, body, url, principal }) => {
        const accountId = p('accountId');
        const order = await createExternalTnOrder(
          deps,
          accountId,
          externalTnInputOf(body(ExternalTnRequestXml)),
          principal.username,
        );
        return created(
          url(`/accounts/${accountId}/externalTns/${order.id}`),
          encodeXml(ExternalTnCreatedXml, externalTnCreatedToXml(order)),
        );
      },
    },
    orderListRoute(deps, kind, {
      xml: ExternalTnListXml,
      toXml: (page, _links, ctx) => externalTnListToXml(page, ctx.param('accountId')),
      echoed: ['status', 'tn', 'customerOrderId', 'orderIdFragment', 'action'],
      defaultSize: 1000,
      scope: async (ctx) => {
        const tn = param(ctx.query, 'tn');
        return {
          idPrefix: param(ctx.query, 'orderidfragment'),
          orderIds:
            tn === undefined ? undefined : await ordersWithNumber(deps.database.db, parseTnFilter(tn)),
        };
      },
    }),
    {
      method: 'GET',
      path: '/accounts/:accountId/externalTns/:orderId',
      errorShape: kind.errorShape,
      access,
      handle: async ({ param: p }) =>
        okXml(
          ExternalTnOrderXml,
          externalTnOrderToXml(await getExternalTnOrder(deps, p('accountId'), p('orderId'))),
        ),
    },
  ];
}
