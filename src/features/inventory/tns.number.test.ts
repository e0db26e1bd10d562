import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, DEMO, errorCode, type Harness } from '../../../test/support/harness.js';
import { list, OTHER, OTHER_AUTH, SECOND, startTnsWorld, tnsHelpers, type TnsWorld } from './tns.fixtures.js';

describe('/tns and /tns/{tn}: one number and its sub-resources', () => {
  let world: TnsWorld;
  let h: Harness;
  let demo: number[];
  let second: TnsWorld['second'];
  let other: number[];
  let available: number;
  let protectedTn: number;
  let secondSiteId: number;
  let secondPeerId: number;
  const { db, epoch } = tnsHelpers(() => world);

  before(async () => {
    world = await startTnsWorld();
    ({ h, demo, second, other, available, protectedTn, secondSiteId, secondPeerId } = world);
  });
  after(() => h.close());

  describe('GET /tns/{tn} and its sub-resources', () => {
    it('describes an own number: status, the order behind it, site and account', async () => {
      const res = await h.get(`/api/tns/${demo[0]}`);
      assert.equal(res.status, 200, res.body);
      const body = at(res.xml, 'TelephoneNumberResponse') as Record<string, string>;
      assert.deepEqual(Object.keys(body), [
        'TelephoneNumber',
        'Status',
        'LastModifiedDate',
        'OrderCreateDate',
        'OrderId',
        'OrderType',
        'SiteId',
        'AccountId',
      ]);
      assert.equal(body.TelephoneNumber, String(demo[0]));
      assert.equal(body.Status, 'Inservice');
      assert.equal(body.OrderType, 'ADMIN_ASSIGNMENT');
      assert.match(body.OrderId ?? '', /^[0-9a-f-]{36}$/);
      assert.equal(body.SiteId, '1');
      assert.equal(body.AccountId, DEMO.accountId);
      assert.equal(body.LastModifiedDate, '2026-12-01T12:00:00.000Z');
      // +1 and 1 prefixes name the same number.
      assert.equal((await h.get(`/api/tns/1${demo[0]}`)).status, 200);
    });

    it('shows an available number of the public inventory, dated at the inventory build', async () => {
      const res = await h.get(`/v1.0/tns/${available}`);
      assert.equal(res.status, 200, res.body);
      assert.deepEqual(at(res.xml, 'TelephoneNumberResponse'), {
        TelephoneNumber: String(available),
        Status: 'Available',
        LastModifiedDate: await epoch(),
      });
      const details = await h.get(`/api/tns/${available}/tndetails`, { auth: OTHER_AUTH });
      assert.equal(
        at(details.xml, 'TelephoneNumberResponse', 'TelephoneNumberDetails', 'Status'),
        'Available',
      );
      assert.equal(
        at(details.xml, 'TelephoneNumberResponse', 'TelephoneNumberDetails', 'AccountId'),
        undefined,
      );
    });

    it("answers another tenant's number exactly like an unknown one, on every sub-resource", async () => {
      const unknown = 2015550100; // 555: never in the inventory
      for (const sub of [
        '',
        '/tndetails',
        '/sites',
        '/sippeers',
        '/ratecenter',
        '/lata',
        '/lca',
        '/history',
      ]) {
        const theirs = await h.get(`/api/tns/${other[0]}${sub}`);
        const none = await h.get(`/api/tns/${unknown}${sub}`);
        assert.equal(theirs.status, 404, `${sub}: ${theirs.body}`);
        assert.equal(none.status, 404, sub);
        assert.equal(
          theirs.body.replace(String(other[0]), 'N'),
          none.body.replace(String(unknown), 'N'),
          `${sub}: the same answer`,
        );
      }
      const own = await h.get(`/api/tns/${other[0]}`, { auth: OTHER_AUTH });
      assert.equal(own.status, 200);
      assert.equal(at(own.xml, 'TelephoneNumberResponse', 'AccountId'), OTHER);
      const notFound = await h.get(`/api/tns/${other[0]}`);
      assert.equal(at(notFound.xml, 'TelephoneNumberResponse', 'ResponseStatus', 'ErrorCode'), '15506');
    });

    it('refuses an invalid number with 400 12512 (TelephoneNumberResponse/ResponseStatus)', async () => {
      const res = await h.get('/api/tns/123456789/tndetails');
      assert.equal(res.status, 400);
      assert.deepEqual(at(res.xml, 'TelephoneNumberResponse', 'ResponseStatus'), {
        ErrorCode: '12512',
        Description: "Telephone number '123456789' is not valid",
      });
      for (const sub of ['', '/sites', '/sippeers', '/ratecenter', '/lata', '/lca']) {
        const bad = await h.get(`/api/tns/1234${sub}`);
        assert.equal(bad.status, 400, sub);
        assert.equal(errorCode(bad), '12512', sub);
      }
    });

    it('gives the details of a number: place, vendor, site and SIP peer', async () => {
      const res = await h.get(`/api/tns/${second.houston[0]}/tndetails`);
      assert.equal(res.status, 200, res.body);
      const d = at(res.xml, 'TelephoneNumberResponse', 'TelephoneNumberDetails') as Record<string, unknown>;
      assert.deepEqual(Object.keys(d), [
        'City',
        'Lata',
        'State',
        'FullNumber',
        'Tier',
        'VendorId',
        'VendorName',
        'RateCenter',
        'Status',
        'AccountId',
        'Site',
        'SipPeer',
        'LastModified',
      ]);
      assert.equal(d.City, 'HOUSTON');
      assert.equal(d.State, 'TX');
      assert.equal(d.RateCenter, 'HOUSTON');
      assert.equal(d.AccountId, SECOND);
      assert.deepEqual(d.Site, { Id: String(secondSiteId), Name: 'Houston' });
      assert.deepEqual(d.SipPeer, { PeerId: String(secondPeerId), PeerName: 'HouPeer' });
      const tier1 = await h.get(`/api/tns/${second.tier1[0]}/tndetails`);
      const t1 = at(tier1.xml, 'TelephoneNumberResponse', 'TelephoneNumberDetails') as Record<string, string>;
      assert.equal(t1.Tier, '1');
      assert.equal(t1.VendorId, '62');
      assert.equal(t1.VendorName, 'Level 3 Communications');
    });

    it('marks a protected number with TnAttributes/TnAttribute Protected', async () => {
      const res = await h.get(`/api/tns/${protectedTn}/tndetails`);
      assert.equal(
        at(res.xml, 'TelephoneNumberResponse', 'TelephoneNumberDetails', 'TnAttributes', 'TnAttribute'),
        'Protected',
      );
      const plain = await h.get(`/api/tns/${available}/tndetails`);
      assert.doesNotMatch(plain.body, /TnAttributes/);
    });

    it('answers the site and SIP peer of a number as bare Site{Id, Name} and SipPeer{Id, Name}', async () => {
      const site = await h.get(`/api/tns/${demo[0]}/sites`);
      assert.equal(site.status, 200);
      assert.deepEqual(site.xml, { Site: { Id: '1', Name: 'Raleigh' } });
      const peer = await h.get(`/api/tns/${demo[0]}/sippeers`);
      assert.deepEqual(peer.xml, { SipPeer: { Id: '500000', Name: 'DemoPeer' } });
      for (const sub of ['sites', 'sippeers']) {
        const none = await h.get(`/api/tns/${available}/${sub}`);
        assert.equal(none.status, 404, `an available number is on no ${sub}`);
        assert.equal(at(none.xml, 'TelephoneNumberResponse', 'ResponseStatus', 'ErrorCode'), '5074');
      }
    });

    it('answers the rate centre and LATA of a number (nothing for a toll-free number)', async () => {
      const rc = await h.get(`/api/tns/${demo[0]}/ratecenter`);
      assert.deepEqual(rc.xml, {
        TelephoneNumberResponse: { TelephoneNumberDetails: { State: 'NC', RateCenter: 'RALEIGH' } },
      });
      const lata = await h.get(`/api/tns/${available}/lata`);
      assert.deepEqual(lata.xml, { TelephoneNumberResponse: { TelephoneNumberDetails: { Lata: '426' } } });
      const tollFree = await h.get(`/api/tns/${second.tollFree[0]}/ratecenter`);
      assert.equal(tollFree.status, 200);
      assert.deepEqual(tollFree.xml, { TelephoneNumberResponse: { TelephoneNumberDetails: '' } });
    });

    it("answers the local calling area: the inventory's NPA-NXXs and the rate centres by state", async () => {
      const res = await h.get(`/api/tns/${demo[0]}/lca`);
      assert.equal(res.status, 200, res.body);
      const npaNxxs = list<string>(at(res.xml, 'SearchResult', 'ListofNPANXX', 'NPANXX'));
      assert.ok(npaNxxs.includes(String(Math.floor((demo[0] as number) / 1e4))), 'its own NPA-NXX');
      assert.deepEqual([...npaNxxs].sort(), npaNxxs, 'ascending');
      assert.equal(new Set(npaNxxs).size, npaNxxs.length);
      const groups = list<{ State: string; RCs: { RC: string | string[] } }>(
        at(res.xml, 'SearchResult', 'Location', 'RateCenters'),
      );
      assert.equal(groups[0]?.State, 'NC', "the number's own state first");
      const rcs = list<string>(groups[0]?.RCs.RC);
      assert.ok(rcs.includes('RALEIGH'));
      assert.deepEqual([...rcs].sort(), rcs);
      // Exactly the rate centre and its local ones, with their blocks.
      const cov = h.app.deps.coverage;
      const raleigh = cov.rateCenterByName('NC', 'RALEIGH');
      assert.ok(raleigh);
      const area = [raleigh.id, ...cov.localRateCenters(raleigh.id)];
      const blocks = await db()
        .selectFrom('number_blocks')
        .select('npa_nxx_x')
        .where('rate_center_id', 'in', area)
        .execute();
      assert.deepEqual(
        npaNxxs,
        [...new Set(blocks.map((b) => Math.floor(b.npa_nxx_x / 10)))].sort((a, b) => a - b).map(String),
      );
      const allRcs = groups.flatMap((g) => list<string>(g.RCs.RC));
      assert.equal(allRcs.length, new Set(area).size);
      const tollFree = await h.get(`/api/tns/${second.tollFree[0]}/lca`);
      assert.equal(tollFree.status, 200);
      assert.deepEqual(tollFree.xml, { SearchResult: { ListofNPANXX: '' } });
      const invisible = await h.get(`/api/tns/${other[0]}/lca`);
      assert.equal(at(invisible.xml, 'SearchResult', 'Error', 'Code'), '15506');
    });
  });
});
