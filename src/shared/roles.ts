/**
 * The roles a user can hold, each with VIEW and/or UPDATE permission. GET routes need VIEW,
 * all other methods UPDATE. Role names follow Bandwidth's (ROLE_API_ORDERING, ROLE_API_SEARCH, …).
 */
export const Roles = {
  account: 'ROLE_API_ACCOUNT',
  site: 'ROLE_API_SITE',
  search: 'ROLE_API_SEARCH',
  ordering: 'ROLE_API_ORDERING',
  lnp: 'ROLE_API_LNP',
  e911: 'ROLE_API_E911',
  cnamLidb: 'ROLE_API_CNAMLIDB',
  dlda: 'ROLE_API_DLDA',
  history: 'ROLE_API_HISTORY',
  reporting: 'ROLE_API_REPORTING',
  bdr: 'ROLE_BDR',
} as const;

export type RoleName = (typeof Roles)[keyof typeof Roles];
export const ALL_ROLES: readonly RoleName[] = Object.values(Roles);
export const PERMISSIONS = ['VIEW', 'UPDATE'] as const;

export function isRoleName(name: string): name is RoleName {
  return (ALL_ROLES as readonly string[]).includes(name);
}
