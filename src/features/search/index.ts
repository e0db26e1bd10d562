/** The number-search feature's public face. */
export { searchRoutes } from './search.routes.js';
export { VanityIndex } from './vanity-index.js';
export { SearchErrors } from './search.errors.js';
export { parseSearch, type Search } from './search.criteria.js';
export { describeNumber, findAvailableNumbers, type FoundNumber } from './search.service.js';
export { readerOf, type AvailableRow, type SearchReader } from './search.store.js';
