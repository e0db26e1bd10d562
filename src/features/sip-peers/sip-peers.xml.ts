import { addressInputOf, AddressXml, addressToXml } from '../../shared/address.xml.js';
import { x, type Out, type RootIn, type RootOut } from '../../platform/xml/schema.js';
import type { HostInput, SipPeerInput } from './sip-peers.service.js';
import type { Host, SipPeer, TerminationHost } from './sip-peers.store.js';

const HostXml = x.object({ HostName: x.text(), Port: x.text() });
const TerminationHostXml = x.object({
  HostName: x.text(),
  Port: x.text(),
  CustomerTrafficAllowed: x.text(),
  DataAllowed: x.text(),
});
/** A group lists its hosts as repeated `<Host>` children, without a wrapper. */
const VoiceHostGroupXml = x.object({ Host: x.repeated(HostXml) });
const CallingNameXml = x.object({ Display: x.text(), Enforced: x.text() });

/** A SIP peer's configuration, as POST and PUT send it (in this order). */
const sipPeerBody = {
  PeerName: x.text(),
  Description: x.text(),
  IsDefaultPeer: x.text(),
  FinalDestinationUri: x.text(),
  ShortMessagingProtocol: x.text(),
  VoiceHosts: x.list('Host', HostXml),
  VoiceHostGroups: x.list('VoiceHostGroup', VoiceHostGroupXml),
  SmsHosts: x.list('Host', HostXml),
  TerminationHosts: x.list('TerminationHost', TerminationHostXml),
  Address: AddressXml,
  PremiseTrunks: x.text(),
  CallingName: CallingNameXml,
};

export const SipPeerRequestXml = x.root('SipPeer', sipPeerBody);

type HostIn = { readonly HostName?: string | undefined; readonly Port?: string | undefined };
const hostInputOf = (h: HostIn): HostInput => ({ hostName: h.HostName, port: h.Port });

export function sipPeerInputOf(body: RootIn<typeof SipPeerRequestXml>): SipPeerInput {
  return {
    peerName: body.PeerName,
    description: body.Description,
    isDefaultPeer: body.IsDefaultPeer,
    finalDestinationUri: body.FinalDestinationUri,
    shortMessagingProtocol: body.ShortMessagingProtocol,
    voiceHosts: body.VoiceHosts?.map(hostInputOf),
    voiceHostGroups: body.VoiceHostGroups?.map((g) => (g.Host ?? []).map(hostInputOf)),
    smsHosts: body.SmsHosts?.map(hostInputOf),
    terminationHosts: body.TerminationHosts?.map((h) => ({
      ...hostInputOf(h),
      customerTrafficAllowed: h.CustomerTrafficAllowed,
      dataAllowed: h.DataAllowed,
    })),
    address: body.Address && addressInputOf(body.Address),
    premiseTrunks: body.PremiseTrunks,
    callingName: body.CallingName && {
      display: body.CallingName.Display,
      enforced: body.CallingName.Enforced,
    },
  };
}

/**
 * A SIP peer in responses: its id, then the configuration in the contract's order (FinalDestinationUri
 * and PremiseTrunks, accepted on create, are echoed where the request carries them). Host lists are
 * always present, empty ones as `<VoiceHosts/>`.
 */
const sipPeerFields = { PeerId: x.text(), ...sipPeerBody };

export const SipPeerResponseXml = x.root('SipPeerResponse', { SipPeer: x.object(sipPeerFields) });

/** The site's list: each entry carries xsi:type, as Bandwidth's JAXB output does. */
export const SipPeersResponseXml = x.root('TNSipPeersResponse', {
  SipPeers: x.list(
    'SipPeer',
    x.object(sipPeerFields, {
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:type': 'SipPeer',
    }),
  ),
});

export const SiteHostsResponseXml = x.root('SiteHostsResponse', {
  SiteHosts: x.list(
    'SiteHost',
    x.object({
      SiteId: x.text(),
      SipPeerHosts: x.list(
        'SipPeerHost',
        x.object({
          SipPeerId: x.text(),
          SmsHosts: x.list('Host', HostXml),
          VoiceHosts: x.list('Host', HostXml),
          TerminationHosts: x.list('TerminationHost', TerminationHostXml),
        }),
      ),
    }),
  ),
});

type HostOut = NonNullable<Out<typeof HostXml>>;

export function hostToXml(h: Host): HostOut {
  return { HostName: h.hostName, Port: h.port };
}

export function terminationHostToXml(h: TerminationHost): NonNullable<Out<typeof TerminationHostXml>> {
  return {
    HostName: h.hostName,
    Port: h.port,
    CustomerTrafficAllowed: h.customerTrafficAllowed,
    DataAllowed: h.dataAllowed,
  };
}

function peerFields(p: SipPeer) {
  return {
    PeerId: p.id,
    PeerName: p.name,
    Description: p.description,
    IsDefaultPeer: p.isDefault,
    FinalDestinationUri: p.finalDestinationUri,
    ShortMessagingProtocol: p.shortMessagingProtocol,
    VoiceHosts: p.voiceHosts.map(hostToXml),
    VoiceHostGroups: p.voiceHostGroups.map((group) => ({ Host: group.map(hostToXml) })),
    SmsHosts: p.smsHosts.map(hostToXml),
    TerminationHosts: p.terminationHosts.map(terminationHostToXml),
    // Every element, empty ones as `<X/>`, as rows 103 and 105 show it (and as the account does).
    Address: p.address ? addressToXml(p.address, true) : undefined,
    PremiseTrunks: p.premiseTrunks,
    CallingName: { Display: p.callingName.display, Enforced: p.callingName.enforced },
  };
}

export function sipPeerToXml(p: SipPeer): RootOut<typeof SipPeerResponseXml> {
  return { SipPeer: peerFields(p) };
}

export function sipPeersToXml(peers: readonly SipPeer[]): RootOut<typeof SipPeersResponseXml> {
  return { SipPeers: peers.map(peerFields) };
}
