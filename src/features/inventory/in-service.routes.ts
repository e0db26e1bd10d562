import type { AppDeps } from '../../context.js';
import { genericErrorShape, type ErrorShape } from '../../platform/http/error-shapes.js';
import { pageLinks } from '../../platform/http/paging.js';
import { noContent, ok, okXml, type RouteContext, type RouteDef } from '../../platform/http/routes.js';
import { Roles } from '../../shared/roles.js';
import {
  countDisconnectedNumbers,
  countInService,
  EmptyNotFound,
  listDisconnectedNumbers,
  listInService,
  requireInService,
  type TnKeyPage,
  IN_SERVICE_PARAMS,
  DISCONNECTED_PARAMS,
} from './in-service.service.js';
import { QuantityXml, TnListXml, tnListToXml } from './in-service.xml.js';
import { param, paramsOf } from '../../platform/http/query.js';

const access = { account: true, role: Roles.search } as const;

/** Bad filters and numbers not in service: 404 without a body (R18); anything else in irisStatus. */
const inServiceShape: ErrorShape = (err) => (err instanceof EmptyNotFound ? null : genericErrorShape(err));

/** Filters echoed in the paging links, spelled as each endpoint documents them. */
const ACCOUNT_FILTERS = ['areacode', 'npanxx', 'lata', 'state', 'ratecenter', 'startdate', 'enddate'];
const SITE_FILTERS = [
  'lata',
  'tier',
  'rateCenter',
  'city',
  'state',
  'areaCode',
  'npaNxx',
  'npaNxxx',
  'startdate',
  'enddate',
];
const DISC_FILTERS = ['startdate', 'enddate'];

function listResult(ctx: RouteContext, path: string, names: readonly string[], page: TnKeyPage) {
  const filters = Object.fromEntries(names.map((n) => [n, param(ctx.query, n.toLowerCase())]));
  return okXml(TnListXml, tnListToXml(page, pageLinks(ctx.linkUrl(path), filters, page.size, page.nextKey)));
}

export function inServiceRoutes(deps: AppDeps): RouteDef[] {
  const base = '/accounts/:accountId';
  return [
    {
      method: 'GET',
      path: `${base}/inserviceNumbers`,
      errorShape: inServiceShape,
      access,
      handle: async (ctx) => {
        const accountId = ctx.param('accountId');
        const page = await listInService(deps, accountId, paramsOf(ctx.query, IN_SERVICE_PARAMS));
        if (page.tns.length === 0) return noContent();
        return listResult(ctx, `/accounts/${accountId}/inserviceNumbers`, ACCOUNT_FILTERS, page);
      },
    },
    {
      method: 'GET',
      path: `${base}/inserviceNumbers/totals`,
      errorShape: inServiceShape,
      access,
      handle: async ({ param: p }) =>
        okXml(QuantityXml, { Count: await countInService(deps, p('accountId')) }),
    },
    {
      method: 'GET',
      path: `${base}/inserviceNumbers/:tn`,
      errorShape: inServiceShape,
      access,
      handle: async ({ param: p }) => {
        await requireInService(deps, p('accountId'), p('tn'));
        return ok();
      },
    },
    {
      method: 'GET',
      path: `${base}/sites/:siteId/inserviceNumbers`,
      errorShape: inServiceShape,
      access,
      handle: async (ctx) => {
        const accountId = ctx.param('accountId');
        const siteId = ctx.param('siteId');
        const page = await listInService(deps, accountId, paramsOf(ctx.query, IN_SERVICE_PARAMS), siteId);
        if (page.tns.length === 0) return noContent();
        const path = `/accounts/${accountId}/sites/${siteId}/inserviceNumbers`;
        return listResult(ctx, path, SITE_FILTERS, page);
      },
    },
    {
      method: 'GET',
      path: `${base}/discnumbers`,
      errorShape: genericErrorShape,
      access,
      handle: async (ctx) => {
        const accountId = ctx.param('accountId');
        const page = await listDisconnectedNumbers(deps, accountId, paramsOf(ctx.query, DISCONNECTED_PARAMS));
        return listResult(ctx, `/accounts/${accountId}/discnumbers`, DISC_FILTERS, page);
      },
    },
    {
      method: 'GET',
      path: `${base}/discnumbers/totals`,
      errorShape: genericErrorShape,
      access,
      handle: async ({ param: p, query }) =>
        okXml(QuantityXml, {
          Count: await countDisconnectedNumbers(deps, p('accountId'), paramsOf(query, DISCONNECTED_PARAMS)),
        }),
    },
  ];
}
