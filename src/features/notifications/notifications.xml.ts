import { encodeXml } from '../../platform/xml/encode.js';
import { x } from '../../platform/xml/schema.js';
import type { OrderNotification } from './notification.js';

/** The order notification callback's body (contract §11 and row 145), in its element order. */
export const NotificationXml = x.root('Notification', {
  SubscriptionId: x.text(),
  OrderType: x.text(),
  OrderId: x.text(),
  CustomerOrderId: x.text(),
  Status: x.text(),
  Message: x.text(),
  Note: x.text(),
  CompletedTelephoneNumbers: x.list('TelephoneNumber', x.text(), 'omit'),
  LastModifiedDate: x.text(),
  ActualFocDate: x.text(),
});

export function notificationXml(subscriptionId: string, n: OrderNotification): string {
  return encodeXml(NotificationXml, {
    SubscriptionId: subscriptionId,
    OrderType: n.orderType,
    OrderId: n.orderId,
    CustomerOrderId: n.customerOrderId,
    Status: n.status,
    Message: n.message,
    Note: n.note,
    CompletedTelephoneNumbers: n.completedNumbers,
    LastModifiedDate: n.lastModifiedDate,
    ActualFocDate: n.actualFocDate,
  });
}
