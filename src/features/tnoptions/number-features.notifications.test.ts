import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO, idFromLocation, startHarness, type Harness } from '../../../test/support/harness.js';
import { inService } from '../../../test/support/porting-out.js';
import { startReceiver, type Receiver } from '../../../test/support/receiver.js';

/**
 * Notifications of the number-feature kinds to a real HTTP receiver on loopback, each under its
 * subscription spelling (contract §11): tnoptions and lidb every status, externalTns its end only.
 */
const A = `/api/accounts/${DEMO.accountId}`;

describe('number-feature notifications', () => {
  let h: Harness;
  let receiver: Receiver;
  before(async () => {
    h = await startHarness({ inventory: 2000, env: { LOG_LEVEL: 'error' } });
    receiver = await startReceiver();
    for (const type of ['tnoptions', 'lidb', 'externalTns']) {
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
    const [a = 0, b = 0] = await inService(h, 2);
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
    for (const res of [options, lidb, external]) assert.equal(res.status, 201, res.body);
    await h.drain();
    await h.app.dispatcher.runDue();
    assert.deepEqual(statusesOf(idFromLocation(options)), [
      'tnoptions RECEIVED',
      'tnoptions PROCESSING',
      'tnoptions COMPLETE',
    ]);
    assert.deepEqual(statusesOf(idFromLocation(lidb)), ['lidb RECEIVED', 'lidb PROCESSING', 'lidb COMPLETE']);
    assert.deepEqual(statusesOf(idFromLocation(external)), ['externalTns COMPLETE']);
  });
});
