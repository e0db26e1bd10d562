import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  at,
  errorCode,
  idFromLocation,
  startHarness,
  type Harness,
  type Reply,
} from '../../../test/support/harness.js';

const ACCOUNT = '9900000';
/** A second, plain account the demo user is granted: termination hosts are unique across accounts too. */
const OTHER = '9900601';
/** An account only the hosts tests write to, so its host listing is exactly what they created. */
const HOSTS_ACCOUNT = '9900602';
/** A UC Trunking account: SIP peers there need an Address. */
const UC_ACCOUNT = '9900603';

const ADDRESS =
  '<Address><HouseNumber>900</HouseNumber><StreetName>Main Campus Drive</StreetName><City>Raleigh</City>' +
  '<StateCode>NC</StateCode><Zip>27606</Zip><AddressType>Service</AddressType></Address>';

const sites = (account: string) => `/api/accounts/${account}/sites`;
const peers = (siteId: string, account = ACCOUNT) => `${sites(account)}/${siteId}/sippeers`;
const peer = (siteId: string, peerId: string, account = ACCOUNT) => `${peers(siteId, account)}/${peerId}`;

function sipPeer(inner: string): string {
  return `<SipPeer>${inner}</SipPeer>`;
}

function host(name: string, port?: number): string {
  return `<Host><HostName>${name}</HostName>${port === undefined ? '' : `<Port>${port}</Port>`}</Host>`;
}

function voiceHosts(...names: string[]): string {
  return `<VoiceHosts>${names.map((n) => host(n)).join('')}</VoiceHosts>`;
}

function smsHosts(...names: string[]): string {
  return `<SmsHosts>${names.map((n) => host(n)).join('')}</SmsHosts>`;
}

function terminationHost(name: string, extra = ''): string {
  return `<TerminationHost><HostName>${name}</HostName>${extra}</TerminationHost>`;
}

function terminationHosts(...names: string[]): string {
  return `<TerminationHosts>${names.map((n) => terminationHost(n)).join('')}</TerminationHosts>`;
}

function group(...names: string[]): string {
  return `<VoiceHostGroup>${names.map((n) => host(n)).join('')}</VoiceHostGroup>`;
}

/** A loosely parsed repeated element as an array: absent or empty → [], one → [it]. */
function items(value: unknown): unknown[] {
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

function hostNames(list: unknown, item = 'Host'): string[] {
  return items(at(list, item)).map((h) => at(h, 'HostName') as string);
}

function assertPeerError(res: Reply, status: number, code: string): void {
  assert.equal(res.status, status, res.body);
  assert.equal(at(res.xml, 'SipPeerResponse', 'ResponseStatus', 'ErrorCode'), code, res.body);
  assert.ok(at(res.xml, 'SipPeerResponse', 'ResponseStatus', 'Description'), res.body);
}

describe('SIP peers', () => {
  let h: Harness;
  let siteCount = 0;

  before(async () => {
    h = await startHarness();
    const { createAccount } = await import('../accounts/accounts.service.js');
    const { grantUser } = await import('../users/users.service.js');
    await createAccount(h.app.deps, { id: OTHER, companyName: 'Other Co' });
    await createAccount(h.app.deps, { id: HOSTS_ACCOUNT, companyName: 'Hosts Co' });
    await createAccount(h.app.deps, {
      id: UC_ACCOUNT,
      companyName: 'UC Co',
      products: [{ name: 'UcTrunking', features: [] }],
    });
    await grantUser(h.app.deps, 'demo', { accounts: [OTHER, HOSTS_ACCOUNT, UC_ACCOUNT] });
  });
  after(() => h.close());

  /** A fresh site (distinct name per call) in `account`; returns its id. */
  async function newSite(account = ACCOUNT, extra = ''): Promise<string> {
    siteCount += 1;
    const res = await h.post(
      sites(account),
      `<Site><Name>S${siteCount}</Name><Description>SIP peer tests</Description>${extra}${ADDRESS}</Site>`,
    );
    assert.equal(res.status, 201, res.body);
    return idFromLocation(res);
  }

  async function createPeer(siteId: string, inner: string, account = ACCOUNT): Promise<string> {
    const res = await h.post(peers(siteId, account), sipPeer(inner));
    assert.equal(res.status, 201, res.body);
    return idFromLocation(res);
  }

  async function getPeer(
    siteId: string,
    peerId: string,
    account = ACCOUNT,
  ): Promise<Record<string, unknown>> {
    const res = await h.get(peer(siteId, peerId, account));
    assert.equal(res.status, 200, res.body);
    return at(res.xml, 'SipPeerResponse', 'SipPeer') as Record<string, unknown>;
  }

  async function listPeers(siteId: string, account = ACCOUNT): Promise<Record<string, unknown>[]> {
    const res = await h.get(peers(siteId, account));
    assert.equal(res.status, 200, res.body);
    return items(at(res.xml, 'TNSipPeersResponse', 'SipPeers', 'SipPeer')) as Record<string, unknown>[];
  }

  /** The ids of the site's default peers (the site must always have exactly one while it has peers). */
  async function defaults(siteId: string): Promise<string[]> {
    return (await listPeers(siteId)).filter((p) => p.IsDefaultPeer === 'true').map((p) => p.PeerId as string);
  }

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
      assert.deepEqual(got.Address, {
        HouseNumber: '900',
        StreetName: 'Main Campus Drive',
        City: 'Raleigh',
        StateCode: 'NC',
        Zip: '27606',
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

  describe('default peer', () => {
    it('makes the first peer of a site its default even when IsDefaultPeer is false', async () => {
      const siteId = await newSite();
      const first = await createPeer(
        siteId,
        '<PeerName>First</PeerName><IsDefaultPeer>false</IsDefaultPeer>',
      );
      assert.equal((await getPeer(siteId, first)).IsDefaultPeer, 'true');
      const second = await createPeer(siteId, '<PeerName>Second</PeerName>');
      assert.equal((await getPeer(siteId, second)).IsDefaultPeer, 'false');
      assert.deepEqual(await defaults(siteId), [first]);
    });

    it('moves the default to a new peer created with IsDefaultPeer=true, and via PUT IsDefaultPeer=true', async () => {
      const siteId = await newSite();
      const a = await createPeer(siteId, '<PeerName>MoveA</PeerName>');
      const b = await createPeer(siteId, '<PeerName>MoveB</PeerName><IsDefaultPeer>true</IsDefaultPeer>');
      assert.deepEqual(await defaults(siteId), [b]);
      const res = await h.put(peer(siteId, a), sipPeer('<IsDefaultPeer>true</IsDefaultPeer>'));
      assert.equal(res.status, 200, res.body);
      assert.deepEqual(await defaults(siteId), [a]);
      // A non-default peer may say false: nothing changes.
      const noop = await h.put(peer(siteId, b), sipPeer('<IsDefaultPeer>false</IsDefaultPeer>'));
      assert.equal(noop.status, 200, noop.body);
      assert.deepEqual(await defaults(siteId), [a]);
    });

    it('refuses IsDefaultPeer=false on the default peer (400 13522) and keeps it default', async () => {
      const siteId = await newSite();
      const a = await createPeer(siteId, '<PeerName>KeepDef</PeerName>');
      await createPeer(siteId, '<PeerName>Other</PeerName>');
      const res = await h.put(
        peer(siteId, a),
        sipPeer('<Description>x</Description><IsDefaultPeer>false</IsDefaultPeer>'),
      );
      assertPeerError(res, 400, '13522');
      const got = await getPeer(siteId, a);
      assert.equal(got.IsDefaultPeer, 'true');
      assert.equal(got.Description, undefined, 'a refused PUT changes nothing');
      assert.deepEqual(await defaults(siteId), [a]);
    });

    it('refuses to delete the default while other peers exist (400 13558), then deletes it once it is alone', async () => {
      const siteId = await newSite();
      const a = await createPeer(siteId, '<PeerName>DelDef</PeerName>');
      const b = await createPeer(siteId, '<PeerName>DelOther</PeerName>');
      const refused = await h.del(peer(siteId, a));
      assertPeerError(refused, 400, '13558');
      assert.deepEqual(await defaults(siteId), [a]);

      const delOther = await h.del(peer(siteId, b));
      assert.equal(delOther.status, 200, delOther.body);
      assert.equal(delOther.body, '');
      const delLast = await h.del(peer(siteId, a));
      assert.equal(delLast.status, 200, delLast.body);
      assert.deepEqual(await listPeers(siteId), []);
      assertPeerError(await h.get(peer(siteId, a)), 400, '13563');

      // The site is empty again: the next peer becomes its default.
      const c = await createPeer(siteId, '<PeerName>Again</PeerName><IsDefaultPeer>false</IsDefaultPeer>');
      assert.deepEqual(await defaults(siteId), [c]);
    });

    it('keeps exactly one default per site across creates, updates and deletes', async () => {
      const siteId = await newSite();
      const ids: string[] = [];
      for (const [i, flag] of ['false', 'true', '', 'true'].entries()) {
        const def = flag ? `<IsDefaultPeer>${flag}</IsDefaultPeer>` : '';
        ids.push(await createPeer(siteId, `<PeerName>One${i}</PeerName>${def}`));
        assert.equal((await defaults(siteId)).length, 1);
      }
      assert.deepEqual(await defaults(siteId), [ids[3]]);
      assert.equal(
        (await h.put(peer(siteId, ids[2] as string), sipPeer('<IsDefaultPeer>true</IsDefaultPeer>'))).status,
        200,
      );
      assert.deepEqual(await defaults(siteId), [ids[2]]);
      assert.equal((await h.del(peer(siteId, ids[3] as string))).status, 200);
      assert.deepEqual(await defaults(siteId), [ids[2]]);
      // Another site's default is untouched by all of this.
      const otherSite = await newSite();
      const otherDefault = await createPeer(otherSite, '<PeerName>One0</PeerName>');
      await createPeer(siteId, '<PeerName>One9</PeerName><IsDefaultPeer>true</IsDefaultPeer>');
      assert.deepEqual(await defaults(otherSite), [otherDefault]);
    });
    it('keeps one default and answers no 5xx when creates, updates and deletes of a site race', async () => {
      for (let round = 0; round < 30; round++) {
        const siteId = await newSite();
        const a = await createPeer(siteId, `<PeerName>RaceA</PeerName>`);
        const replies = await Promise.all([
          h.put(peer(siteId, a), sipPeer('<Description>racing</Description>')),
          h.post(peers(siteId), sipPeer('<PeerName>RaceB</PeerName><IsDefaultPeer>true</IsDefaultPeer>')),
          h.del(peer(siteId, a)),
          h.post(peers(siteId), sipPeer('<PeerName>RaceC</PeerName>')),
          h.put(peer(siteId, a), sipPeer('<IsDefaultPeer>true</IsDefaultPeer>')),
        ]);
        for (const r of replies) assert.ok(r.status < 500, `round ${round}: ${r.status} ${r.body}`);
        const list = await listPeers(siteId);
        assert.equal(list.filter((p) => p.IsDefaultPeer === 'true').length, 1, `round ${round}`);
      }
    });
  });

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

  describe('validation', () => {
    let siteId: string;
    before(async () => {
      siteId = await newSite();
    });

    const eleven = (make: (i: number) => string) => Array.from({ length: 11 }, (_, i) => make(i)).join('');
    const name = (n: string) => `<PeerName>${n}</PeerName>`;
    const invalid: [string, string, string, number?][] = [
      ['a missing PeerName', '<Description>No name</Description>', '13500'],
      ['an empty PeerName', '<PeerName>  </PeerName>', '13500'],
      ['a PeerName over 10 characters', name('ElevenChars'), '13501'],
      [
        'a Description over 50 characters',
        name('LongDesc') + `<Description>${'d'.repeat(51)}</Description>`,
        '13503',
      ],
      [
        'VoiceHosts together with VoiceHostGroups',
        name('Both') +
          voiceHosts('a.both.example.com') +
          `<VoiceHostGroups>${group('b.both.example.com')}</VoiceHostGroups>`,
        '13504',
      ],
      [
        '11 voice hosts',
        name('V11') + `<VoiceHosts>${eleven((i) => host(`v${i}.example.com`))}</VoiceHosts>`,
        '13506',
      ],
      [
        '6 voice host groups',
        name('G6') +
          `<VoiceHostGroups>${Array.from({ length: 6 }, (_, i) => group(`g${i}.example.com`)).join('')}</VoiceHostGroups>`,
        '13507',
      ],
      [
        'a voice host group with 11 hosts',
        name('G11') +
          `<VoiceHostGroups><VoiceHostGroup>${eleven((i) => host(`g${i}.example.com`))}</VoiceHostGroup></VoiceHostGroups>`,
        '12119',
      ],
      [
        '11 SMS hosts',
        name('S11') + `<SmsHosts>${eleven((i) => host(`s${i}.example.com`))}</SmsHosts>`,
        '13508',
      ],
      [
        '11 termination hosts',
        name('T11') +
          `<TerminationHosts>${eleven((i) => terminationHost(`198.18.99.${i + 1}`))}</TerminationHosts>`,
        '12119',
      ],
      ['an invalid voice host name', name('BadHost') + voiceHosts('not a host!'), '13509'],
      ['an invalid SMS host name', name('BadSms') + smsHosts('-bad-.example.com'), '13509'],
      [
        'a voice host without HostName',
        name('NoHost') + '<VoiceHosts><Host><Port>5060</Port></Host></VoiceHosts>',
        '13509',
      ],
      [
        'a FinalDestinationUri with port 99999',
        name('UriPort') + '<FinalDestinationUri>sip:final.example.com:99999</FinalDestinationUri>',
        '13510',
      ],
      [
        'an invalid FinalDestinationUri',
        name('BadUri') + '<FinalDestinationUri>not a uri</FinalDestinationUri>',
        '13510',
      ],
      ['port 70000', name('BadPort') + `<VoiceHosts>${host('p.example.com', 70000)}</VoiceHosts>`, '13543'],
      [
        'a non-numeric port',
        name('NaNPort') +
          '<VoiceHosts><Host><HostName>p.example.com</HostName><Port>http</Port></Host></VoiceHosts>',
        '13543',
      ],
      [
        'termination port 70000',
        name('TermPort') +
          `<TerminationHosts>${terminationHost('198.18.98.1', '<Port>70000</Port>')}</TerminationHosts>`,
        '13543',
      ],
      [
        'a duplicate voice host',
        name('DupVoice') + voiceHosts('dup.example.com', 'DUP.example.com'),
        '13553',
      ],
      ['a duplicate SMS host', name('DupSms') + smsHosts('dup.example.com', 'dup.example.com'), '13553'],
      [
        'a duplicate termination host',
        name('DupTerm') + terminationHosts('198.18.97.1', '198.18.97.1'),
        '13553',
      ],
      [
        'an SMS host with a port',
        name('SmsPort') + `<SmsHosts>${host('sms.example.com', 2775)}</SmsHosts>`,
        '13568',
      ],
      [
        'a bad ShortMessagingProtocol',
        name('BadProto') + '<ShortMessagingProtocol>MMS</ShortMessagingProtocol>',
        '13567',
      ],
      [
        'a bad CustomerTrafficAllowed',
        name('BadCta') +
          `<TerminationHosts>${terminationHost('198.18.96.1', '<CustomerTrafficAllowed>SOME</CustomerTrafficAllowed>')}</TerminationHosts>`,
        '12586',
      ],
      [
        'a bad DataAllowed',
        name('BadData') +
          `<TerminationHosts>${terminationHost('198.18.95.1', '<DataAllowed>yes</DataAllowed>')}</TerminationHosts>`,
        '12751',
      ],
      ['a bad IsDefaultPeer', name('BadDef') + '<IsDefaultPeer>yes</IsDefaultPeer>', '12751'],
      [
        'CallingName without Display',
        name('NoDisp') + '<CallingName><Enforced>true</Enforced></CallingName>',
        '13581',
      ],
      [
        'CallingName without Enforced',
        name('NoEnf') + '<CallingName><Display>true</Display></CallingName>',
        '13582',
      ],
      [
        'a bad CallingName Display',
        name('BadDisp') + '<CallingName><Display>sometimes</Display><Enforced>true</Enforced></CallingName>',
        '13579',
      ],
      [
        'a bad CallingName Enforced',
        name('BadEnf') + '<CallingName><Display>true</Display><Enforced>1</Enforced></CallingName>',
        '13580',
      ],
      ['a termination mask of /8', name('Mask8') + terminationHosts('10.0.0.0/8'), '13593'],
      ['a termination mask of /33', name('Mask33') + terminationHosts('198.18.94.0/33'), '13593'],
      ['a CIDR with host bits set', name('HostBits') + terminationHosts('12.45.67.49/29'), '13595'],
      ['a non-IP termination host', name('TermFqdn') + terminationHosts('term.example.com'), '13594'],
      ['an IPv6 termination host', name('TermV6') + terminationHosts('2001:db8::1'), '13594'],
      ['a loopback termination host', name('Loop') + terminationHosts('127.0.0.1'), '13625'],
      ['a multicast termination block', name('Mcast') + terminationHosts('224.0.0.0/16'), '13625'],
      ['negative PremiseTrunks', name('NegTrunk') + '<PremiseTrunks>-1</PremiseTrunks>', '13573'],
      ['non-numeric PremiseTrunks', name('NaNTrunk') + '<PremiseTrunks>ten</PremiseTrunks>', '13573'],
      [
        'an address without HouseNumber',
        name('NoHouse') + ADDRESS.replace('<HouseNumber>900</HouseNumber>', ''),
        '12536',
      ],
      ['an address without City', name('NoCity') + ADDRESS.replace('<City>Raleigh</City>', ''), '12540'],
      [
        'an address with an unknown state',
        name('BadState') + ADDRESS.replace('<StateCode>NC', '<StateCode>XX'),
        '12535',
      ],
      ['an address with a bad Zip', name('BadZip') + ADDRESS.replace('<Zip>27606', '<Zip>2760A'), '13103'],
      [
        'an address without AddressType',
        name('NoType') + ADDRESS.replace('<AddressType>Service</AddressType>', ''),
        '12554',
      ],
    ];
    for (const [what, inner, code, status = 400] of invalid) {
      it(`rejects ${what} with ${status} SipPeerResponse ${code}`, async () => {
        assertPeerError(await h.post(peers(siteId), sipPeer(inner)), status, code);
      });
    }

    it('creates nothing when a create is rejected', async () => {
      assert.deepEqual(await listPeers(siteId), []);
      // 198.18.99.1 was in the rejected 11-host payload: it was not reserved.
      await createPeer(
        siteId,
        `<PeerName>AfterBad</PeerName>${terminationHosts('198.18.99.1', '198.18.97.1')}`,
      );
    });

    it('accepts the limits themselves: 10-character name, 50-character description, 10 hosts, 5 groups of 10', async () => {
      const ten = (make: (i: number) => string) => Array.from({ length: 10 }, (_, i) => make(i)).join('');
      const id = await createPeer(
        siteId,
        `<PeerName>TenChars10</PeerName><Description>${'d'.repeat(50)}</Description>` +
          `<SmsHosts>${ten((i) => host(`s${i}.limits.example.com`))}</SmsHosts>` +
          `<TerminationHosts>${ten((i) => terminationHost(`198.18.90.${i + 1}`, '<Port>5060</Port>'))}</TerminationHosts>` +
          `<VoiceHostGroups>${Array.from({ length: 5 }, (_, g) => `<VoiceHostGroup>${ten((i) => host(`h${i}.g${g}.example.com`, 5060 + i))}</VoiceHostGroup>`).join('')}</VoiceHostGroups>` +
          '<PremiseTrunks>0</PremiseTrunks><FinalDestinationUri>10.1.2.3</FinalDestinationUri>',
      );
      const got = await getPeer(siteId, id);
      assert.equal(got.PeerName, 'TenChars10');
      assert.equal(items(at(got.SmsHosts, 'Host')).length, 10);
      assert.equal(items(at(got.TerminationHosts, 'TerminationHost')).length, 10);
      const groups = items(at(got.VoiceHostGroups, 'VoiceHostGroup'));
      assert.equal(groups.length, 5);
      for (const g of groups) assert.equal(items(at(g, 'Host')).length, 10);
      const voice = await createPeer(
        siteId,
        `<PeerName>TenVoice</PeerName><VoiceHosts>${ten((i) => host(`v${i}.limits.example.com`, 5060))}</VoiceHosts>`,
      );
      assert.equal(items(at(await getPeer(siteId, voice), 'VoiceHosts', 'Host')).length, 10);
    });

    it('answers 400 for a body that is not a SipPeer', async () => {
      const res = await h.post(peers(siteId), '<Site><Name>Wrong</Name></Site>');
      assert.equal(res.status, 400, res.body);
      assert.ok(at(res.xml, 'SipPeerResponse', 'ResponseStatus', 'Description'), res.body);
    });
  });

  describe('termination hosts are unique across the whole system', () => {
    let siteA: string;
    let siteB: string;
    let otherSite: string;
    before(async () => {
      siteA = await newSite();
      siteB = await newSite();
      otherSite = await newSite(OTHER);
    });

    it('refuses the same IP on another peer of the same site, another site and another account (409 13569)', async () => {
      await createPeer(siteA, `<PeerName>Owner</PeerName>${terminationHosts('203.0.113.10')}`);
      assertPeerError(
        await h.post(
          peers(siteA),
          sipPeer(`<PeerName>SameSite</PeerName>${terminationHosts('203.0.113.10')}`),
        ),
        409,
        '13569',
      );
      assertPeerError(
        await h.post(
          peers(siteB),
          sipPeer(`<PeerName>OtherSite</PeerName>${terminationHosts('203.0.113.10')}`),
        ),
        409,
        '13569',
      );
      assertPeerError(
        await h.post(
          peers(otherSite, OTHER),
          sipPeer(`<PeerName>OtherAcct</PeerName>${terminationHosts('203.0.113.10')}`),
        ),
        409,
        '13569',
      );
      assert.deepEqual(await listPeers(otherSite, OTHER), []);
    });

    it('answers 409 13552 when the clashing entry gives a Port', async () => {
      await createPeer(siteA, `<PeerName>PortOwner</PeerName>${terminationHosts('203.0.113.20')}`);
      const body = `<PeerName>WithPort</PeerName><TerminationHosts>${terminationHost('203.0.113.20', '<Port>5060</Port>')}</TerminationHosts>`;
      assertPeerError(await h.post(peers(siteB), sipPeer(body)), 409, '13552');
      assertPeerError(await h.post(peers(otherSite, OTHER), sipPeer(body)), 409, '13552');
    });

    it('refuses an IP inside an existing block and a block containing an existing IP', async () => {
      await createPeer(siteA, `<PeerName>Block</PeerName>${terminationHosts('198.51.100.0/24')}`);
      const inside = await h.post(
        peers(otherSite, OTHER),
        sipPeer(`<PeerName>Inside</PeerName>${terminationHosts('198.51.100.77')}`),
      );
      assertPeerError(inside, 409, '13569');
      const overlapping = await h.post(
        peers(siteB),
        sipPeer(`<PeerName>Overlap</PeerName>${terminationHosts('198.51.0.0/16')}`),
      );
      assertPeerError(overlapping, 409, '13569');

      await createPeer(siteA, `<PeerName>Single</PeerName>${terminationHosts('203.0.113.35')}`);
      const containing = await h.post(
        peers(otherSite, OTHER),
        sipPeer(`<PeerName>Contains</PeerName>${terminationHosts('203.0.113.32/29')}`),
      );
      assertPeerError(containing, 409, '13569');
      // A neighbouring block that does not overlap is fine.
      await createPeer(
        otherSite,
        `<PeerName>Neighbour</PeerName>${terminationHosts('203.0.113.40/29')}`,
        OTHER,
      );
    });

    it('rejects two overlapping entries in one payload', async () => {
      const res = await h.post(
        peers(siteB),
        sipPeer(`<PeerName>SelfClash</PeerName>${terminationHosts('203.0.113.48/29', '203.0.113.50')}`),
      );
      assert.ok(res.status === 400 || res.status === 409, res.body);
      assert.ok(['13569', '13553'].includes(errorCode(res) ?? ''), res.body);
      assert.ok(at(res.xml, 'SipPeerResponse', 'ResponseStatus', 'Description'));
      // Nothing was reserved: both addresses are still free.
      await createPeer(siteB, `<PeerName>Free</PeerName>${terminationHosts('203.0.113.50')}`);
    });

    it('lets SMS and voice hosts be shared, even with termination addresses', async () => {
      const shared = `${voiceHosts('shared.example.com', '203.0.113.60')}${smsHosts('sms.shared.example.com')}`;
      await createPeer(siteA, `<PeerName>Share1</PeerName>${shared}${terminationHosts('203.0.113.60')}`);
      await createPeer(siteB, `<PeerName>Share2</PeerName>${shared}`);
      await createPeer(otherSite, `<PeerName>Share3</PeerName>${shared}`, OTHER);
    });

    it('lets a peer be updated while keeping its own termination hosts, and refuses one taken elsewhere', async () => {
      const id = await createPeer(
        siteA,
        `<PeerName>Keeper</PeerName>${terminationHosts('203.0.113.64/30', '203.0.113.70')}`,
      );
      const resend = await h.put(
        peer(siteA, id),
        sipPeer(`<Description>same</Description>${terminationHosts('203.0.113.64/30', '203.0.113.70')}`),
      );
      assert.equal(resend.status, 200, resend.body);
      const untouched = await h.put(peer(siteA, id), sipPeer('<Description>other</Description>'));
      assert.equal(untouched.status, 200, untouched.body);
      assert.deepEqual(hostNames((await getPeer(siteA, id)).TerminationHosts, 'TerminationHost'), [
        '203.0.113.64/30',
        '203.0.113.70',
      ]);

      const otherId = await createPeer(
        siteB,
        `<PeerName>Taker</PeerName>${terminationHosts('203.0.113.80')}`,
      );
      const steal = await h.put(
        peer(siteB, otherId),
        sipPeer(terminationHosts('203.0.113.80', '203.0.113.70')),
      );
      assertPeerError(steal, 409, '13569');
      assert.deepEqual(hostNames((await getPeer(siteB, otherId)).TerminationHosts, 'TerminationHost'), [
        '203.0.113.80',
      ]);
    });

    it('frees termination addresses when a peer drops them or is deleted', async () => {
      const id = await createPeer(
        siteA,
        `<PeerName>Release</PeerName>${terminationHosts('203.0.113.90', '203.0.113.91')}`,
      );
      assert.equal((await h.put(peer(siteA, id), sipPeer(terminationHosts('203.0.113.91')))).status, 200);
      await createPeer(otherSite, `<PeerName>Got90</PeerName>${terminationHosts('203.0.113.90')}`, OTHER);
      assertPeerError(
        await h.post(peers(siteB), sipPeer(`<PeerName>Want91</PeerName>${terminationHosts('203.0.113.91')}`)),
        409,
        '13569',
      );
      assert.equal((await h.del(peer(siteA, id))).status, 200);
      await createPeer(siteB, `<PeerName>Got91</PeerName>${terminationHosts('203.0.113.91')}`);
    });
  });

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

  describe('not found and isolation', () => {
    let siteId: string;
    let peerId: string;
    let otherSiteId: string;
    let otherPeerId: string;
    before(async () => {
      siteId = await newSite();
      peerId = await createPeer(siteId, '<PeerName>Mine</PeerName>');
      otherSiteId = await newSite(OTHER);
      otherPeerId = await createPeer(otherSiteId, '<PeerName>Theirs</PeerName>', OTHER);
    });

    it('answers 400 13563 for an unknown or non-numeric peer id on GET', async () => {
      assertPeerError(await h.get(peer(siteId, '999999')), 400, '13563');
      assertPeerError(await h.get(peer(siteId, 'abc')), 400, '13563');
      assertPeerError(await h.get(peer(siteId, '0')), 400, '13563');
    });

    it('answers 404 with an empty body for an unknown or non-numeric peer on DELETE', async () => {
      for (const id of ['999999', 'abc']) {
        const res = await h.del(peer(siteId, id));
        assert.equal(res.status, 404, res.body);
        assert.equal(res.body, '');
      }
    });

    it('answers 404 12016 for an unknown site on every operation', async () => {
      const list = await h.get(peers('987654'));
      assert.equal(list.status, 404);
      assert.equal(at(list.xml, 'TNSipPeersResponse', 'ResponseStatus', 'ErrorCode'), '12016');
      assertPeerError(await h.post(peers('987654'), sipPeer('<PeerName>Nowhere</PeerName>')), 404, '12016');
      assertPeerError(await h.get(peer('987654', peerId)), 404, '12016');
      assertPeerError(
        await h.put(peer('987654', peerId), sipPeer('<Description>x</Description>')),
        404,
        '12016',
      );
      // DELETE keeps its documented empty 404.
      const del = await h.del(peer('987654', peerId));
      assert.equal(del.status, 404);
      assert.equal(del.body, '');
    });

    it('does not find a peer under another site of the same account', async () => {
      const elsewhere = await newSite();
      assertPeerError(await h.get(peer(elsewhere, peerId)), 400, '13563');
      assert.equal((await h.del(peer(elsewhere, peerId))).status, 404);
      assert.equal((await getPeer(siteId, peerId)).PeerName, 'Mine');
    });

    it("keeps another account's sites and peers invisible", async () => {
      // Their peer id under our site.
      assertPeerError(await h.get(peer(siteId, otherPeerId)), 400, '13563');
      assertPeerError(
        await h.put(peer(siteId, otherPeerId), sipPeer('<Description>hijack</Description>')),
        400,
        '13563',
      );
      assert.equal((await h.del(peer(siteId, otherPeerId))).status, 404);
      // Their site under our account.
      assertPeerError(await h.get(peer(otherSiteId, otherPeerId)), 404, '12016');
      assertPeerError(
        await h.post(peers(otherSiteId), sipPeer('<PeerName>Intruder</PeerName>')),
        404,
        '12016',
      );
      // Still intact in its own account.
      const theirs = await getPeer(otherSiteId, otherPeerId, OTHER);
      assert.equal(theirs.PeerName, 'Theirs');
      assert.equal(theirs.Description, undefined);
      assert.deepEqual(
        (await listPeers(otherSiteId, OTHER)).map((p) => p.PeerName),
        ['Theirs'],
      );
    });

    it('answers 400 12527 for a non-numeric site id', async () => {
      const res = await h.get(peers('abc'));
      assert.equal(res.status, 400, res.body);
      assert.equal(errorCode(res), '12527');
    });

    it('requires credentials, the account grant, and ROLE_API_SITE VIEW/UPDATE', async () => {
      assert.equal((await h.get(peers(siteId), { auth: null })).status, 401);
      const { createUser } = await import('../users/users.service.js');
      await createUser(h.app.deps, {
        username: 'peerviewer',
        password: 'Viewer-Pass-1',
        accounts: [OTHER],
        roles: [{ role: 'ROLE_API_SITE', permissions: ['VIEW'] }],
      });
      const viewer = ['peerviewer', 'Viewer-Pass-1'] as const;
      // Not granted the demo account.
      assert.equal((await h.get(peers(siteId), { auth: viewer })).status, 403);
      assert.equal((await h.get(peer(siteId, peerId), { auth: viewer })).status, 403);
      // Granted OTHER with VIEW only: may read, may not write.
      const read = await h.get(peer(otherSiteId, otherPeerId, OTHER), { auth: viewer });
      assert.equal(read.status, 200, read.body);
      const write = await h.post(peers(otherSiteId, OTHER), sipPeer('<PeerName>ViewOnly</PeerName>'), {
        auth: viewer,
      });
      assert.equal(write.status, 403, write.body);
      const del = await h.del(peer(otherSiteId, otherPeerId, OTHER), { auth: viewer });
      assert.equal(del.status, 403, del.body);
      assert.equal((await getPeer(otherSiteId, otherPeerId, OTHER)).PeerName, 'Theirs');
      // The hosts listing is an account resource (ROLE_API_ACCOUNT).
      assert.equal((await h.get(`/api/accounts/${OTHER}/hosts`, { auth: viewer })).status, 403);
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
