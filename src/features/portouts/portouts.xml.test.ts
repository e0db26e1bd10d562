import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { notation, shapeOf } from '../../../test/support/xml-shape.js';
import { encodeXml } from '../../platform/xml/encode.js';
import type { OrderPage } from '../orders-common/index.js';
import type { PortOutDetails } from './portouts.kind.js';
import { portOutListToXml, PortOutListXml, portOutToXml, PortOutXml } from './portouts.xml.js';
import { validationRequestXml, verdictOf } from './validation-call.js';

/**
 * The port-out payloads against the contract (rows 49, 50, 144): one port-out, the list, and the
 * validation request; and how a validation answer is read.
 */
const details: PortOutDetails = {
  spid: '512E',
  requestedFocDate: '2014-08-04',
  actualFocDate: '2014-08-04',
  source: 'lsr',
  validation: { pin: '1234', accountNumber: 'A1', zipCode: '27601', subscriberName: 'Acme' },
  round: 0,
};
const shape = (xml: string) => notation(shapeOf(xml));

describe('port-out XML (contract rows 49, 50, 144)', () => {
  it('answers GET /portouts/{id} with the LnpOrderResponse of row 50', () => {
    const xml = encodeXml(
      PortOutXml,
      portOutToXml({
        order: {
          id: '4299b1ad-aa08-433e-a316-f9219b3450d2',
          accountId: '20',
          status: 'FOC',
          name: 'PON-1',
          customerOrderId: undefined,
          siteId: undefined,
          sipPeerId: undefined,
          quantity: 1,
          details,
          createdBy: 'System',
          createdAt: '2014-07-31T16:34:37.480Z',
          updatedAt: '2014-07-31T16:34:37.530Z',
          completedAt: undefined,
        },
        tns: [9195551234],
      }),
    );
    assert.equal(
      shape(xml),
      'LnpOrderResponse{RequestedFocDate, ActualFocDate, PON, AccountId, OrderCreateDate, LastModifiedDate, userId, PortOutStatus, SPID}',
    );
    assert.match(xml, /<RequestedFocDate>2014-08-04T13:00:00.000Z<\/RequestedFocDate>/);
  });

  it('lists lnpPortInfoForGivenStatus entries as row 49 does, OrderType port_out', () => {
    const page: OrderPage<PortOutDetails> = {
      total: 1,
      nextId: undefined,
      entries: [
        {
          id: '4299b1ad-aa08-433e-a316-f9219b3450d2',
          status: 'NEW',
          customerOrderId: undefined,
          name: 'PON-1',
          createdBy: 'System',
          createdAt: '2014-07-31T16:34:37.480Z',
          updatedAt: '2014-07-31T16:34:37.530Z',
          quantity: 1,
          details,
          countOfTns: 1,
          numbers: { states: [], rateCenters: [], cities: [], tiers: [], vendors: [] },
        },
      ],
    };
    const xml = encodeXml(PortOutListXml, portOutListToXml(page, { first: 'Link=<x>;rel="first";' }));
    assert.equal(
      shape(xml),
      'LNPResponseWrapper{TotalCount, Links{first}, lnpPortInfoForGivenStatus{CountOfTNs, userId, OrderId, OrderType, lastModifiedDate, ErrorCode, ErrorMessage, OrderDate, ProcessingStatus, RequestedFOCDate, VendorId}}',
    );
    assert.match(xml, /<OrderType>port_out<\/OrderType>/);
    assert.match(xml, /<ErrorCode>201<\/ErrorCode>/);
    assert.match(xml, /<VendorId>512E<\/VendorId>/);
  });

  it('asks the validation endpoint with the PortOutValidationRequest of row 144', () => {
    assert.equal(
      shape(validationRequestXml('PON-1', details.validation, [9195551234, 9195551235])),
      'PortOutValidationRequest{PON, Pin, AccountNumber, ZipCode, SubscriberName, TelephoneNumbers{TelephoneNumber+}}',
    );
  });

  it('reads the answer as documented: only Portable=false with recognised codes refuses', () => {
    const answered = (body: string, statusCode = 200) => verdictOf({ outcome: 'answered', statusCode, body });
    const refusal = answered(
      '<PortOutValidationResponse><Portable>false</Portable><PON>p</PON><Errors><Error><Code>7511</Code><Description>Invalid Account Code</Description></Error><Error><Code>4242</Code></Error></Errors><AcceptableValues><AccountNumber>A9</AccountNumber><TelephoneNumbers><TelephoneNumber>9195551234</TelephoneNumber></TelephoneNumbers></AcceptableValues></PortOutValidationResponse>',
    );
    assert.equal(refusal.approved, false);
    assert.deepEqual(!refusal.approved && refusal.errors.map((e) => [e.code, e.description]), [
      [7511, 'Invalid Account Code. Acceptable values: AccountNumber A9, TelephoneNumbers 9195551234'],
    ]);
    assert.equal(
      answered('<PortOutValidationResponse><Portable>TRUE</Portable></PortOutValidationResponse>').approved,
      true,
    );
    assert.equal(
      answered('<PortOutValidationResponse><Portable>maybe</Portable></PortOutValidationResponse>').approved,
      true,
    );
    assert.equal(
      answered('<PortOutValidationResponse><Portable>false</Portable></PortOutValidationResponse>', 503)
        .approved,
      true,
    );
    assert.equal(verdictOf({ outcome: 'timed-out' }).approved, true);
    // A call this system could not make is not the owner's answer: refused with the internal error.
    const ours = verdictOf({ outcome: 'not-sent', error: 'secret cannot be opened' });
    assert.deepEqual(!ours.approved && ours.errors.map((e) => e.code), [17008]);
    assert.equal(verdictOf({ outcome: 'unreachable', error: 'ECONNREFUSED' }).approved, true);
  });
});
