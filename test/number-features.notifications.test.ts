import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO, idFromLocation, startHarness, type Harness } from './support/harness.js';
import { inService } from './support/porting-out.js';
import { startReceiver, type Receiver } from './support/receiver.js';

/**
 * Notifications of the number-feature kinds to a real HTTP receiver on loopback, each under its
 * subscription spelling (contract §11): tnoptions, lidb and e911s every status (E911's ADJUSTED_*
 * too), dldas every status but CANCELLED, externalTns its end only.
 */
const A = `/api/accounts/${DEMO.accountId}`;

describe('number-feature notifications', () => {
  let h: Harness;
  let receiver: Receiver;
  before(async () => {
    h = await startHarness({ inventory: 2000, env: { LOG_LEVEL: 'error' } });
    receiver = await startReceiver();
    for (const type of ['tnoptions', 'lidb', 'externalTns', 'e911s', 'dldas']) {
      const res = await h.post(
        `${A}/subscriptions`,
        `<Subscription><OrderType>${type}</OrderType><CallbackSubscription><URL>${receiver.url}</URL><Expiry>31536000</Expiry></CallbackSubscription></Subscription>`,
      );
      assert.equal(res.status, 201, res.body);
    }
  });
  after(async () => {
    await receiver.close();
    await h.close();
  });

  const statusesOf = (orderId: string) =>
    receiver.received
      .map((r) => r.xml.Notification as Record<string, string>)
      .filter((n) => n.OrderId === orderId)
      .map((n) => `${n.OrderType} ${n.Status}`);

  it("tells each kind's subscribers what its documented statuses are", async () => {
    const [a = 0, b = 0, c = 0, d = 0, e = 0] = await inService(h, 5);
    const options = await h.post(
      `${A}/tnoptions`,
      `<TnOptionOrder><TnOptionGroups><TnOptionGroup><Sms>on</Sms><TelephoneNumbers><TelephoneNumber>${a}</TelephoneNumber></TelephoneNumbers></TnOptionGroup></TnOptionGroups></TnOptionOrder>`,
    );
    const lidb = await h.post(
      `${A}/lidbs`,
      `<LidbOrder><LidbTnGroups><LidbTnGroup><TelephoneNumbers><TelephoneNumber>${b}</TelephoneNumber></TelephoneNumbers><SubscriberInformation>Acme</SubscriberInformation><UseType>BUSINESS</UseType><Visibility>PUBLIC</Visibility></LidbTnGroup></LidbTnGroups></LidbOrder>`,
    );
    const external = await h.post(
      `${A}/externalTns`,
      `<ExternalTnsOrder><SiteId>1</SiteId><Action>IMPORT</Action><TelephoneNumbers><TelephoneNumber>9727780101</TelephoneNumber></TelephoneNumbers></ExternalTnsOrder>`,
    );
    const e911 = await h.post(
      `${A}/e911s`,
      `<E911Order><TelephoneNumbers><TelephoneNumber>${c}</TelephoneNumber></TelephoneNumbers><CallerName>Acme</CallerName><Address><HouseNumber>1</HouseNumber><StreetName>Main Street</StreetName><City>Raleigh</City><StateCode>NC</StateCode><Zip>27606</Zip></Address></E911Order>`,
    );
    const listing = (tn: number) =>
      `<DldaOrder><DldaTnGroups><DldaTnGroup><TelephoneNumbers><TelephoneNumber>${tn}</TelephoneNumber></TelephoneNumbers><SubscriberType>BUSINESS</SubscriberType><ListingType>NON_LISTED</ListingType><ListAddress>false</ListAddress></DldaTnGroup></DldaTnGroups></DldaOrder>`;
    const dlda = await h.post(`${A}/dldas`, listing(d));
    const cancelled = await h.post(`${A}/dldas`, listing(e));
    const cancel = await h.put(
      `${A}/dldas/${idFromLocation(cancelled)}`,
      '<DldaOrder><DeleteDldaTnGroups>true</DeleteDldaTnGroups></DldaOrder>',
    );
    assert.equal(cancel.status, 200, cancel.body);
    for (const res of [options, lidb, external, e911, dlda]) assert.equal(res.status, 201, res.body);
    await h.drain();
    await h.app.dispatcher.runDue();
    assert.deepEqual(statusesOf(idFromLocation(options)), [
      'tnoptions RECEIVED',
      'tnoptions PROCESSING',
      'tnoptions COMPLETE',
    ]);
    assert.deepEqual(statusesOf(idFromLocation(lidb)), ['lidb RECEIVED', 'lidb PROCESSING', 'lidb COMPLETE']);
    assert.deepEqual(statusesOf(idFromLocation(external)), ['externalTns COMPLETE']);
    assert.deepEqual(statusesOf(idFromLocation(e911)), [
      'e911s RECEIVED',
      'e911s PROCESSING',
      'e911s ADJUSTED_COMPLETE',
    ]);
    assert.deepEqual(statusesOf(idFromLocation(dlda)), [
      'dldas RECEIVED',
      'dldas PROCESSING',
      'dldas COMPLETE',
    ]);
    assert.deepEqual(statusesOf(idFromLocation(cancelled)), ['dldas RECEIVED']);
  });
});
