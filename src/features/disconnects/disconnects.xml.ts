import { x } from '../../platform/xml/schema.js';
import { orderListXml, TelephoneNumberDetailsXml } from '../orders-common/order-list.js';

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

const OrderRequestXml = x.object({
  CustomerOrderId: x.text(),
  id: x.text(),
  OrderCreateDate: x.text(),
  DisconnectTelephoneNumberOrderType: DisconnectTypeXml,
});

/** 201 (orderRequest, OrderStatus), GET (disconnected numbers, orderRequest, status) and 400 (errors, echo). */
export const DisconnectResponseXml = x.root('DisconnectTelephoneNumberOrderResponse', {
  ErrorList: x.list(
    'Error',
    x.object({ Code: x.text(), Description: x.text(), TelephoneNumber: x.text() }),
    'omit',
  ),
  DisconnectedTelephoneNumberList: x.list('TelephoneNumber', x.text(), 'omit'),
  orderRequest: OrderRequestXml,
  OrderStatus: x.text(),
});

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
