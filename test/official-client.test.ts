import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  call,
  numbers as sdk,
  startOfficialClientRun,
  type Callback,
  type OfficialClientRun,
  type SdkError,
} from './support/official-client.js';

/** The official Node client on the account, its products, sites and SIP peers. */
interface SdkSite {
  id: number;
  name: string;
  description?: string;
  address?: Record<string, unknown>;
  update(data: object, cb: Callback<unknown>): void;
  delete(cb: Callback<unknown>): void;
  getSipPeers(cb: Callback<SdkSipPeer[]>): void;
}
interface SdkSipPeer {
  id: number;
  peerId: number;
  peerName: string;
  isDefaultPeer: boolean;
  siteId: number;
  voiceHosts: unknown;
  terminationHosts: unknown;
  update(data: object, cb: Callback<unknown>): void;
  delete(cb: Callback<unknown>): void;
}
interface Sdk {
  Account: {
    get(client: object, cb: Callback<Record<string, unknown>>): void;
    getProducts(client: object, cb: Callback<{ product: { name: string }[] }>): void;
  };
  Site: {
    create(client: object, data: object, cb: Callback<SdkSite>): void;
    get(client: object, id: number | string, cb: Callback<SdkSite>): void;
    list(client: object, cb: Callback<SdkSite[]>): void;
  };
  User: {
    list(client: object, cb: Callback<{ username: string }[]>): void;
  };
  SipPeer: {
    create(client: object, data: object, cb: Callback<SdkSipPeer>): void;
    get(client: object, siteId: number, id: number, cb: Callback<SdkSipPeer>): void;
    list(client: object, siteId: number, cb: Callback<SdkSipPeer[]>): void;
  };
}

const numbers = sdk as Sdk;

describe('the official Node client (@bandwidth/numbers 2.0.0)', () => {
  let run: OfficialClientRun;
  let client: object;

  before(async () => {
    run = await startOfficialClientRun();
    client = run.client;
  });
  after(() => run.stop());

  it('reads the account and its products', async () => {
    const account = await call<Record<string, unknown>>((cb) => numbers.Account.get(client, cb));
    assert.equal(account.accountId, 9900000);
    assert.equal(account.companyName, 'Demo Company');
    assert.equal(account.reservationAllowed, true);
    const products = await call<{ product: { name: string }[] }>((cb) =>
      numbers.Account.getProducts(client, cb),
    );
    assert.ok(products.product.some((p) => p.name === 'Origination'));
  });

  it("lists the users of the caller's accounts with User.list (GET /users)", async () => {
    const users = await call<{ username: string }[]>((cb) => numbers.User.list(client, cb));
    assert.ok(users.some((u) => u.username === 'demo'));
  });

  let site: SdkSite;

  it('creates a site (the client follows Location and GETs it), lists it, updates it', async () => {
    site = await call<SdkSite>((cb) =>
      numbers.Site.create(
        client,
        {
          name: 'SdkSite',
          description: 'Created by the Node client',
          address: {
            houseNumber: '123',
            streetName: 'Anywhere St',
            city: 'Raleigh',
            stateCode: 'NC',
            zip: '27609',
            addressType: 'Service',
          },
        },
        cb,
      ),
    );
    assert.equal(typeof site.id, 'number');
    assert.equal(site.name, 'SdkSite');
    assert.equal(site.address?.zip, 27609);

    const sites = await call<SdkSite[]>((cb) => numbers.Site.list(client, cb));
    assert.ok(sites.some((s) => s.id === site.id && s.name === 'SdkSite'));

    // The client's own example sends the whole fetched object back (client and all): it must work.
    site.description = 'Updated by the Node client';
    await call<unknown>((cb) => site.update(site, cb));
    const fetched = await call<SdkSite>((cb) => numbers.Site.get(client, site.id, cb));
    assert.equal(fetched.description, 'Updated by the Node client');
  });

  let peer: SdkSipPeer;

  it('creates, lists, reads, updates and deletes SIP peers', async () => {
    peer = await call<SdkSipPeer>((cb) =>
      numbers.SipPeer.create(
        client,
        {
          peerName: 'SdkPeer',
          isDefaultPeer: true,
          shortMessagingProtocol: 'SMPP',
          siteId: site.id,
          voiceHosts: [{ host: { hostName: '192.0.2.10' } }, { host: { hostName: 'sbc.example.com' } }],
          smsHosts: [{ host: { hostName: '192.0.2.10' } }],
          terminationHosts: [{ terminationHost: { hostName: '198.51.100.20', port: 5060 } }],
        },
        cb,
      ),
    );
    assert.equal(peer.peerName, 'SdkPeer');
    assert.equal(peer.isDefaultPeer, true);
    assert.ok(peer.id >= 100000 && peer.id <= 999999, `six-digit id ${peer.id}`);

    const second = await call<SdkSipPeer>((cb) =>
      numbers.SipPeer.create(client, { peerName: 'Second', isDefaultPeer: false, siteId: site.id }, cb),
    );
    const list = await call<SdkSipPeer[]>((cb) => numbers.SipPeer.list(client, site.id, cb));
    assert.deepEqual(list.map((p) => p.peerName).sort(), ['SdkPeer', 'Second']);
    assert.equal(list.filter((p) => p.isDefaultPeer).length, 1);

    const got = await call<SdkSipPeer>((cb) => numbers.SipPeer.get(client, site.id, peer.id, cb));
    assert.equal(got.peerName, 'SdkPeer');
    assert.deepEqual(got.terminationHosts, { terminationHost: { hostName: '198.51.100.20', port: 5060 } });

    await call<unknown>((cb) => got.update({ peerName: 'Renamed', description: 'via the client' }, cb));
    const renamed = await call<SdkSipPeer>((cb) => numbers.SipPeer.get(client, site.id, peer.id, cb));
    assert.equal(renamed.peerName, 'Renamed');

    await call<unknown>((cb) => second.delete(cb));
    await call<unknown>((cb) => renamed.delete(cb));
    assert.deepEqual(await call<SdkSipPeer[]>((cb) => numbers.SipPeer.list(client, site.id, cb)), []);
  });

  it('reports a Bandwidth error for a refused request and deletes the empty site', async () => {
    const err = await call<SdkSipPeer>((cb) =>
      numbers.SipPeer.create(client, { peerName: 'FarTooLongName', siteId: site.id }, cb),
    ).then(
      () => assert.fail('expected an error'),
      (e: unknown) => e as SdkError,
    );
    // The client's create calls hand back superagent's error: status plus the XML body.
    assert.equal(err.status, 400);
    assert.match(err.response?.text ?? '', /<ErrorCode>13501<\/ErrorCode>/);
    await call<unknown>((cb) => site.delete(cb));
    const missing = await call<SdkSite>((cb) => numbers.Site.get(client, site.id, cb)).then(
      () => assert.fail('expected 404'),
      (e: unknown) => e as SdkError,
    );
    assert.equal(missing.status, 404);
  });

  it('fails with 401 for a wrong password', async () => {
    const wrong = run.clientFor('9900000', 'demo', 'not-the-password');
    const err = await call<Record<string, unknown>>((cb) => numbers.Account.get(wrong, cb)).then(
      () => assert.fail('expected 401'),
      (e: unknown) => e as SdkError,
    );
    assert.equal(err.status, 401);
  });
});
