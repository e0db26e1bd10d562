/** SIP peers: every site with peers has exactly one default peer, across creates, updates, deletes and races. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Harness } from '../../../test/support/harness.js';
import {
  peers,
  peer,
  sipPeer,
  assertPeerError,
  peerHelpers,
  startPeersHarness,
} from './sip-peers.fixtures.js';

describe('SIP peers: default peer', () => {
  let h: Harness;
  before(async () => {
    h = await startPeersHarness();
  });
  after(() => h.close());
  const { newSite, createPeer, getPeer, listPeers, defaults } = peerHelpers(() => h);

  it('makes the first peer of a site its default even when IsDefaultPeer is false', async () => {
    const siteId = await newSite();
    const first = await createPeer(siteId, '<PeerName>First</PeerName><IsDefaultPeer>false</IsDefaultPeer>');
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
