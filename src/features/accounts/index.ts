/** Accounts: what other features and the CLI may use. */
export { accountRoutes } from './accounts.routes.js';
export {
  allAccounts,
  createAccount,
  getAccount,
  hasProduct,
  updateAccount,
  portOutValidationOf,
  portOutPinMatches,
  DEFAULT_PRODUCTS,
  type AccountUpdate,
  type PortingSettings,
  type PortOutValidation,
  KNOWN_PRODUCTS,
  type NewAccount,
} from './accounts.service.js';
export { findAccount as findAccountOf, type Account, type Product, type Contact } from './accounts.store.js';
export { AccountErrors } from './accounts.errors.js';
