import { x, type In, type ObjectNode, type Out } from '../../platform/xml/schema.js';
import { orderListXml, TelephoneNumberDetailsXml } from '../orders-common/order-list.js';

/**
 * New-number order payloads (seed: "Putting it all together"). Each order type is one element
 * inside `<Order>`; the same declarations decode the request and echo it back in responses.
 */
const q = x.text();

export const ORDER_TYPE_XML = {
  ExistingTelephoneNumberOrderType: x.object({
    TelephoneNumberList: x.list('TelephoneNumber', x.text()),
    ReservationIdList: x.list('ReservationId', x.text(), 'omit'),
  }),
  AreaCodeSearchAndOrderType: x.object({ AreaCode: q, Quantity: q }),
  RateCenterSearchAndOrderType: x.object({ RateCenter: q, State: q, EnableLCA: q, Quantity: q }),
  NPANXXSearchAndOrderType: x.object({ NpaNxx: q, NpaNxxX: q, EnableTNDetail: q, EnableLCA: q, Quantity: q }),
  TollFreeVanitySearchAndOrderType: x.object({ Quantity: q, TollFreeVanity: q }),
  TollFreeWildCharSearchAndOrderType: x.object({ Quantity: q, TollFreeWildCardPattern: q }),
  StateSearchAndOrderType: x.object({ Quantity: q, State: q }),
  CitySearchAndOrderType: x.object({ Quantity: q, City: q, State: q }),
  ZIPSearchAndOrderType: x.object({ Quantity: q, Zip: q }),
  LATASearchAndOrderType: x.object({ Quantity: q, Lata: q }),
  CombinedSearchAndOrderType: x.object({
    Quantity: q,
    AreaCode: q,
    RateCenter: q,
    State: q,
    NpaNxx: q,
    NpaNxxX: q,
    Lata: q,
    City: q,
    Zip: q,
    EnableLCA: q,
    LocalVanity: q,
    EndsIn: q,
  }),
} as const;

export type OrderTypeName = keyof typeof ORDER_TYPE_XML;
export const ORDER_TYPE_NAMES = Object.keys(ORDER_TYPE_XML) as OrderTypeName[];
export type OrderTypeValue<T extends OrderTypeName> = NonNullable<In<(typeof ORDER_TYPE_XML)[T]>>;

const TnAttributesXml = x.list('TnAttribute', x.text(), 'omit');

/** `<Order>` as requests send it and responses echo it (with `id` and `OrderCreateDate` added). */
const orderFields = {
  CustomerOrderId: x.text(),
  id: x.text(),
  Name: x.text(),
  OrderCreateDate: x.text(),
  PeerId: x.text(),
  BackOrderRequested: x.text(),
  ...ORDER_TYPE_XML,
  TnAttributes: TnAttributesXml,
  PartialAllowed: x.text(),
  SiteId: x.text(),
};

export const OrderRequestXml = x.root('Order', { ...orderFields, CloseOrder: x.text() });
export const OrderXml: ObjectNode<typeof orderFields> = x.object(orderFields);

const ErrorListXml = x.list(
  'Error',
  x.object({ Code: x.text(), Description: x.text(), TelephoneNumber: x.text() }),
  'omit',
);

/** 201 of POST: the order as accepted. */
export const OrderCreatedXml = x.root('OrderResponse', { Order: OrderXml, OrderStatus: x.text() });

/** 400 of POST: what was wrong, then the order as sent. */
export const OrderRejectedXml = x.root('OrderResponse', { ErrorList: ErrorListXml, Order: OrderXml });

const CompletedNumberXml = x.object({
  FullNumber: x.text(),
  City: x.text(),
  Lata: x.text(),
  RateCenter: x.text(),
  State: x.text(),
  Tier: x.text(),
  VendorId: x.text(),
  VendorName: x.text(),
});

/** GET of an order (Node client fixture of a real partial response gives the order of the parts). */
export const OrderResponseXml = x.root('OrderResponse', {
  CompletedQuantity: x.text(),
  CreatedByUser: x.text(),
  ErrorList: ErrorListXml,
  FailedNumbers: x.list('FullNumber', x.text(), 'omit'),
  LastModifiedDate: x.text(),
  OrderCompleteDate: x.text(),
  Order: OrderXml,
  OrderStatus: x.text(),
  CompletedNumbers: x.list('TelephoneNumber', CompletedNumberXml),
  Summary: x.text(),
  FailedQuantity: x.text(),
  PendingQuantity: x.text(),
});

export const TelephoneDetailsReportsXml = x.root('TelephoneDetailsReports', {
  TelephoneDetailsReport: x.repeated(x.object({ AreaCode: x.text(), 'NPA-NXX': x.text(), Count: x.text() })),
});

/** An order's numbers: the count, then each number as an unwrapped sibling. */
export const OrderTnsXml = x.root('TelephoneNumbers', {
  Count: x.text(),
  TelephoneNumber: x.repeated(x.text()),
});

/** The `<Order>` element of an order: its request echoed, with the id and creation time. */
export function orderElementOf(o: {
  readonly id: string;
  readonly name: string | undefined;
  readonly customerOrderId: string | undefined;
  readonly siteId: number | undefined;
  readonly peerId: number | undefined;
  readonly createdAt: string;
  readonly details: {
    readonly orderType: OrderTypeName;
    readonly criteria: Readonly<Record<string, unknown>>;
    readonly partialAllowed: boolean;
    readonly backOrderRequested: boolean;
    readonly tnAttributes: readonly string[];
  };
}): NonNullable<Out<typeof OrderXml>> {
  return {
    CustomerOrderId: o.customerOrderId,
    id: o.id,
    Name: o.name,
    OrderCreateDate: o.createdAt,
    PeerId: o.peerId,
    BackOrderRequested: o.details.backOrderRequested,
    [o.details.orderType]: o.details.criteria,
    TnAttributes: o.details.tnAttributes.length > 0 ? o.details.tnAttributes : undefined,
    PartialAllowed: o.details.partialAllowed,
    SiteId: o.siteId,
  };
}

const entryText = x.text();

/** GET /orders: entries as the contract lists them (`orderId` lower-case), with the newer CustomerOrderId and OrderType. */
export const AccountOrderListXml = orderListXml({
  CountOfTNs: entryText,
  CustomerOrderId: entryText,
  lastModifiedDate: entryText,
  OrderDate: entryText,
  OrderType: entryText,
  orderId: entryText,
  OrderStatus: entryText,
  TelephoneNumberDetails: TelephoneNumberDetailsXml,
  userId: entryText,
});

/** GET /sites/{id}/orders: the same entries in the site list's documented order. */
export const SiteOrderListXml = orderListXml({
  CountOfTNs: entryText,
  userId: entryText,
  lastModifiedDate: entryText,
  OrderType: entryText,
  OrderDate: entryText,
  orderId: entryText,
  OrderStatus: entryText,
  TelephoneNumberDetails: TelephoneNumberDetailsXml,
});
