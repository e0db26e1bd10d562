/** SIP peers: the shapes of the host lists on a peer, and the account-wide hosts listing (/hosts). */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, type Harness, type Reply } from '../../../test/support/harness.js';
import {
  ACCOUNT,
  HOSTS_ACCOUNT,
  peers,
  peer,
  sipPeer,
  host,
  smsHosts,
  terminationHost,
  terminationHosts,
  group,
  items,
  hostNames,
  assertPeerError,
  peerHelpers,
  startPeersHarness,
} from './sip-peers.fixtures.js';

describe('SIP peers: host lists', () => {
  let h: Harness;
  before(async () => {
    h = await startPeersHarness();
  });
  after(() => h.close());
  const { newSite, createPeer, getPeer, listPeers } = peerHelpers(() => h);

  describe('host list shapes', () => {
    it('round-trips VoiceHostGroups as VoiceHostGroups/VoiceHostGroup/Host+ with unwrapped repeated Host', async () => {
      const siteId = await newSite();
      const id = await createPeer(
        siteId,
        '<PeerName>Groups</PeerName><VoiceHostGroups>' +
          `<VoiceHostGroup>${host('g1a.example.com', 5060)}${host('g1b.example.com')}</VoiceHostGroup>` +
          `<VoiceHostGroup>${host('198.18.50.1')}</VoiceHostGroup>` +
          '</VoiceHostGroups>',
      );
      const res = await h.get(peer(siteId, id));
      assert.equal(res.status, 200);
      const got = at(res.xml, 'SipPeerResponse', 'SipPeer') as Record<string, unknown>;
      assert.equal(got.VoiceHosts, '');
      assert.deepEqual(got.VoiceHostGroups, {
        VoiceHostGroup: [
          { Host: [{ HostName: 'g1a.example.com', Port: '5060' }, { HostName: 'g1b.example.com' }] },
          { Host: { HostName: '198.18.50.1' } },
        ],
      });
      assert.ok(
        res.body.includes(
          '<VoiceHosts/><VoiceHostGroups><VoiceHostGroup><Host><HostName>g1a.example.com</HostName><Port>5060</Port></Host>' +
            '<Host><HostName>g1b.example.com</HostName></Host></VoiceHostGroup><VoiceHostGroup><Host><HostName>198.18.50.1</HostName></Host>' +
            '</VoiceHostGroup></VoiceHostGroups>',
        ),
        res.body,
      );
      // The list shows the same groups.
      const listed = (await listPeers(siteId)).find((p) => p.PeerId === id);
      assert.deepEqual(listed?.VoiceHostGroups, got.VoiceHostGroups);
    });

    it("merges the Node client's repeated wrappers into one list each", async () => {
      const siteId = await newSite();
      const id = await createPeer(
        siteId,
        '<PeerName>NodeSdk</PeerName>' +
          '<VoiceHosts><Host><HostName>a.example.com</HostName></Host></VoiceHosts>' +
          '<VoiceHosts><Host><HostName>b.example.com</HostName></Host></VoiceHosts>' +
          '<SmsHosts><Host><HostName>s1.example.com</HostName></Host></SmsHosts>' +
          '<SmsHosts><Host><HostName>s2.example.com</HostName></Host></SmsHosts>' +
          `<TerminationHosts>${terminationHost('198.18.60.1')}</TerminationHosts>` +
          `<TerminationHosts>${terminationHost('198.18.60.2')}</TerminationHosts>`,
      );
      const got = await getPeer(siteId, id);
      assert.deepEqual(hostNames(got.VoiceHosts), ['a.example.com', 'b.example.com']);
      assert.deepEqual(hostNames(got.SmsHosts), ['s1.example.com', 's2.example.com']);
      assert.deepEqual(hostNames(got.TerminationHosts, 'TerminationHost'), ['198.18.60.1', '198.18.60.2']);

      const groups = await createPeer(
        siteId,
        '<PeerName>NodeGroups</PeerName>' +
          `<VoiceHostGroups>${group('x.example.com')}</VoiceHostGroups><VoiceHostGroups>${group('y.example.com')}</VoiceHostGroups>`,
      );
      const g = items(at(await getPeer(siteId, groups), 'VoiceHostGroups', 'VoiceHostGroup'));
      assert.deepEqual(
        g.map((x) => hostNames(x)),
        [['x.example.com'], ['y.example.com']],
      );
    });

    it('counts merged wrappers against the limits', async () => {
      const siteId = await newSite();
      const wrappers = Array.from(
        { length: 11 },
        (_, i) => `<VoiceHosts>${host(`w${i}.example.com`)}</VoiceHosts>`,
      ).join('');
      assertPeerError(
        await h.post(peers(siteId), sipPeer(`<PeerName>Wraps</PeerName>${wrappers}`)),
        400,
        '13506',
      );
    });
  });

  describe('account hosts', () => {
    const HOSTS = `/api/accounts/${HOSTS_ACCOUNT}/hosts`;
    let site1: string;
    let site2: string;
    let p1: string;
    let p2: string;
    let p3: string;
    before(async () => {
      site1 = await newSite(HOSTS_ACCOUNT);
      site2 = await newSite(HOSTS_ACCOUNT);
      p1 = await createPeer(
        site1,
        `<PeerName>H1</PeerName><VoiceHosts>${host('voice1.hosts.example.com', 5060)}</VoiceHosts>` +
          `${smsHosts('sms1.hosts.example.com')}${terminationHosts('192.0.2.1', '192.0.2.16/28')}`,
        HOSTS_ACCOUNT,
      );
      p2 = await createPeer(
        site1,
        `<PeerName>H2</PeerName><VoiceHostGroups>${group('grp.hosts.example.com', '192.0.2.100')}</VoiceHostGroups>`,
        HOSTS_ACCOUNT,
      );
      p3 = await createPeer(
        site2,
        `<PeerName>H3</PeerName>${smsHosts('sms1.hosts.example.com', 'sms3.hosts.example.com')}`,
        HOSTS_ACCOUNT,
      );
    });

    type PeerHosts = { id: string; sms: string[]; voice: string[]; term: string[] };
    function summarize(res: Reply): Record<string, PeerHosts[]> {
      assert.equal(res.status, 200, res.body);
      const out: Record<string, PeerHosts[]> = {};
      for (const s of items(at(res.xml, 'SiteHostsResponse', 'SiteHosts', 'SiteHost'))) {
        out[at(s, 'SiteId') as string] = items(at(s, 'SipPeerHosts', 'SipPeerHost')).map((p) => ({
          id: at(p, 'SipPeerId') as string,
          sms: hostNames(at(p, 'SmsHosts')),
          voice: hostNames(at(p, 'VoiceHosts')),
          term: hostNames(at(p, 'TerminationHosts'), 'TerminationHost'),
        }));
      }
      return out;
    }

    it('lists every peer host grouped by site', async () => {
      const res = await h.get(HOSTS);
      assert.match(res.headers['content-type'] as string, /^application\/xml/);
      assert.deepEqual(summarize(res), {
        [site1]: [
          {
            id: p1,
            sms: ['sms1.hosts.example.com'],
            voice: ['voice1.hosts.example.com'],
            term: ['192.0.2.1', '192.0.2.16/28'],
          },
          { id: p2, sms: [], voice: ['grp.hosts.example.com', '192.0.2.100'], term: [] },
        ],
        [site2]: [{ id: p3, sms: ['sms1.hosts.example.com', 'sms3.hosts.example.com'], voice: [], term: [] }],
      });
      // Element names and order, empty lists as empty elements, ports kept.
      assert.match(
        res.body,
        new RegExp(
          `<SiteHostsResponse><SiteHosts><SiteHost><SiteId>${site1}</SiteId><SipPeerHosts><SipPeerHost><SipPeerId>${p1}</SipPeerId>` +
            '<SmsHosts><Host><HostName>sms1.hosts.example.com</HostName></Host></SmsHosts>' +
            '<VoiceHosts><Host><HostName>voice1.hosts.example.com</HostName><Port>5060</Port></Host></VoiceHosts>' +
            '<TerminationHosts><TerminationHost><HostName>192.0.2.1</HostName></TerminationHost>',
        ),
      );
      assert.ok(res.body.includes(`<SipPeerId>${p2}</SipPeerId><SmsHosts/><VoiceHosts>`), res.body);
      assert.ok(res.body.includes('</VoiceHosts><TerminationHosts/></SipPeerHost>'), res.body);
    });

    it('filters by type: SMS, TERMINATION, ORIGINATION (any case)', async () => {
      assert.deepEqual(summarize(await h.get(`${HOSTS}?type=SMS`)), {
        [site1]: [{ id: p1, sms: ['sms1.hosts.example.com'], voice: [], term: [] }],
        [site2]: [{ id: p3, sms: ['sms1.hosts.example.com', 'sms3.hosts.example.com'], voice: [], term: [] }],
      });
      assert.deepEqual(summarize(await h.get(`${HOSTS}?type=TERMINATION`)), {
        [site1]: [{ id: p1, sms: [], voice: [], term: ['192.0.2.1', '192.0.2.16/28'] }],
      });
      assert.deepEqual(summarize(await h.get(`${HOSTS}?type=origination`)), {
        [site1]: [
          { id: p1, sms: [], voice: ['voice1.hosts.example.com'], term: [] },
          { id: p2, sms: [], voice: ['grp.hosts.example.com', '192.0.2.100'], term: [] },
        ],
      });
    });

    it('filters by host (exact match), alone and with type', async () => {
      assert.deepEqual(summarize(await h.get(`${HOSTS}?host=sms1.hosts.example.com`)), {
        [site1]: [{ id: p1, sms: ['sms1.hosts.example.com'], voice: [], term: [] }],
        [site2]: [{ id: p3, sms: ['sms1.hosts.example.com'], voice: [], term: [] }],
      });
      assert.deepEqual(summarize(await h.get(`${HOSTS}?host=${encodeURIComponent('192.0.2.16/28')}`)), {
        [site1]: [{ id: p1, sms: [], voice: [], term: ['192.0.2.16/28'] }],
      });
      assert.deepEqual(summarize(await h.get(`${HOSTS}?host=sms1.hosts.example.com&type=TERMINATION`)), {});
      assert.deepEqual(summarize(await h.get(`${HOSTS}?host=nothing.example.com`)), {});
      const empty = await h.get(`${HOSTS}?host=nothing.example.com`);
      assert.ok(empty.body.includes('<SiteHosts/>'), empty.body);
    });

    it('does not show other accounts’ peers', async () => {
      const demo = summarize(await h.get(`/api/accounts/${ACCOUNT}/hosts?host=grp.hosts.example.com`));
      assert.deepEqual(demo, {});
      const own = summarize(await h.get(`/api/accounts/${ACCOUNT}/hosts?host=sbc.demo.example.com`));
      assert.deepEqual(
        Object.values(own)
          .flat()
          .map((p) => p.id),
        ['500000'],
      );
    });

    it('answers 400 SiteHostsResponse for an invalid type', async () => {
      const res = await h.get(`${HOSTS}?type=VOICE`);
      assert.equal(res.status, 400, res.body);
      assert.ok(at(res.xml, 'SiteHostsResponse', 'ResponseStatus', 'ErrorCode'), res.body);
      assert.ok(at(res.xml, 'SiteHostsResponse', 'ResponseStatus', 'Description'), res.body);
    });
  });
});
