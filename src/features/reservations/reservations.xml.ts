import type { ReservationView } from './reservations.service.js';
import { x, type RootOut } from '../../platform/xml/schema.js';
import { formatTn } from '../../shared/numbering.js';

/**
 * Request body of POST /accounts/{id}/tnreservation. `ReservedTn` is read as repeated siblings so
 * that a body naming several numbers is refused instead of silently reserving only the first.
 */
export const ReservationRequestXml = x.root('Reservation', {
  ReservedTn: x.repeated(x.text()),
});

/**
 * GET /accounts/{id}/tnreservation/{reservationId}. `Id` is not in the RAML example: it is the
 * reservation id again, first, as in the official Node client's own fixture. That client maps
 * element names with xml2js `firstCharLowerCase` (`ReservationId` -> `reservationId`) and its
 * `delete()` uses `this.id`, so without `Id` the create-then-delete flow would DELETE
 * `/tnreservation/undefined`. Clients that read the documented elements by name are unaffected.
 */
export const ReservationResponseXml = x.root('ReservationResponse', {
  Reservation: x.object({
    Id: x.text(),
    ReservationId: x.text(),
    AccountId: x.text(),
    ReservationExpires: x.text(),
    ReservedTn: x.text(),
  }),
});

/** GET /tns/{tn}/tnreservation: the same facts, with this endpoint's own casing. */
export const TnReservationXml = x.root('TNReservation', {
  ReservationID: x.text(),
  Account: x.text(),
  ReservationExpires: x.text(),
  ReservedTN: x.text(),
});

export function reservationToXml(r: ReservationView): RootOut<typeof ReservationResponseXml> {
  return {
    Reservation: {
      Id: r.id,
      ReservationId: r.id,
      AccountId: r.accountId,
      ReservationExpires: r.expiresInSeconds,
      ReservedTn: formatTn(r.tn),
    },
  };
}

export function tnReservationToXml(r: ReservationView): RootOut<typeof TnReservationXml> {
  return {
    ReservationID: r.id,
    Account: r.accountId,
    ReservationExpires: r.expiresInSeconds,
    ReservedTN: formatTn(r.tn),
  };
}
