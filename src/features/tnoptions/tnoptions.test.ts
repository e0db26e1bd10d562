import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  at,
  DEMO,
  errorCode,
  idFromLocation,
  startHarness,
  type Harness,
} from '../../../test/support/harness.js';
import { inService } from '../../../test/support/porting-out.js';

/**
 * TN-option orders through HTTP (rows 70–73): the options take effect on each number in service on
 * the account (read back on the SIP-peer number and tndetails), the others are per-number errors;
 * every value rule with its code; lists, the tn filter, history and the documented 404.
 */
const A = `/api/accounts/${DEMO.accountId}`;
const PEER = `${A}/sites/1/sippeers`;

const group = (options: string, tns: readonly (number | string)[]) =>
  `<TnOptionGroup>${options}<TelephoneNumbers>${tns.map((t) => `<TelephoneNumber>${t}</TelephoneNumber>`).join('')}</TelephoneNumbers></TnOptionGroup>`;
const order = (...groups: string[]) =>
  `<TnOptionOrder><CustomerOrderId>opts-1</CustomerOrderId><TnOptionGroups>${groups.join('')}</TnOptionGroups></TnOptionOrder>`;

describe('TN-option orders', () => {
  let h: Harness;
  let peerId = '';
  before(async () => {
    h = await startHarness({ inventory: 2000, env: { LOG_LEVEL: 'error' } });
    const peers = await h.get(PEER);
    peerId = String(at(peers.xml, 'TNSipPeersResponse', 'SipPeers', 'SipPeer', 'PeerId'));
  });
  after(() => h.close());

  it('changes the options of each number in service on the account; the others are per-number errors (PARTIAL)', async () => {
    const [a = 0, b = 0, c = 0] = await inService(h, 3);
    const res = await h.post(
      `${A}/tnoptions`,
      order(
        group(
          '<NumberFormat>10digit</NumberFormat><RPIDFormat>E164</RPIDFormat><RewriteUser>alice</RewriteUser>' +
            '<CallForward>9195550100</CallForward><CallingNameDisplay>on</CallingNameDisplay><Protected>true</Protected><Sms>on</Sms>',
          [a, b],
        ),
        group(
          '<CallingNameDisplay>off</CallingNameDisplay><FinalDestinationURI>alice@10.0.0.1:5060</FinalDestinationURI>',
          [c, '9195550199'],
        ),
      ),
    );
    assert.equal(res.status, 201, res.body);
    const id = idFromLocation(res);
    assert.equal(at(res.xml, 'TnOptionOrderResponse', 'TnOptionOrder', 'ProcessingStatus'), 'RECEIVED');
    assert.equal(at(res.xml, 'TnOptionOrderResponse', 'TnOptionOrder', 'OrderId'), id);
    await h.drain();
    const got = await h.get(`${A}/tnoptions/${id}`);
    assert.equal(at(got.xml, 'TnOptionOrder', 'ProcessingStatus'), 'PARTIAL');
    const error = at(got.xml, 'TnOptionOrder', 'ErrorList', 'Error') as Record<string, string>;
    assert.equal(error.TelephoneNumber, '9195550199');
    assert.equal(error.Code, '5071');
    assert.match(
      got.body,
      /<TnOptionGroup><NumberFormat>10digit<\/NumberFormat><RPIDFormat>e164<\/RPIDFormat>/,
    );

    const one = await h.get(`${PEER}/${peerId}/tns/${a}`);
    assert.match(
      one.body,
      /<NumberFormat>10digit<\/NumberFormat><RPIDFormat>e164<\/RPIDFormat><RewriteUser>alice<\/RewriteUser><CallForward>9195550100<\/CallForward><CallingNameDisplay>true<\/CallingNameDisplay><TnAttributes><TnAttribute>Protected<\/TnAttribute><\/TnAttributes><MessagingSettings><SmsEnabled>true<\/SmsEnabled><\/MessagingSettings>/,
    );
    const details = await h.get(`/api/tns/${a}/tndetails`);
    assert.match(
      details.body,
      /<MessagingSettings><SmsEnabled>true<\/SmsEnabled><\/MessagingSettings><TnAttributes>/,
    );
    const third = await h.get(`${PEER}/${peerId}/tns/${c}`);
    assert.equal(
      at(third.xml, 'SipPeerTelephoneNumberResponse', 'SipPeerTelephoneNumber', 'CallingNameDisplay'),
      'false',
    );

    // systemdefault removes a setting, unchanged (or absent) keeps the rest.
    const reset = await h.post(
      `${A}/tnoptions`,
      order(group('<CallForward>systemdefault</CallForward><Sms>unchanged</Sms>', [a])),
    );
    assert.equal(reset.status, 201, reset.body);
    await h.drain();
    const after = await h.get(`${PEER}/${peerId}/tns/${a}`);
    assert.equal(
      at(after.xml, 'SipPeerTelephoneNumberResponse', 'SipPeerTelephoneNumber', 'CallForward'),
      undefined,
    );
    assert.equal(
      at(after.xml, 'SipPeerTelephoneNumberResponse', 'SipPeerTelephoneNumber', 'RewriteUser'),
      'alice',
    );
    assert.equal(
      at((await h.get(`${A}/tnoptions/${idFromLocation(reset)}`)).xml, 'TnOptionOrder', 'ProcessingStatus'),
      'COMPLETE',
    );

    const history = await h.get(`${A}/tnoptions/${id}/history`);
    const statuses = (at(history.xml, 'OrderHistoryWrapper', 'OrderHistory') as Record<string, string>[]).map(
      (e) => e.Status,
    );
    assert.deepEqual(statuses, ['RECEIVED', 'PROCESSING', 'PARTIAL']);
  });

  it('refuses each bad value with its code, in TnOptionOrderResponse/ResponseStatus', async () => {
    const [tn = 0] = await inService(h, 1);
    const cases: [string, string][] = [
      [order(group('<NumberFormat>9digit</NumberFormat>', [tn])), '5081'],
      [order(group('<RPIDFormat>x</RPIDFormat>', [tn])), '5089'],
      [order(group('<RewriteUser>has space</RewriteUser>', [tn])), '5082'],
      [order(group('<CallForward>12345</CallForward>', [tn])), '5080'],
      [order(group('<CallingNameDisplay>maybe</CallingNameDisplay>', [tn])), '5079'],
      [order(group('<Sms>systemdefault</Sms>', [tn])), '5113'],
      [order(group('<FinalDestinationURI>not a uri</FinalDestinationURI>', [tn])), '5122'],
      [order(group('<FinalDestinationURI>a@300.1.1.1</FinalDestinationURI>', [tn])), '5119'],
      [order(group('<Protected>maybe</Protected>', [tn])), '5102'],
      [order(group('<Sms>on</Sms>', [tn, tn])), '5093'],
      [order(group('<Sms>on</Sms>', ['12345'])), '5070'],
      [order(), '5077'],
    ];
    for (const [body, code] of cases) {
      const res = await h.post(`${A}/tnoptions`, body);
      assert.equal(res.status, 400, body);
      assert.equal(errorCode(res), code, body);
      assert.match(res.body, /^<\?xml[^>]*\?><TnOptionOrderResponse><ResponseStatus><ErrorCode>/);
    }
    // A forward to the number itself is that number's error, not the order's.
    const self = await h.post(`${A}/tnoptions`, order(group(`<CallForward>${tn}</CallForward>`, [tn])));
    await h.drain();
    const got = await h.get(`${A}/tnoptions/${idFromLocation(self)}`);
    assert.equal(at(got.xml, 'TnOptionOrder', 'ProcessingStatus'), 'FAILED');
    assert.equal(at(got.xml, 'TnOptionOrder', 'ErrorList', 'Error', 'Code'), '5088');
  });

  it('lists summaries or whole orders, by number, and answers an unknown id as documented', async () => {
    const [tn = 0] = await inService(h, 1);
    const res = await h.post(`${A}/tnoptions`, order(group('<Sms>off</Sms>', [tn])));
    const id = idFromLocation(res);
    await h.drain();
    const list = await h.get(`${A}/tnoptions?tn=${tn}`);
    assert.equal(at(list.xml, 'TnOptionOrders', 'TotalCount'), '1');
    assert.equal(at(list.xml, 'TnOptionOrders', 'TnOptionOrderSummary', 'OrderId'), id);
    assert.equal(at(list.xml, 'TnOptionOrders', 'TnOptionOrderSummary', 'OrderType'), 'tn_option');
    const full = await h.get(`${A}/tnoptions?tn=${tn}&orderDetails=true`);
    assert.equal(at(full.xml, 'TnOptionOrders', 'TnOptionOrder', 'ProcessingStatus'), 'COMPLETE');
    assert.equal((await h.get(`${A}/tnoptions?status=COMPLETE`)).status, 200);
    const missing = await h.get(`${A}/tnoptions/00000000-0000-4000-8000-000000000000`);
    assert.equal(missing.status, 404);
    assert.match(
      missing.body,
      /<TnOptionOrderReportResponse><ResponseStatus><Description>The resource does not exist<\/Description><\/ResponseStatus><\/TnOptionOrderReportResponse>$/,
    );
  });
});

describe('line-option orders (row 74)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ inventory: 2000, env: { LOG_LEVEL: 'error' } });
  });
  after(() => h.close());

  const line = (tn: number | string, options: string) =>
    `<TnLineOptions><TelephoneNumber>${tn}</TelephoneNumber>${options}</TnLineOptions>`;

  it('changes each number at once, answering the numbers done and each refusal with its code', async () => {
    const [a = 0, b = 0] = await inService(h, 2);
    const res = await h.post(
      `${A}/lineOptionOrders`,
      `<LineOptionOrder>${line(a, '<CallingNameDisplay>on</CallingNameDisplay><NumberFormat>unchanged</NumberFormat><RPIDFormat>systemdefault</RPIDFormat><RewriteUser>Antonio</RewriteUser><CallForward>2033018394</CallForward><Protected>true</Protected><Sms>on</Sms>')}${line(b, '<NumberFormat>9digit</NumberFormat>')}${line(a, '<Sms>off</Sms>')}${line('9195550199', '<Sms>on</Sms>')}</LineOptionOrder>`,
    );
    assert.equal(res.status, 200, res.body);
    assert.match(
      res.body,
      new RegExp(
        `^<\\?xml[^>]*\\?><LineOptionOrderResponse><LineOptions><AccountId>${DEMO.accountId}</AccountId><CompletedNumbers><TelephoneNumber>${a}</TelephoneNumber></CompletedNumbers><Errors><Error><TelephoneNumber>${b}</TelephoneNumber><ErrorCode>5081</ErrorCode>`,
      ),
    );
    const codes = (
      at(res.xml, 'LineOptionOrderResponse', 'LineOptions', 'Errors', 'Error') as Record<string, string>[]
    ).map((e) => e.ErrorCode);
    assert.deepEqual(codes, ['5081', '5072', '5071']);
    const peers = await h.get(PEER);
    const peerId = String(at(peers.xml, 'TNSipPeersResponse', 'SipPeers', 'SipPeer', 'PeerId'));
    const one = await h.get(`${PEER}/${peerId}/tns/${a}`);
    assert.match(
      one.body,
      /<RewriteUser>Antonio<\/RewriteUser><CallForward>2033018394<\/CallForward><CallingNameDisplay>true<\/CallingNameDisplay>/,
    );

    const none = await h.post(
      `${A}/lineOptionOrders`,
      `<LineOptionOrder>${line('9195550199', '<Sms>on</Sms>')}</LineOptionOrder>`,
    );
    assert.equal(none.status, 400);
    assert.match(
      none.body,
      /<LineOptionOrderResponse><ResponseStatus><Description>Validation Failed\. Please check your input parameters\.<\/Description><\/ResponseStatus><LineOptions>/,
    );
  });
});
