import type { AppDeps } from '../../context.js';
import { emptyErrorShape, responseStatusShape } from '../../platform/http/error-shapes.js';
import { linkText } from '../../platform/http/paging.js';
import { okXml, type RouteDef } from '../../platform/http/routes.js';
import { Roles } from '../../shared/roles.js';
import {
  coveredQueryString,
  getCoveredRateCenter,
  listCities,
  listCoveredRateCenters,
  listRateCenters,
  parseCoveredQuery,
  parseStateQuery,
} from './coverage.service.js';
import {
  CityResponseXml,
  CoveredRateCenterXml,
  CoveredRateCentersXml,
  RateCenterResponseXml,
  citiesToXml,
  coveredRateCenterToXml,
  coveredRateCentersToXml,
  rateCentersToXml,
} from './coverage.xml.js';

/** Coverage is not under an account: any user with the search role may read it. */
const access = { account: false, role: Roles.search } as const;
const singleShape = responseStatusShape('CoveredRateCenter');

export function coverageRoutes(deps: AppDeps): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/rateCenters',
      errorShape: responseStatusShape('RateCenterResponse'),
      access,
      handle: async ({ query }) =>
        okXml(RateCenterResponseXml, rateCentersToXml(await listRateCenters(deps, parseStateQuery(query)))),
    },
    {
      method: 'GET',
      path: '/cities',
      errorShape: responseStatusShape('CityResponse'),
      access,
      handle: async ({ query }) =>
        okXml(CityResponseXml, citiesToXml(await listCities(deps, parseStateQuery(query)))),
    },
    {
      method: 'GET',
      path: '/coveredRateCenters',
      errorShape: responseStatusShape('CoveredRateCenters'),
      access,
      handle: async ({ query, queryAll, url, linkUrl }) => {
        const q = parseCoveredQuery(query, queryAll);
        const result = await listCoveredRateCenters(deps, q);
        if (result.kind === 'redirect') {
          const qs = coveredQueryString(q, result.page, result.size);
          return { status: 303, headers: { Location: `${url('/coveredRateCenters')}?${qs}` } };
        }
        const { page } = result;
        // Paging links are absolute /v1.0 URLs (contract §7), whatever prefix the request came in on.
        const link = (first: number, rel: 'first' | 'next') =>
          linkText(`${linkUrl('/coveredRateCenters')}?${coveredQueryString(q, first, page.size)}`, rel);
        const links = {
          first: link(1, 'first'),
          next: page.nextId === undefined ? undefined : link(page.nextId, 'next'),
        };
        return okXml(CoveredRateCentersXml, coveredRateCentersToXml(page, links));
      },
    },
    {
      method: 'GET',
      path: '/coveredRateCenters/:rateCenterId',
      // 404 is documented with no body; 401 / 403 keep the XML body every route gives them.
      errorShape: (err) => (err.status === 404 ? emptyErrorShape(err) : singleShape(err)),
      access,
      handle: async ({ param }) =>
        okXml(
          CoveredRateCenterXml,
          coveredRateCenterToXml(await getCoveredRateCenter(deps, param('rateCenterId'))),
        ),
    },
  ];
}
