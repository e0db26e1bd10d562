/** SIP credentials: authentication, roles, and the isolation of one account's credentials from another's. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, errorCode, startHarness, type Harness } from '../../../test/support/harness.js';
import { createAccount } from '../accounts/index.js';
import { createUser, grantUser } from '../users/index.js';
import { CREDS, cred, batch, full, listed, CREATED, seedCredentials } from './sip-credentials.fixtures.js';

describe('SIP credentials: access', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    // John@bw.com, as the creation tests (sip-credentials.create.test.ts) create it.
    await seedCredentials(h, CREATED.johnAndMathew);
  });
  after(() => h.close());

  it('asks for credentials (401) and refuses a user without the site role (403 1001)', async () => {
    assert.equal((await h.get(CREDS, { auth: null })).status, 401);
    assert.equal((await h.get(CREDS, { auth: ['demo', 'wrong'] })).status, 401);
    await createUser(h.app.deps, {
      username: 'norole',
      password: 'secret1',
      accounts: ['9900000'],
      roles: [{ role: 'ROLE_API_ACCOUNT', permissions: ['VIEW', 'UPDATE'] }],
    });
    const res = await h.get(CREDS, { auth: ['norole', 'secret1'] });
    assert.equal(res.status, 403);
    assert.deepEqual(at(res.xml, 'SipCredentialsResponse', 'ResponseStatus'), {
      ErrorCode: '1001',
      Description: 'Access Denied',
    });
  });

  it('lets a user with VIEW only read credentials but not create, change or delete them', async () => {
    await createUser(h.app.deps, {
      username: 'viewer',
      password: 'secret1',
      accounts: ['9900000'],
      roles: [{ role: 'ROLE_API_SITE', permissions: ['VIEW'] }],
    });
    const auth = ['viewer', 'secret1'] as const;
    assert.equal((await h.get(CREDS, { auth })).status, 200);
    assert.equal((await h.get(`${CREDS}/John%40bw.com`, { auth })).status, 200);
    const post = await h.post(CREDS, batch(full('ByViewer')), { auth });
    assert.equal(post.status, 403);
    assert.equal(errorCode(post), '1001');
    assert.equal((await h.put(`${CREDS}/John%40bw.com`, cred({ Hash1: 'v' }), { auth })).status, 403);
    assert.equal((await h.del(`${CREDS}/John%40bw.com`, { auth })).status, 403);
    assert.equal((await h.get(`${CREDS}/ByViewer%40bw.com`)).status, 404);
    const john = await h.get(`${CREDS}/John%40bw.com`);
    assert.equal(at(john.xml, 'SipCredentialResponse', 'SipCredential', 'Hash1'), '1g32gadgs433dd4');
  });
});

describe('SIP credentials are per account', () => {
  let h: Harness;
  const OTHER = '9900720';
  const OTHER_CREDS = `/api/accounts/${OTHER}/sipcredentials`;
  before(async () => {
    h = await startHarness();
    await createAccount(h.app.deps, { id: OTHER, companyName: 'Other Co' });
    await grantUser(h.app.deps, 'demo', { accounts: [OTHER] });
    await createUser(h.app.deps, { username: 'outsider', password: 'secret1', accounts: [OTHER] });
    assert.equal((await h.post(CREDS, batch(full('Shared'), full('MineOnly')))).status, 201);
  });
  after(() => h.close());

  it("does not show one account's credentials under another", async () => {
    const list404 = await h.get(OTHER_CREDS);
    assert.equal(list404.status, 404);
    assert.equal(errorCode(list404), '23008');
    const one = await h.get(`${OTHER_CREDS}/Shared%40bw.com`);
    assert.equal(one.status, 404);
    assert.equal(
      at(one.xml, 'SipCredentialResponse', 'ResponseStatus', 'Description'),
      `Sip credential Shared@bw.com was not found on the account with ID = ${OTHER}`,
    );
    assert.equal((await h.put(`${OTHER_CREDS}/Shared%40bw.com`, cred({ Hash1: 'x' }))).status, 404);
    assert.equal((await h.del(`${OTHER_CREDS}/Shared%40bw.com`)).status, 404);
  });

  it('lets the same composite name exist on two accounts independently', async () => {
    const res = await h.post(OTHER_CREDS, batch({ ...full('Shared'), Hash1: 'other-account' }));
    assert.equal(res.status, 201, res.body);
    assert.doesNotMatch(res.body, /<Errors/);
    assert.deepEqual(listed(await h.get(OTHER_CREDS)), ['Shared@bw.com']);
    assert.equal(
      at((await h.get(`${CREDS}/Shared%40bw.com`)).xml, 'SipCredentialResponse', 'SipCredential', 'Hash1'),
      'h1-Shared',
    );
    assert.equal((await h.del(`${OTHER_CREDS}/Shared%40bw.com`)).status, 200);
    assert.equal((await h.get(`${CREDS}/Shared%40bw.com`)).status, 200, 'the other account keeps its own');
  });

  it('refuses a user of another account with 403 1001 on every call, changing nothing', async () => {
    const auth = ['outsider', 'secret1'] as const;
    assert.equal((await h.get(OTHER_CREDS, { auth })).status, 404, 'the outsider works on their own account');
    const list = await h.get(CREDS, { auth });
    assert.equal(list.status, 403);
    assert.deepEqual(at(list.xml, 'SipCredentialsResponse', 'ResponseStatus'), {
      ErrorCode: '1001',
      Description: 'Access Denied',
    });
    const one = await h.get(`${CREDS}/MineOnly%40bw.com`, { auth });
    assert.equal(one.status, 403);
    assert.deepEqual(at(one.xml, 'SipCredentialResponse', 'ResponseStatus'), {
      ErrorCode: '1001',
      Description: 'Access Denied',
    });
    assert.equal((await h.post(CREDS, batch(full('Intruder')), { auth })).status, 403);
    assert.equal((await h.put(`${CREDS}/MineOnly%40bw.com`, cred({ Hash1: 'x' }), { auth })).status, 403);
    assert.equal((await h.del(`${CREDS}/MineOnly%40bw.com`, { auth })).status, 403);
    const mine = await h.get(`${CREDS}/MineOnly%40bw.com`);
    assert.equal(at(mine.xml, 'SipCredentialResponse', 'SipCredential', 'Hash1'), 'h1-MineOnly');
    assert.equal((await h.get(`${CREDS}/Intruder%40bw.com`)).status, 404);
  });
});
