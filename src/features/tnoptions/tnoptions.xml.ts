import type { ErrorShape } from '../../platform/http/error-shapes.js';
import { encodeXml } from '../../platform/xml/encode.js';
import { x, type RootIn, type RootOut } from '../../platform/xml/schema.js';
import { formatTn } from '../../shared/numbering.js';
import type { OrderPage } from '../orders-common/index.js';
import type { TnOptionDetails, TnOptionOrder, TnOptionValues } from './tnoptions.kind.js';
import type { LineOptionInput, LineOptionResult, TnOptionInput } from './tnoptions.service.js';

/**
 * TN-option payloads (contract rows 70–73): the request, the order (inside `TnOptionOrderResponse`
 * on 201, unwrapped on GET), the list (root `TnOptionOrders`, summaries or whole orders), and the
 * errors: 400 `TnOptionOrderResponse/ResponseStatus{ErrorCode, Description}`, 404
 * `TnOptionOrderReportResponse/ResponseStatus{Description}` (no code, as documented).
 */
const GroupXml = x.object({
  NumberFormat: x.text(),
  RPIDFormat: x.text(),
  RewriteUser: x.text(),
  CallForward: x.text(),
  CallingNameDisplay: x.text(),
  Protected: x.text(),
  Sms: x.text(),
  FinalDestinationURI: x.text(),
  TelephoneNumbers: x.list('TelephoneNumber', x.text()),
});

export const TnOptionRequestXml = x.root('TnOptionOrder', {
  CustomerOrderId: x.text(),
  TnOptionGroups: x.list('TnOptionGroup', GroupXml),
});

export function tnOptionInputOf(w: RootIn<typeof TnOptionRequestXml>): TnOptionInput {
  return {
    customerOrderId: w.CustomerOrderId,
    groups: (w.TnOptionGroups ?? []).map((g) => ({
      options: {
        numberFormat: g?.NumberFormat,
        rpidFormat: g?.RPIDFormat,
        rewriteUser: g?.RewriteUser,
        callForward: g?.CallForward,
        callingNameDisplay: g?.CallingNameDisplay,
        protected: g?.Protected,
        sms: g?.Sms,
        finalDestinationUri: g?.FinalDestinationURI,
      },
      telephoneNumbers: (g?.TelephoneNumbers ?? []).map((t) => t ?? ''),
    })),
  };
}

const ORDER_FIELDS = {
  OrderCreateDate: x.text(),
  AccountId: x.text(),
  CreatedByUser: x.text(),
  OrderId: x.text(),
  LastModifiedDate: x.text(),
  ProcessingStatus: x.text(),
  TnOptionGroups: x.list('TnOptionGroup', GroupXml),
  ErrorList: x.list('Error', x.object({ Code: x.text(), Description: x.text(), TelephoneNumber: x.text() })),
};
export const TnOptionOrderXml = x.root('TnOptionOrder', ORDER_FIELDS);
export const TnOptionCreatedXml = x.root('TnOptionOrderResponse', { TnOptionOrder: x.object(ORDER_FIELDS) });

const groupToXml = (o: TnOptionValues, tns: readonly number[]) => ({
  NumberFormat: o.numberFormat,
  RPIDFormat: o.rpidFormat,
  RewriteUser: o.rewriteUser,
  CallForward: o.callForward,
  CallingNameDisplay: o.callingNameDisplay,
  Protected: o.protected,
  Sms: o.sms,
  FinalDestinationURI: o.finalDestinationUri,
  TelephoneNumbers: tns.map(formatTn),
});

function fieldsOf(o: {
  id: string;
  accountId: string;
  createdBy: string | undefined;
  createdAt: string;
  updatedAt: string;
  status: string;
  details: TnOptionDetails;
}) {
  return {
    OrderCreateDate: o.createdAt,
    AccountId: o.accountId,
    CreatedByUser: o.createdBy,
    OrderId: o.id,
    LastModifiedDate: o.updatedAt,
    ProcessingStatus: o.status,
    TnOptionGroups: o.details.groups.map((g) => groupToXml(g.options, g.tns)),
    ErrorList: (o.details.errors ?? []).map((e) => ({
      Code: e.code,
      Description: e.description,
      TelephoneNumber: formatTn(e.tn),
    })),
  };
}

export const tnOptionOrderToXml = (o: TnOptionOrder): RootOut<typeof TnOptionOrderXml> => fieldsOf(o);
export const tnOptionCreatedToXml = (o: TnOptionOrder): RootOut<typeof TnOptionCreatedXml> => ({
  TnOptionOrder: fieldsOf(o),
});

/** GET /tnoptions: summaries, or whole orders with `orderDetails=true`. */
export const TnOptionListXml = x.root('TnOptionOrders', {
  TotalCount: x.text(),
  TnOptionOrderSummary: x.repeated(
    x.object({
      accountId: x.text(),
      CountOfTNs: x.text(),
      userId: x.text(),
      lastModifiedDate: x.text(),
      OrderDate: x.text(),
      OrderType: x.text(),
      OrderStatus: x.text(),
      OrderId: x.text(),
    }),
  ),
  TnOptionOrder: x.repeated(x.object(ORDER_FIELDS)),
});

export function tnOptionListToXml(
  page: OrderPage<TnOptionDetails>,
  accountId: string,
  details: boolean,
): RootOut<typeof TnOptionListXml> {
  return {
    TotalCount: page.total,
    ...(details
      ? {
          TnOptionOrder: page.entries.map((s) =>
            fieldsOf({ ...s, accountId, createdAt: s.createdAt, updatedAt: s.updatedAt }),
          ),
        }
      : {
          TnOptionOrderSummary: page.entries.map((s) => ({
            accountId,
            CountOfTNs: s.quantity,
            userId: s.createdBy,
            lastModifiedDate: s.updatedAt,
            OrderDate: s.createdAt,
            OrderType: 'tn_option',
            OrderStatus: s.status,
            OrderId: s.id,
          })),
        }),
  };
}

const Status400Xml = x.root('TnOptionOrderResponse', {
  ResponseStatus: x.object({ ErrorCode: x.text(), Description: x.text() }),
});
const NotFoundXml = x.root('TnOptionOrderReportResponse', {
  ResponseStatus: x.object({ Description: x.text() }),
});

export const tnOptionErrorShape: ErrorShape = (err: ApiErrorLike) =>
  err.status === 404
    ? encodeXml(NotFoundXml, { ResponseStatus: { Description: 'The resource does not exist' } })
    : encodeXml(Status400Xml, { ResponseStatus: { ErrorCode: err.code, Description: err.description } });

type ApiErrorLike = Parameters<ErrorShape>[0];

// ---- line options (row 74) ------------------------------------------------------------------

export const LineOptionRequestXml = x.root('LineOptionOrder', {
  TnLineOptions: x.repeated(
    x.object({
      TelephoneNumber: x.text(),
      CallingNameDisplay: x.text(),
      NumberFormat: x.text(),
      RPIDFormat: x.text(),
      RewriteUser: x.text(),
      CallForward: x.text(),
      Protected: x.text(),
      Sms: x.text(),
    }),
  ),
});

export function lineOptionInputOf(w: RootIn<typeof LineOptionRequestXml>): LineOptionInput[] {
  return (w.TnLineOptions ?? []).map((l) => ({
    telephoneNumber: l?.TelephoneNumber ?? '',
    options: {
      callingNameDisplay: l?.CallingNameDisplay,
      numberFormat: l?.NumberFormat,
      rpidFormat: l?.RPIDFormat,
      rewriteUser: l?.RewriteUser,
      callForward: l?.CallForward,
      protected: l?.Protected,
      sms: l?.Sms,
    },
  }));
}

/** 200 with what was done and what was not; 400 (nothing done) adds `ResponseStatus` first. */
export const LineOptionResponseXml = x.root('LineOptionOrderResponse', {
  ResponseStatus: x.object({ ErrorCode: x.text(), Description: x.text() }),
  LineOptions: x.object({
    AccountId: x.text(),
    CompletedNumbers: x.list('TelephoneNumber', x.text(), 'omit'),
    Errors: x.list(
      'Error',
      x.object({ TelephoneNumber: x.text(), ErrorCode: x.text(), Description: x.text() }),
      'omit',
    ),
  }),
});

export function lineOptionsToXml(
  accountId: string,
  r: LineOptionResult,
  refused: boolean,
): RootOut<typeof LineOptionResponseXml> {
  return {
    ResponseStatus: refused
      ? { Description: 'Validation Failed. Please check your input parameters.' }
      : undefined,
    LineOptions: {
      AccountId: accountId,
      CompletedNumbers: r.completed.map(formatTn),
      Errors: r.errors.map((e) => ({ TelephoneNumber: e.tn, ErrorCode: e.code, Description: e.description })),
    },
  };
}

/**
 * A line-option request refused before any number was looked at: a 400 as documented (a
 * Description alone); anything else (401, 403, 413, …) with its code too, as every route says why.
 */
export const lineOptionErrorShape: ErrorShape = (err) =>
  encodeXml(LineOptionResponseXml, {
    ResponseStatus: { ErrorCode: err.status === 400 ? undefined : err.code, Description: err.description },
  });
