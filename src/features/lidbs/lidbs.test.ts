import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, DEMO, idFromLocation, startHarness, type Harness } from '../../../test/support/harness.js';
import { inService } from '../../../test/support/porting-out.js';

/**
 * LIDB orders through HTTP (rows 58–60): caller names set on the account's numbers (shown on
 * tndetails, counted by the SIP peer's totaltns), refused numbers inside the 201, every rule with its
 * code, the list by number, the documented 404, and a disconnected number losing its caller name.
 */
const A = `/api/accounts/${DEMO.accountId}`;

const lidb = (
  tns: readonly (number | string)[],
  info = 'Acme Corp',
  useType = 'BUSINESS',
  visibility = 'PUBLIC',
) =>
  `<LidbOrder><CustomerOrderId>lidb-1</CustomerOrderId><LidbTnGroups><LidbTnGroup><TelephoneNumbers>${tns
    .map((t) => `<TelephoneNumber>${t}</TelephoneNumber>`)
    .join(
      '',
    )}</TelephoneNumbers><SubscriberInformation>${info}</SubscriberInformation><UseType>${useType}</UseType><Visibility>${visibility}</Visibility></LidbTnGroup></LidbTnGroups></LidbOrder>`;

describe('LIDB orders', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ inventory: 2000, env: { LOG_LEVEL: 'error' } });
  });
  after(() => h.close());

  it("sets the caller name of the account's numbers; the others are listed in the 201 (PARTIAL)", async () => {
    const [a = 0, b = 0] = await inService(h, 2);
    const res = await h.post(`${A}/lidbs`, lidb([a, b, '8005551234', '9195550199']));
    assert.equal(res.status, 201, res.body);
    const id = idFromLocation(res);
    assert.equal(at(res.xml, 'LidbOrderResponse', 'LidbOrder', 'orderId'), id);
    assert.equal(at(res.xml, 'LidbOrderResponse', 'LidbOrder', 'ProcessingStatus'), 'RECEIVED');
    const refused = (
      at(res.xml, 'LidbOrderResponse', 'LidbOrder', 'ErrorList', 'Error') as Record<string, string>[]
    ).map((e) => [e.TelephoneNumber, e.Code]);
    assert.deepEqual(refused, [
      ['8005551234', '11015'],
      ['9195550199', '11025'],
    ]);
    await h.drain();
    const got = await h.get(`${A}/lidbs/${id}`);
    assert.equal(at(got.xml, 'LidbOrder', 'ProcessingStatus'), 'PARTIAL');
    assert.match(got.body, /^<\?xml[^>]*\?><LidbOrder><CustomerOrderId>lidb-1<\/CustomerOrderId><orderId>/);
    const details = await h.get(`/api/tns/${a}/tndetails`);
    assert.match(
      details.body,
      /<Features><Lidb><Status>Success<\/Status><SubscriberInformation>Acme Corp<\/SubscriberInformation><UseType>BUSINESS<\/UseType><Visibility>PUBLIC<\/Visibility><\/Lidb><\/Features>/,
    );
    const peers = await h.get(`${A}/sites/1/sippeers`);
    const peerId = String(at(peers.xml, 'TNSipPeersResponse', 'SipPeers', 'SipPeer', 'PeerId'));
    const counts = await h.get(`${A}/sites/1/sippeers/${peerId}/totaltns?feature=LIDB`);
    assert.equal(
      at(counts.xml, 'SipPeerTelephoneNumbersCountResponse', 'SipPeerTelephoneNumbersCount', 'LidbCount'),
      '2',
    );
    assert.equal(
      at(
        counts.xml,
        'SipPeerTelephoneNumbersCountResponse',
        'SipPeerTelephoneNumbersCount',
        'SipPeerTelephoneNumbersCount',
      ),
      '2',
    );
    const list = await h.get(`${A}/lidbs?tn=${a}`);
    assert.equal(at(list.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'TotalCount'), '1');
    assert.equal(
      at(list.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'OrderIdUserIdDate', 'OrderType'),
      'lidb',
    );

    // A disconnected number loses its caller name.
    const disconnect = await h.post(
      `${A}/disconnects`,
      `<DisconnectTelephoneNumberOrder><DisconnectTelephoneNumberOrderType><TelephoneNumberList><TelephoneNumber>${b}</TelephoneNumber></TelephoneNumberList></DisconnectTelephoneNumberOrderType></DisconnectTelephoneNumberOrder>`,
    );
    assert.equal(disconnect.status, 201);
    await h.drain();
    const after = await h.get(`${A}/sites/1/sippeers/${peerId}/totaltns`);
    assert.equal(
      at(after.xml, 'SipPeerTelephoneNumbersCountResponse', 'SipPeerTelephoneNumbersCount', 'LidbCount'),
      '1',
    );
  });

  it('refuses a bad caller name with its code, in LidbOrderResponse/Status', async () => {
    const [tn = 0] = await inService(h, 1);
    const cases: [string, string][] = [
      [lidb([tn], 'A name far too long'), '11005'],
      [lidb([tn], 'Acme', 'NOPE'), '11006'],
      [lidb([tn], 'Acme', 'BUSINESS', 'HIDDEN'), '11007'],
    ];
    for (const [body, code] of cases) {
      const res = await h.post(`${A}/lidbs`, body);
      assert.equal(res.status, 400, body);
      assert.match(
        res.body,
        new RegExp(`<LidbOrderResponse><Status><Code>400</Code>.*<ErrorList><Error><Code>${code}</Code>`),
      );
    }
    const missing = await h.get(`${A}/lidbs/00000000-0000-4000-8000-000000000000`);
    assert.equal(missing.status, 404);
    assert.match(
      missing.body,
      /<LidbOrderReportResponse><ResponseStatus><Description>The resource does not exist<\/Description>/,
    );
  });
});
