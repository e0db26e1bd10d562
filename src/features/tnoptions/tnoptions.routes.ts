import type { AppDeps } from '../../context.js';
import { ApiError } from '../../platform/http/api-error.js';
import { Roles } from '../../shared/roles.js';
import { param } from '../../platform/http/query.js';
import { created, okXml, type RouteDef } from '../../platform/http/routes.js';
import { encodeXml } from '../../platform/xml/encode.js';
import {
  orderHistoryRoutes,
  NUMBER_FEATURE_LIST_FILTERS,
  numberFeatureListScope,
  orderListRoute,
  orderNoteRoutes,
} from '../orders-common/index.js';
import { TN_OPTIONS } from './tnoptions.kind.js';
import { applyLineOptions, createTnOptionOrder, getTnOptionOrder } from './tnoptions.service.js';
import { TnOptionErrors } from './tnoptions.errors.js';
import {
  tnOptionCreatedToXml,
  TnOptionCreatedXml,
  tnOptionInputOf,
  tnOptionListToXml,
  TnOptionListXml,
  tnOptionOrderToXml,
  TnOptionOrderXml,
  TnOptionRequestXml,
  lineOptionErrorShape,
  lineOptionInputOf,
  LineOptionRequestXml,
  LineOptionResponseXml,
  lineOptionsToXml,
} from './tnoptions.xml.js';

const kind = TN_OPTIONS;
const access = { account: true, role: kind.role } as const;

/** TN-option orders (rows 70–73): create, list (summaries or orderDetails=true), get, history, notes. */
export function tnOptionRoutes(deps: AppDeps): RouteDef[] {
  return [
    {
      method: 'POST',
      path: '/accounts/:accountId/tnoptions',
      errorShape: kind.errorShape,
      access,
      handle: async ({ param: p, body, url, principal }) => {
        const accountId = p('accountId');
        const order = await createTnOptionOrder(
          deps,
          accountId,
          tnOptionInputOf(body(TnOptionRequestXml)),
          principal.username,
        );
        return created(
          url(`/accounts/${accountId}/tnoptions/${order.id}`),
          encodeXml(TnOptionCreatedXml, tnOptionCreatedToXml(order)),
        );
      },
    },
    orderListRoute(deps, kind, {
      xml: TnOptionListXml,
      toXml: (page, _links, ctx) =>
        tnOptionListToXml(
          page,
          ctx.param('accountId'),
          /^true$/i.test(param(ctx.query, 'orderdetails') ?? ''),
        ),
      echoed: [...NUMBER_FEATURE_LIST_FILTERS, 'orderDetails'],
      defaultSize: 1000,
      scope: (ctx) => numberFeatureListScope(deps, ctx),
    }),
    {
      method: 'GET',
      path: '/accounts/:accountId/tnoptions/:orderId',
      errorShape: kind.errorShape,
      access,
      handle: async ({ param: p }) =>
        okXml(
          TnOptionOrderXml,
          tnOptionOrderToXml(await getTnOptionOrder(deps, p('accountId'), p('orderId'))),
        ),
    },
    ...orderHistoryRoutes(deps, kind),
    ...orderNoteRoutes(deps, kind),
    {
      // Row 74: synchronous, 200 (400 when no number could be changed); ROLE_API_CNAMLIDB.
      method: 'POST',
      path: '/accounts/:accountId/lineOptionOrders',
      errorShape: lineOptionErrorShape,
      access: { account: true, role: Roles.cnamLidb },
      handle: async ({ param: p, body }) => {
        const accountId = p('accountId');
        const entries = lineOptionInputOf(body(LineOptionRequestXml));
        if (entries.length === 0) throw ApiError.of(TnOptionErrors.groupsRequired);
        const result = await applyLineOptions(deps, accountId, entries);
        const refused = result.completed.length === 0;
        return {
          status: refused ? 400 : 200,
          body: encodeXml(LineOptionResponseXml, lineOptionsToXml(accountId, result, refused)),
        };
      },
    },
  ];
}
