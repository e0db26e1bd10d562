import type { AppDeps } from '../../context.js';
import { responseStatusShape } from '../../platform/http/error-shapes.js';
import { created, ok, okXml, type RouteDef } from '../../platform/http/routes.js';
import { Roles } from '../../shared/roles.js';
import {
  releaseReservation,
  requireReservation,
  reservationOfNumber,
  reserveNumber,
  toView,
} from './reservations.service.js';
import {
  ReservationRequestXml,
  ReservationResponseXml,
  reservationToXml,
  TnReservationXml,
  tnReservationToXml,
} from './reservations.xml.js';

const access = { account: true, role: Roles.ordering } as const;
const errorShape = responseStatusShape('ReservationResponse');

export function reservationRoutes(deps: AppDeps): RouteDef[] {
  return [
    {
      method: 'POST',
      path: '/accounts/:accountId/tnreservation',
      errorShape,
      access,
      handle: async ({ param, body, url, principal }) => {
        const accountId = param('accountId');
        const r = await reserveNumber(
          deps,
          accountId,
          { reservedTns: body(ReservationRequestXml).ReservedTn ?? [] },
          principal.username,
        );
        return created(url(`/accounts/${accountId}/tnreservation/${r.id}`));
      },
    },
    {
      method: 'GET',
      path: '/accounts/:accountId/tnreservation/:reservationId',
      errorShape,
      access,
      handle: async ({ param }) => {
        const r = await requireReservation(deps, param('accountId'), param('reservationId'));
        return okXml(ReservationResponseXml, reservationToXml(toView(r, deps.clock)));
      },
    },
    {
      method: 'DELETE',
      path: '/accounts/:accountId/tnreservation/:reservationId',
      errorShape,
      access,
      handle: async ({ param, principal }) => {
        await releaseReservation(deps, param('accountId'), param('reservationId'), principal.username);
        return ok();
      },
    },
    {
      method: 'GET',
      path: '/tns/:tn/tnreservation',
      errorShape,
      access: { account: false, role: Roles.search },
      handle: async ({ param, principal }) => {
        const r = await reservationOfNumber(deps, principal.accounts, param('tn'));
        return okXml(TnReservationXml, tnReservationToXml(toView(r, deps.clock)));
      },
    },
  ];
}
