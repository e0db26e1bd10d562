import type { AppDeps } from '../../context.js';
import { responseStatusShape } from '../../platform/http/error-shapes.js';
import { ok, okXml, type RouteDef } from '../../platform/http/routes.js';
import { Roles } from '../../shared/roles.js';
import {
  countPeerTns,
  countSiteTns,
  getPeerTn,
  listPeerTns,
  moveTns,
  updatePeerTn,
} from './sip-peer-tns.service.js';
import {
  MoveTnsXml,
  PeerTnCountXml,
  peerTnCountsToXml,
  PeerTnListXml,
  peerTnListToXml,
  peerTnToXml,
  peerTnUpdateOf,
  PeerTnUpdateXml,
  PeerTnXml,
  SiteTnCountXml,
} from './sip-peer-tns.xml.js';
import { param as queryParam, parsePage, parseSize, type Query } from '../../platform/http/query.js';
import type { PeerTnListQuery } from './sip-peer-tns.service.js';

/** `page` (1 or the number that starts it), `size`, and `includeAttributes` (on unless `false`). */
function peerTnListQuery(query: Query): PeerTnListQuery {
  return {
    from: parsePage(queryParam(query, 'page')),
    size: parseSize(queryParam(query, 'size'), 5000),
    includeAttributes: !/^false$/i.test(queryParam(query, 'includeattributes') ?? 'true'),
  };
}

const access = { account: true, role: Roles.site } as const;

export function sipPeerTnRoutes(deps: AppDeps): RouteDef[] {
  const peer = '/accounts/:accountId/sites/:siteId/sippeers/:sippeerId';
  const ids = (p: (name: string) => string) => [p('accountId'), p('siteId'), p('sippeerId')] as const;
  return [
    {
      method: 'GET',
      path: `${peer}/tns`,
      errorShape: responseStatusShape('SipPeerTelephoneNumbersResponse'),
      access,
      handle: async ({ param, query }) =>
        okXml(PeerTnListXml, peerTnListToXml(await listPeerTns(deps, ...ids(param), peerTnListQuery(query)))),
    },
    {
      method: 'GET',
      path: `${peer}/tns/:tn`,
      errorShape: responseStatusShape('SipPeerTelephoneNumberResponse'),
      access,
      handle: async ({ param }) =>
        okXml(PeerTnXml, peerTnToXml(await getPeerTn(deps, ...ids(param), param('tn')))),
    },
    {
      method: 'PUT',
      path: `${peer}/tns/:tn`,
      errorShape: responseStatusShape('SipPeerTelephoneNumberResponse'),
      access,
      handle: async ({ param, body }) => {
        await updatePeerTn(deps, ...ids(param), param('tn'), peerTnUpdateOf(body(PeerTnUpdateXml)));
        return ok();
      },
    },
    {
      method: 'GET',
      path: `${peer}/totaltns`,
      errorShape: responseStatusShape('SipPeerTelephoneNumbersCountResponse'),
      access,
      // `feature=CNAM|LIDB`: the total counts only the numbers with that feature.
      handle: async ({ param, query }) => {
        const counts = await countPeerTns(deps, ...ids(param));
        const feature = queryParam(query, 'feature')?.toUpperCase();
        const total = feature === 'LIDB' ? counts.lidb : feature === 'CNAM' ? counts.cnam : counts.total;
        return okXml(PeerTnCountXml, peerTnCountsToXml({ ...counts, total }));
      },
    },
    {
      method: 'POST',
      path: `${peer}/movetns`,
      errorShape: responseStatusShape('SipPeerTelephoneNumberMoveResponse'),
      access,
      handle: async ({ param, body }) => {
        await moveTns(deps, ...ids(param), body(MoveTnsXml).FullNumber ?? []);
        return ok();
      },
    },
    {
      method: 'GET',
      path: '/accounts/:accountId/sites/:siteId/totaltns',
      errorShape: responseStatusShape('SiteTNsResponse'),
      access,
      handle: async ({ param }) =>
        okXml(SiteTnCountXml, {
          SiteTNs: { TotalCount: await countSiteTns(deps, param('accountId'), param('siteId')) },
        }),
    },
  ];
}
