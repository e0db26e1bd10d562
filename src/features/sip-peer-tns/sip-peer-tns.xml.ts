import { x, type RootIn, type RootOut } from '../../platform/xml/schema.js';
import { formatTn } from '../../shared/numbering.js';
import type { PeerTn, PeerTnCounts, PeerTnUpdate } from './sip-peer-tns.service.js';

/** Numbers on a SIP peer (contract ops 108–112) and a site's number count (op 118). */
const TnAttributesXml = x.list('TnAttribute', x.text(), 'omit');
const MessagingSettingsXml = x.object({ SmsEnabled: x.text() });

/**
 * One number on the peer, in the list (…/tns, op 108) and alone (…/tns/{tn}, op 109): in the
 * single GET's documented order (CallForward right after FullNumber, as R18 shows both), with the
 * formats and user rewrite the PUT sets (OpenAPI's SipPeerTelephoneNumber has them) in the PUT's own
 * order. Without settings (or `includeAttributes=false`), FullNumber alone.
 */
const PeerTnEntryXml = x.object({
  FullNumber: x.text(),
  NumberFormat: x.text(),
  RPIDFormat: x.text(),
  RewriteUser: x.text(),
  CallForward: x.text(),
  CallingNameDisplay: x.text(),
  TnAttributes: TnAttributesXml,
  MessagingSettings: MessagingSettingsXml,
});

export const PeerTnListXml = x.root('SipPeerTelephoneNumbersResponse', {
  SipPeerTelephoneNumbers: x.object({ SipPeerTelephoneNumber: x.repeated(PeerTnEntryXml) }),
});

export const PeerTnXml = x.root('SipPeerTelephoneNumberResponse', { SipPeerTelephoneNumber: PeerTnEntryXml });

/** PUT …/tns/{tn}: every element optional; absent (or `unchanged`) keeps, `systemdefault` clears. */
export const PeerTnUpdateXml = x.root('SipPeerTelephoneNumber', {
  FullNumber: x.text(),
  NumberFormat: x.text(),
  RPIDFormat: x.text(),
  RewriteUser: x.text(),
  CallForward: x.text(),
  CallingNameDisplay: x.text(),
  TnAttributes: x.list('TnAttribute', x.text()),
  MessagingSettings: MessagingSettingsXml,
});

/** The total sits in an element of the same name as its parent (documented). */
export const PeerTnCountXml = x.root('SipPeerTelephoneNumbersCountResponse', {
  SipPeerTelephoneNumbersCount: x.object({
    SipPeerTelephoneNumbersCount: x.text(),
    CnamCount: x.text(),
    LidbCount: x.text(),
  }),
});

/** POST …/movetns: the numbers as unwrapped `FullNumber` siblings. */
export const MoveTnsXml = x.root('SipPeerTelephoneNumbers', { FullNumber: x.repeated(x.text()) });

export const SiteTnCountXml = x.root('SiteTNsResponse', { SiteTNs: x.object({ TotalCount: x.text() }) });

// ---- codecs ------------------------------------------------------------------------------------

type PeerTnOut = NonNullable<RootOut<typeof PeerTnXml>['SipPeerTelephoneNumber']>;

function peerTnOut(n: PeerTn): PeerTnOut {
  const s = n.settings;
  if (s === undefined) return { FullNumber: formatTn(n.tn) };
  return {
    FullNumber: formatTn(n.tn),
    NumberFormat: s.numberFormat,
    RPIDFormat: s.rpidFormat,
    RewriteUser: s.rewriteUser,
    CallForward: s.callForward,
    CallingNameDisplay: s.callingNameDisplay,
    TnAttributes: n.protected ? ['Protected'] : undefined,
    MessagingSettings: s.smsEnabled === undefined ? undefined : { SmsEnabled: s.smsEnabled },
  };
}

export function peerTnListToXml(list: readonly PeerTn[]): RootOut<typeof PeerTnListXml> {
  return { SipPeerTelephoneNumbers: { SipPeerTelephoneNumber: list.map(peerTnOut) } };
}

export function peerTnToXml(n: PeerTn): RootOut<typeof PeerTnXml> {
  return { SipPeerTelephoneNumber: peerTnOut(n) };
}

export function peerTnUpdateOf(body: RootIn<typeof PeerTnUpdateXml>): PeerTnUpdate {
  return {
    fullNumber: body.FullNumber,
    numberFormat: body.NumberFormat,
    rpidFormat: body.RPIDFormat,
    rewriteUser: body.RewriteUser,
    callForward: body.CallForward,
    callingNameDisplay: body.CallingNameDisplay,
    tnAttributes: body.TnAttributes,
    smsEnabled: body.MessagingSettings?.SmsEnabled,
  };
}

export function peerTnCountsToXml(c: PeerTnCounts): RootOut<typeof PeerTnCountXml> {
  return {
    SipPeerTelephoneNumbersCount: {
      SipPeerTelephoneNumbersCount: c.total,
      CnamCount: c.cnam,
      LidbCount: c.lidb,
    },
  };
}
