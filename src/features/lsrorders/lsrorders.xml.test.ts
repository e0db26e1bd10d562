import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { notation, shapeOf } from '../../../test/support/xml-shape.js';
import { encodeXml } from '../../platform/xml/encode.js';
import { decodeXml, parseXmlDocument } from '../../platform/xml/parse.js';
import type { OrderPage } from '../orders-common/index.js';
import { LsrRejected } from './lsrorders.errors.js';
import { LSR_ORDERS, type LsrDetails } from './lsrorders.kind.js';
import type { LsrOrderView } from './lsrorders.service.js';
import {
  lsrCreatedToXml,
  lsrInputOf,
  lsrListToXml,
  LsrOrderCreatedXml,
  LsrOrderListXml,
  LsrOrderRequestXml,
  lsrOrderToXml,
  LsrOrderUpdatedXml,
  LsrOrderXml,
  lsrRejectedToXml,
  lsrSuppRejectedToXml,
  lsrUpdatedToXml,
} from './lsrorders.xml.js';

/**
 * The LSR order payloads against the contract (rows 51–54): R18's request and the Node client's
 * (one ListOfTelephoneNumbers per number) decode alike, and each answer has the contract's
 * elements in its order.
 */
const R18 = `<LsrOrder><Pon>ATT-011515-324234</Pon><CustomerOrderId>FineCustomerid</CustomerOrderId><SPID>123C</SPID>
<BillingTelephoneNumber>9192381468</BillingTelephoneNumber><RequestedFocDate>2015-11-15</RequestedFocDate>
<AuthorizingPerson>Jim Hopkins</AuthorizingPerson><Subscriber><SubscriberType>BUSINESS</SubscriberType>
<BusinessName>BusinessName</BusinessName><ServiceAddress><HouseNumber>11</HouseNumber><StreetName>Park</StreetName>
<StreetSuffix>Ave</StreetSuffix><City>New York</City><StateCode>NY</StateCode><Zip>90025</Zip></ServiceAddress>
<AccountNumber>123463</AccountNumber><PinNumber>1231</PinNumber></Subscriber><ListOfTelephoneNumbers>
<TelephoneNumber>9192381468</TelephoneNumber><TelephoneNumber>9192381467</TelephoneNumber></ListOfTelephoneNumbers></LsrOrder>`;
const NODE_CLIENT = R18.replace(
  '<TelephoneNumber>9192381468</TelephoneNumber><TelephoneNumber>9192381467</TelephoneNumber></ListOfTelephoneNumbers>',
  '<TelephoneNumber>9192381468</TelephoneNumber></ListOfTelephoneNumbers><ListOfTelephoneNumbers><TelephoneNumber>9192381467</TelephoneNumber></ListOfTelephoneNumbers>',
);

const details: LsrDetails = {
  spid: '123C',
  billingTelephoneNumber: 9192381468,
  requestedFocDate: '2015-11-15',
  actualFocDate: '2015-11-15',
  authorizingPerson: 'Jim Hopkins',
  subscriber: {
    type: 'BUSINESS',
    businessName: 'BusinessName',
    accountNumber: '123463',
    pinNumber: '1231',
    address: {
      houseNumber: '11',
      streetName: 'Park',
      streetSuffix: 'Ave',
      city: 'New York',
      stateCode: 'NY',
      zip: '90025',
      country: 'United States',
    },
  },
  ponVersion: 0,
  errors: [{ code: 7513, description: 'PIN Invalid: 9192381467' }],
};

const view: LsrOrderView = {
  order: {
    id: '00cf7e08-cab0-4515-9a77-2d0a7da09415',
    accountId: '9999999',
    status: 'EXCEPTION',
    name: 'testpon1002',
    customerOrderId: 'MyId5',
    siteId: undefined,
    sipPeerId: undefined,
    quantity: 2,
    details,
    createdBy: 'team_ua',
    createdAt: '2015-03-03T13:54:00.450Z',
    updatedAt: '2015-03-03T14:07:19.926Z',
    completedAt: undefined,
  },
  tns: [9192381467, 9192381468],
};

const SUBSCRIBER =
  'Subscriber{SubscriberType, BusinessName, AccountNumber, PinNumber, ServiceAddress{HouseNumber, StreetName, StreetSuffix, City, StateCode, Zip, Country}}';
const shape = (xml: string) => notation(shapeOf(xml));

describe('LSR order XML (contract rows 51–54)', () => {
  it("decodes R18's request and the Node client's repeated wrappers alike", () => {
    const decode = (xml: string) => {
      const body = decodeXml(LsrOrderRequestXml, parseXmlDocument(xml));
      assert.ok(body);
      return lsrInputOf(body);
    };
    const a = decode(R18);
    assert.deepEqual(a, decode(NODE_CLIENT));
    assert.deepEqual(a.telephoneNumbers, ['9192381468', '9192381467']);
    assert.equal(a.subscriber?.pinNumber, '1231');
    assert.equal(a.subscriber?.address?.zip, '90025');
  });

  it('answers a POST with the 201 body of row 52', () => {
    const created = { ...view, order: { ...view.order, status: LSR_ORDERS.machine.initial } };
    assert.equal(
      shape(encodeXml(LsrOrderCreatedXml, lsrCreatedToXml(created))),
      `LsrOrderResponse{LsrOrder{OrderId, CustomerOrderId, LastModifiedBy, OrderCreateDate, PeerId, AccountId, SPID, LastModifiedDate, SiteId, CreatedByUser, OrderStatus, BillingTelephoneNumber, Pon, PonVersion, RequestedFocDate, AuthorizingPerson, ${SUBSCRIBER}, ListOfTelephoneNumbers{TelephoneNumber+}}}`,
    );
  });

  it('answers a GET with the unwrapped LsrOrder of row 53, errors and count last', () => {
    assert.equal(
      shape(encodeXml(LsrOrderXml, lsrOrderToXml(view))),
      'LsrOrder{CustomerOrderId, LastModifiedBy, OrderCreateDate, AccountId, OrderId, LastModifiedDate, OrderStatus, SPID, BillingTelephoneNumber, Pon, PonVersion, RequestedFocDate, AuthorizingPerson, Subscriber{SubscriberType, BusinessName, AccountNumber, PinNumber, ServiceAddress{HouseNumber, StreetName, StreetSuffix, City, StateCode, Zip}}, ListOfTelephoneNumbers{TelephoneNumber+}, LsrOrderErrors{LsrOrderError{Code, Description}}, CountOfTNs}',
    );
  });

  it("answers a PUT with row 54's 200 (an empty LsrOrderErrors) and 400 bodies", () => {
    const clean = {
      ...view,
      order: { ...view.order, status: 'PENDING' as const, details: { ...details, errors: undefined } },
    };
    assert.equal(
      shape(encodeXml(LsrOrderUpdatedXml, lsrUpdatedToXml(clean))),
      'LsrOrderResponse{LsrOrder{CustomerOrderId, LastModifiedBy, OrderCreateDate, AccountId, OrderId, LastModifiedDate, OrderStatus, SPID, BillingTelephoneNumber, Pon, PonVersion, RequestedFocDate, AuthorizingPerson, Subscriber{SubscriberType, BusinessName, AccountNumber, PinNumber, ServiceAddress{HouseNumber, StreetName, StreetSuffix, City, StateCode, Zip}}, ListOfTelephoneNumbers{TelephoneNumber+}, LsrOrderErrors, CountOfTNs}}',
    );
    const rejected = new LsrRejected([
      { code: 17023, description: 'The authorizing person contact is required for lsr orders.' },
      {
        code: 17020,
        description: 'Account SPID [1234] does not match with SPID specified in the Lsr order [123C].',
      },
    ]);
    assert.equal(
      shape(lsrSuppRejectedToXml(rejected, view)),
      'LsrOrderResponse{ResponseStatus{ErrorCode, Description}, LsrOrderErrors{LsrOrderError{Code, Description}+}, LsrOrder{CountOfTNs, OrderId, OrderStatus, AuthorizingPerson, SPID, BillingTelephoneNumber, Pon, PonVersion, RequestedFocDate, Subscriber{SubscriberType, BusinessName, AccountNumber, PinNumber, ServiceAddress{HouseNumber, StreetName, StreetSuffix, City, StateCode, Zip, Country, AddressType}}, ListOfTelephoneNumbers{TelephoneNumber+}, LastModifiedBy, OrderCreateDate, AccountId, CreatedByUser, CustomerOrderId, LastModifiedDate}}',
    );
  });

  it("answers a refused POST with row 52's 400: the errors, then the order as sent, FAILED", () => {
    const decoded = decodeXml(LsrOrderRequestXml, parseXmlDocument(R18));
    assert.ok(decoded);
    const body = lsrRejectedToXml(
      new LsrRejected([{ code: 7324, description: 'too long' }]),
      lsrInputOf(decoded),
      {
        accountId: '9999999',
        userId: 'team_ua',
        at: '2015-02-06T12:57:45.607Z',
      },
    );
    assert.equal(
      shape(body),
      `LsrOrderResponse{ResponseStatus{ErrorCode, Description}, LsrOrderErrors{LsrOrderError{Code, Description}}, LsrOrder{CustomerOrderId, LastModifiedBy, OrderCreateDate, AccountId, CreatedByUser, OrderStatus, BillingTelephoneNumber, Pon, AuthorizingPerson, ${SUBSCRIBER}, ListOfTelephoneNumbers{TelephoneNumber+}}}`,
    );
    assert.match(body, /<OrderStatus>FAILED<\/OrderStatus>/);
  });

  it("lists summaries as R18's example orders them (Errors after OrderStatus)", () => {
    const page: OrderPage<LsrDetails> = {
      total: 1,
      nextId: undefined,
      entries: [
        {
          id: view.order.id,
          status: 'FAILED',
          customerOrderId: 'MyId5',
          name: 'testpon1002',
          createdBy: 'team_ua',
          createdAt: view.order.createdAt,
          updatedAt: view.order.updatedAt,
          quantity: 2,
          details,
          countOfTns: 2,
          numbers: { states: [], rateCenters: [], cities: [], tiers: [], vendors: [] },
        },
      ],
    };
    assert.equal(
      shape(encodeXml(LsrOrderListXml, lsrListToXml(page, '9999999'))),
      'LsrOrders{TotalCount, LsrOrderSummary{accountId, CountOfTNs, CustomerOrderId, userId, lastModifiedDate, OrderType, OrderDate, OrderStatus, Errors{Error{Code, Description}}, ActualFocDate, BillingTelephoneNumber, CreatedByUser, OrderId, Pon, PonVersion, RequestedFocDate}}',
    );
  });
});
