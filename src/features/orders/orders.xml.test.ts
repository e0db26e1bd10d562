import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiError } from '../../platform/http/api-error.js';
import { decodeXml, parseXmlDocument } from '../../platform/xml/parse.js';
import { encodeXml } from '../../platform/xml/encode.js';
import type { Coverage } from '../../shared/coverage.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { notation, shapeOf } from '../../../test/support/xml-shape.js';
import { loadCoverage } from '../coverage/index.js';
import { NEW_NUMBER_ORDERS, type NewNumberOrder } from './orders.kind.js';
import { OrderErrors } from './orders.errors.js';
import { validateNewOrder, type NewOrderInput } from './orders.service.js';
import {
  createdToXml,
  newOrderInputOf,
  OrderCreatedXml,
  OrderRejectedXml,
  OrderRequestXml,
  OrderResponseXml,
  orderToXml,
  rejectedToXml,
} from './orders.xml.js';

/**
 * The new-number order codec on the contract's examples (op 7, R18's six requests; ops 7 and 8's
 * responses): each request decodes to our input, is accepted by the order rules, and its 201 echo
 * decodes back to the same input; the responses have the contract's elements in its order.
 */
const common = (type: string, extra = '') =>
  `<Order><CustomerOrderId>123456789</CustomerOrderId><Name>Codec order</Name>${extra}${type}<PartialAllowed>true</PartialAllowed><SiteId>1</SiteId></Order>`;
const backorder = '<BackOrderRequested>false</BackOrderRequested>';

const REQUESTS: Record<string, string> = {
  'AreaCodeSearchAndOrderType{AreaCode, Quantity}': common(
    '<AreaCodeSearchAndOrderType><AreaCode>919</AreaCode><Quantity>2</Quantity></AreaCodeSearchAndOrderType>',
    backorder,
  ),
  'NPANXXSearchAndOrderType{NpaNxx, EnableTNDetail, EnableLCA, Quantity}': common(
    '<NPANXXSearchAndOrderType><NpaNxx>919212</NpaNxx><EnableTNDetail>true</EnableTNDetail><EnableLCA>false</EnableLCA><Quantity>1</Quantity></NPANXXSearchAndOrderType>',
    backorder,
  ),
  'CombinedSearchAndOrderType{NpaNxx, City, State, EnableLCA, Quantity}': common(
    '<CombinedSearchAndOrderType><NpaNxx>919212</NpaNxx><City>RALEIGH</City><State>NC</State><EnableLCA>false</EnableLCA><Quantity>1</Quantity></CombinedSearchAndOrderType>',
    backorder,
  ),
  'CombinedSearchAndOrderType{AreaCode, LocalVanity, Quantity}':
    '<Order><CustomerOrderId>123456789</CustomerOrderId><Name>Codec order</Name><CombinedSearchAndOrderType><AreaCode>919</AreaCode><LocalVanity>PIZZA</LocalVanity><Quantity>1</Quantity></CombinedSearchAndOrderType><SiteId>1</SiteId></Order>',
  'ExistingTelephoneNumberOrderType{TelephoneNumberList{TelephoneNumber+}, ReservationIdList{ReservationId+}}':
    '<Order><CustomerOrderId>123456789</CustomerOrderId><Name>Codec order</Name><ExistingTelephoneNumberOrderType><TelephoneNumberList><TelephoneNumber>9192120000</TelephoneNumber><TelephoneNumber>9192120001</TelephoneNumber></TelephoneNumberList><ReservationIdList><ReservationId>0b8ad2c6-0b8e-4a40-9cfd-0e8b4a1d2a10</ReservationId><ReservationId>1b8ad2c6-0b8e-4a40-9cfd-0e8b4a1d2a10</ReservationId></ReservationIdList></ExistingTelephoneNumberOrderType><SiteId>1</SiteId></Order>',
  'CombinedSearchAndOrderType with TnAttributes{TnAttribute}': common(
    '<CombinedSearchAndOrderType><NpaNxx>919212</NpaNxx><City>RALEIGH</City><State>NC</State><EnableLCA>false</EnableLCA><Quantity>1</Quantity></CombinedSearchAndOrderType><TnAttributes><TnAttribute>Protected</TnAttribute></TnAttributes>',
    backorder,
  ),
};

function decodeRequest(xml: string): NewOrderInput {
  const body = decodeXml(OrderRequestXml, parseXmlDocument(xml));
  assert.ok(body);
  return newOrderInputOf(body);
}

/** The order as accepted, as createOrder stores it (ids and times fixed). */
function accepted(input: NewOrderInput, cov: Coverage): NewNumberOrder {
  const valid = validateNewOrder(input, cov);
  return {
    id: '6d2d2a3b-8a0c-4f7e-9b1a-2f3c4d5e6f70',
    accountId: '9900000',
    status: NEW_NUMBER_ORDERS.machine.initial,
    name: valid.name,
    customerOrderId: valid.customerOrderId,
    siteId: valid.siteId,
    sipPeerId: valid.peerId ?? 2,
    quantity: valid.quantity,
    details: valid.details,
    createdBy: 'demo',
    createdAt: '2026-12-01T12:00:00.000Z',
    updatedAt: '2026-12-01T12:00:00.000Z',
    completedAt: undefined,
  };
}

/** The `<Order>` element of a response, as a request document again. */
function echoedOrder(responseXml: string): string {
  const m = /<Order>.*<\/Order>/s.exec(responseXml);
  assert.ok(m, 'no <Order> echo');
  return m[0];
}

describe('new-number order XML codec (contract examples)', () => {
  let test: TestDatabase;
  let cov: Coverage;
  before(async () => {
    test = await createTestDatabase({ referenceData: true });
    cov = await loadCoverage(test.database);
  });
  after(async () => test.drop());

  for (const [label, xml] of Object.entries(REQUESTS)) {
    it(`round-trips ${label}`, () => {
      const input = decodeRequest(xml);
      assert.equal(input.orderTypes.length, 1);
      assert.equal(input.name, 'Codec order');
      assert.equal(input.siteId, '1');
      const order = accepted(input, cov);
      const created = encodeXml(OrderCreatedXml, createdToXml(order));
      // 201: the request echoed with id and OrderCreateDate (and the peer, as GET shows it), then the status.
      const typeElement = shapeOf(xml).children.find((c) => c.name.endsWith('OrderType'));
      assert.ok(typeElement);
      const expected = [
        'CustomerOrderId',
        'id',
        'Name',
        'OrderCreateDate',
        'PeerId',
        'BackOrderRequested',
        typeElement.name,
        ...(order.details.tnAttributes.length ? ['TnAttributes'] : []),
        'PartialAllowed',
        'SiteId',
      ];
      const response = shapeOf(created);
      assert.deepEqual(
        response.children.map((c) => c.name),
        ['Order', 'OrderStatus'],
      );
      const echo = response.children[0]?.children ?? [];
      assert.deepEqual(
        echo.map((c) => c.name),
        expected,
      );
      // The order type's criteria come back whole (in the element's declared order, which for
      // CombinedSearchAndOrderType is not the request's).
      const echoedType = echo.find((c) => c.name === typeElement.name);
      assert.ok(echoedType);
      assert.deepEqual(
        echoedType.children.map((c) => notation(c)).sort(),
        typeElement.children.map((c) => notation(c)).sort(),
      );
      // The echo decodes to the same order type and criteria, and the rules read it the same way.
      const again = decodeRequest(echoedOrder(created));
      assert.deepEqual(again.orderTypes, input.orderTypes);
      assert.deepEqual(accepted(again, cov).details, order.details);
    });
  }

  it('encodes a 400 as ErrorList{Error{Code, Description}} then the order as sent, with OrderCreateDate (op 7)', () => {
    const xml = REQUESTS['AreaCodeSearchAndOrderType{AreaCode, Quantity}'] ?? '';
    const body = decodeXml(OrderRequestXml, parseXmlDocument(xml));
    assert.ok(body);
    const reply = encodeXml(
      OrderRejectedXml,
      rejectedToXml(ApiError.of(OrderErrors.orderSiteInvalid), body, '2026-12-01T12:00:00.000Z'),
    );
    assert.equal(
      notation(shapeOf(reply)),
      'OrderResponse{ErrorList{Error{Code, Description}}, Order{CustomerOrderId, Name, OrderCreateDate, BackOrderRequested, AreaCodeSearchAndOrderType{AreaCode, Quantity}, PartialAllowed, SiteId}}',
    );
  });

  it('encodes GET of a completed order in the contract order (op 8)', () => {
    const order = accepted(
      decodeRequest(REQUESTS['AreaCodeSearchAndOrderType{AreaCode, Quantity}'] ?? ''),
      cov,
    );
    const done = { ...order, status: 'COMPLETE' as const, completedAt: '2026-12-01T12:00:05.000Z' };
    const reply = encodeXml(
      OrderResponseXml,
      orderToXml({
        order: done,
        final: true,
        completed: [{ tn: 9192120000 }, { tn: 9192120001 }],
        failed: [],
      }),
    );
    assert.equal(
      notation(shapeOf(reply)),
      'OrderResponse{CompletedQuantity, CreatedByUser, LastModifiedDate, OrderCompleteDate, Order{CustomerOrderId, id, Name, OrderCreateDate, PeerId, BackOrderRequested, AreaCodeSearchAndOrderType{AreaCode, Quantity}, PartialAllowed, SiteId}, OrderStatus, CompletedNumbers{TelephoneNumber{FullNumber}+}, Summary, FailedQuantity}',
    );
  });
});
