/** Numbers put in service outside an order (admin CLI, demo, tests) or by one (putInService). */
export { assignNumbers, putInService, type Assignment } from './assignments.service.js';
