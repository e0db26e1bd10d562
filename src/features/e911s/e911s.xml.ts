import type { ApiError } from '../../platform/http/api-error.js';
import type { ErrorShape } from '../../platform/http/error-shapes.js';
import { encodeXml } from '../../platform/xml/encode.js';
import { x, type In, type RootIn, type RootOut } from '../../platform/xml/schema.js';
import { formatTn } from '../../shared/numbering.js';
import type { OrderPage } from '../orders-common/index.js';
import type { E911Address, E911Details, E911Order } from './e911s.kind.js';
import { withoutAddressType } from '../../shared/address.js';
import { AddressXml, addressInputOf, addressInputToXml } from '../../shared/address.xml.js';
import type { E911Input } from './e911s.service.js';

/**
 * E911 payloads (contract rows 66–69): the request, the 201 (`E911OrderResponse/E911Order` with
 * lower-case `orderId`), the GET (`E911Order` unwrapped, `OrderId`, errors grouped with their
 * `TelephoneNumbers`), the list (`E911Orders` of summaries or, with orderDetails, of orders), the
 * 400 (`ErrorList` then the order as sent) and the 404 (`E911OrderReportResponse`, no code).
 */
export const E911RequestXml = x.root('E911Order', {
  CustomerOrderId: x.text(),
  TelephoneNumbers: x.list('TelephoneNumber', x.text()),
  CallerName: x.text(),
  Address: AddressXml,
  DeleteTNSpecificE911Address: x.text(),
  // Present only to be refused (8022): endpoints other than numbers are not offered.
  AlternateEndUserIdentifiers: x.text(),
  AdditionalAddresses: x.text(),
});

/** The address as sent (an E911 address has no AddressType; one sent is not kept). */
const addressOf = (a: In<typeof AddressXml>): E911Address | undefined => {
  const input = addressInputOf(a);
  return input && withoutAddressType(input);
};

export function e911InputOf(w: RootIn<typeof E911RequestXml>): E911Input {
  return {
    customerOrderId: w.CustomerOrderId,
    telephoneNumbers: w.TelephoneNumbers?.map((t) => t ?? '') ?? [],
    callerName: w.CallerName,
    address: addressOf(w.Address),
    deleteAddress: w.DeleteTNSpecificE911Address,
    alternateEndpoints: w.AlternateEndUserIdentifiers !== undefined || w.AdditionalAddresses !== undefined,
  };
}

const addressToXml = addressInputToXml;

const NumbersXml = x.list('TelephoneNumber', x.text());

export const E911CreatedXml = x.root('E911OrderResponse', {
  E911Order: x.object({
    CustomerOrderId: x.text(),
    orderId: x.text(),
    ProcessingStatus: x.text(),
    TelephoneNumbers: NumbersXml,
    CallerName: x.text(),
    Address: AddressXml,
  }),
});

export function e911CreatedToXml(o: E911Order): RootOut<typeof E911CreatedXml> {
  return {
    E911Order: {
      CustomerOrderId: o.customerOrderId,
      orderId: o.id,
      ProcessingStatus: o.status,
      TelephoneNumbers: o.details.tns.map(formatTn),
      CallerName: o.details.callerName,
      Address: addressToXml(o.details.address),
    },
  };
}

const ORDER_FIELDS = {
  OrderCreateDate: x.text(),
  AccountId: x.text(),
  CreatedByUser: x.text(),
  OrderId: x.text(),
  LastModifiedDate: x.text(),
  Address: AddressXml,
  CallerName: x.text(),
  CustomerOrderId: x.text(),
  ProcessingStatus: x.text(),
  TelephoneNumbers: NumbersXml,
  ErrorList: x.list(
    'Error',
    x.object({ Code: x.text(), Description: x.text(), TelephoneNumbers: NumbersXml }),
  ),
};
export const E911OrderXml = x.root('E911Order', ORDER_FIELDS);

interface OrderView {
  readonly id: string;
  readonly customerOrderId: string | undefined;
  readonly createdBy: string | undefined;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly status: string;
  readonly details: E911Details;
}

function fieldsOf(o: OrderView, accountId: string) {
  return {
    OrderCreateDate: o.createdAt,
    AccountId: accountId,
    CreatedByUser: o.createdBy,
    OrderId: o.id,
    LastModifiedDate: o.updatedAt,
    Address: addressToXml(o.details.address),
    CallerName: o.details.callerName,
    CustomerOrderId: o.customerOrderId,
    ProcessingStatus: o.status,
    TelephoneNumbers: o.details.tns.map(formatTn),
    ErrorList: (o.details.errors ?? []).map((e) => ({
      Code: e.code,
      Description: e.description,
      TelephoneNumbers: e.tns,
    })),
  };
}

export const e911OrderToXml = (o: E911Order): RootOut<typeof E911OrderXml> => fieldsOf(o, o.accountId);

export const E911ListXml = x.root('E911Orders', {
  TotalCount: x.text(),
  E911OrderSummary: x.repeated(
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
  // Row 66's order of an entry: ErrorList before ProcessingStatus, no CustomerOrderId.
  E911Order: x.repeated(
    x.object({
      OrderCreateDate: x.text(),
      AccountId: x.text(),
      CreatedByUser: x.text(),
      OrderId: x.text(),
      LastModifiedDate: x.text(),
      Address: AddressXml,
      CallerName: x.text(),
      ErrorList: ORDER_FIELDS.ErrorList,
      ProcessingStatus: x.text(),
      TelephoneNumbers: NumbersXml,
    }),
  ),
});

export function e911ListToXml(
  page: OrderPage<E911Details>,
  accountId: string,
  details: boolean,
): RootOut<typeof E911ListXml> {
  return {
    TotalCount: page.total,
    ...(details
      ? { E911Order: page.entries.map((s) => fieldsOf(s, accountId)) }
      : {
          E911OrderSummary: page.entries.map((s) => ({
            accountId,
            CountOfTNs: s.quantity,
            userId: s.createdBy,
            lastModifiedDate: s.updatedAt,
            OrderDate: s.createdAt,
            OrderType: 'e911',
            OrderStatus: s.status,
            OrderId: s.id,
          })),
        }),
  };
}

const RejectedXml = x.root('E911OrderResponse', {
  ErrorList: x.list('Error', x.object({ TelephoneNumber: x.text(), Code: x.text(), Description: x.text() })),
  E911Order: x.object({
    CustomerOrderId: x.text(),
    ProcessingStatus: x.text(),
    TelephoneNumbers: NumbersXml,
    CallerName: x.text(),
    Address: AddressXml,
  }),
});

/** 400 of POST: the error, then the order as sent, FAILED. */
export function e911RejectedToXml(err: ApiError, sent: RootIn<typeof E911RequestXml>): string {
  return encodeXml(RejectedXml, {
    ErrorList: [{ Code: err.code, Description: err.description }],
    E911Order: {
      CustomerOrderId: sent.CustomerOrderId,
      ProcessingStatus: 'FAILED',
      TelephoneNumbers: sent.TelephoneNumbers?.map((t) => t ?? ''),
      CallerName: sent.CallerName,
      Address: addressToXml(addressOf(sent.Address)),
    },
  });
}

const NotFoundXml = x.root('E911OrderReportResponse', {
  ResponseStatus: x.object({ Description: x.text() }),
});
const StatusXml = x.root('E911OrderResponse', {
  ResponseStatus: x.object({ ErrorCode: x.text(), Description: x.text() }),
});

/** 404 as documented (no code); anything else in the dominant shape under the kind's root. */
export const e911ErrorShape: ErrorShape = (err) =>
  err.status === 404
    ? encodeXml(NotFoundXml, { ResponseStatus: { Description: 'The resource does not exist' } })
    : encodeXml(StatusXml, { ResponseStatus: { ErrorCode: err.code, Description: err.description } });
