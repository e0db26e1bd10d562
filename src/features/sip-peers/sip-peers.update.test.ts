/** SIP peers: PUT merges and replaces, validates like a create, and keeps peer names unique per site. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, type Harness } from '../../../test/support/harness.js';
import {
  peers,
  peer,
  sipPeer,
  host,
  voiceHosts,
  smsHosts,
  terminationHosts,
  group,
  hostNames,
  assertPeerError,
  peerHelpers,
  startPeersHarness,
} from './sip-peers.fixtures.js';

describe('SIP peers: update', () => {
  let h: Harness;
  before(async () => {
    h = await startPeersHarness();
  });
  after(() => h.close());
  const { newSite, createPeer, getPeer, listPeers } = peerHelpers(() => h);

  describe('update', () => {
    it('merges: absent elements are kept, an empty <SmsHosts/> clears; 200 with an empty body', async () => {
      const siteId = await newSite();
      const id = await createPeer(
        siteId,
        '<PeerName>Merge</PeerName><Description>Before</Description><ShortMessagingProtocol>SIP</ShortMessagingProtocol>' +
          `${voiceHosts('v1.merge.example.com')}${smsHosts('s1.merge.example.com')}${terminationHosts('198.18.20.1')}` +
          '<CallingName><Display>false</Display><Enforced>true</Enforced></CallingName>',
      );
      const res = await h.put(peer(siteId, id), sipPeer('<Description>After</Description><SmsHosts/>'));
      assert.equal(res.status, 200, res.body);
      assert.equal(res.body, '');
      const got = await getPeer(siteId, id);
      assert.equal(got.PeerName, 'Merge');
      assert.equal(got.Description, 'After');
      assert.equal(got.ShortMessagingProtocol, 'SIP');
      assert.deepEqual(hostNames(got.VoiceHosts), ['v1.merge.example.com']);
      assert.equal(got.SmsHosts, '');
      assert.deepEqual(hostNames(got.TerminationHosts, 'TerminationHost'), ['198.18.20.1']);
      assert.deepEqual(got.CallingName, { Display: 'false', Enforced: 'true' });
    });

    it('replaces the lists and values it is given', async () => {
      const siteId = await newSite();
      const id = await createPeer(
        siteId,
        `<PeerName>Replace</PeerName>${voiceHosts('old.replace.example.com')}`,
      );
      const res = await h.put(
        peer(siteId, id),
        sipPeer(
          `<PeerName>Replaced</PeerName>${voiceHosts('n1.replace.example.com', 'n2.replace.example.com')}` +
            `${smsHosts('sms.replace.example.com')}${terminationHosts('198.18.21.0/30')}` +
            '<ShortMessagingProtocol>SIP</ShortMessagingProtocol>' +
            '<CallingName><Display>false</Display><Enforced>false</Enforced></CallingName>',
        ),
      );
      assert.equal(res.status, 200, res.body);
      const got = await getPeer(siteId, id);
      assert.equal(got.PeerName, 'Replaced');
      assert.deepEqual(hostNames(got.VoiceHosts), ['n1.replace.example.com', 'n2.replace.example.com']);
      assert.deepEqual(hostNames(got.SmsHosts), ['sms.replace.example.com']);
      assert.deepEqual(hostNames(got.TerminationHosts, 'TerminationHost'), ['198.18.21.0/30']);
      assert.equal(got.ShortMessagingProtocol, 'SIP');
      assert.deepEqual(got.CallingName, { Display: 'false', Enforced: 'false' });
    });

    it('switches between VoiceHosts and VoiceHostGroups', async () => {
      const siteId = await newSite();
      const id = await createPeer(
        siteId,
        `<PeerName>Switch</PeerName>${voiceHosts('vh.switch.example.com')}`,
      );
      const toGroups = await h.put(
        peer(siteId, id),
        sipPeer(`<VoiceHostGroups>${group('g.switch.example.com')}</VoiceHostGroups>`),
      );
      assert.equal(toGroups.status, 200, toGroups.body);
      let got = await getPeer(siteId, id);
      assert.equal(got.VoiceHosts, '');
      assert.deepEqual(hostNames(at(got.VoiceHostGroups, 'VoiceHostGroup')), ['g.switch.example.com']);

      const back = await h.put(peer(siteId, id), sipPeer(voiceHosts('back.switch.example.com')));
      assert.equal(back.status, 200, back.body);
      got = await getPeer(siteId, id);
      assert.deepEqual(hostNames(got.VoiceHosts), ['back.switch.example.com']);
      assert.equal(got.VoiceHostGroups, '');
    });

    it('validates PUT bodies like creates and leaves the peer unchanged', async () => {
      const siteId = await newSite();
      const id = await createPeer(siteId, '<PeerName>PutVal</PeerName>');
      const cases: [string, string][] = [
        ['<PeerName>ElevenChars</PeerName>', '13501'],
        ['<IsDefaultPeer>maybe</IsDefaultPeer>', '12751'],
        [`<SmsHosts>${host('sms.putval.example.com', 5060)}</SmsHosts>`, '13568'],
        [terminationHosts('127.0.0.1'), '13625'],
        [
          `${voiceHosts('a.putval.example.com')}<VoiceHostGroups>${group('b.putval.example.com')}</VoiceHostGroups>`,
          '13504',
        ],
        ['<CallingName><Display>true</Display></CallingName>', '13582'],
      ];
      for (const [body, code] of cases)
        assertPeerError(await h.put(peer(siteId, id), sipPeer(body)), 400, code);
      const got = await getPeer(siteId, id);
      assert.equal(got.PeerName, 'PutVal');
      assert.equal(got.SmsHosts, '');
      assert.equal(got.TerminationHosts, '');
    });

    it('answers 400 13563 when the peer to update does not exist', async () => {
      const siteId = await newSite();
      assertPeerError(
        await h.put(peer(siteId, '999999'), sipPeer('<Description>x</Description>')),
        400,
        '13563',
      );
    });
  });

  describe('names', () => {
    it('refuses a duplicate name in the same site on create (409 13524) but allows it on another site', async () => {
      const siteId = await newSite();
      await createPeer(siteId, '<PeerName>Twin</PeerName>');
      assertPeerError(await h.post(peers(siteId), sipPeer('<PeerName>Twin</PeerName>')), 409, '13524');
      assert.equal((await listPeers(siteId)).length, 1);
      const other = await newSite();
      await createPeer(other, '<PeerName>Twin</PeerName>');
    });

    it('refuses renaming to a name another peer of the site has (409 13524); keeping its own name is fine', async () => {
      const siteId = await newSite();
      await createPeer(siteId, '<PeerName>Taken</PeerName>');
      const id = await createPeer(siteId, '<PeerName>Mine</PeerName>');
      assertPeerError(await h.put(peer(siteId, id), sipPeer('<PeerName>Taken</PeerName>')), 409, '13524');
      assert.equal((await getPeer(siteId, id)).PeerName, 'Mine');
      const same = await h.put(
        peer(siteId, id),
        sipPeer('<PeerName>Mine</PeerName><Description>d</Description>'),
      );
      assert.equal(same.status, 200, same.body);
      const other = await newSite();
      await createPeer(other, '<PeerName>Elsewhere</PeerName>');
      const rename = await h.put(peer(siteId, id), sipPeer('<PeerName>Elsewhere</PeerName>'));
      assert.equal(rename.status, 200, rename.body);
      assert.equal((await getPeer(siteId, id)).PeerName, 'Elsewhere');
    });
  });
});
