/**
 * Subscriptions to order events (contract rows 75-79): who is told of which orders, by callback or
 * e-mail. Notifications (features/notifications) read them to make deliveries.
 */
export { subscriptionRoutes } from './subscriptions.routes.js';
export {
  SUBSCRIPTION_ORDER_TYPES,
  createSubscription,
  updateSubscription,
  deleteSubscription,
  listSubscriptions,
  requireSubscription,
  findSubscription,
  subscribersOf,
  subscriberTarget,
  recordDeliveryOutcome,
  setSigningSecret,
  type Subscription,
  type SubscriptionInput,
  type SubscriberTarget,
  type SubscriptionOrderType,
} from './subscriptions.service.js';
export { SubscriptionErrors } from './subscriptions.errors.js';
