import type { AppDeps } from '../../context.js';
import { param } from '../../platform/http/query.js';
import { created, okXml, type RouteDef } from '../../platform/http/routes.js';
import { encodeXml } from '../../platform/xml/encode.js';
import {
  NUMBER_FEATURE_LIST_FILTERS,
  numberFeatureListScope,
  orderListRoute,
} from '../orders-common/index.js';
import { ApiError } from '../../platform/http/api-error.js';
import { oneOf } from '../../shared/fields.js';
import { ExternalTnErrors } from './externaltns.errors.js';
import { ACTIONS, EXTERNAL_TNS } from './externaltns.kind.js';
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
      echoed: [...NUMBER_FEATURE_LIST_FILTERS, 'action'],
      defaultSize: 1000,
      noneIs404: 'empty',
      scope: async (ctx) => {
        const action = param(ctx.query, 'action')?.toUpperCase();
        if (action !== undefined && !oneOf(action, ACTIONS))
          throw ApiError.of(ExternalTnErrors.actionInvalid);
        return { ...(await numberFeatureListScope(deps, ctx)), name: action };
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
