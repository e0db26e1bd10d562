/**
 * Notifications of order events to subscribers (contract §11, row 145): the deliveries made in the
 * transaction of each event, the dispatcher that sends them (callbacks, e-mail, daily digests), and
 * the delivery log. Order kinds reach it through orders-common's recordEvent; nothing else needs to.
 */
export {
  notifyOrderEvent,
  listDeliveries,
  deliveryWithAttempts,
  replayDelivery,
  requestCall,
  type NewCall,
  type EventOrder,
  type Delivery,
  type DeliveryAttempt,
} from './notifications.service.js';
export { OrderNotification, CallAnswer } from './notification.js';
/** An order's calls not yet made are withdrawn (its request changed or ended); one being made finishes. */
export { cancelPendingCalls as withdrawCalls } from './notifications.store.js';
export { DeliveryDispatcher } from './notifications.dispatcher.js';
export { mailFiles } from './mail-sender.js';
export { signatureOf, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './callback-sender.js';
