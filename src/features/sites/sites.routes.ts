import type { AppDeps } from '../../context.js';
import { responseStatusShape } from '../../platform/http/error-shapes.js';
import { created, ok, okXml, type RouteDef } from '../../platform/http/routes.js';
import { Roles } from '../../shared/roles.js';
import { createSite, deleteSite, listSites, requireSite, updateSite } from './sites.service.js';
import {
  siteInputOf,
  SiteRequestXml,
  SiteResponseXml,
  SitesResponseXml,
  siteToXml,
  sitesToXml,
} from './sites.xml.js';

const access = { account: true, role: Roles.site } as const;
const siteShape = responseStatusShape('SiteResponse');

export function siteRoutes(deps: AppDeps): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/accounts/:accountId/sites',
      errorShape: responseStatusShape('SitesResponse'),
      access,
      handle: async ({ param }) =>
        okXml(SitesResponseXml, sitesToXml(await listSites(deps, param('accountId')))),
    },
    {
      method: 'POST',
      path: '/accounts/:accountId/sites',
      errorShape: siteShape,
      access,
      handle: async ({ param, body, url }) => {
        const accountId = param('accountId');
        const site = await createSite(deps, accountId, siteInputOf(body(SiteRequestXml)));
        return created(url(`/accounts/${accountId}/sites/${site.id}`));
      },
    },
    {
      method: 'GET',
      path: '/accounts/:accountId/sites/:siteId',
      errorShape: siteShape,
      access,
      handle: async ({ param }) =>
        okXml(SiteResponseXml, siteToXml(await requireSite(deps, param('accountId'), param('siteId')))),
    },
    {
      method: 'PUT',
      path: '/accounts/:accountId/sites/:siteId',
      errorShape: siteShape,
      access,
      handle: async ({ param, body }) => {
        await updateSite(deps, param('accountId'), param('siteId'), siteInputOf(body(SiteRequestXml)));
        return ok();
      },
    },
    {
      method: 'DELETE',
      path: '/accounts/:accountId/sites/:siteId',
      errorShape: siteShape,
      access,
      handle: async ({ param }) => {
        await deleteSite(deps, param('accountId'), param('siteId'));
        return ok();
      },
    },
  ];
}
