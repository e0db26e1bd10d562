/** SIP peers: what other features and the CLI may use. */
export { sipPeerRoutes } from './sip-peers.routes.js';
export {
  createSipPeer,
  updateSipPeer,
  deleteSipPeer,
  listSipPeers,
  requireSipPeer,
  listAccountHosts,
  type HostType,
  type SiteHosts,
} from './sip-peers.service.js';
export {
  findDefaultPeerId as defaultPeerIdOf,
  findSipPeer as findSipPeerOnSite,
  lockPeerShared as holdSipPeer,
  type SipPeer,
} from './sip-peers.store.js';
export { SipPeerErrors } from './sip-peers.errors.js';
