/** SIP credentials: creating batches (all valid, partly rejected, all rejected, duplicates, concurrent) and reading what was created. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, errorCode, startHarness, type Harness } from '../../../test/support/harness.js';
import { CREDS, batch, full, list, composites, enc } from './sip-credentials.fixtures.js';

describe('SIP credentials: creation', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('answers 404 23008 in the SipCredentialsResponse shape while the account has no credentials', async () => {
    const res = await h.get(CREDS);
    assert.equal(res.status, 404);
    assert.deepEqual(at(res.xml, 'SipCredentialsResponse', 'ResponseStatus'), {
      ErrorCode: '23008',
      Description: 'There are no Sip credentials associated with the account with ID = 9900000',
    });
  });

  it('creates a batch: 201 with every entry under ValidSipCredentials and no Errors element at all', async () => {
    const res = await h.post(
      CREDS,
      batch(
        { UserName: 'John', Domain: 'bw.com', Hash1: '1g32gadgs433dd4', Hash1b: '1g32gadgs433d24' },
        { UserName: 'Mathew@bw.com', Hash1: '43543gggs43g324', Hash1b: '1g32gadgs433a34' },
      ),
    );
    assert.equal(res.status, 201, res.body);
    assert.match(res.headers['content-type'] as string, /^application\/xml/);
    // The official Node client treats any Errors element with content as a failure.
    assert.doesNotMatch(res.body, /<Errors/);
    assert.doesNotMatch(res.body, /ResponseStatus/);
    assert.deepEqual(list(at(res.xml, 'SipCredentialsResponse', 'ValidSipCredentials', 'SipCredential')), [
      { UserName: 'John', Domain: 'bw.com', Hash1: '1g32gadgs433dd4', Hash1b: '1g32gadgs433d24' },
      { UserName: 'Mathew@bw.com', Hash1: '43543gggs43g324', Hash1b: '1g32gadgs433a34' },
    ]);
    assert.match(
      res.body,
      /<SipCredential><UserName>John<\/UserName><Domain>bw\.com<\/Domain><Hash1>[^<]+<\/Hash1><Hash1b>/,
    );
  });

  it('reads one credential by its composite name (URL-encoded @), element order UserName, Domain, Hash1, Hash1b', async () => {
    const res = await h.get(`${CREDS}/John%40bw.com`);
    assert.equal(res.status, 200, res.body);
    assert.deepEqual(at(res.xml, 'SipCredentialResponse', 'SipCredential'), {
      UserName: 'John',
      Domain: 'bw.com',
      Hash1: '1g32gadgs433dd4',
      Hash1b: '1g32gadgs433d24',
    });
    assert.match(
      res.body,
      /<SipCredentialResponse><SipCredential><UserName>John<\/UserName><Domain>bw\.com<\/Domain><Hash1>1g32gadgs433dd4<\/Hash1><Hash1b>1g32gadgs433d24<\/Hash1b><\/SipCredential><\/SipCredentialResponse>/,
    );
    const raw = await h.get(`${CREDS}/John@bw.com`);
    assert.equal(raw.status, 200, 'an unencoded @ works too');
  });

  it('keeps a pre-aggregated UserName as sent, with no Domain and no Hash1b needed', async () => {
    const res = await h.post(CREDS, batch({ UserName: 'Bill@bw.com', Hash1: 'billhash' }));
    assert.equal(res.status, 201, res.body);
    const got = await h.get(`${CREDS}/${enc('Bill@bw.com')}`);
    assert.equal(got.status, 200);
    assert.deepEqual(at(got.xml, 'SipCredentialResponse', 'SipCredential'), {
      UserName: 'Bill@bw.com',
      Hash1: 'billhash',
    });
    // The same composite name given as UserName + Domain is the same credential.
    const again = await h.post(CREDS, batch(full('Bill')));
    assert.equal(again.status, 400);
    assert.equal(errorCode(again), '23009');
  });

  it('accepts a user name alone (no Domain) and every allowed symbol, addressable through URL encoding', async () => {
    const name = 'a.b_c-d!e$f&g*h+i=j~k';
    const res = await h.post(
      CREDS,
      batch(
        { UserName: '1001', Hash1: 'ext' },
        { UserName: name.replace('&', '&amp;'), Domain: 'x-y.example', Hash1: 'sym', Hash1b: 'symb' },
      ),
    );
    assert.equal(res.status, 201, res.body);
    assert.equal((await h.get(`${CREDS}/1001`)).status, 200);
    const got = await h.get(`${CREDS}/${enc(`${name}@x-y.example`)}`);
    assert.equal(got.status, 200, got.body);
    assert.equal(at(got.xml, 'SipCredentialResponse', 'SipCredential', 'UserName'), name);
  });

  it('accepts names and domains of exactly 32 characters and hashes of exactly 64', async () => {
    const res = await h.post(
      CREDS,
      batch({
        UserName: 'u'.repeat(32),
        Domain: 'd'.repeat(32),
        Hash1: 'a'.repeat(64),
        Hash1b: 'b'.repeat(64),
      }),
    );
    assert.equal(res.status, 201, res.body);
  });

  it('answers 201 with Errors before ValidSipCredentials when only some entries are rejected, storing only the valid ones', async () => {
    const res = await h.post(
      CREDS,
      batch({ Domain: 'bw.com', Hash1: '1g32gadgs433dd4', Hash1b: '1g32gadgs433d24' }, full('Partial')),
    );
    assert.equal(res.status, 201, res.body);
    assert.match(
      res.body,
      /<SipCredentialsResponse><Errors><Error><ErrorCode>.*<\/Errors><ValidSipCredentials>/,
    );
    assert.deepEqual(list(at(res.xml, 'SipCredentialsResponse', 'Errors', 'Error')), [
      {
        ErrorCode: '1003',
        Description: 'UserName is required',
        SipCredential: { Domain: 'bw.com', Hash1: '1g32gadgs433dd4', Hash1b: '1g32gadgs433d24' },
      },
    ]);
    assert.deepEqual(composites(res, 'SipCredentialsResponse', 'ValidSipCredentials', 'SipCredential'), [
      'Partial@bw.com',
    ]);
    assert.equal((await h.get(`${CREDS}/Partial%40bw.com`)).status, 200);
  });

  it('answers 400 with ResponseStatus/Description then every error when all entries are rejected, and stores nothing', async () => {
    const res = await h.post(
      CREDS,
      batch(
        { Domain: 'bw.com', Hash1: 'x1', Hash1b: 'x2' },
        { UserName: 'John', Domain: 'bw.com', Hash1: 'y1', Hash1b: 'y2' },
        full('bad user'),
      ),
    );
    assert.equal(res.status, 400, res.body);
    assert.match(
      res.body,
      /<SipCredentialsResponse><ResponseStatus><Description>Please check your input parameters\.<\/Description><\/ResponseStatus><Errors><Error><ErrorCode>1003<\/ErrorCode><Description>/,
    );
    const errors = list(at(res.xml, 'SipCredentialsResponse', 'Errors', 'Error'));
    assert.deepEqual(
      errors.map((e) => e.ErrorCode),
      ['1003', '23009', '23014'],
    );
    assert.deepEqual(errors[1], {
      ErrorCode: '23009',
      Description: 'Sip credential John@bw.com does already exist on the account with ID = 9900000',
      SipCredential: { UserName: 'John', Domain: 'bw.com', Hash1: 'y1', Hash1b: 'y2' },
    });
    for (const e of errors) {
      assert.deepEqual(Object.keys(e), ['ErrorCode', 'Description', 'SipCredential']);
      assert.ok(typeof e.Description === 'string' && e.Description.length > 0);
    }
    // The existing credential was not overwritten and the invalid one not stored.
    const john = await h.get(`${CREDS}/John%40bw.com`);
    assert.equal(at(john.xml, 'SipCredentialResponse', 'SipCredential', 'Hash1'), '1g32gadgs433dd4');
    assert.equal((await h.get(`${CREDS}/${enc('bad user@bw.com')}`)).status, 404);
  });

  it('reports a duplicate inside one list as 23000 and creates the first occurrence', async () => {
    const res = await h.post(CREDS, batch(full('Twice'), { ...full('Twice'), Hash1: 'other' }));
    assert.equal(res.status, 201, res.body);
    const errors = list(at(res.xml, 'SipCredentialsResponse', 'Errors', 'Error'));
    assert.deepEqual(
      errors.map((e) => [e.ErrorCode, e.Description]),
      [['23000', 'Duplicated Sip credential for account with ID = 9900000']],
    );
    assert.deepEqual(composites(res, 'SipCredentialsResponse', 'ValidSipCredentials', 'SipCredential'), [
      'Twice@bw.com',
    ]);
    const got = await h.get(`${CREDS}/Twice%40bw.com`);
    assert.equal(at(got.xml, 'SipCredentialResponse', 'SipCredential', 'Hash1'), 'h1-Twice');
  });

  it('creates each name once when the same batch arrives several times at once (one 201, the rest 23009)', async () => {
    for (let round = 0; round < 4; round++) {
      const body = batch(...Array.from({ length: 20 }, (_, i) => full(`race${round}x${i}`)));
      const replies = await Promise.all(Array.from({ length: 5 }, () => h.post(CREDS, body)));
      assert.deepEqual(
        replies.map((r) => r.status).sort(),
        [201, 400, 400, 400, 400],
        replies.map((r) => r.body).join('\n'),
      );
      for (const r of replies.filter((x) => x.status === 400)) assert.equal(errorCode(r), '23009');
    }
  });
});
