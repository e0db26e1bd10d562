/** SIP peers: unknown peers and sites, other sites and accounts, authentication and roles. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, errorCode, type Harness } from '../../../test/support/harness.js';
import {
  OTHER,
  peers,
  peer,
  sipPeer,
  assertPeerError,
  peerHelpers,
  startPeersHarness,
} from './sip-peers.fixtures.js';

describe('SIP peers: not found and isolation', () => {
  let h: Harness;
  before(async () => {
    h = await startPeersHarness();
  });
  after(() => h.close());
  const { newSite, createPeer, getPeer, listPeers } = peerHelpers(() => h);

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
    assertPeerError(await h.post(peers(otherSiteId), sipPeer('<PeerName>Intruder</PeerName>')), 404, '12016');
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
    const { createUser } = await import('../users/index.js');
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
