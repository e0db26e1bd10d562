import type { AppDeps } from '../../context.js';
import { searchErrorShape } from '../../platform/http/error-shapes.js';
import { okXml, type RouteDef } from '../../platform/http/routes.js';
import { Roles } from '../../shared/roles.js';
import { searchAvailableNpaNxx, searchAvailableNumbers } from './search.service.js';
import {
  AvailableNpaNxxXml,
  availableNpaNxxToXml,
  SearchResultXml,
  searchResultToXml,
} from './search.xml.js';

const access = { account: true, role: Roles.search } as const;

export function searchRoutes(deps: AppDeps): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/accounts/:accountId/availableNumbers',
      errorShape: searchErrorShape('SearchResult'),
      access,
      handle: async (ctx) =>
        okXml(SearchResultXml, searchResultToXml(await searchAvailableNumbers(deps, ctx.query))),
    },
    {
      method: 'GET',
      path: '/accounts/:accountId/availableNpaNxx',
      errorShape: searchErrorShape('SearchResultForAvailableNpaNxx'),
      access,
      handle: async (ctx) =>
        okXml(AvailableNpaNxxXml, availableNpaNxxToXml(await searchAvailableNpaNxx(deps, ctx.query))),
    },
  ];
}
