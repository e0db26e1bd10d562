import { defineError as e } from '../../platform/http/api-error.js';

export const ReservationErrors = {
  reservationTnNotFound: e(400, 5040, 'Reservation failed: telephone number %s not found.'),
  reservationTnNotAvailable: e(400, 5041, 'Reservation failed: telephone number %s is not available.'),
  reservationNotFoundForAccount: e(404, 5042, 'Reservation %s for account %d not found.'),
  reservationNotFound: e(404, 5043, 'Reservation %s not found.'),
  reservationInvalid: e(400, 5044, 'Reservation object is invalid.'),
  reservationParamInvalid: e(400, 5045, 'Reservation request param is invalid.'),
  reservationNotAllowed: e(400, 5046, 'Reservation not allowed for account %d .'),
  reservationCannotRelease: e(400, 5047, 'Cannot unreserve telephone number %s'),
} as const;
