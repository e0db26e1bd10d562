/** SIP credentials: unknown names, updating hashes with PUT, deleting, and reading the list and one credential. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, errorCode, startHarness, type Harness } from '../../../test/support/harness.js';
import {
  CREDS,
  cred,
  batch,
  full,
  listed,
  enc,
  CREATED,
  seedCredentials,
} from './sip-credentials.fixtures.js';

describe('SIP credentials: reading, updating and deleting', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    // What the creation tests (sip-credentials.create.test.ts) leave behind, made with the same calls.
    await seedCredentials(
      h,
      CREATED.johnAndMathew,
      CREATED.bill,
      CREATED.extensionAndSymbols,
      CREATED.partial,
      CREATED.twice,
    );
  });
  after(() => h.close());

  it('answers 404 23007 for an unknown composite name on GET, PUT and DELETE', async () => {
    const expected = {
      ErrorCode: '23007',
      Description: 'Sip credential nobody@bw.com was not found on the account with ID = 9900000',
    };
    const get = await h.get(`${CREDS}/nobody%40bw.com`);
    assert.equal(get.status, 404);
    assert.deepEqual(at(get.xml, 'SipCredentialResponse', 'ResponseStatus'), expected);
    const put = await h.put(`${CREDS}/nobody%40bw.com`, cred({ Hash1: 'a', Hash1b: 'b' }));
    assert.equal(put.status, 404);
    assert.deepEqual(at(put.xml, 'SipCredentialResponse', 'ResponseStatus'), expected);
    const del = await h.del(`${CREDS}/nobody%40bw.com`);
    assert.equal(del.status, 404);
    assert.deepEqual(at(del.xml, 'SipCredentialResponse', 'ResponseStatus'), expected);
    // The domain is part of the name: John alone is another credential.
    assert.equal((await h.get(`${CREDS}/John`)).status, 404);
  });

  it('updates the hashes with PUT {Hash1, Hash1b}: 200 echoing the whole credential, and GET shows the change', async () => {
    await h.post(CREDS, batch(full('Upd')));
    const res = await h.put(`${CREDS}/Upd%40bw.com`, cred({ Hash1: 'new1', Hash1b: 'new1b' }));
    assert.equal(res.status, 200, res.body);
    const expected = { UserName: 'Upd', Domain: 'bw.com', Hash1: 'new1', Hash1b: 'new1b' };
    assert.deepEqual(at(res.xml, 'SipCredentialResponse', 'SipCredential'), expected);
    assert.deepEqual(
      at((await h.get(`${CREDS}/Upd%40bw.com`)).xml, 'SipCredentialResponse', 'SipCredential'),
      expected,
    );
  });

  it('accepts a PUT that repeats the unchanged UserName and Domain', async () => {
    const res = await h.put(
      `${CREDS}/Upd%40bw.com`,
      cred({ UserName: 'Upd', Domain: 'bw.com', Hash1: 'again', Hash1b: 'againb' }),
    );
    assert.equal(res.status, 200, res.body);
    assert.equal(at(res.xml, 'SipCredentialResponse', 'SipCredential', 'Hash1'), 'again');
  });

  it('updates a pre-aggregated credential, which stays without Domain', async () => {
    const res = await h.put(`${CREDS}/${enc('Bill@bw.com')}`, cred({ Hash1: 'billnew' }));
    assert.equal(res.status, 200, res.body);
    assert.deepEqual(at(res.xml, 'SipCredentialResponse', 'SipCredential'), {
      UserName: 'Bill@bw.com',
      Hash1: 'billnew',
    });
  });

  it('refuses a PUT that changes the UserName or the Domain with 23004, leaving the credential as it was', async () => {
    for (const change of [
      { UserName: 'Other' },
      { Domain: 'other.com' },
      { UserName: 'Other', Domain: 'other.com' },
    ]) {
      const res = await h.put(`${CREDS}/Upd%40bw.com`, cred({ ...change, Hash1: 'x', Hash1b: 'y' }));
      assert.equal(res.status, 400, res.body);
      assert.deepEqual(at(res.xml, 'SipCredentialResponse', 'ResponseStatus'), {
        ErrorCode: '23004',
        Description:
          'Unable to change the UserName or the Domain associated with the Hash Values. To do so requires deletion of one set of credentials and addition of a new set of credentials.',
      });
    }
    const got = await h.get(`${CREDS}/Upd%40bw.com`);
    assert.equal(at(got.xml, 'SipCredentialResponse', 'SipCredential', 'Hash1'), 'again');
  });

  it('refuses a PUT without Hash1 (1003) or with a hash over 64 characters (23002)', async () => {
    const missing = await h.put(`${CREDS}/Upd%40bw.com`, cred({ Hash1b: 'only' }));
    assert.equal(missing.status, 400);
    assert.deepEqual(at(missing.xml, 'SipCredentialResponse', 'ResponseStatus'), {
      ErrorCode: '1003',
      Description: 'Hash1 is required',
    });
    const long = await h.put(`${CREDS}/Upd%40bw.com`, cred({ Hash1: 'a'.repeat(65) }));
    assert.equal(long.status, 400);
    assert.equal(errorCode(long), '23002');
    const longB = await h.put(`${CREDS}/Upd%40bw.com`, cred({ Hash1: 'a', Hash1b: 'b'.repeat(65) }));
    assert.equal(longB.status, 400);
    assert.equal(errorCode(longB), '23002');
    const got = await h.get(`${CREDS}/Upd%40bw.com`);
    assert.equal(at(got.xml, 'SipCredentialResponse', 'SipCredential', 'Hash1'), 'again');
  });

  it('deletes: 200 with an empty body, then GET and DELETE answer 404 23007, and the name can be created again', async () => {
    await h.post(CREDS, batch(full('Gone')));
    const res = await h.del(`${CREDS}/Gone%40bw.com`);
    assert.equal(res.status, 200);
    assert.equal(res.body, '');
    const got = await h.get(`${CREDS}/Gone%40bw.com`);
    assert.equal(got.status, 404);
    assert.equal(errorCode(got), '23007');
    assert.equal(errorCode(await h.del(`${CREDS}/Gone%40bw.com`)), '23007');
    assert.ok(!listed(await h.get(CREDS)).includes('Gone@bw.com'));
    assert.equal((await h.post(CREDS, batch(full('Gone')))).status, 201);
  });

  it('lists every credential with a first link and, on a single page, no next link', async () => {
    const res = await h.get(CREDS);
    assert.equal(res.status, 200, res.body);
    const names = listed(res);
    for (const n of [
      'John@bw.com',
      'Mathew@bw.com',
      'Bill@bw.com',
      '1001',
      'Partial@bw.com',
      'Twice@bw.com',
      'Upd@bw.com',
    ]) {
      assert.ok(names.includes(n), `${n} listed`);
    }
    assert.equal(new Set(names).size, names.length);
    assert.match(
      String(at(res.xml, 'SipCredentialsResponse', 'Links', 'first')),
      /^Link=<http:\/\/localhost(:\d+)?\/v1\.0\/accounts\/9900000\/sipcredentials\?page=1&size=500>;rel="first";$/,
    );
    assert.equal(at(res.xml, 'SipCredentialsResponse', 'Links', 'next'), undefined);
    // XML-escaped on the wire: &lt; &gt; &amp; (and the quotes may be escaped too).
    assert.match(
      res.body,
      /<SipCredentialsResponse><Links><first>Link=&lt;http:[^<]*\?page=1&amp;size=500&gt;;rel=(&quot;|")first(&quot;|");<\/first><\/Links><SipCredentials><SipCredential>/,
    );
  });

  it('answers under /v1.0 as under /api', async () => {
    const res = await h.get('/v1.0/accounts/9900000/sipcredentials/John%40bw.com');
    assert.equal(res.status, 200);
    assert.equal(at(res.xml, 'SipCredentialResponse', 'SipCredential', 'UserName'), 'John');
  });
});
