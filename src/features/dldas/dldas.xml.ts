import type { ErrorShape } from '../../platform/http/error-shapes.js';
import { encodeXml } from '../../platform/xml/encode.js';
import { x, type In, type Out, type RootIn, type RootOut } from '../../platform/xml/schema.js';
import { AddressXml, addressInputOf, addressInputToXml } from '../../shared/address.xml.js';
import { formatTn } from '../../shared/numbering.js';
import type { OrderPage } from '../orders-common/index.js';
import type { DldaDetails, DldaGroup, DldaOrder, ListingNameKey } from './dldas.kind.js';
import type { DldaGroupInput, DldaInput, NoNumbersToList } from './dldas.service.js';

/**
 * DL/DA payloads (contract rows 61–65): the request (`SubscriberType` on POST, `AccountType` on PUT),
 * the order (`DldaOrderResponse/DldaOrder`, `AccountType` RESIDENCE|BUSINESS, `AddressType` Dlda)
 * for the 201, the GET and the PUT, the list (`ResponseSelectWrapper`), the 400 of POST (the
 * refused numbers, FAILED) and the bare `ResponseStatus` of the others, the 404 without a code.
 */
const ELEMENT: Readonly<Record<ListingNameKey, string>> = {
  firstName: 'FirstName',
  firstName2: 'FirstName2',
  lastName: 'LastName',
  designation: 'Designation',
  titleOfLineage: 'TitleOfLineage',
  titleOfAddress: 'TitleOfAddress',
  titleOfAddress2: 'TitleOfAddress2',
  titleOfLineageName2: 'TitleOfLineageName2',
  titleOfAddressName2: 'TitleOfAddressName2',
  titleOfAddress2Name2: 'TitleOfAddress2Name2',
  placeListingAs: 'PlaceListingAs',
};
// The kind imports this file (its error shape), so the keys come from here, not from the kind.
const LISTING_NAME_KEYS = Object.keys(ELEMENT) as ListingNameKey[];
const ListingNameXml = x.object(Object.fromEntries(LISTING_NAME_KEYS.map((k) => [ELEMENT[k], x.text()])));

const GroupInXml = x.object({
  TelephoneNumbers: x.list('TelephoneNumber', x.text()),
  SubscriberType: x.text(),
  AccountType: x.text(),
  ListingType: x.text(),
  ListingName: ListingNameXml,
  ListAddress: x.text(),
  Address: AddressXml,
});

export const DldaRequestXml = x.root('DldaOrder', {
  CustomerOrderId: x.text(),
  DldaTnGroups: x.list('DldaTnGroup', GroupInXml),
  DeleteDldaTnGroups: x.text(),
});

function groupInputOf(g: In<typeof GroupInXml>): DldaGroupInput {
  const a = g?.Address;
  const name = g?.ListingName;
  return {
    telephoneNumbers: (g?.TelephoneNumbers ?? []).map((t) => t ?? ''),
    subscriberType: g?.SubscriberType ?? g?.AccountType,
    listingType: g?.ListingType,
    listingName: name && Object.fromEntries(LISTING_NAME_KEYS.map((k) => [k, name[ELEMENT[k]]])),
    listAddress: g?.ListAddress,
    address: addressInputOf(a),
  };
}

export function dldaInputOf(w: RootIn<typeof DldaRequestXml>): DldaInput {
  return {
    customerOrderId: w.CustomerOrderId,
    groups: (w.DldaTnGroups ?? []).map(groupInputOf),
    deleteGroups: w.DeleteDldaTnGroups,
  };
}

const GroupOutXml = x.object({
  TelephoneNumbers: x.list('TelephoneNumber', x.text()),
  AccountType: x.text(),
  ListingType: x.text(),
  ListingName: ListingNameXml,
  ListAddress: x.text(),
  Address: AddressXml,
});

const accountTypeOf = (subscriberType: string | undefined) =>
  subscriberType?.toUpperCase() === 'RESIDENTIAL' ? 'RESIDENCE' : subscriberType;
const listingNameToXml = (name: DldaGroupInput['listingName']) =>
  name && Object.fromEntries(LISTING_NAME_KEYS.map((k) => [ELEMENT[k], name[k]]));

/** A group as the responses show it: `AccountType` RESIDENCE|BUSINESS, the address typed `Dlda`. */
function groupToXml(g: DldaGroupInput): Out<typeof GroupOutXml> {
  return {
    TelephoneNumbers: [...g.telephoneNumbers],
    AccountType: accountTypeOf(g.subscriberType),
    ListingType: g.listingType,
    ListingName: listingNameToXml(g.listingName),
    ListAddress: g.listAddress,
    Address: g.address && addressInputToXml({ ...g.address, addressType: 'Dlda' }),
  };
}

/** A kept group in the input's terms, for the same rendering as a group sent. */
const keptGroup = (g: DldaGroup): DldaGroupInput => ({
  telephoneNumbers: g.tns.map(formatTn),
  subscriberType: g.subscriberType,
  listingType: g.listingType,
  listingName: g.listingName,
  listAddress: String(g.listAddress),
  address: g.address,
});

const ErrorListXml = x.list(
  'Error',
  x.object({ Code: x.text(), Description: x.text(), TelephoneNumber: x.text() }),
);

const ORDER_FIELDS = {
  CustomerOrderId: x.text(),
  OrderCreateDate: x.text(),
  AccountId: x.text(),
  CreatedByUser: x.text(),
  OrderId: x.text(),
  LastModifiedDate: x.text(),
  ErrorList: ErrorListXml,
  ProcessingStatus: x.text(),
  DldaTnGroups: x.list('DldaTnGroup', GroupOutXml),
};

export const DldaOrderXml = x.root('DldaOrderResponse', { DldaOrder: x.object(ORDER_FIELDS) });

const errorsOf = (d: DldaDetails) =>
  (d.errors ?? []).map((e) => ({ Code: e.code, Description: e.description, TelephoneNumber: e.tn }));

export function dldaOrderToXml(o: DldaOrder): RootOut<typeof DldaOrderXml> {
  return {
    DldaOrder: {
      CustomerOrderId: o.customerOrderId,
      OrderCreateDate: o.createdAt,
      AccountId: o.accountId,
      CreatedByUser: o.createdBy,
      OrderId: o.id,
      LastModifiedDate: o.updatedAt,
      ErrorList: errorsOf(o.details),
      ProcessingStatus: o.status,
      DldaTnGroups: o.details.groups.map((g) => groupToXml(keptGroup(g))),
    },
  };
}

/** GET /dldas: `ResponseSelectWrapper/ListOrderIdUserIdDate` entries with OrderType `dlda`. */
export const DldaListXml = x.root('ResponseSelectWrapper', {
  ListOrderIdUserIdDate: x.object({
    TotalCount: x.text(),
    OrderIdUserIdDate: x.repeated(
      x.object({
        accountId: x.text(),
        CountOfTNs: x.text(),
        userId: x.text(),
        lastModifiedDate: x.text(),
        OrderType: x.text(),
        OrderDate: x.text(),
        orderId: x.text(),
        OrderStatus: x.text(),
      }),
    ),
  }),
});

export function dldaListToXml(page: OrderPage<DldaDetails>, accountId: string): RootOut<typeof DldaListXml> {
  return {
    ListOrderIdUserIdDate: {
      TotalCount: page.total,
      OrderIdUserIdDate: page.entries.map((s) => ({
        accountId,
        CountOfTNs: s.quantity,
        userId: s.createdBy,
        lastModifiedDate: s.updatedAt,
        OrderType: 'dlda',
        OrderDate: s.createdAt,
        orderId: s.id,
        OrderStatus: s.status,
      })),
    },
  };
}

const RejectedXml = x.root('DldaOrderResponse', {
  ResponseStatus: x.object({ ErrorCode: x.text(), Description: x.text() }),
  DldaOrder: x.object({
    CustomerOrderId: x.text(),
    OrderCreateDate: x.text(),
    AccountId: x.text(),
    CreatedByUser: x.text(),
    LastModifiedDate: x.text(),
    ErrorList: ErrorListXml,
    ProcessingStatus: x.text(),
    DldaTnGroups: x.list('DldaTnGroup', GroupOutXml),
  }),
});

/** 400 16104 of POST: the numbers none of which could be listed, the order as sent, FAILED. */
export function dldaRejectedToXml(
  err: NoNumbersToList,
  sent: RootIn<typeof DldaRequestXml>,
  who: { accountId: string; userId: string; now: string },
): string {
  return encodeXml(RejectedXml, {
    ResponseStatus: { ErrorCode: err.code, Description: err.description },
    DldaOrder: {
      CustomerOrderId: sent.CustomerOrderId,
      OrderCreateDate: who.now,
      AccountId: who.accountId,
      CreatedByUser: who.userId,
      LastModifiedDate: who.now,
      ErrorList: err.errors.map((e) => ({ Code: e.code, Description: e.description, TelephoneNumber: e.tn })),
      ProcessingStatus: 'FAILED',
      DldaTnGroups: (sent.DldaTnGroups ?? []).map((g) => groupToXml(groupInputOf(g))),
    },
  });
}

const StatusXml = x.root('DldaOrderResponse', {
  ResponseStatus: x.object({ ErrorCode: x.text(), Description: x.text() }),
});
const NotFoundXml = x.root('DldaOrderResponse', { ResponseStatus: x.object({ Description: x.text() }) });

/** 404 as documented (no code); anything else `ResponseStatus{ErrorCode, Description}`. */
export const dldaErrorShape: ErrorShape = (err) =>
  err.status === 404
    ? encodeXml(NotFoundXml, { ResponseStatus: { Description: 'The resource does not exist' } })
    : encodeXml(StatusXml, { ResponseStatus: { ErrorCode: err.code, Description: err.description } });
