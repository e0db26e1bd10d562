import { x } from '../../platform/xml/schema.js';

/** Numbers on a SIP peer (contract ops 108–112) and a site's number count (op 118). */
const TnAttributesXml = x.list('TnAttribute', x.text(), 'omit');
const MessagingSettingsXml = x.object({ SmsEnabled: x.text() });

/** GET …/tns: each entry in the list's documented order; without attributes, FullNumber alone. */
export const PeerTnListXml = x.root('SipPeerTelephoneNumbersResponse', {
  SipPeerTelephoneNumbers: x.object({
    SipPeerTelephoneNumber: x.repeated(
      x.object({
        FullNumber: x.text(),
        CallingNameDisplay: x.text(),
        TnAttributes: TnAttributesXml,
        MessagingSettings: MessagingSettingsXml,
        CallForward: x.text(),
      }),
    ),
  }),
});

/** GET …/tns/{tn}. */
export const PeerTnXml = x.root('SipPeerTelephoneNumberResponse', {
  SipPeerTelephoneNumber: x.object({
    FullNumber: x.text(),
    CallForward: x.text(),
    CallingNameDisplay: x.text(),
    TnAttributes: TnAttributesXml,
    MessagingSettings: MessagingSettingsXml,
  }),
});

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
