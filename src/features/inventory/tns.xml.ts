import { LinksXml, type PageLinks } from '../../platform/http/paging.js';
import { x, type RootOut } from '../../platform/xml/schema.js';
import { AddressXml, addressInputToXml } from '../../shared/address.xml.js';
import type {
  NumberFeatures,
  TnDetails,
  TnHistoryEntry,
  TnLca,
  TnRecordView,
  TnsPage,
  TnSummary,
} from './tns.service.js';

/** Payloads of /tns and /tns/{tn}/… (contract ops 128–136, element names from the R18 examples). */

const summaryFields = {
  City: x.text(),
  Lata: x.text(),
  State: x.text(),
  FullNumber: x.text(),
  Tier: x.text(),
  VendorId: x.text(),
  VendorName: x.text(),
  RateCenter: x.text(),
  Status: x.text(),
  AccountId: x.text(),
};

export const TelephoneNumbersResponseXml = x.root('TelephoneNumbersResponse', {
  TelephoneNumberCount: x.text(),
  Links: LinksXml,
  TelephoneNumbers: x.list('TelephoneNumber', x.object({ ...summaryFields, LastModified: x.text() })),
});

export const TelephoneNumberResponseXml = x.root('TelephoneNumberResponse', {
  TelephoneNumber: x.text(),
  Status: x.text(),
  LastModifiedDate: x.text(),
  OrderCreateDate: x.text(),
  OrderId: x.text(),
  OrderType: x.text(),
  SiteId: x.text(),
  AccountId: x.text(),
});

/** A directory listing's name elements, in their order, with the key each has in NumberFeatures. */
const LISTING_NAME_FIELDS = [
  ['FirstName', 'firstName'],
  ['FirstName2', 'firstName2'],
  ['LastName', 'lastName'],
  ['Designation', 'designation'],
  ['TitleOfLineage', 'titleOfLineage'],
  ['TitleOfAddress', 'titleOfAddress'],
  ['TitleOfAddress2', 'titleOfAddress2'],
  ['TitleOfLineageName2', 'titleOfLineageName2'],
  ['TitleOfAddressName2', 'titleOfAddressName2'],
  ['TitleOfAddress2Name2', 'titleOfAddress2Name2'],
  ['PlaceListingAs', 'placeListingAs'],
] as const;

/** tndetails; /ratecenter and /lata answer the same element with only their fields. */
export const TelephoneNumberDetailsXml = x.root('TelephoneNumberResponse', {
  TelephoneNumberDetails: x.object({
    ...summaryFields,
    Site: x.object({ Id: x.text(), Name: x.text() }),
    SipPeer: x.object({ PeerId: x.text(), PeerName: x.text() }),
    LastModified: x.text(),
    // Each block only when the number has the feature (row 130).
    Features: x.object({
      E911: x.object({
        LastE911OrderOutcome: x.text(),
        SipPeerAddress: x.text(),
        CallerName: x.text(),
        Address: AddressXml,
      }),
      Lidb: x.object({
        Status: x.text(),
        SubscriberInformation: x.text(),
        UseType: x.text(),
        Visibility: x.text(),
      }),
      Dlda: x.object({
        Status: x.text(),
        SubscriberType: x.text(),
        ListingType: x.text(),
        ListingName: x.object(Object.fromEntries(LISTING_NAME_FIELDS.map(([el]) => [el, x.text()]))),
        ListAddress: x.text(),
        Address: AddressXml,
      }),
    }),
    MessagingSettings: x.object({ SmsEnabled: x.text() }),
    TnAttributes: x.list('TnAttribute', x.text(), 'omit'),
  }),
});

/** /tns/{tn}/sites and /sippeers: bare roots with Id and Name (not PeerId / PeerName). */
export const TnSiteXml = x.root('Site', { Id: x.text(), Name: x.text() });
export const TnSipPeerXml = x.root('SipPeer', { Id: x.text(), Name: x.text() });

/** Note the lower-case "of" in ListofNPANXX; one RateCenters per state of the calling area. */
export const TnLcaXml = x.root('SearchResult', {
  ListofNPANXX: x.list('NPANXX', x.text()),
  Location: x.object({
    RateCenters: x.repeated(x.object({ State: x.text(), RCs: x.list('RC', x.text()) })),
  }),
});

export const TnHistoryXml = x.root('TelephoneNumberResponse', {
  TelephoneNumberStatuses: x.list(
    'TelephoneNumberStatus',
    x.object({
      AccountId: x.text(),
      LastModifiedDate: x.text(),
      OrderCreateDate: x.text(),
      OrderId: x.text(),
      Status: x.text(),
      UserId: x.text(),
      OrderType: x.text(),
      OrderStatus: x.text(),
    }),
  ),
  TelephoneNumber: x.text(),
});

function summaryToXml(n: TnSummary) {
  return {
    City: n.city,
    Lata: n.lata,
    State: n.state,
    FullNumber: n.tn,
    Tier: n.tier,
    VendorId: n.vendorId,
    VendorName: n.vendorName,
    RateCenter: n.rateCenter,
    Status: n.status,
    AccountId: n.accountId,
  };
}

export function tnsPageToXml(page: TnsPage, links: PageLinks): RootOut<typeof TelephoneNumbersResponseXml> {
  return {
    TelephoneNumberCount: page.total,
    Links: links,
    TelephoneNumbers: page.numbers.map((n) => ({ ...summaryToXml(n), LastModified: n.lastModified })),
  };
}

export function tnToXml(t: TnRecordView): RootOut<typeof TelephoneNumberResponseXml> {
  return {
    TelephoneNumber: t.tn,
    Status: t.status,
    LastModifiedDate: t.lastModified,
    OrderCreateDate: t.orderCreateDate,
    OrderId: t.orderId,
    OrderType: t.orderType,
    SiteId: t.siteId,
    AccountId: t.accountId,
  };
}

export function detailsToXml(d: TnDetails, f: NumberFeatures): RootOut<typeof TelephoneNumberDetailsXml> {
  return {
    TelephoneNumberDetails: {
      ...summaryToXml(d),
      Site: d.site ? { Id: d.site.id, Name: d.site.name } : undefined,
      SipPeer: d.sipPeer ? { PeerId: d.sipPeer.id, PeerName: d.sipPeer.name } : undefined,
      LastModified: d.lastModified,
      Features:
        f.e911 || f.lidb || f.dlda
          ? {
              E911: f.e911 && {
                LastE911OrderOutcome: f.e911.outcome,
                SipPeerAddress: false,
                CallerName: f.e911.callerName,
                Address: addressInputToXml(f.e911.address),
              },
              Lidb: f.lidb && {
                Status: 'Success',
                SubscriberInformation: f.lidb.subscriberInformation,
                UseType: f.lidb.useType,
                Visibility: f.lidb.visibility,
              },
              Dlda: f.dlda && {
                Status: 'Success',
                SubscriberType: f.dlda.subscriberType,
                ListingType: f.dlda.listingType,
                ListingName:
                  f.dlda.listingName &&
                  Object.fromEntries(
                    LISTING_NAME_FIELDS.map(([el, key]) => [el, f.dlda?.listingName?.[key]]),
                  ),
                ListAddress: f.dlda.listAddress,
                Address: f.dlda.address && addressInputToXml({ ...f.dlda.address, addressType: 'Dlda' }),
              },
            }
          : undefined,
      MessagingSettings: f.smsEnabled === undefined ? undefined : { SmsEnabled: f.smsEnabled },
      TnAttributes: d.protected ? ['Protected'] : [],
    },
  };
}

export function lcaToXml(lca: TnLca): RootOut<typeof TnLcaXml> {
  return {
    ListofNPANXX: lca.npaNxxs,
    Location:
      lca.rateCenters.length === 0
        ? undefined
        : { RateCenters: lca.rateCenters.map((r) => ({ State: r.state, RCs: r.names })) },
  };
}

export function historyToXml(tn: string, entries: readonly TnHistoryEntry[]): RootOut<typeof TnHistoryXml> {
  return {
    TelephoneNumberStatuses: entries.map((e) => ({
      AccountId: e.accountId,
      LastModifiedDate: e.lastModifiedDate,
      OrderCreateDate: e.orderCreateDate,
      OrderId: e.orderId,
      Status: e.status,
      UserId: e.userId,
      OrderType: e.orderType,
      OrderStatus: e.orderStatus,
    })),
    TelephoneNumber: tn,
  };
}
