import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, errorCode, startHarness, type Harness, type Reply } from '../../../test/support/harness.js';
import { createAccount } from '../accounts/index.js';
import { createUser, grantUser } from '../users/index.js';

const CREDS = '/api/accounts/9900000/sipcredentials';

type Fields = Partial<Record<'UserName' | 'Domain' | 'Hash1' | 'Hash1b', string>>;

/** One `<SipCredential>`, children in the order the official client writes them. */
function cred(fields: Fields): string {
  const children = (['UserName', 'Domain', 'Hash1', 'Hash1b'] as const)
    .filter((k) => fields[k] !== undefined)
    .map((k) => `<${k}>${fields[k] ?? ''}</${k}>`)
    .join('');
  return `<SipCredential>${children}</SipCredential>`;
}

function batch(...entries: Fields[]): string {
  return `<SipCredentials>${entries.map(cred).join('')}</SipCredentials>`;
}

/** A complete, valid entry with a domain. */
function full(userName: string, domain = 'bw.com'): Fields {
  return { UserName: userName, Domain: domain, Hash1: `h1-${userName}`, Hash1b: `h1b-${userName}` };
}

/** The loose parser yields an object for one element and an array for several. */
function list(value: unknown): Record<string, unknown>[] {
  if (value === undefined || value === '') return [];
  return (Array.isArray(value) ? value : [value]) as Record<string, unknown>[];
}

function composites(reply: Reply, ...path: string[]): string[] {
  return (list(at(reply.xml, ...path)) as Record<string, string | undefined>[]).map((c) =>
    c.Domain === undefined ? (c.UserName ?? '') : `${c.UserName ?? ''}@${c.Domain}`,
  );
}

function listed(reply: Reply): string[] {
  return composites(reply, 'SipCredentialsResponse', 'SipCredentials', 'SipCredential');
}

/** The URL inside a paging link's text, turned into a request path as the Ruby client does (strip up to /v1.0). */
function linkPath(text: unknown): string {
  const m = /^Link=<([^>]+)>;rel="\w+";$/.exec(String(text).trim());
  assert.ok(m?.[1], `not a link: ${String(text)}`);
  return `/v1.0${m[1].slice(m[1].indexOf('/v1.0') + '/v1.0'.length)}`;
}

function enc(composite: string): string {
  return encodeURIComponent(composite);
}

describe('SIP credentials', () => {
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

  const invalid: [string, Fields, string][] = [
    ['a missing UserName', { Domain: 'bw.com', Hash1: 'a', Hash1b: 'b' }, '1003'],
    ['an empty UserName', { UserName: '  ', Hash1: 'a' }, '1003'],
    ['a UserName over 32 characters', { UserName: 'u'.repeat(33), Hash1: 'a' }, '23002'],
    [
      'a Domain over 32 characters',
      { UserName: 'long', Domain: 'd'.repeat(33), Hash1: 'a', Hash1b: 'b' },
      '23002',
    ],
    ['a missing Hash1', { UserName: 'nohash', Domain: 'bw.com', Hash1b: 'b' }, '1003'],
    ['a Hash1 over 64 characters', { UserName: 'longhash', Hash1: 'a'.repeat(65) }, '23002'],
    ['a Hash1b over 64 characters', { UserName: 'longhashb', Hash1: 'a', Hash1b: 'b'.repeat(65) }, '23002'],
    ['a Domain without Hash1b', { UserName: 'nohashb', Domain: 'bw.com', Hash1: 'a' }, '1003'],
    ['a UserName with a space', { UserName: 'bob smith', Hash1: 'a' }, '23014'],
    ['a UserName with a slash', { UserName: 'bob/x', Domain: 'bw.com', Hash1: 'a', Hash1b: 'b' }, '23014'],
    [
      'a UserName with an @ when a Domain is given',
      { UserName: 'bob@x.com', Domain: 'bw.com', Hash1: 'a', Hash1b: 'b' },
      '23014',
    ],
    ['a UserName with two @', { UserName: 'bob@x@y', Hash1: 'a' }, '23014'],
    ['a non-ASCII UserName', { UserName: 'jos\u00e9', Hash1: 'a' }, '23014'],
    ['a Domain with a colon', { UserName: 'colon', Domain: 'bw.com:5060', Hash1: 'a', Hash1b: 'b' }, '23015'],
    ['a Domain with an @', { UserName: 'at', Domain: 'b@w.com', Hash1: 'a', Hash1b: 'b' }, '23015'],
  ];
  for (const [name, fields, code] of invalid) {
    it(`rejects ${name} with ${code}, echoing the entry`, async () => {
      const res = await h.post(CREDS, batch(fields));
      assert.equal(res.status, 400, res.body);
      const errors = list(at(res.xml, 'SipCredentialsResponse', 'Errors', 'Error'));
      assert.equal(errors.length, 1);
      assert.equal(errors[0]?.ErrorCode, code);
      const echoed = errors[0]?.SipCredential as Record<string, string>;
      for (const [k, v] of Object.entries(fields)) if (v.trim() !== '') assert.equal(echoed[k], v);
    });
  }

  it('names the limit in the 23002 description', async () => {
    const res = await h.post(CREDS, batch({ UserName: 'u'.repeat(33), Hash1: 'a' }));
    assert.equal(
      at(res.xml, 'SipCredentialsResponse', 'Errors', 'Error', 'Description'),
      `UserName '${'u'.repeat(33)}' is too long (32 characters max)`,
    );
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

  it('refuses an empty list with 23006', async () => {
    for (const body of ['<SipCredentials/>', '<SipCredentials></SipCredentials>']) {
      const res = await h.post(CREDS, body);
      assert.equal(res.status, 400, res.body);
      assert.deepEqual(at(res.xml, 'SipCredentialsResponse', 'ResponseStatus'), {
        ErrorCode: '23006',
        Description: 'Credential list cannot be empty',
      });
    }
  });

  it('refuses more than 1000 entries with 23003 and stores none of them', async () => {
    const entries = Array.from({ length: 1001 }, (_, i) => ({ UserName: `bulk${i}`, Hash1: 'h' }));
    const res = await h.post(CREDS, batch(...entries));
    assert.equal(res.status, 400, res.body);
    assert.equal(errorCode(res), '23003');
    assert.equal(
      at(res.xml, 'SipCredentialsResponse', 'ResponseStatus', 'Description'),
      'There are cannot be more than 1000 credential entries in list',
    );
    assert.equal((await h.get(`${CREDS}/bulk0`)).status, 404);
  });

  it('refuses a body of another kind', async () => {
    const res = await h.post(CREDS, '<SipCredential><UserName>x</UserName><Hash1>a</Hash1></SipCredential>');
    assert.equal(res.status, 400);
    assert.ok(at(res.xml, 'SipCredentialsResponse', 'ResponseStatus', 'Description'));
  });

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

describe('SIP credential paging', () => {
  let h: Harness;
  const ACCOUNT = '9900710';
  const BASE = `/api/accounts/${ACCOUNT}/sipcredentials`;
  // Mixed on purpose: plain names, numeric extensions (no @ in the key), domains and pre-aggregated names.
  const all = [
    ...Array.from({ length: 9 }, (_, i) => full(`user${String(i).padStart(2, '0')}`, 'alpha.com')),
    ...Array.from({ length: 6 }, (_, i) => full(`agent${i}`, 'beta.org')),
    ...Array.from({ length: 5 }, (_, i) => ({ UserName: `${2000 + i}`, Hash1: `ext${i}` })),
    ...Array.from({ length: 3 }, (_, i) => ({ UserName: `Pre${i}@Alpha.com`, Hash1: `pre${i}` })),
    { UserName: 'agent', Hash1: 'plain1' },
    { UserName: 'user99', Hash1: 'plain2' },
  ];
  const expected = all.map((c: Fields) =>
    c.Domain ? `${c.UserName ?? ''}@${c.Domain}` : (c.UserName ?? ''),
  );

  before(async () => {
    h = await startHarness();
    await createAccount(h.app.deps, { id: ACCOUNT, companyName: 'Paging Co' });
    await grantUser(h.app.deps, 'demo', { accounts: [ACCOUNT] });
    const res = await h.post(BASE, batch(...all));
    assert.equal(res.status, 201, res.body);
  });
  after(() => h.close());

  async function walk(first: string): Promise<{ names: string[]; pages: number; sizes: number[] }> {
    const names: string[] = [];
    const sizes: number[] = [];
    let path: string | undefined = first;
    let pages = 0;
    while (path !== undefined) {
      const res = await h.get(path);
      assert.equal(res.status, 200, `${path}: ${res.body}`);
      const page = listed(res);
      names.push(...page);
      sizes.push(page.length);
      const next = at(res.xml, 'SipCredentialsResponse', 'Links', 'next');
      path = next === undefined ? undefined : linkPath(next);
      if (path !== undefined) assert.match(String(next), /;rel="next";$/);
      pages++;
      assert.ok(pages <= expected.length + 1, 'paging terminates');
    }
    return { names, pages, sizes };
  }

  it('follows next links from the first page to the last, seeing every credential exactly once', async () => {
    const { names, pages, sizes } = await walk(`${BASE}?size=4`);
    assert.deepEqual([...names].sort(), [...expected].sort());
    assert.equal(new Set(names).size, names.length);
    assert.equal(pages, Math.ceil(expected.length / 4));
    assert.ok(sizes.slice(0, -1).every((s) => s === 4));
  });

  it('pages with every size from 1 to the total', async () => {
    for (const size of [1, 2, 3, 5, 7, expected.length - 1, expected.length]) {
      const { names } = await walk(`${BASE}?page=1&size=${size}`);
      assert.deepEqual([...names].sort(), [...expected].sort(), `size ${size}`);
    }
  });

  it('writes absolute /v1.0 links carrying page and size, even for requests under /api', async () => {
    const res = await h.get(`${BASE}?size=5`);
    const first = String(at(res.xml, 'SipCredentialsResponse', 'Links', 'first'));
    assert.match(
      first,
      new RegExp(
        `^Link=<http://localhost(:\\d+)?/v1\\.0/accounts/${ACCOUNT}/sipcredentials\\?page=1&size=5>;rel="first";$`,
      ),
    );
    const next = String(at(res.xml, 'SipCredentialsResponse', 'Links', 'next'));
    assert.match(
      next,
      new RegExp(
        `^Link=<http://localhost(:\\d+)?/v1\\.0/accounts/${ACCOUNT}/sipcredentials\\?page=[^&>]+&size=5>;rel="next";$`,
      ),
    );
    // Following first gives the first page again.
    assert.deepEqual(listed(await h.get(linkPath(first))), listed(res));
  });

  it('addresses a page by the index of its first record or by its user@domain key', async () => {
    const everything = listed(await h.get(`${BASE}?size=500`));
    assert.equal(everything.length, expected.length);
    const byIndex = listed(await h.get(`${BASE}?page=6&size=3`));
    assert.deepEqual(byIndex, everything.slice(5, 8));
    const key = everything.find((n, i) => i > 3 && n.includes('@')) ?? '';
    const from = everything.indexOf(key);
    const byKey = listed(await h.get(`${BASE}?page=${encodeURIComponent(key)}&size=3`));
    assert.deepEqual(byKey, everything.slice(from, from + 3));
  });

  it('pages on from a user@domain key through names with and without a domain', async () => {
    const everything = listed(await h.get(`${BASE}?size=500`));
    for (const [i, key] of everything.entries()) {
      if (!key.includes('@')) continue;
      const { names } = await walk(`${BASE}?page=${encodeURIComponent(key)}&size=2`);
      assert.deepEqual(names, everything.slice(i), `from ${key}`);
    }
  });

  it('pages through a filtered set of numeric extensions', async () => {
    const { names } = await walk(`${BASE}?usernamefragment=200&size=2`);
    assert.deepEqual([...names].sort(), ['2000', '2001', '2002', '2003', '2004']);
  });

  it('defaults to pages of 500 and honours a size param', async () => {
    const res = await h.get(BASE);
    assert.equal(listed(res).length, expected.length);
    assert.equal(at(res.xml, 'SipCredentialsResponse', 'Links', 'next'), undefined);
    assert.equal(listed(await h.get(`${BASE}?size=2`)).length, 2);
  });

  it('refuses a page that is neither an index nor a user@domain name with 23012', async () => {
    for (const q of ['page=', 'page=abc', 'page=a@b@c']) {
      const res = await h.get(`${BASE}?${q}`);
      assert.equal(res.status, 400, q);
      assert.equal(at(res.xml, 'SipCredentialsResponse', 'ResponseStatus', 'ErrorCode'), '23012', q);
    }
  });

  it('refuses a size or page below 1', async () => {
    for (const q of ['size=0', 'size=-1', 'size=abc', 'page=0']) {
      const res = await h.get(`${BASE}?${q}`);
      assert.equal(res.status, 400, q);
      assert.ok(at(res.xml, 'SipCredentialsResponse', 'ResponseStatus', 'ErrorCode'), q);
    }
  });

  it('filters by usernamefragment and domainfragment, ignoring case in values and in query names', async () => {
    const byUser = listed(await h.get(`${BASE}?usernamefragment=AGENT`));
    assert.deepEqual([...byUser].sort(), expected.filter((n) => n.startsWith('agent')).sort());
    for (const name of ['userNamefragment', 'UserNameFragment', 'USERNAMEFRAGMENT']) {
      assert.deepEqual([...listed(await h.get(`${BASE}?${name}=agent`))].sort(), [...byUser].sort(), name);
    }
    const byDomain = listed(await h.get(`${BASE}?domainfragment=BETA.o`));
    assert.deepEqual([...byDomain].sort(), expected.filter((n) => n.endsWith('@beta.org')).sort());
    assert.deepEqual([...listed(await h.get(`${BASE}?DomainFragment=beta.o`))].sort(), [...byDomain].sort());
    const both = listed(await h.get(`${BASE}?usernamefragment=er0&domainfragment=alpha`));
    assert.deepEqual(
      [...both].sort(),
      expected.filter((n) => n.startsWith('user0') && n.endsWith('@alpha.com')).sort(),
    );
    // LIKE wildcards are taken literally.
    const wild = await h.get(`${BASE}?usernamefragment=%25%25%25`);
    assert.equal(wild.status, 200);
    assert.deepEqual(listed(wild), []);
  });

  it('matches domainfragment against the domain part of pre-aggregated names too', async () => {
    const byDomain = listed(await h.get(`${BASE}?domainfragment=ALPHA.c`));
    assert.deepEqual(
      [...byDomain].sort(),
      expected.filter((n) => n.toLowerCase().endsWith('@alpha.com')).sort(),
    );
    assert.ok(
      byDomain.some((n) => n.startsWith('Pre')),
      'Pre0@Alpha.com has no Domain element',
    );
  });

  it('keeps the filters in the paging links and pages through the filtered set', async () => {
    const res = await h.get(`${BASE}?usernamefragment=user&size=4`);
    const first = String(at(res.xml, 'SipCredentialsResponse', 'Links', 'first'));
    assert.match(first, /[?&]usernamefragment=user(&|>)/);
    assert.match(first, /page=1&size=4>/);
    const { names } = await walk(`${BASE}?usernamefragment=user&size=4`);
    assert.deepEqual([...names].sort(), expected.filter((n) => n.startsWith('user')).sort());
  });

  const badFilters: [string, string][] = [
    ['usernamefragment=', '12705'],
    ['usernamefragment=%20%20', '12705'],
    ['usernamefragment=ab', '12706'],
    [`usernamefragment=${'a'.repeat(65)}`, '13113'],
    ['domainfragment=', '12707'],
    ['domainfragment=bw', '12708'],
    [`domainfragment=${'b'.repeat(65)}`, '13114'],
    ['userNamefragment=ab', '12706'],
  ];
  for (const [q, code] of badFilters) {
    it(`refuses ${q.length > 40 ? `${q.slice(0, 30)}… (65 chars)` : q} with 400 ${code}`, async () => {
      const res = await h.get(`${BASE}?${q}`);
      assert.equal(res.status, 400, res.body);
      assert.equal(at(res.xml, 'SipCredentialsResponse', 'ResponseStatus', 'ErrorCode'), code);
      assert.ok(at(res.xml, 'SipCredentialsResponse', 'ResponseStatus', 'Description'));
    });
  }

  it('accepts fragments of exactly 3 and 64 characters', async () => {
    assert.equal((await h.get(`${BASE}?usernamefragment=age&domainfragment=${'b'.repeat(64)}`)).status, 200);
    assert.equal((await h.get(`${BASE}?usernamefragment=${'a'.repeat(64)}&domainfragment=bet`)).status, 200);
  });

  it('answers 200 with an empty list when a filter matches nothing', async () => {
    const res = await h.get(`${BASE}?usernamefragment=zzzz`);
    assert.equal(res.status, 200);
    assert.deepEqual(listed(res), []);
    assert.equal(at(res.xml, 'SipCredentialsResponse', 'Links', 'next'), undefined);
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

describe('SIP credentials in bulk', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('accepts exactly 1000 entries, then lists them in default pages of 500', async () => {
    const entries = Array.from({ length: 1000 }, (_, i) =>
      i % 2 === 0
        ? { UserName: String(500000 + i), Hash1: `x${i}` }
        : full(`bulk${String(i).padStart(4, '0')}`, 'big.example'),
    );
    const res = await h.post(CREDS, batch(...entries));
    assert.equal(res.status, 201, res.body.slice(0, 500));
    assert.doesNotMatch(res.body, /<Errors/);
    assert.equal(
      list(at(res.xml, 'SipCredentialsResponse', 'ValidSipCredentials', 'SipCredential')).length,
      1000,
    );

    const first = await h.get(CREDS);
    assert.equal(first.status, 200);
    assert.equal(listed(first).length, 500);
    const next = at(first.xml, 'SipCredentialsResponse', 'Links', 'next');
    assert.match(String(next), /size=500>;rel="next";$/);
    const second = await h.get(linkPath(next));
    assert.equal(listed(second).length, 500);
    assert.equal(at(second.xml, 'SipCredentialsResponse', 'Links', 'next'), undefined);
    const seen = new Set([...listed(first), ...listed(second)]);
    assert.equal(seen.size, 1000);
  });
});
