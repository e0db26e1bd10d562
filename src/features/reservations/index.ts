/** Reservations: what other features may use. */
export { reservationRoutes } from './reservations.routes.js';
export { reservationJobs } from './reservations.jobs.js';
export {
  findLiveReservations as liveReservationsOf,
  markReservationsUsed,
  type LiveReservation,
} from './reservations.store.js';
export { ReservationErrors } from './reservations.errors.js';
