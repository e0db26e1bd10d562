import type { AppDeps } from '../../context.js';
import { responseStatusShape } from '../../platform/http/error-shapes.js';
import { param } from '../../platform/http/query.js';
import { created, ok, okXml, type RouteDef } from '../../platform/http/routes.js';
import { Roles } from '../../shared/roles.js';
import {
  createSubscription,
  deleteSubscription,
  listSubscriptions,
  requireSubscription,
  updateSubscription,
} from './subscriptions.service.js';
import {
  SubscriptionRequestXml,
  subscriptionInputOf,
  SubscriptionsResponseXml,
  subscriptionsToXml,
} from './subscriptions.xml.js';

const access = { account: true, role: Roles.account } as const;
const one = responseStatusShape('SubscriptionResponse');
const list = responseStatusShape('SubscriptionsResponse');

/** Contract rows 75-79. */
export function subscriptionRoutes(deps: AppDeps): RouteDef[] {
  const path = '/accounts/:accountId/subscriptions';
  return [
    {
      method: 'GET',
      path,
      errorShape: list,
      access,
      handle: async ({ param: p, query }) => {
        const found = await listSubscriptions(deps, p('accountId'), {
          orderType: param(query, 'ordertype'),
          orderId: param(query, 'orderid'),
        });
        return okXml(SubscriptionsResponseXml, subscriptionsToXml(found, deps.clock.nowMs()));
      },
    },
    {
      method: 'POST',
      path,
      errorShape: one,
      access,
      handle: async ({ param: p, body, url }) => {
        const accountId = p('accountId');
        const s = await createSubscription(
          deps,
          accountId,
          subscriptionInputOf(body(SubscriptionRequestXml)),
        );
        return created(url(`/accounts/${accountId}/subscriptions/${s.id}`));
      },
    },
    {
      method: 'GET',
      path: `${path}/:subscriptionId`,
      errorShape: list,
      access,
      handle: async ({ param: p }) => {
        const s = await requireSubscription(deps, p('accountId'), p('subscriptionId'));
        return okXml(SubscriptionsResponseXml, subscriptionsToXml([s], deps.clock.nowMs()));
      },
    },
    {
      method: 'PUT',
      path: `${path}/:subscriptionId`,
      errorShape: one,
      access,
      handle: async ({ param: p, body }) => {
        await updateSubscription(
          deps,
          p('accountId'),
          p('subscriptionId'),
          subscriptionInputOf(body(SubscriptionRequestXml)),
        );
        return ok();
      },
    },
    {
      method: 'DELETE',
      path: `${path}/:subscriptionId`,
      errorShape: one,
      access,
      handle: async ({ param: p }) => {
        await deleteSubscription(deps, p('accountId'), p('subscriptionId'));
        return ok();
      },
    },
  ];
}
