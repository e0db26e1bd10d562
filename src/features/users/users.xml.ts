import { x, type Out } from '../../platform/xml/schema.js';
import type { UserRecord } from './users.store.js';

const RoleXml = x.object({
  RoleName: x.text(),
  Permissions: x.list('Permission', x.object({ PermissionName: x.text() })),
});

const userFields = {
  Username: x.text(),
  FirstName: x.text(),
  LastName: x.text(),
  EmailAddress: x.text(),
  TelephoneNumber: x.text(),
  Roles: x.list('Role', RoleXml),
};

export const UsersResponseXml = x.root('UsersResponse', {
  Users: x.list('User', x.object(userFields)),
});

export const UserResponseXml = x.root('UserResponse', {
  User: x.object({
    ...userFields,
    Accounts: x.list('Account', x.object({ AccountId: x.text(), CompanyName: x.text() })),
  }),
});

/** The password never leaves the server: no element carries it. */
export function userToXml(u: UserRecord): NonNullable<Out<typeof UsersResponseXml.node.fields.Users.node>> {
  return {
    Username: u.username,
    FirstName: u.firstName,
    LastName: u.lastName,
    EmailAddress: u.email,
    TelephoneNumber: u.telephoneNumber,
    Roles: u.roles.map((r) => ({
      RoleName: r.role,
      Permissions: r.permissions.map((p) => ({ PermissionName: p })),
    })),
  };
}
