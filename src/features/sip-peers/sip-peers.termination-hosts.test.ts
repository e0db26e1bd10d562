/** SIP peers: termination hosts (IPs and CIDR blocks) are unique across peers, sites and accounts. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, errorCode, type Harness } from '../../../test/support/harness.js';
import {
  OTHER,
  peers,
  peer,
  sipPeer,
  voiceHosts,
  smsHosts,
  terminationHost,
  terminationHosts,
  hostNames,
  assertPeerError,
  peerHelpers,
  startPeersHarness,
} from './sip-peers.fixtures.js';

describe('SIP peers: termination hosts are unique across the whole system', () => {
  let h: Harness;
  before(async () => {
    h = await startPeersHarness();
  });
  after(() => h.close());
  const { newSite, createPeer, getPeer, listPeers } = peerHelpers(() => h);

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
      await h.post(peers(siteA), sipPeer(`<PeerName>SameSite</PeerName>${terminationHosts('203.0.113.10')}`)),
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

    const otherId = await createPeer(siteB, `<PeerName>Taker</PeerName>${terminationHosts('203.0.113.80')}`);
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
