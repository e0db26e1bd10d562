/** Sites: the operations other features and the CLI use. */
export { siteRoutes } from './sites.routes.js';
export {
  createSite,
  listSites,
  requireSite,
  updateSite,
  deleteSite,
  type SiteInput,
} from './sites.service.js';
/** The site of the account with this id, or undefined (orders name their site by id). */
export { findSite as findSiteOf, type Site } from './sites.store.js';
export { SiteErrors } from './sites.errors.js';
