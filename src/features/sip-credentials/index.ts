/** SIP credentials: what the server registers. */
export { sipCredentialRoutes } from './sip-credentials.routes.js';
