import { responseStatusShape } from '../../platform/http/error-shapes.js';
import { LinksXml, type PageLinks } from '../../platform/http/paging.js';
import { x, type RootOut } from '../../platform/xml/schema.js';
import type { OrderPage } from '../orders-common/index.js';
import { focInstantOf } from '../porting-calendar/index.js';
import type { PortOutDetails } from './portouts.kind.js';
import type { PortOutView } from './portouts.service.js';

/**
 * Port-out payloads (contract rows 49–50): one port-out as `LnpOrderResponse` with `PortOutStatus`,
 * and the list as `LNPResponseWrapper` with `lnpPortInfoForGivenStatus` entries (OrderType
 * `port_out`, the winning carrier's SPID as `VendorId`). FOC dates are the FOC instants.
 */
export const portOutErrorShape = responseStatusShape('LnpOrderResponse');

export const PortOutXml = x.root('LnpOrderResponse', {
  RequestedFocDate: x.text(),
  ActualFocDate: x.text(),
  PON: x.text(),
  AccountId: x.text(),
  OrderCreateDate: x.text(),
  LastModifiedDate: x.text(),
  userId: x.text(),
  PortOutStatus: x.text(),
  SPID: x.text(),
});

const instant = (day: string | undefined) => (day === undefined ? undefined : focInstantOf(day));

export function portOutToXml(v: PortOutView): RootOut<typeof PortOutXml> {
  const { order } = v;
  return {
    RequestedFocDate: instant(order.details.requestedFocDate),
    ActualFocDate: instant(order.details.actualFocDate),
    PON: order.name,
    AccountId: order.accountId,
    OrderCreateDate: order.createdAt,
    LastModifiedDate: order.updatedAt,
    userId: order.createdBy,
    PortOutStatus: order.status,
    SPID: order.details.spid,
  };
}

export const PortOutListXml = x.root('LNPResponseWrapper', {
  TotalCount: x.text(),
  Links: LinksXml,
  lnpPortInfoForGivenStatus: x.repeated(
    x.object({
      CountOfTNs: x.text(),
      userId: x.text(),
      OrderId: x.text(),
      OrderType: x.text(),
      lastModifiedDate: x.text(),
      ErrorCode: x.text(),
      ErrorMessage: x.text(),
      OrderDate: x.text(),
      ProcessingStatus: x.text(),
      RequestedFOCDate: x.text(),
      VendorId: x.text(),
    }),
  ),
});

const RECEIVED = {
  code: 201,
  description: 'Order request received. Please use the order id to check the status of your order later.',
};

/** The row's ErrorCode/ErrorMessage echo its last status: received while validating, else why it was refused. */
function lastMessage(status: string, d: PortOutDetails) {
  if (status === 'NEW' || status === 'SUPP') return RECEIVED;
  return d.errors?.[0];
}

export function portOutListToXml(
  page: OrderPage<PortOutDetails>,
  links: PageLinks,
): RootOut<typeof PortOutListXml> {
  return {
    TotalCount: page.total,
    Links: links,
    lnpPortInfoForGivenStatus: page.entries.map((s) => {
      const message = lastMessage(s.status, s.details);
      return {
        CountOfTNs: s.quantity,
        userId: s.createdBy,
        OrderId: s.id,
        OrderType: 'port_out',
        lastModifiedDate: s.updatedAt,
        ErrorCode: message?.code,
        ErrorMessage: message?.description,
        OrderDate: s.createdAt,
        ProcessingStatus: s.status,
        RequestedFOCDate: instant(s.details.requestedFocDate),
        VendorId: s.details.spid,
      };
    }),
  };
}
