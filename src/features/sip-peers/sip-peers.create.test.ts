/** SIP peers: creating and reading peers (Location, element order, listing, the demo peer), and the UC Trunking Address rule. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, idFromLocation, type Harness } from '../../../test/support/harness.js';
import {
  ACCOUNT,
  UC_ACCOUNT,
  ADDRESS,
  sites,
  peers,
  peer,
  sipPeer,
  host,
  voiceHosts,
  smsHosts,
  terminationHost,
  items,
  hostNames,
  assertPeerError,
  peerHelpers,
  startPeersHarness,
} from './sip-peers.fixtures.js';

describe('SIP peers: creation and reading', () => {
  let h: Harness;
  before(async () => {
    h = await startPeersHarness();
  });
  after(() => h.close());
  const { newSite, createPeer, getPeer, listPeers } = peerHelpers(() => h);

  describe('create and read', () => {
    it('creates a peer: 201, no body, Location ending in the new six-digit id', async () => {
      const siteId = await newSite();
      const res = await h.post(peers(siteId), sipPeer('<PeerName>Created</PeerName>'));
      assert.equal(res.status, 201, res.body);
      assert.equal(res.body, '');
      const location = res.headers.location as string;
      assert.match(
        location,
        new RegExp(`^http://localhost(:\\d+)?/api/accounts/${ACCOUNT}/sites/${siteId}/sippeers/\\d{6}$`),
      );
      const id = idFromLocation(res);
      assert.equal((await getPeer(siteId, id)).PeerId, id);
    });

    it('answers under /v1.0 with a /v1.0 Location', async () => {
      const siteId = await newSite();
      const res = await h.post(
        `/v1.0/accounts/${ACCOUNT}/sites/${siteId}/sippeers`,
        sipPeer('<PeerName>V1</PeerName>'),
      );
      assert.equal(res.status, 201, res.body);
      assert.match(
        res.headers.location as string,
        new RegExp(`/v1\\.0/accounts/${ACCOUNT}/sites/${siteId}/sippeers/\\d{6}$`),
      );
      const got = await h.get(`/v1.0/accounts/${ACCOUNT}/sites/${siteId}/sippeers/${idFromLocation(res)}`);
      assert.equal(got.status, 200);
      assert.equal(at(got.xml, 'SipPeerResponse', 'SipPeer', 'PeerName'), 'V1');
    });

    it('GET returns every element in the contract order, defaults applied, empty host lists as empty elements', async () => {
      const siteId = await newSite();
      const id = await createPeer(
        siteId,
        '<PeerName>Full</PeerName><Description>R&amp;D &lt;lab&gt;</Description><IsDefaultPeer>true</IsDefaultPeer>' +
          `<VoiceHosts>${host('voice.example.com', 5060)}${host('203.0.113.200')}</VoiceHosts>` +
          '<TerminationHosts>' +
          terminationHost(
            '198.18.10.1',
            '<Port>5061</Port><CustomerTrafficAllowed>DOMESTIC</CustomerTrafficAllowed><DataAllowed>true</DataAllowed>',
          ) +
          terminationHost(
            '198.18.10.8/29',
            '<CustomerTrafficAllowed>all</CustomerTrafficAllowed><DataAllowed>False</DataAllowed>',
          ) +
          '</TerminationHosts>',
      );
      const res = await h.get(peer(siteId, id));
      assert.equal(res.status, 200);
      assert.match(res.headers['content-type'] as string, /^application\/xml/);
      assert.deepEqual(at(res.xml, 'SipPeerResponse', 'SipPeer'), {
        PeerId: id,
        PeerName: 'Full',
        Description: 'R&D <lab>',
        IsDefaultPeer: 'true',
        ShortMessagingProtocol: 'SMPP',
        VoiceHosts: {
          Host: [{ HostName: 'voice.example.com', Port: '5060' }, { HostName: '203.0.113.200' }],
        },
        VoiceHostGroups: '',
        SmsHosts: '',
        TerminationHosts: {
          TerminationHost: [
            {
              HostName: '198.18.10.1',
              Port: '5061',
              CustomerTrafficAllowed: 'DOMESTIC',
              DataAllowed: 'true',
            },
            { HostName: '198.18.10.8/29', CustomerTrafficAllowed: 'ALL', DataAllowed: 'false' },
          ],
        },
        CallingName: { Display: 'true', Enforced: 'false' },
      });
      assert.match(
        res.body,
        /<SipPeerResponse><SipPeer><PeerId>\d+<\/PeerId><PeerName>Full<\/PeerName><Description>R&amp;D &lt;lab&gt;<\/Description><IsDefaultPeer>true<\/IsDefaultPeer><ShortMessagingProtocol>SMPP<\/ShortMessagingProtocol><VoiceHosts>.*<\/VoiceHosts><VoiceHostGroups\/><SmsHosts\/><TerminationHosts>.*<\/TerminationHosts><CallingName><Display>true<\/Display><Enforced>false<\/Enforced><\/CallingName><\/SipPeer><\/SipPeerResponse>$/,
      );
    });

    it('stores ShortMessagingProtocol, CallingName, FinalDestinationUri (seed spelling), Address and PremiseTrunks', async () => {
      const siteId = await newSite();
      const id = await createPeer(
        siteId,
        '<PeerName>Extras</PeerName><ShortMessagingProtocol>sip</ShortMessagingProtocol>' +
          '<FinalDestinationURI>sip:last@final.example.com:5070</FinalDestinationURI>' +
          `${smsHosts('sms.example.com')}${ADDRESS}<PremiseTrunks>12</PremiseTrunks>` +
          '<CallingName><Display>false</Display><Enforced>TRUE</Enforced></CallingName>',
      );
      const got = await getPeer(siteId, id);
      assert.equal(got.ShortMessagingProtocol, 'SIP');
      assert.equal(got.FinalDestinationUri, 'sip:last@final.example.com:5070');
      assert.deepEqual(got.SmsHosts, { Host: { HostName: 'sms.example.com' } });
      assert.equal(got.PremiseTrunks, '12');
      assert.deepEqual(got.CallingName, { Display: 'false', Enforced: 'true' });
      // Every element of the contract's Address, the ones not sent as empty elements (rows 103, 105).
      assert.deepEqual(got.Address, {
        HouseNumber: '900',
        HouseSuffix: '',
        PreDirectional: '',
        StreetName: 'Main Campus Drive',
        StreetSuffix: '',
        PostDirectional: '',
        AddressLine2: '',
        City: 'Raleigh',
        StateCode: 'NC',
        Zip: '27606',
        PlusFour: '',
        County: '',
        Country: 'US',
        AddressType: 'Service',
      });
    });

    it('lists the site peers as TNSipPeersResponse/SipPeers/SipPeer, each with xmlns:xsi and xsi:type', async () => {
      const siteId = await newSite();
      const a = await createPeer(siteId, `<PeerName>ListA</PeerName>${voiceHosts('a.list.example.com')}`);
      const b = await createPeer(siteId, '<PeerName>ListB</PeerName>');
      const res = await h.get(peers(siteId));
      assert.equal(res.status, 200);
      assert.match(res.headers['content-type'] as string, /^application\/xml/);
      const list = items(at(res.xml, 'TNSipPeersResponse', 'SipPeers', 'SipPeer')) as Record<
        string,
        unknown
      >[];
      assert.deepEqual(
        list.map((p) => [p.PeerId, p.PeerName]),
        [
          [a, 'ListA'],
          [b, 'ListB'],
        ],
      );
      for (const p of list) {
        assert.equal(p['@_xmlns:xsi'], 'http://www.w3.org/2001/XMLSchema-instance');
        assert.equal(p['@_xsi:type'], 'SipPeer');
      }
      assert.deepEqual(hostNames(list[0]?.VoiceHosts), ['a.list.example.com']);
      assert.equal(list[1]?.VoiceHosts, '');
      assert.equal(list[1]?.SmsHosts, '');
      assert.match(
        res.body,
        /<SipPeer xmlns:xsi="http:\/\/www\.w3\.org\/2001\/XMLSchema-instance" xsi:type="SipPeer"><PeerId>/,
      );
    });

    it('lists only the peers of the requested site', async () => {
      const siteId = await newSite();
      const other = await newSite();
      await createPeer(other, '<PeerName>Elsewhere</PeerName>');
      const res = await h.get(peers(siteId));
      assert.equal(res.status, 200);
      assert.deepEqual(items(at(res.xml, 'TNSipPeersResponse', 'SipPeers', 'SipPeer')), []);
      assert.ok(res.body.includes('<TNSipPeersResponse><SipPeers/></TNSipPeersResponse>'), res.body);
      assert.deepEqual(
        (await listPeers(other)).map((p) => p.PeerName),
        ['Elsewhere'],
      );
    });

    it('keeps the demo peer DemoPeer (500000) as the default of the Raleigh site', async () => {
      const list = items(at((await h.get(sites(ACCOUNT))).xml, 'SitesResponse', 'Sites', 'Site')) as Record<
        string,
        string
      >[];
      const raleigh = list.find((s) => s.Name === 'Raleigh');
      assert.ok(raleigh);
      const got = await getPeer(raleigh.Id as string, '500000');
      assert.equal(got.PeerName, 'DemoPeer');
      assert.equal(got.IsDefaultPeer, 'true');
      assert.equal(got.ShortMessagingProtocol, 'SIP');
      assert.deepEqual(got.VoiceHosts, { Host: { HostName: 'sbc.demo.example.com', Port: '5060' } });
    });
  });

  describe('UC Trunking account', () => {
    it('requires an Address on SIP peers (1003) and accepts one with it', async () => {
      const siteId = await newSite(
        UC_ACCOUNT,
        '<UcTrunkingConfiguration><Type>Cloud</Type></UcTrunkingConfiguration>',
      );
      assertPeerError(
        await h.post(peers(siteId, UC_ACCOUNT), sipPeer('<PeerName>NoAddr</PeerName>')),
        400,
        '1003',
      );
      const id = await createPeer(siteId, `<PeerName>WithAddr</PeerName>${ADDRESS}`, UC_ACCOUNT);
      assert.equal(at(await getPeer(siteId, id, UC_ACCOUNT), 'Address', 'City'), 'Raleigh');
    });
  });
});
