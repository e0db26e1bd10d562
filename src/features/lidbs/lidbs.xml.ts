import type { ApiError } from '../../platform/http/api-error.js';
import type { ErrorShape } from '../../platform/http/error-shapes.js';
import { encodeXml } from '../../platform/xml/encode.js';
import { x, type RootIn, type RootOut } from '../../platform/xml/schema.js';
import { formatTn } from '../../shared/numbering.js';
import {
  numberDetailsToXml,
  orderListXml,
  TelephoneNumberDetailsXml,
  type OrderPage,
} from '../orders-common/index.js';
import type { LidbDetails, LidbOrder } from './lidbs.kind.js';
import type { LidbInput } from './lidbs.service.js';

/**
 * LIDB payloads (contract rows 58–60): the request, the 201 (`LidbOrderResponse/LidbOrder` with
 * lower-case `orderId` and the refused numbers in `ErrorList`), the GET (`LidbOrder` unwrapped), the
 * list (`ResponseSelectWrapper`), the 400 (`Status`, not ResponseStatus) and the 404 (no code).
 */
const GroupXml = x.object({
  TelephoneNumbers: x.list('TelephoneNumber', x.text()),
  SubscriberInformation: x.text(),
  UseType: x.text(),
  Visibility: x.text(),
});

export const LidbRequestXml = x.root('LidbOrder', {
  CustomerOrderId: x.text(),
  LidbTnGroups: x.list('LidbTnGroup', GroupXml),
});

export function lidbInputOf(w: RootIn<typeof LidbRequestXml>): LidbInput {
  return {
    customerOrderId: w.CustomerOrderId,
    groups: (w.LidbTnGroups ?? []).map((g) => ({
      telephoneNumbers: (g?.TelephoneNumbers ?? []).map((t) => t ?? ''),
      subscriberInformation: g?.SubscriberInformation,
      useType: g?.UseType,
      visibility: g?.Visibility,
    })),
  };
}

const ErrorListXml = x.list(
  'Error',
  x.object({ TelephoneNumber: x.text(), Code: x.text(), Description: x.text() }),
);

export const LidbCreatedXml = x.root('LidbOrderResponse', {
  LidbOrder: x.object({
    orderId: x.text(),
    CustomerOrderId: x.text(),
    ProcessingStatus: x.text(),
    ErrorList: ErrorListXml,
    LidbTnGroups: x.list('LidbTnGroup', GroupXml),
  }),
});

export const LidbOrderXml = x.root('LidbOrder', {
  CustomerOrderId: x.text(),
  orderId: x.text(),
  OrderCreateDate: x.text(),
  ProcessingStatus: x.text(),
  CreatedByUser: x.text(),
  LastModifiedDate: x.text(),
  OrderCompleteDate: x.text(),
  ErrorList: ErrorListXml,
  LidbTnGroups: x.list('LidbTnGroup', GroupXml),
});

const groupsOf = (d: LidbDetails) =>
  d.groups.map((g) => ({
    TelephoneNumbers: g.tns.map(formatTn),
    SubscriberInformation: g.subscriberInformation,
    UseType: g.useType,
    Visibility: g.visibility,
  }));
const errorsOf = (d: LidbDetails) =>
  (d.errors ?? []).map((e) => ({ TelephoneNumber: e.tn, Code: e.code, Description: e.description }));

export function lidbCreatedToXml(o: LidbOrder): RootOut<typeof LidbCreatedXml> {
  return {
    LidbOrder: {
      orderId: o.id,
      CustomerOrderId: o.customerOrderId,
      ProcessingStatus: o.status,
      ErrorList: errorsOf(o.details),
      LidbTnGroups: groupsOf(o.details),
    },
  };
}

export function lidbOrderToXml(o: LidbOrder): RootOut<typeof LidbOrderXml> {
  return {
    CustomerOrderId: o.customerOrderId,
    orderId: o.id,
    OrderCreateDate: o.createdAt,
    ProcessingStatus: o.status,
    CreatedByUser: o.createdBy,
    LastModifiedDate: o.updatedAt,
    OrderCompleteDate: o.completedAt,
    ErrorList: errorsOf(o.details),
    LidbTnGroups: groupsOf(o.details),
  };
}

/** GET /lidbs: `ResponseSelectWrapper/ListOrderIdUserIdDate` entries with OrderType `lidb`, no Links. */
export const LidbListXml = orderListXml({
  accountId: x.text(),
  CountOfTNs: x.text(),
  lastModifiedDate: x.text(),
  OrderType: x.text(),
  OrderDate: x.text(),
  orderId: x.text(),
  OrderStatus: x.text(),
  TelephoneNumberDetails: TelephoneNumberDetailsXml,
  userId: x.text(),
});

export function lidbListToXml(page: OrderPage<LidbDetails>, accountId: string): RootOut<typeof LidbListXml> {
  return {
    ListOrderIdUserIdDate: {
      TotalCount: page.total,
      OrderIdUserIdDate: page.entries.map((s) => ({
        accountId,
        CountOfTNs: s.countOfTns,
        lastModifiedDate: s.updatedAt,
        OrderType: 'lidb',
        OrderDate: s.createdAt,
        orderId: s.id,
        OrderStatus: s.status,
        TelephoneNumberDetails: numberDetailsToXml(s.numbers),
        userId: s.createdBy,
      })),
    },
  };
}

const RejectedXml = x.root('LidbOrderResponse', {
  Status: x.object({ Code: x.text(), Description: x.text() }),
  ErrorList: x.list('Error', x.object({ Code: x.text(), Description: x.text() })),
  LidbOrder: x.object({ LidbTnGroups: x.list('LidbTnGroup', GroupXml) }),
});

/** 400 of POST: `Status`, the error, then the groups as sent. */
export function lidbRejectedToXml(err: ApiError, sent: RootIn<typeof LidbRequestXml>): string {
  return encodeXml(RejectedXml, {
    Status: { Code: 400, Description: 'Validation Failed. Please check your input parameters.' },
    ErrorList: [{ Code: err.code, Description: err.description }],
    LidbOrder: {
      LidbTnGroups: (sent.LidbTnGroups ?? []).map((g) => ({
        TelephoneNumbers: (g?.TelephoneNumbers ?? []).map((t) => t ?? ''),
        SubscriberInformation: g?.SubscriberInformation,
        UseType: g?.UseType,
        Visibility: g?.Visibility,
      })),
    },
  });
}

const NotFoundXml = x.root('LidbOrderReportResponse', {
  ResponseStatus: x.object({ Description: x.text() }),
});
const StatusXml = x.root('LidbOrderResponse', {
  ResponseStatus: x.object({ ErrorCode: x.text(), Description: x.text() }),
});

/** 404 as documented (no code); anything else in the dominant shape under the kind's root. */
export const lidbErrorShape: ErrorShape = (err) =>
  err.status === 404
    ? encodeXml(NotFoundXml, { ResponseStatus: { Description: 'The resource does not exist' } })
    : encodeXml(StatusXml, { ResponseStatus: { ErrorCode: err.code, Description: err.description } });
