import type { AppDeps } from '../../context.js';
import { created, okXml, type RouteDef } from '../../platform/http/routes.js';
import { encodeXml } from '../../platform/xml/encode.js';
import {
  ComposedRejection,
  composedOr,
  NUMBER_FEATURE_LIST_FILTERS,
  numberFeatureListScope,
  orderHistoryRoutes,
  orderListRoute,
  orderNoteRoutes,
} from '../orders-common/index.js';
import { DLDAS } from './dldas.kind.js';
import { createDldaOrder, getDldaOrder, NoNumbersToList, updateDldaOrder } from './dldas.service.js';
import {
  dldaInputOf,
  dldaListToXml,
  DldaListXml,
  dldaOrderToXml,
  DldaOrderXml,
  dldaRejectedToXml,
  DldaRequestXml,
} from './dldas.xml.js';

const kind = DLDAS;
const access = { account: true, role: kind.role } as const;

/** DL/DA orders (rows 61–65): create, list, get, change (PUT), history, notes. */
export function dldaRoutes(deps: AppDeps): RouteDef[] {
  const one = '/accounts/:accountId/dldas/:orderId';
  return [
    {
      method: 'POST',
      path: '/accounts/:accountId/dldas',
      errorShape: composedOr(kind.errorShape),
      access,
      handle: async ({ param: p, body, url, principal }) => {
        const accountId = p('accountId');
        const wire = body(DldaRequestXml);
        let order;
        try {
          order = await createDldaOrder(deps, accountId, dldaInputOf(wire), principal.username);
        } catch (err) {
          if (!(err instanceof NoNumbersToList)) throw err;
          const now = deps.clock.now().toISOString();
          throw new ComposedRejection(
            err,
            dldaRejectedToXml(err, wire, { accountId, userId: principal.username, now }),
          );
        }
        return created(
          url(`/accounts/${accountId}/dldas/${order.id}`),
          encodeXml(DldaOrderXml, dldaOrderToXml(order)),
        );
      },
    },
    orderListRoute(deps, kind, {
      xml: DldaListXml,
      toXml: (page, _links, ctx) => dldaListToXml(page, ctx.param('accountId')),
      echoed: NUMBER_FEATURE_LIST_FILTERS,
      defaultSize: 1000,
      scope: (ctx) => numberFeatureListScope(deps, ctx),
    }),
    {
      method: 'GET',
      path: one,
      errorShape: kind.errorShape,
      access,
      handle: async ({ param: p }) =>
        okXml(DldaOrderXml, dldaOrderToXml(await getDldaOrder(deps, p('accountId'), p('orderId')))),
    },
    {
      method: 'PUT',
      path: one,
      errorShape: kind.errorShape,
      access,
      handle: async ({ param: p, body, principal }) => {
        const input = dldaInputOf(body(DldaRequestXml));
        const order = await updateDldaOrder(deps, p('accountId'), p('orderId'), input, principal.username);
        return okXml(DldaOrderXml, dldaOrderToXml(order));
      },
    },
    ...orderHistoryRoutes(deps, kind),
    ...orderNoteRoutes(deps, kind),
  ];
}
