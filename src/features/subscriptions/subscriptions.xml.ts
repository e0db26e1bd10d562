import { x, type RootIn, type RootOut } from '../../platform/xml/schema.js';
import type { Subscription, SubscriptionInput } from './subscriptions.service.js';

/** Request body of POST and PUT /subscriptions (contract rows 76 and 78). */
export const SubscriptionRequestXml = x.root('Subscription', {
  OrderType: x.text(),
  OrderId: x.text(),
  EmailSubscription: x.object({ Email: x.text(), DigestRequested: x.text() }),
  CallbackSubscription: x.object({
    URL: x.text(),
    User: x.text(),
    Expiry: x.text(),
    CallbackCredentials: x.object({
      BasicAuthentication: x.object({ Username: x.text(), Password: x.text() }),
      PublicKey: x.text(),
    }),
  }),
});

export function subscriptionInputOf(body: RootIn<typeof SubscriptionRequestXml>): SubscriptionInput {
  const email = body.EmailSubscription;
  const callback = body.CallbackSubscription;
  const credentials = callback?.CallbackCredentials;
  const basic = credentials?.BasicAuthentication;
  return {
    orderType: body.OrderType,
    orderId: body.OrderId,
    email: email && { address: email.Email, digest: email.DigestRequested },
    callback: callback && {
      url: callback.URL,
      user: callback.User,
      expiry: callback.Expiry,
      basicAuth: basic && { username: basic.Username, password: basic.Password },
      publicKey: credentials?.PublicKey,
    },
  };
}

/** GET one and GET the list answer the same root (contract rows 75 and 77); secrets are never echoed. */
export const SubscriptionsResponseXml = x.root('SubscriptionsResponse', {
  Subscriptions: x.list(
    'Subscription',
    x.object({
      SubscriptionId: x.text(),
      OrderType: x.text(),
      OrderId: x.text(),
      EmailSubscription: x.object({ Email: x.text(), DigestRequested: x.text() }),
      CallbackSubscription: x.object({
        URL: x.text(),
        User: x.text(),
        Expiry: x.text(),
        Status: x.text(),
        CallbackCredentials: x.object({ BasicAuthentication: x.object({ Username: x.text() }) }),
      }),
    }),
  ),
});

export function subscriptionsToXml(
  subscriptions: readonly Subscription[],
  nowMs: number,
): RootOut<typeof SubscriptionsResponseXml> {
  return {
    Subscriptions: subscriptions.map((s) => ({
      SubscriptionId: s.id,
      OrderType: s.orderType,
      OrderId: s.orderId,
      EmailSubscription: s.email && { Email: s.email.address, DigestRequested: s.email.digest },
      CallbackSubscription: s.callback && {
        URL: s.callback.url,
        User: s.callback.user,
        // The seconds left before it stops, so a GET-then-PUT keeps the same end.
        Expiry:
          s.callback.expiresAt === undefined
            ? undefined
            : Math.max(0, Math.ceil((s.callback.expiresAt - nowMs) / 1000)),
        // Present from the start (empty until the first attempt), as the contract lists it.
        Status: s.callback.lastStatus ?? '',
        CallbackCredentials: s.callback.username
          ? { BasicAuthentication: { Username: s.callback.username } }
          : undefined,
      },
    })),
  };
}
