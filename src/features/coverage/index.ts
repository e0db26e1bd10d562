import type { Database } from '../../platform/db/database.js';
import { buildCoverage, type Coverage } from '../../shared/coverage.js';
import { coverageRows } from './coverage.store.js';

/** The coverage feature's public face: its routes, and the model the app loads at start-up. */
export { coverageRoutes } from './coverage.routes.js';
export { deriveCoverage } from './coverage.derive.js';
export { CoverageErrors } from './coverage.errors.js';
export { blocksOfRateCenters, rateCenterIdsByExchange } from './coverage.store.js';

/** Reads the coverage model (rate centres, cities, ZIP codes, local calling areas) from the database. */
export async function loadCoverage(database: Database): Promise<Coverage> {
  return buildCoverage(await coverageRows(database.db));
}
