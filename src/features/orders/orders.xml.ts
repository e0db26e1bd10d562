import type { ApiError } from '../../platform/http/api-error.js';
import { x, type In, type Out, type RootIn, type RootOut } from '../../platform/xml/schema.js';
import { formatTn } from '../../shared/numbering.js';
import {
  type OrderPage,
  ErrorListXml,
  errorListOf,
  numberDetailsToXml,
  orderListXml,
  TelephoneNumberDetailsXml,
} from '../orders-common/index.js';
import type { PageLinks } from '../../platform/http/paging.js';
import type { NewNumberOrder, OrderCriteria, OrderType } from './orders.kind.js';
import type { NewOrderInput, OrderView, UpdateOrderInput } from './orders.service.js';

/**
 * New-number order payloads (seed: "Putting it all together"). Each order type is one element
 * inside `<Order>`; the same declarations decode the request and echo it back in responses. Order
 * types and their criteria have our own names inside (orders.kind.ts); this file maps them.
 */
const q = x.text();

const ORDER_TYPE_XML = {
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

type ElementName = keyof typeof ORDER_TYPE_XML;

/** Bandwidth's element of each order type. */
const ELEMENT_OF: Readonly<Record<OrderType, ElementName>> = {
  existing: 'ExistingTelephoneNumberOrderType',
  areaCode: 'AreaCodeSearchAndOrderType',
  rateCenter: 'RateCenterSearchAndOrderType',
  npaNxx: 'NPANXXSearchAndOrderType',
  tollFreeVanity: 'TollFreeVanitySearchAndOrderType',
  tollFreeWildChar: 'TollFreeWildCharSearchAndOrderType',
  state: 'StateSearchAndOrderType',
  city: 'CitySearchAndOrderType',
  zip: 'ZIPSearchAndOrderType',
  lata: 'LATASearchAndOrderType',
  combined: 'CombinedSearchAndOrderType',
};

/** Bandwidth's element name of each criterion. */
const CRITERION_ELEMENT: Readonly<Record<keyof OrderCriteria, string>> = {
  telephoneNumbers: 'TelephoneNumberList',
  reservationIds: 'ReservationIdList',
  areaCode: 'AreaCode',
  rateCenter: 'RateCenter',
  state: 'State',
  npaNxx: 'NpaNxx',
  npaNxxX: 'NpaNxxX',
  enableTnDetail: 'EnableTNDetail',
  enableLca: 'EnableLCA',
  quantity: 'Quantity',
  tollFreeVanity: 'TollFreeVanity',
  tollFreeWildCardPattern: 'TollFreeWildCardPattern',
  lata: 'Lata',
  city: 'City',
  zip: 'Zip',
  localVanity: 'LocalVanity',
  endsIn: 'EndsIn',
};

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
const OrderXml = x.object(orderFields);
type OrderBody = RootIn<typeof OrderRequestXml>;

function criteriaOf(element: Readonly<Record<string, unknown>>): OrderCriteria {
  const criteria: Record<string, unknown> = {};
  for (const [name, wire] of Object.entries(CRITERION_ELEMENT)) {
    const value = element[wire];
    if (value !== undefined) criteria[name] = value;
  }
  return criteria;
}

function elementOf(criteria: OrderCriteria): Record<string, unknown> {
  const element: Record<string, unknown> = {};
  for (const [name, wire] of Object.entries(CRITERION_ELEMENT)) {
    const value = criteria[name as keyof OrderCriteria];
    if (value !== undefined) element[wire] = value;
  }
  return element;
}

/** The order-type elements present, in our names (the operation requires exactly one). */
function orderTypesOf(body: OrderBody): { type: OrderType; criteria: OrderCriteria }[] {
  return (Object.entries(ELEMENT_OF) as [OrderType, ElementName][])
    .filter(([, element]) => body[element] !== undefined)
    .map(([type, element]) => ({
      type,
      criteria: criteriaOf(body[element] as Readonly<Record<string, unknown>>),
    }));
}

export function newOrderInputOf(body: OrderBody): NewOrderInput {
  return {
    name: body.Name,
    customerOrderId: body.CustomerOrderId,
    siteId: body.SiteId,
    peerId: body.PeerId,
    partialAllowed: body.PartialAllowed,
    backOrderRequested: body.BackOrderRequested,
    tnAttributes: body.TnAttributes,
    orderTypes: orderTypesOf(body),
  };
}

export function updateOrderInputOf(body: OrderBody): UpdateOrderInput {
  return { name: body.Name, customerOrderId: body.CustomerOrderId, closeOrder: body.CloseOrder };
}

/** The `<Order>` element of an order: its request echoed, with the id and creation time. */
function orderElementOf(o: NewNumberOrder): NonNullable<Out<typeof OrderXml>> {
  return {
    CustomerOrderId: o.customerOrderId,
    id: o.id,
    Name: o.name,
    OrderCreateDate: o.createdAt,
    PeerId: o.sipPeerId,
    BackOrderRequested: o.details.backOrderRequested,
    [ELEMENT_OF[o.details.orderType]]: elementOf(o.details.criteria),
    TnAttributes: o.details.tnAttributes.length > 0 ? o.details.tnAttributes : undefined,
    PartialAllowed: o.details.partialAllowed,
    SiteId: o.siteId,
  };
}

/** 201 of POST: the order as accepted. */
export const OrderCreatedXml = x.root('OrderResponse', { Order: OrderXml, OrderStatus: x.text() });

export function createdToXml(o: NewNumberOrder): RootOut<typeof OrderCreatedXml> {
  return { Order: orderElementOf(o), OrderStatus: o.status };
}

/** 400 of POST: what was wrong, then the order as sent. */
export const OrderRejectedXml = x.root('OrderResponse', { ErrorList: ErrorListXml, Order: OrderXml });

/** 400 of POST /orders: the error, then the order as sent with the time it was refused (row 7). */
export function rejectedToXml(
  err: ApiError,
  body: In<typeof OrderXml>,
  at: string,
): RootOut<typeof OrderRejectedXml> {
  return {
    ErrorList: [{ Code: err.code, Description: err.description }],
    Order: { ...body, id: undefined, OrderCreateDate: at },
  };
}

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

/** "1 out of 2 numbers ordered in (636)": the counts and the area codes of the numbers obtained. */
function summary(done: readonly number[], quantity: number): string {
  const npas = [...new Set(done.map((tn) => Math.floor(tn / 1e7)))].sort((a, b) => a - b);
  return `${done.length} out of ${quantity} numbers ordered${npas.length ? ` in (${npas.join(', ')})` : ''}`;
}

/** GET /orders/{id}: counts, errors (per number and for the order), the order, its numbers. */
export function orderToXml(v: OrderView): RootOut<typeof OrderResponseXml> {
  const { order } = v;
  const pending = v.final ? 0 : Math.max(0, order.quantity - v.completed.length);
  return {
    CompletedQuantity: v.completed.length,
    CreatedByUser: order.createdBy,
    ErrorList: errorListOf([
      ...v.failed.map((n) => ({ code: n.errorCode ?? 0, description: n.errorDescription ?? '', tn: n.tn })),
      ...(order.details.errors ?? []),
    ]),
    FailedNumbers: v.failed.length > 0 ? v.failed.map((n) => formatTn(n.tn)) : undefined,
    LastModifiedDate: order.updatedAt,
    OrderCompleteDate: order.completedAt,
    Order: orderElementOf(order),
    OrderStatus: order.status,
    CompletedNumbers: v.completed.map((n) => ({
      FullNumber: formatTn(n.tn),
      City: n.city,
      Lata: n.lata,
      RateCenter: n.rateCenter,
      State: n.state,
      Tier: n.tier,
      VendorId: n.vendorId,
      VendorName: n.vendorName,
    })),
    Summary: v.final
      ? summary(
          v.completed.map((n) => n.tn),
          order.quantity,
        )
      : undefined,
    FailedQuantity: v.final ? order.quantity - v.completed.length : v.failed.length,
    PendingQuantity: pending > 0 ? pending : undefined,
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

/** A page of either list: every entry has every field; each list's declaration picks and orders them. */
export function orderListToXml(page: OrderPage, links: PageLinks): RootOut<typeof AccountOrderListXml> {
  return {
    ListOrderIdUserIdDate: {
      TotalCount: page.total,
      Links: links,
      OrderIdUserIdDate: page.entries.map((s) => ({
        CountOfTNs: s.countOfTns,
        CustomerOrderId: s.customerOrderId,
        lastModifiedDate: s.updatedAt,
        OrderDate: s.createdAt,
        OrderType: 'new_number',
        orderId: s.id,
        OrderStatus: s.status,
        TelephoneNumberDetails: numberDetailsToXml(s.numbers),
        userId: s.createdBy,
      })),
    },
  };
}
