import type { AppDeps } from '../../context.js';
import { emptyErrorShape, responseStatusShape } from '../../platform/http/error-shapes.js';
import { created, ok, okXml, type RouteDef } from '../../platform/http/routes.js';
import { Roles } from '../../shared/roles.js';
import {
  createSipPeer,
  deleteSipPeer,
  listAccountHosts,
  listSipPeers,
  requireSipPeer,
  updateSipPeer,
} from './sip-peers.service.js';
import {
  hostToXml,
  sipPeerInputOf,
  SipPeerRequestXml,
  SipPeerResponseXml,
  SipPeersResponseXml,
  sipPeersToXml,
  sipPeerToXml,
  SiteHostsResponseXml,
  terminationHostToXml,
} from './sip-peers.xml.js';

const access = { account: true, role: Roles.site } as const;
const peerShape = responseStatusShape('SipPeerResponse');
const PEERS = '/accounts/:accountId/sites/:siteId/sippeers';

export function sipPeerRoutes(deps: AppDeps): RouteDef[] {
  return [
    {
      method: 'GET',
      path: PEERS,
      errorShape: responseStatusShape('TNSipPeersResponse'),
      access,
      handle: async (ctx) => {
        const peers = await listSipPeers(deps, ctx.param('accountId'), ctx.param('siteId'));
        return okXml(SipPeersResponseXml, sipPeersToXml(peers));
      },
    },
    {
      method: 'POST',
      path: PEERS,
      errorShape: peerShape,
      access,
      handle: async (ctx) => {
        const [accountId, siteId] = [ctx.param('accountId'), ctx.param('siteId')];
        const peer = await createSipPeer(
          deps,
          accountId,
          siteId,
          sipPeerInputOf(ctx.body(SipPeerRequestXml)),
        );
        return created(ctx.url(`/accounts/${accountId}/sites/${peer.siteId}/sippeers/${peer.id}`));
      },
    },
    {
      method: 'GET',
      path: `${PEERS}/:sippeerId`,
      errorShape: peerShape,
      access,
      handle: async (ctx) =>
        okXml(
          SipPeerResponseXml,
          sipPeerToXml(
            await requireSipPeer(deps, ctx.param('accountId'), ctx.param('siteId'), ctx.param('sippeerId')),
          ),
        ),
    },
    {
      method: 'PUT',
      path: `${PEERS}/:sippeerId`,
      errorShape: peerShape,
      access,
      handle: async (ctx) => {
        const body = sipPeerInputOf(ctx.body(SipPeerRequestXml));
        await updateSipPeer(deps, ctx.param('accountId'), ctx.param('siteId'), ctx.param('sippeerId'), body);
        return ok();
      },
    },
    {
      method: 'DELETE',
      path: `${PEERS}/:sippeerId`,
      // Documented: 404 with no body for an unknown peer; other refusals keep the peer's shape.
      errorShape: (err) => (err.status === 404 ? emptyErrorShape(err) : peerShape(err)),
      access,
      handle: async (ctx) => {
        await deleteSipPeer(deps, ctx.param('accountId'), ctx.param('siteId'), ctx.param('sippeerId'));
        return ok();
      },
    },
    {
      method: 'GET',
      path: '/accounts/:accountId/hosts',
      errorShape: responseStatusShape('SiteHostsResponse'),
      access: { account: true, role: Roles.account },
      handle: async (ctx) => {
        const { host, type } = ctx.query;
        const sites = await listAccountHosts(deps, ctx.param('accountId'), { host, type });
        return okXml(SiteHostsResponseXml, {
          SiteHosts: sites.map((s) => ({
            SiteId: s.siteId,
            SipPeerHosts: s.peers.map((p) => ({
              SipPeerId: p.peerId,
              SmsHosts: p.smsHosts.map(hostToXml),
              VoiceHosts: p.voiceHosts.map(hostToXml),
              TerminationHosts: p.terminationHosts.map(terminationHostToXml),
            })),
          })),
        });
      },
    },
  ];
}
