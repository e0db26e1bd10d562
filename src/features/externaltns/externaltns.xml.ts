import type { ErrorShape } from '../../platform/http/error-shapes.js';
import { encodeXml } from '../../platform/xml/encode.js';
import { x, type RootIn, type RootOut } from '../../platform/xml/schema.js';
import { formatTn } from '../../shared/numbering.js';
import type { OrderPage } from '../orders-common/index.js';
import type { ExternalTnDetails, ExternalTnOrder } from './externaltns.kind.js';
import type { ExternalTnInput } from './externaltns.service.js';

/**
 * External-number payloads (contract rows 125–127), in R18's nested shape throughout (the order as
 * sent inside `Order`, note `CustomerOrderID`): the 201 (`ExternalTnsOrderResponse`), the GET and the
 * list entries (`ExternalTnsOrder`, with `Errors/Error{Code, Description, TelephoneNumbers}`), the
 * 400 (`ResponseStatus` with a code) and the 404 (without one).
 */
const TnListXml = x.list('TelephoneNumber', x.text());
const RequestFields = {
  CustomerOrderID: x.text(),
  SiteId: x.text(),
  SipPeerId: x.text(),
  Action: x.text(),
  TelephoneNumbers: TnListXml,
};

export const ExternalTnRequestXml = x.root('ExternalTnsOrder', RequestFields);

export function externalTnInputOf(w: RootIn<typeof ExternalTnRequestXml>): ExternalTnInput {
  return {
    customerOrderId: w.CustomerOrderID,
    siteId: w.SiteId,
    sipPeerId: w.SipPeerId,
    action: w.Action,
    telephoneNumbers: (w.TelephoneNumbers ?? []).map((t) => t ?? ''),
  };
}

const HEAD = {
  OrderCreateDate: x.text(),
  AccountId: x.text(),
  CreatedByUser: x.text(),
  OrderId: x.text(),
  ProcessingStatus: x.text(),
  Order: x.object(RequestFields),
};
const ORDER_FIELDS = {
  ...HEAD,
  Errors: x.list(
    'Error',
    x.object({ Code: x.text(), Description: x.text(), TelephoneNumbers: TnListXml }),
    'omit',
  ),
};

export const ExternalTnCreatedXml = x.root('ExternalTnsOrderResponse', HEAD);
export const ExternalTnOrderXml = x.root('ExternalTnsOrder', ORDER_FIELDS);
export const ExternalTnListXml = x.root('ExternalTnsOrders', {
  TotalCount: x.text(),
  ExternalTnsOrder: x.repeated(x.object(ORDER_FIELDS)),
});

interface OrderLike {
  readonly id: string;
  readonly accountId: string;
  readonly createdBy: string | undefined;
  readonly createdAt: string;
  readonly status: string;
  readonly customerOrderId: string | undefined;
  readonly siteId?: number | undefined;
  readonly sipPeerId?: number | undefined;
  readonly details: ExternalTnDetails;
}

function headOf(o: OrderLike) {
  return {
    OrderCreateDate: o.createdAt,
    AccountId: o.accountId,
    CreatedByUser: o.createdBy,
    OrderId: o.id,
    ProcessingStatus: o.status,
    Order: {
      CustomerOrderID: o.customerOrderId,
      SiteId: o.siteId,
      SipPeerId: o.sipPeerId,
      Action: o.details.action,
      TelephoneNumbers: o.details.tns.map(formatTn),
    },
  };
}

function fieldsOf(o: OrderLike) {
  return {
    ...headOf(o),
    Errors: (o.details.errors ?? []).map((e) => ({
      Code: e.code,
      Description: e.description,
      TelephoneNumbers: e.tns.map(formatTn),
    })),
  };
}

/** The 201 has no Errors: nothing has been tried yet. */
export const externalTnCreatedToXml = (o: ExternalTnOrder): RootOut<typeof ExternalTnCreatedXml> => headOf(o);

export const externalTnOrderToXml = (o: ExternalTnOrder): RootOut<typeof ExternalTnOrderXml> => fieldsOf(o);

export function externalTnListToXml(
  page: OrderPage<ExternalTnDetails>,
  accountId: string,
): RootOut<typeof ExternalTnListXml> {
  return {
    TotalCount: page.total,
    ExternalTnsOrder: page.entries.map((s) => fieldsOf({ ...s, accountId, status: s.status })),
  };
}

const StatusXml = x.root('ExternalTnsOrderResponse', {
  ResponseStatus: x.object({ ErrorCode: x.text(), Description: x.text() }),
});

export const externalTnErrorShape: ErrorShape = (err) =>
  err.status === 404
    ? encodeXml(StatusXml, { ResponseStatus: { Description: 'The resource does not exist' } })
    : encodeXml(StatusXml, { ResponseStatus: { ErrorCode: err.code, Description: err.description } });
