import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../platform/http/api-error.js';
import { encodeXml } from '../../platform/xml/encode.js';
import { decodeXml, parseXmlDocument } from '../../platform/xml/parse.js';
import { notation, shapeOf } from '../../../test/support/xml-shape.js';
import { DisconnectErrors } from './disconnects.errors.js';
import { DISCONNECTS, type DisconnectOrder } from './disconnects.kind.js';
import { validateDisconnect, type DisconnectInput } from './disconnects.service.js';
import {
  createdToXml,
  disconnectInputOf,
  DisconnectRequestXml,
  DisconnectResponseXml,
  disconnectToXml,
  rejectedToXml,
} from './disconnects.xml.js';

/**
 * The disconnect codec on the contract's examples (ops 42 and 43): R18's request and the Node
 * client's (one TelephoneNumberList per number) decode to the same input; the 201 and GET bodies
 * have the contract's elements in its order, and the 201 echo decodes back to the same request.
 */
const R18 =
  '<DisconnectTelephoneNumberOrder><name>Disconnect codec</name><DisconnectTelephoneNumberOrderType><TelephoneNumberList><TelephoneNumber>9192120000</TelephoneNumber><TelephoneNumber>9192120001</TelephoneNumber></TelephoneNumberList><Protected>UNCHANGED</Protected></DisconnectTelephoneNumberOrderType></DisconnectTelephoneNumberOrder>';
const NODE_CLIENT =
  '<DisconnectTelephoneNumberOrder><name>Disconnect codec</name><DisconnectTelephoneNumberOrderType><TelephoneNumberList><TelephoneNumber>9192120000</TelephoneNumber></TelephoneNumberList><TelephoneNumberList><TelephoneNumber>9192120001</TelephoneNumber></TelephoneNumberList><Protected>UNCHANGED</Protected></DisconnectTelephoneNumberOrderType></DisconnectTelephoneNumberOrder>';

function decode(xml: string): DisconnectInput {
  const body = decodeXml(DisconnectRequestXml, parseXmlDocument(xml));
  assert.ok(body);
  return disconnectInputOf(body);
}

function accepted(input: DisconnectInput, customerOrderId = 'cust-1'): DisconnectOrder {
  const valid = validateDisconnect(input);
  return {
    id: '3f1c2b6a-1d2e-4f5a-8b9c-0d1e2f3a4b5c',
    accountId: '9900000',
    status: DISCONNECTS.machine.initial,
    name: valid.name,
    customerOrderId: valid.customerOrderId ?? customerOrderId,
    siteId: undefined,
    sipPeerId: undefined,
    quantity: valid.details.tns.length,
    details: valid.details,
    createdBy: 'demo',
    createdAt: '2026-12-01T12:00:00.000Z',
    updatedAt: '2026-12-01T12:00:00.000Z',
    completedAt: undefined,
  };
}

describe('disconnect XML codec (contract examples)', () => {
  it("decodes R18's request and the Node client's repeated wrappers alike", () => {
    const a = decode(R18);
    assert.deepEqual(a, decode(NODE_CLIENT));
    assert.deepEqual(a.telephoneNumbers, ['9192120000', '9192120001']);
    assert.equal(a.name, 'Disconnect codec');
    assert.equal(a.protected, 'UNCHANGED');
  });

  it('encodes the 201 as the contract shows it, and its echo decodes to the same request', () => {
    const order = accepted(decode(R18));
    const created = encodeXml(DisconnectResponseXml, createdToXml(order));
    assert.equal(
      notation(shapeOf(created)),
      'DisconnectTelephoneNumberOrderResponse{orderRequest{CustomerOrderId, id, OrderCreateDate, DisconnectTelephoneNumberOrderType{TelephoneNumberList{TelephoneNumber+}, DisconnectMode, Protected}}, OrderStatus}',
    );
    const echo = /<DisconnectTelephoneNumberOrderType>.*<\/DisconnectTelephoneNumberOrderType>/s.exec(
      created,
    )?.[0];
    assert.ok(echo);
    const again = decode(
      `<DisconnectTelephoneNumberOrder><name>Disconnect codec</name>${echo}</DisconnectTelephoneNumberOrder>`,
    );
    assert.deepEqual(validateDisconnect(again).details, order.details);
    // Without a CustomerOrderId the element is still there, empty, as R18's 201 shows it.
    const none = encodeXml(DisconnectResponseXml, createdToXml({ ...order, customerOrderId: undefined }));
    assert.match(none, /<orderRequest><CustomerOrderId\/><id>/);
  });

  it('encodes GET of a completed disconnect in the contract order (op 43)', () => {
    const order = { ...accepted(decode(R18)), status: 'COMPLETE' as const };
    const reply = encodeXml(
      DisconnectResponseXml,
      disconnectToXml({ order, disconnected: order.details.tns, failed: [] }),
    );
    assert.equal(
      notation(shapeOf(reply)),
      'DisconnectTelephoneNumberOrderResponse{DisconnectedTelephoneNumberList{TelephoneNumber+}, orderRequest{CustomerOrderId, id, OrderCreateDate, DisconnectTelephoneNumberOrderType{TelephoneNumberList{TelephoneNumber+}, DisconnectMode, Protected}}, OrderStatus}',
    );
  });

  it('encodes per-number failures as ErrorList/Error before the numbers', () => {
    const order = { ...accepted(decode(R18)), status: 'PARTIAL' as const };
    const reply = encodeXml(
      DisconnectResponseXml,
      disconnectToXml({
        order,
        disconnected: [9192120000],
        failed: [
          { tn: 9192120001, outcome: 'failed', errorCode: 5010, errorDescription: 'not on the account' },
        ],
      }),
    );
    assert.match(
      notation(shapeOf(reply)),
      /^DisconnectTelephoneNumberOrderResponse\{ErrorList\{Error\{Code, Description, TelephoneNumber\}\}, DisconnectedTelephoneNumberList/,
    );
  });

  it('encodes a 400 as the error then the order type as sent', () => {
    const body = decodeXml(DisconnectRequestXml, parseXmlDocument(R18));
    assert.ok(body);
    const reply = encodeXml(
      DisconnectResponseXml,
      rejectedToXml(ApiError.of(DisconnectErrors.disconnectProtectedPurge), body),
    );
    assert.equal(
      notation(shapeOf(reply)),
      'DisconnectTelephoneNumberOrderResponse{ErrorList{Error{Code, Description}}, orderRequest{DisconnectTelephoneNumberOrderType{TelephoneNumberList{TelephoneNumber+}, Protected}}}',
    );
  });
});
