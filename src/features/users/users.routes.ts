import type { AppDeps } from '../../context.js';
import { responseStatusShape } from '../../platform/http/error-shapes.js';
import { ok, okXml, type RouteDef } from '../../platform/http/routes.js';
import { Roles } from '../../shared/roles.js';
import { changeOwnPassword, getVisibleUser, listAccountUsers, listVisibleUsers } from './users.service.js';
import { UserResponseXml, UsersResponseXml, userToXml } from './users.xml.js';

const userShape = responseStatusShape('UserResponse');

export function userRoutes(deps: AppDeps): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/accounts/:accountId/users',
      errorShape: responseStatusShape('UsersResponse'),
      access: { account: true, role: Roles.account },
      handle: async ({ param }) =>
        okXml(UsersResponseXml, { Users: (await listAccountUsers(deps, param('accountId'))).map(userToXml) }),
    },
    {
      // Not in the seed, but what the official Node client's User.list() calls.
      method: 'GET',
      path: '/users',
      errorShape: responseStatusShape('UsersResponse'),
      access: { account: false },
      handle: async ({ principal }) =>
        okXml(UsersResponseXml, { Users: (await listVisibleUsers(deps, principal)).map(userToXml) }),
    },
    {
      method: 'GET',
      path: '/users/:userid',
      errorShape: userShape,
      access: { account: false },
      handle: async ({ param, principal }) => {
        const { user, accounts } = await getVisibleUser(deps, principal, param('userid'));
        return okXml(UserResponseXml, {
          User: {
            ...userToXml(user),
            Accounts: accounts.map((a) => ({ AccountId: a.id, CompanyName: a.companyName })),
          },
        });
      },
    },
    {
      method: 'PUT',
      path: '/users/:userid/password',
      errorShape: userShape,
      access: { account: false },
      handle: async ({ param, principal, bodyText }) => {
        await changeOwnPassword(deps, principal, param('userid'), bodyText('Password'));
        return ok();
      },
    },
  ];
}
