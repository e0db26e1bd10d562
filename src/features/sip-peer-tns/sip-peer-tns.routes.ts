import type { AppDeps } from '../../context.js';
import { responseStatusShape } from '../../platform/http/error-shapes.js';
import { ok, okXml, type RouteDef } from '../../platform/http/routes.js';
import { Roles } from '../../roles.js';
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
  PeerTnListXml,
  PeerTnUpdateXml,
  PeerTnXml,
  SiteTnCountXml,
} from './sip-peer-tns.xml.js';

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
      handle: async ({ param, query }) => okXml(PeerTnListXml, await listPeerTns(deps, ...ids(param), query)),
    },
    {
      method: 'GET',
      path: `${peer}/tns/:tn`,
      errorShape: responseStatusShape('SipPeerTelephoneNumberResponse'),
      access,
      handle: async ({ param }) => okXml(PeerTnXml, await getPeerTn(deps, ...ids(param), param('tn'))),
    },
    {
      method: 'PUT',
      path: `${peer}/tns/:tn`,
      errorShape: responseStatusShape('SipPeerTelephoneNumberResponse'),
      access,
      handle: async ({ param, body }) => {
        await updatePeerTn(deps, ...ids(param), param('tn'), body(PeerTnUpdateXml));
        return ok();
      },
    },
    {
      method: 'GET',
      path: `${peer}/totaltns`,
      errorShape: responseStatusShape('SipPeerTelephoneNumbersCountResponse'),
      access,
      handle: async ({ param }) => okXml(PeerTnCountXml, await countPeerTns(deps, ...ids(param))),
    },
    {
      method: 'POST',
      path: `${peer}/movetns`,
      errorShape: responseStatusShape('SipPeerTelephoneNumberMoveResponse'),
      access,
      handle: async ({ param, body }) => {
        await moveTns(deps, ...ids(param), body(MoveTnsXml));
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
