import type { ApiError } from '../../platform/http/api-error.js';
import type { ErrorShape } from '../../platform/http/error-shapes.js';
import { encodeXml } from '../../platform/xml/encode.js';
import { x, type RootIn, type RootOut } from '../../platform/xml/schema.js';
import { formatTn } from '../../shared/numbering.js';
import type { OrderPage } from '../orders-common/index.js';
import { LsrRejected } from './lsrorders.errors.js';
import type { LsrDetails, LsrSubscriber } from './lsrorders.kind.js';
import type { LsrOrderInput, LsrOrderView } from './lsrorders.service.js';

/**
 * LSR order payloads (contract rows 51–57): the request (`LsrOrder`, also the PUT's), and each
 * answer in the element order Bandwidth's examples give it, which differs between them: the 201
 * (`LsrOrderResponse/LsrOrder`), the GET (`LsrOrder` unwrapped, ending with `LsrOrderErrors` and
 * `CountOfTNs`), the PUT's 200, and the 400s of POST and PUT (the order echoed with FAILED).
 */
const AddressIn = x.object({
  HousePrefix: x.text(),
  HouseNumber: x.text(),
  HouseSuffix: x.text(),
  PreDirectional: x.text(),
  StreetName: x.text(),
  StreetSuffix: x.text(),
  PostDirectional: x.text(),
  AddressLine2: x.text(),
  City: x.text(),
  StateCode: x.text(),
  Zip: x.text(),
  County: x.text(),
  Country: x.text(),
});

export const LsrOrderRequestXml = x.root('LsrOrder', {
  Pon: x.text(),
  CustomerOrderId: x.text(),
  SPID: x.text(),
  BillingTelephoneNumber: x.text(),
  RequestedFocDate: x.text(),
  AuthorizingPerson: x.text(),
  Subscriber: x.object({
    SubscriberType: x.text(),
    BusinessName: x.text(),
    FirstName: x.text(),
    MiddleInitial: x.text(),
    LastName: x.text(),
    ServiceAddress: AddressIn,
    AccountNumber: x.text(),
    PinNumber: x.text(),
  }),
  ListOfTelephoneNumbers: x.list('TelephoneNumber', x.text()),
  OrderStatus: x.text(),
});

export function lsrInputOf(w: RootIn<typeof LsrOrderRequestXml>): LsrOrderInput {
  const s = w.Subscriber;
  const a = s?.ServiceAddress;
  return {
    pon: w.Pon,
    customerOrderId: w.CustomerOrderId,
    spid: w.SPID,
    billingTelephoneNumber: w.BillingTelephoneNumber,
    requestedFocDate: w.RequestedFocDate,
    authorizingPerson: w.AuthorizingPerson,
    subscriber: s && {
      type: s.SubscriberType,
      businessName: s.BusinessName,
      firstName: s.FirstName,
      middleInitial: s.MiddleInitial,
      lastName: s.LastName,
      accountNumber: s.AccountNumber,
      pinNumber: s.PinNumber,
      address: a && {
        housePrefix: a.HousePrefix,
        houseNumber: a.HouseNumber,
        houseSuffix: a.HouseSuffix,
        preDirectional: a.PreDirectional,
        streetName: a.StreetName,
        streetSuffix: a.StreetSuffix,
        postDirectional: a.PostDirectional,
        addressLine2: a.AddressLine2,
        city: a.City,
        stateCode: a.StateCode,
        zip: a.Zip,
        county: a.County,
        country: a.Country,
      },
    },
    telephoneNumbers: w.ListOfTelephoneNumbers?.map((t) => t ?? ''),
    orderStatus: w.OrderStatus,
  };
}

// ---- the subscriber as answers show it -----------------------------------------------------

const addressOut = (extra: { country?: boolean; addressType?: boolean }) =>
  x.object({
    HousePrefix: x.text(),
    HouseNumber: x.text(),
    HouseSuffix: x.text(),
    PreDirectional: x.text(),
    StreetName: x.text(),
    StreetSuffix: x.text(),
    PostDirectional: x.text(),
    AddressLine2: x.text(),
    City: x.text(),
    StateCode: x.text(),
    Zip: x.text(),
    County: x.text(),
    ...(extra.country ? { Country: x.text() } : {}),
    ...(extra.addressType ? { AddressType: x.text() } : {}),
  });

const subscriberOut = (extra: { country?: boolean; addressType?: boolean }) =>
  x.object({
    SubscriberType: x.text(),
    BusinessName: x.text(),
    FirstName: x.text(),
    MiddleInitial: x.text(),
    LastName: x.text(),
    AccountNumber: x.text(),
    PinNumber: x.text(),
    ServiceAddress: addressOut(extra),
  });

/** The subscriber as written (stored or as sent); answers that show Country get it. */
interface SubscriberLike {
  readonly type?: string | undefined;
  readonly businessName?: string | undefined;
  readonly firstName?: string | undefined;
  readonly middleInitial?: string | undefined;
  readonly lastName?: string | undefined;
  readonly accountNumber?: string | undefined;
  readonly pinNumber?: string | undefined;
  readonly address?: Partial<LsrSubscriber['address']> | undefined;
}

function subscriberToXml(s: SubscriberLike | undefined, addressType?: string) {
  if (!s) return undefined;
  const a = s.address;
  return {
    SubscriberType: s.type,
    BusinessName: s.businessName,
    FirstName: s.firstName,
    MiddleInitial: s.middleInitial,
    LastName: s.lastName,
    AccountNumber: s.accountNumber,
    PinNumber: s.pinNumber,
    ServiceAddress: a && {
      HousePrefix: a.housePrefix,
      HouseNumber: a.houseNumber,
      HouseSuffix: a.houseSuffix,
      PreDirectional: a.preDirectional,
      StreetName: a.streetName,
      StreetSuffix: a.streetSuffix,
      PostDirectional: a.postDirectional,
      AddressLine2: a.addressLine2,
      City: a.city,
      StateCode: a.stateCode,
      Zip: a.zip,
      County: a.county,
      Country: a.country ?? 'United States',
      AddressType: addressType,
    },
  };
}

const TnListXml = x.list('TelephoneNumber', x.text());
const ErrorsXml = x.list('LsrOrderError', x.object({ Code: x.text(), Description: x.text() }));
const ResponseStatusXml = x.object({ ErrorCode: x.text(), Description: x.text() });

// ---- one order -------------------------------------------------------------------------------

/**
 * GET /lsrorders/{id} (row 53), and the order inside the PUT's 200 (row 54). The FOC date is not
 * among its elements (nor in the OpenAPI's LsrOrderPayload): the list's summaries, the FOC
 * notification and the history's Difference carry it.
 */
const ORDER_FIELDS = {
  CustomerOrderId: x.text(),
  LastModifiedBy: x.text(),
  OrderCreateDate: x.text(),
  AccountId: x.text(),
  OrderId: x.text(),
  LastModifiedDate: x.text(),
  OrderStatus: x.text(),
  SPID: x.text(),
  BillingTelephoneNumber: x.text(),
  Pon: x.text(),
  PonVersion: x.text(),
  RequestedFocDate: x.text(),
  AuthorizingPerson: x.text(),
  Subscriber: subscriberOut({}),
  ListOfTelephoneNumbers: TnListXml,
  LsrOrderErrors: ErrorsXml,
  CountOfTNs: x.text(),
};

export const LsrOrderXml = x.root('LsrOrder', ORDER_FIELDS);
export const LsrOrderUpdatedXml = x.root('LsrOrderResponse', { LsrOrder: x.object(ORDER_FIELDS) });

const btnOf = (d: LsrDetails) =>
  d.billingTelephoneNumber === undefined ? undefined : formatTn(d.billingTelephoneNumber);

export function lsrOrderToXml(v: LsrOrderView): RootOut<typeof LsrOrderXml> {
  const { order } = v;
  const d = order.details;
  return {
    CustomerOrderId: order.customerOrderId,
    LastModifiedBy: d.lastModifiedBy ?? order.createdBy,
    OrderCreateDate: order.createdAt,
    AccountId: order.accountId,
    OrderId: order.id,
    LastModifiedDate: order.updatedAt,
    OrderStatus: order.status,
    SPID: d.spid,
    BillingTelephoneNumber: btnOf(d),
    Pon: order.name,
    PonVersion: d.ponVersion,
    RequestedFocDate: d.requestedFocDate,
    AuthorizingPerson: d.authorizingPerson,
    Subscriber: subscriberToXml(d.subscriber),
    ListOfTelephoneNumbers: v.tns.map(formatTn),
    LsrOrderErrors: (d.errors ?? []).map((e) => ({ Code: e.code, Description: e.description })),
    CountOfTNs: v.tns.length,
  };
}

/** 201 of POST /lsrorders (row 52): OrderStatus PENDING. */
export const LsrOrderCreatedXml = x.root('LsrOrderResponse', {
  LsrOrder: x.object({
    OrderId: x.text(),
    CustomerOrderId: x.text(),
    LastModifiedBy: x.text(),
    OrderCreateDate: x.text(),
    PeerId: x.text(),
    AccountId: x.text(),
    SPID: x.text(),
    LastModifiedDate: x.text(),
    SiteId: x.text(),
    CreatedByUser: x.text(),
    OrderStatus: x.text(),
    BillingTelephoneNumber: x.text(),
    Pon: x.text(),
    PonVersion: x.text(),
    RequestedFocDate: x.text(),
    AuthorizingPerson: x.text(),
    Subscriber: subscriberOut({ country: true }),
    ListOfTelephoneNumbers: TnListXml,
  }),
});

export function lsrCreatedToXml(v: LsrOrderView): RootOut<typeof LsrOrderCreatedXml> {
  const { order } = v;
  const d = order.details;
  return {
    LsrOrder: {
      OrderId: order.id,
      CustomerOrderId: order.customerOrderId,
      LastModifiedBy: order.createdBy,
      OrderCreateDate: order.createdAt,
      // An LSR order takes numbers away: it has no site or SIP peer (Bandwidth answers 0).
      PeerId: 0,
      AccountId: order.accountId,
      SPID: d.spid,
      LastModifiedDate: order.updatedAt,
      SiteId: 0,
      CreatedByUser: order.createdBy,
      OrderStatus: order.status,
      BillingTelephoneNumber: btnOf(d),
      Pon: order.name,
      PonVersion: d.ponVersion,
      RequestedFocDate: d.requestedFocDate,
      AuthorizingPerson: d.authorizingPerson,
      Subscriber: subscriberToXml(d.subscriber),
      ListOfTelephoneNumbers: v.tns.map(formatTn),
    },
  };
}

export function lsrUpdatedToXml(
  v: LsrOrderView,
  warnings: readonly { code: number; description: string }[] = [],
) {
  const order = lsrOrderToXml(v);
  const extra = warnings.map((w) => ({ Code: w.code, Description: w.description }));
  return { LsrOrder: { ...order, LsrOrderErrors: [...extra, ...(order.LsrOrderErrors ?? [])] } };
}

// ---- the 400s ----------------------------------------------------------------------------------

const VALIDATION_FAILED = "Lsr order doesn't pass validation. Please check your input parameters.";

/** 400 of POST (row 52): the errors, then the order as sent, FAILED. */
export const LsrOrderRejectedXml = x.root('LsrOrderResponse', {
  ResponseStatus: ResponseStatusXml,
  LsrOrderErrors: ErrorsXml,
  LsrOrder: x.object({
    CustomerOrderId: x.text(),
    LastModifiedBy: x.text(),
    OrderCreateDate: x.text(),
    AccountId: x.text(),
    CreatedByUser: x.text(),
    OrderStatus: x.text(),
    BillingTelephoneNumber: x.text(),
    Pon: x.text(),
    AuthorizingPerson: x.text(),
    Subscriber: subscriberOut({ country: true }),
    ListOfTelephoneNumbers: TnListXml,
  }),
});

const errorsOf = (err: ApiError) =>
  (err instanceof LsrRejected ? err.errors : [{ code: err.code, description: err.description }]).map((e) => ({
    Code: e.code,
    Description: e.description,
  }));

export function lsrRejectedToXml(
  err: ApiError,
  sent: LsrOrderInput,
  who: { accountId: string; userId: string; at: string },
): string {
  return encodeXml(LsrOrderRejectedXml, {
    ResponseStatus: { ErrorCode: 400, Description: VALIDATION_FAILED },
    LsrOrderErrors: errorsOf(err),
    LsrOrder: {
      CustomerOrderId: sent.customerOrderId,
      LastModifiedBy: who.userId,
      OrderCreateDate: who.at,
      AccountId: who.accountId,
      CreatedByUser: who.userId,
      OrderStatus: 'FAILED',
      BillingTelephoneNumber: sent.billingTelephoneNumber,
      Pon: sent.pon,
      AuthorizingPerson: sent.authorizingPerson,
      Subscriber: subscriberToXml(sent.subscriber),
      ListOfTelephoneNumbers: sent.telephoneNumbers ?? [],
    },
  });
}

/** 400 of PUT (row 54): the errors, then the order as stored, FAILED, in the example's own order. */
export const LsrSuppRejectedXml = x.root('LsrOrderResponse', {
  ResponseStatus: ResponseStatusXml,
  LsrOrderErrors: ErrorsXml,
  LsrOrder: x.object({
    CountOfTNs: x.text(),
    OrderId: x.text(),
    OrderStatus: x.text(),
    AuthorizingPerson: x.text(),
    SPID: x.text(),
    BillingTelephoneNumber: x.text(),
    Pon: x.text(),
    PonVersion: x.text(),
    RequestedFocDate: x.text(),
    Subscriber: subscriberOut({ country: true, addressType: true }),
    ListOfTelephoneNumbers: TnListXml,
    LastModifiedBy: x.text(),
    OrderCreateDate: x.text(),
    AccountId: x.text(),
    CreatedByUser: x.text(),
    CustomerOrderId: x.text(),
    LastModifiedDate: x.text(),
  }),
});

export function lsrSuppRejectedToXml(err: ApiError, v: LsrOrderView): string {
  const { order } = v;
  const d = order.details;
  return encodeXml(LsrSuppRejectedXml, {
    ResponseStatus: { ErrorCode: 400, Description: VALIDATION_FAILED },
    LsrOrderErrors: errorsOf(err),
    LsrOrder: {
      CountOfTNs: v.tns.length,
      OrderId: order.id,
      OrderStatus: 'FAILED',
      AuthorizingPerson: d.authorizingPerson,
      SPID: d.spid,
      BillingTelephoneNumber: btnOf(d),
      Pon: order.name,
      PonVersion: d.ponVersion,
      RequestedFocDate: d.requestedFocDate,
      Subscriber: subscriberToXml(d.subscriber, 'Service'),
      ListOfTelephoneNumbers: v.tns.map(formatTn),
      LastModifiedBy: d.lastModifiedBy ?? order.createdBy,
      OrderCreateDate: order.createdAt,
      AccountId: order.accountId,
      CreatedByUser: order.createdBy,
      CustomerOrderId: order.customerOrderId,
      LastModifiedDate: order.updatedAt,
    },
  });
}

/** Every other error of an LSR route (404 5035, 403, …): `LsrOrderResponse/ResponseStatus`. */
const LsrStatusXml = x.root('LsrOrderResponse', {
  ResponseStatus: ResponseStatusXml,
  LsrOrderErrors: ErrorsXml,
});
export const lsrErrorShape: ErrorShape = (err) =>
  encodeXml(LsrStatusXml, {
    ResponseStatus: {
      ErrorCode: err.status === 400 ? 400 : err.code,
      Description: err.status === 400 ? VALIDATION_FAILED : err.description,
    },
    LsrOrderErrors: err.status === 400 ? errorsOf(err) : undefined,
  });

// ---- the list --------------------------------------------------------------------------------

/** GET /lsrorders (row 51): `LsrOrders{TotalCount, LsrOrderSummary+}`, no Links. */
export const LsrOrderListXml = x.root('LsrOrders', {
  TotalCount: x.text(),
  LsrOrderSummary: x.repeated(
    x.object({
      accountId: x.text(),
      CountOfTNs: x.text(),
      CustomerOrderId: x.text(),
      userId: x.text(),
      lastModifiedDate: x.text(),
      OrderType: x.text(),
      OrderDate: x.text(),
      OrderStatus: x.text(),
      Errors: x.list('Error', x.object({ Code: x.text(), Description: x.text() }), 'omit'),
      ActualFocDate: x.text(),
      BillingTelephoneNumber: x.text(),
      CreatedByUser: x.text(),
      OrderId: x.text(),
      Pon: x.text(),
      PonVersion: x.text(),
      RequestedFocDate: x.text(),
    }),
  ),
});

export function lsrListToXml(
  page: OrderPage<LsrDetails>,
  accountId: string,
): RootOut<typeof LsrOrderListXml> {
  return {
    TotalCount: page.total,
    LsrOrderSummary: page.entries.map((s) => {
      const d = s.details;
      return {
        accountId,
        CountOfTNs: s.quantity,
        CustomerOrderId: s.customerOrderId,
        userId: d.lastModifiedBy ?? s.createdBy,
        lastModifiedDate: s.updatedAt,
        OrderType: 'lsr',
        OrderDate: s.createdAt,
        OrderStatus: s.status,
        Errors: (d.errors ?? []).map((e) => ({ Code: e.code, Description: e.description })),
        ActualFocDate: d.actualFocDate,
        BillingTelephoneNumber: btnOf(d),
        CreatedByUser: s.createdBy,
        OrderId: s.id,
        Pon: s.name,
        PonVersion: d.ponVersion,
        RequestedFocDate: d.requestedFocDate,
      };
    }),
  };
}
