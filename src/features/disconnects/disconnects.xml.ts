import type { ApiError } from '../../platform/http/api-error.js';
import type { PageLinks } from '../../platform/http/paging.js';
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
import type { DisconnectOrder } from './disconnects.kind.js';
import type { DisconnectInput, DisconnectView } from './disconnects.service.js';

/**
 * Disconnect payloads (contract ops 41–43). The Node client sends the root's `name` in lower case
 * and one `<TelephoneNumberList>` per number; decoding matches names in any case and merges the
 * repeated wrappers.
 */
const DisconnectTypeXml = x.object({
  TelephoneNumberList: x.list('TelephoneNumber', x.text()),
  DisconnectMode: x.text(),
  Protected: x.text(),
});

export const DisconnectRequestXml = x.root('DisconnectTelephoneNumberOrder', {
  CustomerOrderId: x.text(),
  name: x.text(),
  DisconnectTelephoneNumberOrderType: DisconnectTypeXml,
});

export function disconnectInputOf(body: RootIn<typeof DisconnectRequestXml>): DisconnectInput {
  const type = body.DisconnectTelephoneNumberOrderType;
  return {
    name: body.name,
    customerOrderId: body.CustomerOrderId,
    telephoneNumbers: type?.TelephoneNumberList,
    mode: type?.DisconnectMode,
    protected: type?.Protected,
  };
}

const OrderRequestXml = x.object({
  CustomerOrderId: x.text(),
  id: x.text(),
  OrderCreateDate: x.text(),
  DisconnectTelephoneNumberOrderType: DisconnectTypeXml,
});

/** 201 (orderRequest, OrderStatus), GET (disconnected numbers, orderRequest, status) and 400 (errors, echo). */
export const DisconnectResponseXml = x.root('DisconnectTelephoneNumberOrderResponse', {
  ErrorList: ErrorListXml,
  DisconnectedTelephoneNumberList: x.list('TelephoneNumber', x.text(), 'omit'),
  orderRequest: OrderRequestXml,
  OrderStatus: x.text(),
});

type DisconnectOut = RootOut<typeof DisconnectResponseXml>;

function orderRequestOf(o: DisconnectOrder): Out<typeof OrderRequestXml> {
  return {
    // An empty element when none was sent, as R18's 201 shows it.
    CustomerOrderId: o.customerOrderId ?? '',
    id: o.id,
    OrderCreateDate: o.createdAt,
    DisconnectTelephoneNumberOrderType: {
      TelephoneNumberList: o.details.tns.map(formatTn),
      DisconnectMode: o.details.mode,
      Protected: o.details.protected,
    },
  };
}

export function createdToXml(o: DisconnectOrder): DisconnectOut {
  return { orderRequest: orderRequestOf(o), OrderStatus: o.status };
}

/** GET /disconnects/{id}: errors per number, the numbers disconnected, the request, the status. */
export function disconnectToXml(v: DisconnectView): DisconnectOut {
  return {
    ErrorList: errorListOf([
      ...v.failed.map((n) => ({ code: n.errorCode ?? 0, description: n.errorDescription ?? '', tn: n.tn })),
      ...(v.order.details.errors ?? []),
    ]),
    DisconnectedTelephoneNumberList: v.disconnected.map(formatTn),
    orderRequest: orderRequestOf(v.order),
    OrderStatus: v.order.status,
  };
}

/** 400 of POST: the error, then the order type as sent (OpenAPI). */
export function rejectedToXml(err: ApiError, body: In<(typeof DisconnectRequestXml)['node']>): DisconnectOut {
  const echo = body?.DisconnectTelephoneNumberOrderType;
  return {
    ErrorList: [{ Code: err.code, Description: err.description }],
    orderRequest: echo ? { DisconnectTelephoneNumberOrderType: echo } : undefined,
  };
}

/** GET /disconnects entries: `OrderId` with a capital O here (RAML), unlike the new-number lists. */
export const DisconnectListXml = orderListXml({
  CountOfTNs: x.text(),
  userId: x.text(),
  lastModifiedDate: x.text(),
  OrderId: x.text(),
  OrderType: x.text(),
  OrderDate: x.text(),
  OrderStatus: x.text(),
  TelephoneNumberDetails: TelephoneNumberDetailsXml,
});

export function disconnectListToXml(page: OrderPage, links: PageLinks): RootOut<typeof DisconnectListXml> {
  return {
    ListOrderIdUserIdDate: {
      TotalCount: page.total,
      Links: links,
      OrderIdUserIdDate: page.entries.map((s) => ({
        CountOfTNs: s.countOfTns,
        userId: s.createdBy,
        lastModifiedDate: s.updatedAt,
        OrderId: s.id,
        OrderType: 'disconnect',
        OrderDate: s.createdAt,
        OrderStatus: s.status,
        TelephoneNumberDetails: numberDetailsToXml(s.numbers),
      })),
    },
  };
}
