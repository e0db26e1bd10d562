import type { AppDeps } from '../../context.js';
import { param, parseDateRange } from '../../platform/http/query.js';
import { okXml, type RouteDef } from '../../platform/http/routes.js';
import {
  numberReportOf,
  orderHistoryRoutes,
  orderListRoute,
  orderNoteRoutes,
  OrderTnsXml,
  parseTnFilter,
  tnsToXml,
} from '../orders-common/index.js';
import { PORT_OUTS } from './portouts.kind.js';
import { getPortOut } from './portouts.service.js';
import { portOutsWithNumber } from './portouts.store.js';
import { portOutListToXml, PortOutListXml, portOutToXml, PortOutXml } from './portouts.xml.js';

const kind = PORT_OUTS;
/** PortOutStatus values of the contract's enum (§10) no port-out here ever takes. */
const UNREACHED_STATUSES = ['MODIFY', 'VALIDATION_FAILED_MODIFY', 'SOA_PENDING', 'SOA_CONFLICT'];
const access = { account: true, role: kind.role } as const;
const one = '/accounts/:accountId/portouts/:orderId';

/**
 * The owner's view of its port-outs (rows 49–50): the list (status, date, startdate/enddate, tn),
 * one port-out, and, as for every order, its notes (the official client adds and reads them), its
 * history and its numbers.
 */
export function portOutRoutes(deps: AppDeps): RouteDef[] {
  return [
    orderListRoute(deps, kind, {
      xml: PortOutListXml,
      toXml: (page, links) => portOutListToXml(page, links),
      echoed: ['status', 'date', 'startdate', 'enddate', 'tn'],
      defaultSize: 300,
      scope: async (ctx) => {
        const date = param(ctx.query, 'date');
        const tnText = param(ctx.query, 'tn');
        const status = param(ctx.query, 'status')?.toUpperCase();
        // Statuses of Bandwidth's enum this server never reaches (MODIFY, SOA_*): nothing, not an error.
        const never = status !== undefined && UNREACHED_STATUSES.includes(status);
        const tnIds =
          tnText === undefined
            ? undefined
            : await portOutsWithNumber(deps.database.db, parseTnFilter(tnText));
        return {
          dates: date === undefined ? undefined : parseDateRange(date, date),
          ...(never ? { status: undefined, orderIds: [] } : { orderIds: tnIds }),
        };
      },
    }),
    {
      method: 'GET',
      path: one,
      errorShape: kind.errorShape,
      access,
      handle: async ({ param: p }) =>
        okXml(PortOutXml, portOutToXml(await getPortOut(deps, p('accountId'), p('orderId')))),
    },
    {
      method: 'GET',
      path: `${one}/tns`,
      errorShape: kind.errorShape,
      access,
      handle: async ({ param: p }) =>
        okXml(
          OrderTnsXml,
          tnsToXml(numberReportOf((await getPortOut(deps, p('accountId'), p('orderId'))).tns)),
        ),
    },
    ...orderNoteRoutes(deps, kind),
    ...orderHistoryRoutes(deps, kind),
  ];
}
