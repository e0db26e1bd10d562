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
import { TnStatus } from '../inventory/index.js';

/**
 * External-number orders through HTTP (rows 125–127): numbers another carrier hosts come in as
 * external on the account's site and peer and go out again; numbers of this system are refused per
 * number; every rule of the request with its code; lists and the documented 404.
 */
const A = `/api/accounts/${DEMO.accountId}`;
const order = (action: string, tns: readonly (number | string)[], extra = '<SiteId>1</SiteId>') =>
  `<ExternalTnsOrder><CustomerOrderID>ext-1</CustomerOrderID>${extra}<Action>${action}</Action><TelephoneNumbers>${tns
    .map((t) => `<TelephoneNumber>${t}</TelephoneNumber>`)
    .join('')}</TelephoneNumbers></ExternalTnsOrder>`;

describe('external-number orders', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ inventory: 2000, env: { LOG_LEVEL: 'error' } });
  });
  after(() => h.close());
  const row = (tn: number) =>
    h.app.deps.database.db
      .selectFrom('telephone_numbers')
      .selectAll()
      .where('tn', '=', tn)
      .executeTakeFirst();

  it('imports numbers hosted elsewhere as external on the site and peer, refuses ours, and removes them again', async () => {
    const [mine = 0] = await inService(h, 1);
    const outside = [9727780001, 9727780002];
    const res = await h.post(`${A}/externalTns`, order('IMPORT', [...outside, mine]));
    assert.equal(res.status, 201, res.body);
    const id = idFromLocation(res);
    assert.match(
      res.body,
      /^<\?xml[^>]*\?><ExternalTnsOrderResponse><OrderCreateDate>[^<]+<\/OrderCreateDate><AccountId>9900000<\/AccountId><CreatedByUser>demo<\/CreatedByUser><OrderId>[^<]+<\/OrderId><ProcessingStatus>RECEIVED<\/ProcessingStatus><Order><CustomerOrderID>ext-1<\/CustomerOrderID><SiteId>1<\/SiteId><SipPeerId>\d+<\/SipPeerId><Action>IMPORT<\/Action>/,
    );
    await h.drain();
    const got = await h.get(`${A}/externalTns/${id}`);
    assert.equal(at(got.xml, 'ExternalTnsOrder', 'ProcessingStatus'), 'PARTIAL');
    assert.equal(at(got.xml, 'ExternalTnsOrder', 'Errors', 'Error', 'Code'), '25060');
    assert.equal(
      at(got.xml, 'ExternalTnsOrder', 'Errors', 'Error', 'TelephoneNumbers', 'TelephoneNumber'),
      String(mine),
    );
    for (const tn of outside) {
      const r = await row(tn);
      assert.equal(r?.status, TnStatus.external);
      assert.equal(r?.account_id, DEMO.accountId);
      assert.equal(r?.site_id, 1);
    }
    assert.equal((await row(mine))?.status, TnStatus.inService);
    // Importing again is harmless; removing takes them out of the inventory.
    const again = await h.post(`${A}/externalTns`, order('IMPORT', outside));
    await h.drain();
    assert.equal(
      at(
        (await h.get(`${A}/externalTns/${idFromLocation(again)}`)).xml,
        'ExternalTnsOrder',
        'ProcessingStatus',
      ),
      'COMPLETE',
    );
    const removed = await h.post(`${A}/externalTns`, order('REMOVE', [...outside, mine]));
    await h.drain();
    const done = await h.get(`${A}/externalTns/${idFromLocation(removed)}`);
    assert.equal(at(done.xml, 'ExternalTnsOrder', 'ProcessingStatus'), 'PARTIAL');
    assert.equal(at(done.xml, 'ExternalTnsOrder', 'Errors', 'Error', 'Code'), '25030');
    for (const tn of outside) assert.equal(await row(tn), undefined);
    assert.equal((await row(mine))?.status, TnStatus.inService);

    const list = await h.get(`${A}/externalTns?tn=${outside[0]}`);
    assert.equal(at(list.xml, 'ExternalTnsOrders', 'TotalCount'), '3');
    const removals = await h.get(`${A}/externalTns?tn=${outside[0]}&action=remove`);
    assert.equal(at(removals.xml, 'ExternalTnsOrders', 'TotalCount'), '1');
    // Nothing matching is a 404 without a body; a malformed filter too.
    const none = await h.get(`${A}/externalTns?tn=9727789999`);
    assert.equal(none.status, 404);
    assert.equal(none.body, '');
    assert.equal((await h.get(`${A}/externalTns?action=MOVE`)).status, 404);
  });

  it('lets an external number change only its messaging setting (5128), by any route', async () => {
    const tn = 9727780011;
    await h.post(`${A}/externalTns`, order('IMPORT', [tn]));
    await h.drain();
    const peers = await h.get(`${A}/sites/1/sippeers`);
    const peer = `${A}/sites/1/sippeers/${String(at(peers.xml, 'TNSipPeersResponse', 'SipPeers', 'SipPeer', 'PeerId'))}`;
    const settings = (inner: string) =>
      `<SipPeerTelephoneNumber><FullNumber>${tn}</FullNumber>${inner}</SipPeerTelephoneNumber>`;
    const forward = await h.put(`${peer}/tns/${tn}`, settings('<CallForward>9195551234</CallForward>'));
    assert.equal(forward.status, 400, forward.body);
    assert.equal(errorCode(forward), '5128');
    const sms = await h.put(
      `${peer}/tns/${tn}`,
      settings('<MessagingSettings><SmsEnabled>true</SmsEnabled></MessagingSettings>'),
    );
    assert.equal(sms.status, 200, sms.body);
    assert.match(
      (await h.get(`/api/tns/${tn}/tndetails`)).body,
      /<MessagingSettings><SmsEnabled>true<\/SmsEnabled>/,
    );

    const options = (inner: string) =>
      `<TnOptionOrder><TnOptionGroups><TnOptionGroup>${inner}<TelephoneNumbers><TelephoneNumber>${tn}</TelephoneNumber></TelephoneNumbers></TnOptionGroup></TnOptionGroups></TnOptionOrder>`;
    const refused = await h.post(`${A}/tnoptions`, options('<CallingNameDisplay>on</CallingNameDisplay>'));
    await h.drain();
    const got = await h.get(`${A}/tnoptions/${idFromLocation(refused)}`);
    assert.equal(at(got.xml, 'TnOptionOrder', 'ProcessingStatus'), 'FAILED');
    assert.equal(at(got.xml, 'TnOptionOrder', 'ErrorList', 'Error', 'Code'), '5128');
    const allowed = await h.post(`${A}/tnoptions`, options('<Sms>off</Sms>'));
    await h.drain();
    assert.equal(
      at((await h.get(`${A}/tnoptions/${idFromLocation(allowed)}`)).xml, 'TnOptionOrder', 'ProcessingStatus'),
      'COMPLETE',
    );

    const lidb = await h.post(
      `${A}/lidbs`,
      `<LidbOrder><LidbTnGroups><LidbTnGroup><TelephoneNumbers><TelephoneNumber>${tn}</TelephoneNumber></TelephoneNumbers><SubscriberInformation>Acme</SubscriberInformation><UseType>BUSINESS</UseType><Visibility>PUBLIC</Visibility></LidbTnGroup></LidbTnGroups></LidbOrder>`,
    );
    assert.equal(at(lidb.xml, 'LidbOrderResponse', 'LidbOrder', 'ErrorList', 'Error', 'Code'), '5128');
    const e911 = await h.post(
      `${A}/e911s`,
      `<E911Order><TelephoneNumbers><TelephoneNumber>${tn}</TelephoneNumber></TelephoneNumbers><CallerName>Acme</CallerName><Address><HouseNumber>1</HouseNumber><StreetName>MAIN ST</StreetName><City>RALEIGH</City><StateCode>NC</StateCode><Zip>27606</Zip></Address></E911Order>`,
    );
    await h.drain();
    const e911Order = await h.get(`${A}/e911s/${idFromLocation(e911)}`);
    assert.equal(at(e911Order.xml, 'E911Order', 'ErrorList', 'Error', 'Code'), '5128');
  });

  it('refuses a bad request with its code, and answers an unknown id as documented', async () => {
    const cases: [string, string][] = [
      [order('MOVE', [9727780003]), '25000'],
      [order('IMPORT', [9727780003], '<SiteId>999</SiteId>'), '5016'],
      [order('IMPORT', [9727780003], '<SiteId>1</SiteId><SipPeerId>12345</SipPeerId>'), '5023'],
      [order('IMPORT', ['123']), '5070'],
      [order('IMPORT', []), '5073'],
    ];
    for (const [body, code] of cases) {
      const res = await h.post(`${A}/externalTns`, body);
      assert.equal(res.status, 400, body);
      assert.equal(errorCode(res), code, body);
    }
    const missing = await h.get(`${A}/externalTns/00000000-0000-4000-8000-000000000000`);
    assert.equal(missing.status, 404);
    assert.match(
      missing.body,
      /<ExternalTnsOrderResponse><ResponseStatus><Description>The resource does not exist<\/Description>/,
    );
  });
});
