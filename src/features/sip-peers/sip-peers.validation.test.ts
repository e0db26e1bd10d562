/** SIP peers: every rejected create answers its SipPeerResponse error code and creates nothing; the limits themselves are accepted. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, type Harness } from '../../../test/support/harness.js';
import {
  ADDRESS,
  peers,
  sipPeer,
  host,
  voiceHosts,
  smsHosts,
  terminationHost,
  terminationHosts,
  group,
  items,
  assertPeerError,
  peerHelpers,
  startPeersHarness,
} from './sip-peers.fixtures.js';

describe('SIP peers: validation', () => {
  let h: Harness;
  before(async () => {
    h = await startPeersHarness();
  });
  after(() => h.close());
  const { newSite, createPeer, getPeer, listPeers } = peerHelpers(() => h);

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
    ['a duplicate voice host', name('DupVoice') + voiceHosts('dup.example.com', 'DUP.example.com'), '13553'],
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
