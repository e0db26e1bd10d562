/** SIP credentials: what the server registers. */
export { sipCredentialRoutes } from './sip-credentials.routes.js';
export { CredentialErrors } from './sip-credentials.errors.js';
