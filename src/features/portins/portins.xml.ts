import type { ApiError } from '../../platform/http/api-error.js';
import type { ErrorShape } from '../../platform/http/error-shapes.js';
import { LinksXml, type PageLinks } from '../../platform/http/paging.js';
import { encodeXml } from '../../platform/xml/encode.js';
import { x, type In, type Out, type RootIn, type RootOut } from '../../platform/xml/schema.js';
import { AddressXml, addressInputOf, addressInputToXml } from '../../shared/address.xml.js';
import { formatTn } from '../../shared/numbering.js';
import { VENDORS } from '../../shared/tn-status.js';
import type { OrderPage } from '../orders-common/index.js';
import { PortInRejected } from './portins.errors.js';
import type { PortInDetails, PortInError, Subscriber } from './portins.kind.js';
import type { PortInInput, PortInSuppInput, PortInView } from './portins.service.js';

/**
 * Port-in payloads (contract rows 18–27, 36–40, 117): the order (`LnpOrder`), its SUPP
 * (`LnpOrderSupp`), the one `LnpOrderResponse` every answer about an order uses (201, GET, PUT and
 * the 400s, whose `Errors` repeat unwrapped), the list, and the activation status.
 */
const SubscriberXml = x.object({
  SubscriberType: x.text(),
  BusinessName: x.text(),
  FirstName: x.text(),
  MiddleInitial: x.text(),
  LastName: x.text(),
  ServiceAddress: AddressXml,
});
const WirelessInfoXml = x.object({ AccountNumber: x.text(), PinNumber: x.text() });
const TnAttributesXml = x.list('TnAttribute', x.text(), 'omit');
const PhoneNumbersXml = x.list('PhoneNumber', x.text());

export const PortInRequestXml = x.root('LnpOrder', {
  RequestedFocDate: x.text(),
  AlternateSpid: x.text(),
  BillingTelephoneNumber: x.text(),
  SiteId: x.text(),
  PeerId: x.text(),
  Subscriber: SubscriberXml,
  LoaAuthorizingPerson: x.text(),
  WirelessInfo: WirelessInfoXml,
  TnAttributes: TnAttributesXml,
  ListOfPhoneNumbers: PhoneNumbersXml,
  Triggered: x.text(),
  BillingType: x.text(),
  CustomerOrderId: x.text(),
  PartialPort: x.text(),
});

export const PortInSuppXml = x.root('LnpOrderSupp', {
  CustomerOrderId: x.text(),
  RequestedFocDate: x.text(),
  BillingTelephoneNumber: x.text(),
  WirelessInfo: WirelessInfoXml,
  TnAttributes: TnAttributesXml,
  Subscriber: SubscriberXml,
  SiteId: x.text(),
  PeerId: x.text(),
  PartialPort: x.text(),
  LoaAuthorizingPerson: x.text(),
});

function subscriberInputOf(s: In<typeof SubscriberXml>): PortInInput['subscriber'] {
  if (!s) return undefined;
  return {
    type: s.SubscriberType,
    businessName: s.BusinessName,
    firstName: s.FirstName,
    middleInitial: s.MiddleInitial,
    lastName: s.LastName,
    address: addressInputOf(s.ServiceAddress),
  };
}

const wirelessInputOf = (w: In<typeof WirelessInfoXml>) =>
  w && { accountNumber: w.AccountNumber, pinNumber: w.PinNumber };

export function portInInputOf(b: RootIn<typeof PortInRequestXml>): PortInInput {
  return {
    requestedFocDate: b.RequestedFocDate,
    alternateSpid: b.AlternateSpid,
    billingTelephoneNumber: b.BillingTelephoneNumber,
    siteId: b.SiteId,
    peerId: b.PeerId,
    subscriber: subscriberInputOf(b.Subscriber),
    loaAuthorizingPerson: b.LoaAuthorizingPerson,
    wirelessInfo: wirelessInputOf(b.WirelessInfo),
    tnAttributes: b.TnAttributes,
    telephoneNumbers: b.ListOfPhoneNumbers,
    triggered: b.Triggered,
    billingType: b.BillingType,
    customerOrderId: b.CustomerOrderId,
    partialPort: b.PartialPort,
  };
}

export function portInSuppInputOf(b: RootIn<typeof PortInSuppXml>): PortInSuppInput {
  return {
    customerOrderId: b.CustomerOrderId,
    requestedFocDate: b.RequestedFocDate,
    billingTelephoneNumber: b.BillingTelephoneNumber,
    wirelessInfo: wirelessInputOf(b.WirelessInfo),
    tnAttributes: b.TnAttributes,
    subscriber: subscriberInputOf(b.Subscriber),
    siteId: b.SiteId,
    peerId: b.PeerId,
    partialPort: b.PartialPort,
    loaAuthorizingPerson: b.LoaAuthorizingPerson,
  };
}

const StatusXml = x.object({ Code: x.text(), Description: x.text() });
const ErrorsXml = x.repeated(x.object({ Code: x.text(), Description: x.text() }));

/** Every answer about one port-in, in the order the RAML and the later specs give its elements. */
export const PortInResponseXml = x.root('LnpOrderResponse', {
  ResponseStatus: x.object({ ErrorCode: x.text(), Description: x.text() }),
  OrderId: x.text(),
  Status: StatusXml,
  Errors: ErrorsXml,
  ProcessingStatus: x.text(),
  RequestedFocDate: x.text(),
  ActualFocDate: x.text(),
  CustomerOrderId: x.text(),
  LoaAuthorizingPerson: x.text(),
  Subscriber: SubscriberXml,
  WirelessInfo: WirelessInfoXml,
  TnAttributes: TnAttributesXml,
  BillingTelephoneNumber: x.text(),
  ListOfPhoneNumbers: PhoneNumbersXml,
  AlternateSpid: x.text(),
  AccountId: x.text(),
  SiteId: x.text(),
  PeerId: x.text(),
  LosingCarrierSPID: x.text(),
  LosingCarrierName: x.text(),
  LosingCarrierIsWireless: x.text(),
  VendorName: x.text(),
  OrderCreateDate: x.text(),
  LastModifiedDate: x.text(),
  userId: x.text(),
  LastModifiedBy: x.text(),
  PartialPort: x.text(),
  Triggered: x.text(),
  BillingType: x.text(),
  PortType: x.text(),
});
type PortInOut = RootOut<typeof PortInResponseXml>;

const VALIDATION_FAILED = 'Validation Failed. Please check your input parameters.';
/** Bandwidth's texts for Status/Description (the catalogue's 201 and 200 messages). */
export const ORDER_RECEIVED =
  'Order request received. Please use the order id to check the status of your order later.';
export const SUPP_RECEIVED =
  'Supp request received. Please use the order id to check the status of your order later.';

const errorsOf = (errors: readonly PortInError[]) =>
  errors.map((e) => ({ Code: e.code, Description: e.description }));

function subscriberToXml(s: Subscriber): Out<typeof SubscriberXml> {
  return {
    SubscriberType: s.type,
    BusinessName: s.businessName,
    FirstName: s.firstName,
    MiddleInitial: s.middleInitial,
    LastName: s.lastName,
    ServiceAddress: addressInputToXml(s.address),
  };
}

/** What the order asked for, as every view echoes it. */
function requestOf(d: PortInDetails, tns: readonly number[]): PortInOut {
  return {
    RequestedFocDate: d.requestedFocDate,
    LoaAuthorizingPerson: d.loaAuthorizingPerson,
    Subscriber: subscriberToXml(d.subscriber),
    WirelessInfo: d.wirelessInfo && {
      AccountNumber: d.wirelessInfo.accountNumber,
      PinNumber: d.wirelessInfo.pinNumber,
    },
    TnAttributes: d.tnAttributes.length > 0 ? d.tnAttributes : undefined,
    BillingTelephoneNumber: formatTn(d.billingTelephoneNumber),
    ListOfPhoneNumbers: tns.map(formatTn),
    Triggered: d.triggered,
    BillingType: d.billingType,
  };
}

/** 201 of POST: the id, "Order request received", PENDING_DOCUMENTS and the order as accepted. */
export function createdToXml(v: PortInView): PortInOut {
  const o = v.order;
  return {
    OrderId: o.id,
    Status: { Code: 201, Description: ORDER_RECEIVED },
    ProcessingStatus: o.status,
    ...requestOf(o.details, v.tns),
    CustomerOrderId: o.customerOrderId,
  };
}

/** GET one: the whole order, with the carrier's rejection in `Errors` while it stands. */
export function portInToXml(v: PortInView): PortInOut {
  const o = v.order;
  const d = o.details;
  return {
    OrderId: o.id,
    Errors: errorsOf(d.errors ?? []),
    ProcessingStatus: o.status,
    ...requestOf(d, v.tns),
    ActualFocDate: d.actualFocDate,
    CustomerOrderId: o.customerOrderId,
    AlternateSpid: d.alternateSpid,
    AccountId: o.accountId,
    SiteId: o.siteId,
    PeerId: o.sipPeerId,
    LosingCarrierSPID: d.losingCarrier.spid,
    LosingCarrierName: d.losingCarrier.name,
    LosingCarrierIsWireless: d.losingCarrier.isWireless,
    VendorName: VENDORS[d.vendorId],
    OrderCreateDate: o.createdAt,
    LastModifiedDate: o.updatedAt,
    userId: o.createdBy,
    LastModifiedBy: d.lastModifiedBy ?? o.createdBy,
    PartialPort: d.partialPort,
    PortType: d.portType,
  };
}

/** 200 of PUT: "Supp request received", the status, and what a SUPP may have changed. */
export function suppToXml(v: PortInView): PortInOut {
  const o = v.order;
  return {
    OrderId: o.id,
    Status: { Code: 200, Description: SUPP_RECEIVED },
    ProcessingStatus: o.status,
    RequestedFocDate: o.details.requestedFocDate,
    BillingTelephoneNumber: formatTn(o.details.billingTelephoneNumber),
    Triggered: o.details.triggered,
  };
}

/** A 400 of POST: "Validation Failed", every error found, EXCEPTION, and the request as sent. */
export function rejectedToXml(err: ApiError, body: RootIn<typeof PortInRequestXml>): PortInOut {
  const errors =
    err instanceof PortInRejected ? err.errors : [{ code: err.code, description: err.description }];
  return {
    Status: { Code: 400, Description: VALIDATION_FAILED },
    Errors: errorsOf(errors),
    ProcessingStatus: 'EXCEPTION',
    RequestedFocDate: body.RequestedFocDate,
    CustomerOrderId: body.CustomerOrderId,
    LoaAuthorizingPerson: body.LoaAuthorizingPerson,
    Subscriber: body.Subscriber,
    WirelessInfo: body.WirelessInfo,
    TnAttributes: body.TnAttributes,
    BillingTelephoneNumber: body.BillingTelephoneNumber,
    ListOfPhoneNumbers: body.ListOfPhoneNumbers,
    Triggered: body.Triggered,
    BillingType: body.BillingType,
  };
}

/**
 * Errors of every other port-in route: a 400 as `Status` and the unwrapped `Errors` (DELETE's adds the
 * order id, contract row 22); anything else (403, 404, 413, …) in the dominant `ResponseStatus` shape.
 */
export const portInErrorShape: ErrorShape = (err) => {
  if (err.status !== 400) {
    return encodeXml(PortInResponseXml, {
      ResponseStatus: { ErrorCode: err.code, Description: err.description },
    });
  }
  const errors =
    err instanceof PortInRejected ? err.errors : [{ code: err.code, description: err.description }];
  return encodeXml(PortInResponseXml, {
    OrderId: err instanceof PortInRejected ? err.orderId : undefined,
    Status: { Code: 400, Description: VALIDATION_FAILED },
    Errors: errorsOf(errors),
    ProcessingStatus: 'EXCEPTION',
  });
};

// ---- lists ----------------------------------------------------------------------------------

/** GET /portins and a site's /portins (rows 18, 117): entries named `lnpPortInfoForGivenStatus`. */
export const PortInListXml = x.root('LNPResponseWrapper', {
  TotalCount: x.text(),
  Links: LinksXml,
  lnpPortInfoForGivenStatus: x.repeated(
    x.object({
      accountId: x.text(),
      CountOfTNs: x.text(),
      userId: x.text(),
      lastModifiedDate: x.text(),
      OrderDate: x.text(),
      OrderId: x.text(),
      OrderType: x.text(),
      ActualFOCDate: x.text(),
      BillingTelephoneNumber: x.text(),
      CompanyName: x.text(),
      LNPLosingCarrierId: x.text(),
      LNPLosingCarrierName: x.text(),
      ProcessingStatus: x.text(),
      RequestedFOCDate: x.text(),
      VendorId: x.text(),
      VendorName: x.text(),
      PON: x.text(),
    }),
  ),
});

export function portInListToXml(
  page: OrderPage<PortInDetails>,
  links: PageLinks,
  accountId: string,
): RootOut<typeof PortInListXml> {
  return {
    TotalCount: page.total,
    Links: links,
    lnpPortInfoForGivenStatus: page.entries.map((s) => {
      const d = s.details;
      const sub = d.subscriber;
      return {
        accountId,
        CountOfTNs: s.quantity,
        userId: s.createdBy,
        lastModifiedDate: s.updatedAt,
        OrderDate: s.createdAt,
        OrderId: s.id,
        OrderType: 'port_in',
        ActualFOCDate: d.actualFocDate,
        BillingTelephoneNumber: formatTn(d.billingTelephoneNumber),
        CompanyName: sub.businessName ?? [sub.firstName, sub.lastName].filter(Boolean).join(' '),
        LNPLosingCarrierId: d.losingCarrier.spid,
        LNPLosingCarrierName: d.losingCarrier.name,
        ProcessingStatus: s.status,
        RequestedFOCDate: d.requestedFocDate,
        VendorId: d.vendorId,
        VendorName: VENDORS[d.vendorId],
        PON: s.id,
      };
    }),
  };
}

/** `Quantity{Count}`: /portins/totals and an order's /totals (rows 39–40). */
export const QuantityXml = x.root('Quantity', { Count: x.text() });

// ---- activation (rows 26–27) ----------------------------------------------------------------

export const ActivationRequestXml = x.root('ActivationStatus', { AutoActivationDate: x.text() });

export const ActivationResponseXml = x.root('ActivationStatusResponse', {
  ActivationStatus: x.object({
    AutoActivationDate: x.text(),
    ActivatedTelephoneNumbersList: x.list('TelephoneNumber', x.text()),
    NotYetActivatedTelephoneNumbersList: x.list('TelephoneNumber', x.text()),
  }),
});

export interface ActivationView {
  readonly autoActivationDate: string | undefined;
  readonly activated: readonly number[];
  readonly notYetActivated: readonly number[];
}

export function activationToXml(v: ActivationView): RootOut<typeof ActivationResponseXml> {
  return {
    ActivationStatus: {
      AutoActivationDate: v.autoActivationDate,
      ActivatedTelephoneNumbersList: v.activated.map(formatTn),
      NotYetActivatedTelephoneNumbersList: v.notYetActivated.map(formatTn),
    },
  };
}

/** PUT answers with the date alone (row 27). */
export function activationScheduledToXml(date: string): RootOut<typeof ActivationResponseXml> {
  return { ActivationStatus: { AutoActivationDate: date } };
}
