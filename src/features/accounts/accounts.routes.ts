import type { AppDeps } from '../../context.js';
import { responseStatusShape } from '../../platform/http/error-shapes.js';
import { okXml, type RouteDef } from '../../platform/http/routes.js';
import { Roles } from '../../shared/roles.js';
import { getAccount } from './accounts.service.js';
import {
  AccountProductsResponseXml,
  AccountResponseXml,
  accountToXml,
  productsToXml,
} from './accounts.xml.js';

const access = { account: true, role: Roles.account } as const;

export function accountRoutes(deps: AppDeps): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/accounts/:accountId',
      errorShape: responseStatusShape('AccountResponse'),
      access,
      handle: async ({ param }) =>
        okXml(AccountResponseXml, accountToXml(await getAccount(deps, param('accountId')))),
    },
    {
      method: 'GET',
      path: '/accounts/:accountId/products',
      errorShape: responseStatusShape('AccountProductsResponse'),
      access,
      handle: async ({ param }) =>
        okXml(AccountProductsResponseXml, productsToXml(await getAccount(deps, param('accountId')))),
    },
  ];
}
