import type { AppDeps } from '../../context.js';
import { created, okXml, type RouteDef } from '../../platform/http/routes.js';
import { encodeXml } from '../../platform/xml/encode.js';
import { composedOr, orderListRoute, orderNoteRoutes, rejectWith } from '../orders-common/index.js';
import { DISCONNECTS } from './disconnects.kind.js';
import { createDisconnect, getDisconnect } from './disconnects.service.js';
import {
  createdToXml,
  disconnectInputOf,
  disconnectListToXml,
  DisconnectListXml,
  DisconnectRequestXml,
  DisconnectResponseXml,
  disconnectToXml,
  rejectedToXml,
} from './disconnects.xml.js';

const kind = DISCONNECTS;
const access = { account: true, role: kind.role } as const;

export function disconnectRoutes(deps: AppDeps): RouteDef[] {
  return [
    {
      method: 'POST',
      path: '/accounts/:accountId/disconnects',
      // 400: the errors, then the request as sent (OpenAPI); other failures in ResponseStatus.
      errorShape: composedOr(kind.errorShape),
      access,
      handle: async ({ param, body, url, principal }) => {
        const accountId = param('accountId');
        const wire = body(DisconnectRequestXml);
        const o = await rejectWith(
          () => createDisconnect(deps, accountId, disconnectInputOf(wire), principal.username),
          (err) => encodeXml(DisconnectResponseXml, rejectedToXml(err, wire)),
        );
        return created(
          url(`/accounts/${accountId}/disconnects/${o.id}`),
          encodeXml(DisconnectResponseXml, createdToXml(o)),
        );
      },
    },
    // "404 with a bare <Links> body when the account has no disconnect orders"; bad parameters: 404.
    orderListRoute(deps, kind, {
      xml: DisconnectListXml,
      toXml: disconnectListToXml,
      echoed: ['status', 'userid', 'startdate', 'enddate'],
      defaultSize: 300,
      noneIs404: 'links',
    }),
    {
      method: 'GET',
      path: '/accounts/:accountId/disconnects/:orderId',
      errorShape: kind.errorShape,
      access,
      handle: async ({ param }) =>
        okXml(
          DisconnectResponseXml,
          disconnectToXml(await getDisconnect(deps, param('accountId'), param('orderId'))),
        ),
    },
    ...orderNoteRoutes(deps, kind),
  ];
}
