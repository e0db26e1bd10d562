import type { AppDeps } from '../../context.js';
import { responseStatusShape, type ErrorShape } from '../../platform/http/error-shapes.js';
import { created, okXml, type RouteDef } from '../../platform/http/routes.js';
import { encodeXml } from '../../platform/xml/encode.js';
import { Roles } from '../../roles.js';
import { NoOrdersXml, orderListErrorShape } from '../orders-common/order-list.js';
import { orderNoteRoutes } from '../orders-common/order-notes.routes.js';
import {
  createdView,
  createDisconnect,
  disconnectView,
  listDisconnects,
  rejectedView,
  requireDisconnect,
} from './disconnects.service.js';
import { DisconnectListXml, DisconnectRequestXml, DisconnectResponseXml } from './disconnects.xml.js';

const access = { account: true, role: Roles.ordering } as const;
const statusShape = responseStatusShape('DisconnectTelephoneNumberOrderResponse');
/** 400 of POST: the errors, then the request as sent (OpenAPI); other failures in ResponseStatus. */
const createShape: ErrorShape = (err) =>
  err.status === 400 ? encodeXml(DisconnectResponseXml, rejectedView(err)) : statusShape(err);

export function disconnectRoutes(deps: AppDeps): RouteDef[] {
  const one = '/accounts/:accountId/disconnects/:disconnectId';
  return [
    {
      method: 'POST',
      path: '/accounts/:accountId/disconnects',
      errorShape: createShape,
      access,
      handle: async ({ param, body, url, principal }) => {
        const accountId = param('accountId');
        const o = await createDisconnect(deps, accountId, body(DisconnectRequestXml), principal.username);
        return created(
          url(`/accounts/${accountId}/disconnects/${o.id}`),
          encodeXml(DisconnectResponseXml, createdView(o)),
        );
      },
    },
    {
      method: 'GET',
      path: '/accounts/:accountId/disconnects',
      // "404 with a bare <Links> body when the account has no disconnect orders"; bad parameters: 404.
      errorShape: orderListErrorShape,
      access,
      handle: async ({ param, query, linkUrl }) => {
        const accountId = param('accountId');
        const page = await listDisconnects(
          deps,
          accountId,
          query,
          linkUrl(`/accounts/${accountId}/disconnects`),
        );
        if (page.entries.length === 0)
          return { status: 404, body: encodeXml(NoOrdersXml, { first: page.links.first }) };
        return okXml(DisconnectListXml, {
          ListOrderIdUserIdDate: {
            TotalCount: page.total,
            Links: page.links,
            OrderIdUserIdDate: page.entries.map((s) => ({
              CountOfTNs: s.countOfTns,
              userId: s.row.created_by ?? undefined,
              lastModifiedDate: s.row.updated_at,
              OrderId: s.row.id,
              OrderType: 'disconnect',
              OrderDate: s.row.created_at,
              OrderStatus: s.row.status,
              TelephoneNumberDetails: s.details,
            })),
          },
        });
      },
    },
    {
      method: 'GET',
      path: one,
      errorShape: statusShape,
      access,
      handle: async ({ param }) => {
        const o = await requireDisconnect(deps, param('accountId'), param('disconnectId'));
        return okXml(DisconnectResponseXml, await disconnectView(deps, o));
      },
    },
    ...orderNoteRoutes(deps, 'disconnects', 'disconnect', (accountId, id) =>
      requireDisconnect(deps, accountId, id),
    ),
  ];
}
