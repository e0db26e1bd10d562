/** Users and their grants: what other features, the CLI and the server's authentication may use. */
export { userRoutes } from './users.routes.js';
export {
  changeOwnPassword,
  createUser,
  credentialLoader,
  FULL_ACCESS,
  getVisibleUser,
  grantUser,
  listAccountUsers,
  resetPassword,
  type NewUser,
} from './users.service.js';
export { findUser, listUsernames, type UserRecord, type UserRole } from './users.store.js';
export { UserErrors } from './users.errors.js';
