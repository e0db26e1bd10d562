import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, errorCode, startHarness, type Harness, type Reply } from '../../../test/support/harness.js';
import { ALL_ROLES } from '../../shared/roles.js';
import { createAccount } from '../accounts/index.js';
import { createUser, grantUser } from './users.service.js';
import { findUser } from './users.store.js';

/** The loose parser yields an object for one element and an array for several. */
function list(value: unknown): Record<string, unknown>[] {
  if (value === undefined || value === '') return [];
  return (Array.isArray(value) ? value : [value]) as Record<string, unknown>[];
}

function users(reply: Reply): Record<string, unknown>[] {
  return list(at(reply.xml, 'UsersResponse', 'Users', 'User'));
}

function roleSummary(user: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const role of list(at(user, 'Roles', 'Role'))) {
    out[String(role.RoleName)] = list(at(role, 'Permissions', 'Permission')).map((p) =>
      String(p.PermissionName),
    );
  }
  return out;
}

function accountsOf(reply: Reply): Record<string, unknown>[] {
  return list(at(reply.xml, 'UserResponse', 'User', 'Accounts', 'Account'));
}

/** No element or text of the body may carry a password or its hash. */
async function assertNoSecrets(h: Harness, reply: Reply, ...usernames: string[]): Promise<void> {
  assert.doesNotMatch(reply.body, /password|hash|scrypt/i);
  for (const name of usernames) {
    const record = await findUser(h.app.deps.database.db, name);
    assert.ok(record);
    assert.ok(!reply.body.includes(record.passwordHash), `hash of ${name} leaked`);
  }
}

const OTHER = '9900801'; // a second account of demo's, nobody else's
const FOREIGN = '9900802'; // carol's and bob's; demo has no access
const ALL_PERMISSIONS = Object.fromEntries(ALL_ROLES.map((r) => [r, ['VIEW', 'UPDATE']]));

describe('users', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    const deps = h.app.deps;
    await createAccount(deps, { id: OTHER, companyName: 'Shared Co' });
    await createAccount(deps, { id: FOREIGN, companyName: 'Foreign & Co' });
    await grantUser(deps, 'demo', { accounts: [OTHER] });
    await createUser(deps, {
      username: 'alice',
      password: 'alicepw1',
      firstName: 'Alice',
      lastName: 'Liddell',
      email: 'alice@example.com',
      telephoneNumber: '9195550001',
      accounts: ['9900000'],
      roles: [
        { role: 'ROLE_API_SEARCH', permissions: ['VIEW'] },
        { role: 'ROLE_API_ORDERING', permissions: ['VIEW', 'UPDATE'] },
      ],
    });
    await createUser(deps, { username: 'carol', password: 'carolpw1', accounts: ['9900000', FOREIGN] });
    await createUser(deps, { username: 'bob', password: 'bobpass1', accounts: [FOREIGN] });
    await createUser(deps, {
      username: 'siteonly',
      password: 'siteonly1',
      accounts: ['9900000'],
      roles: [{ role: 'ROLE_API_SITE', permissions: ['VIEW', 'UPDATE'] }],
    });
  });
  after(() => h.close());

  it("lists an account's users with profile and roles, in the contract's element order", async () => {
    const res = await h.get('/api/accounts/9900000/users');
    assert.equal(res.status, 200, res.body);
    assert.match(res.headers['content-type'] as string, /^application\/xml/);
    const all = users(res);
    assert.deepEqual(all.map((u) => u.Username).sort(), ['alice', 'carol', 'demo', 'siteonly']);
    const demo = all.find((u) => u.Username === 'demo');
    assert.deepEqual(
      { ...demo, Roles: undefined },
      {
        Username: 'demo',
        FirstName: 'Demo',
        LastName: 'User',
        EmailAddress: 'demo@example.com',
        TelephoneNumber: '9195551234',
        Roles: undefined,
      },
    );
    assert.deepEqual(roleSummary(demo), ALL_PERMISSIONS);
    const alice = all.find((u) => u.Username === 'alice');
    assert.deepEqual(roleSummary(alice), {
      ROLE_API_ORDERING: ['VIEW', 'UPDATE'],
      ROLE_API_SEARCH: ['VIEW'],
    });
    assert.equal(alice?.EmailAddress, 'alice@example.com');
    assert.match(
      res.body,
      /<UsersResponse><Users><User><Username>[^<]+<\/Username>(<FirstName>[^<]*<\/FirstName>)?(<LastName>[^<]*<\/LastName>)?(<EmailAddress>[^<]*<\/EmailAddress>)?(<TelephoneNumber>[^<]*<\/TelephoneNumber>)?<Roles><Role><RoleName>ROLE_[A-Z_]+<\/RoleName><Permissions><Permission><PermissionName>(VIEW|UPDATE)<\/PermissionName><\/Permission>/,
    );
    assert.match(
      res.body,
      /<Username>demo<\/Username><FirstName>Demo<\/FirstName><LastName>User<\/LastName><EmailAddress>demo@example\.com<\/EmailAddress><TelephoneNumber>9195551234<\/TelephoneNumber><Roles>/,
    );
    await assertNoSecrets(h, res, 'demo', 'alice', 'carol', 'siteonly');
  });

  it('answers the account user list under /v1.0 too', async () => {
    const res = await h.get('/v1.0/accounts/9900000/users');
    assert.equal(res.status, 200);
    assert.ok(users(res).some((u) => u.Username === 'demo'));
  });

  it("lists the users of every account granted to the caller at GET /users (the client's User.list)", async () => {
    const res = await h.get('/api/users');
    assert.equal(res.status, 200, res.body);
    const names = users(res).map((u) => String(u.Username));
    // demo's accounts are 9900000 and OTHER: their users, never carol's or bob's FOREIGN account alone.
    assert.ok(names.includes('demo') && names.includes('alice'), names.join());
    assert.ok(!names.includes('bob'), names.join());
    assert.deepEqual(names, [...names].sort());
    await assertNoSecrets(h, res, ...names);
    assert.equal((await h.get('/api/users', { auth: null })).status, 401);
  });

  it('lists only the users of the account asked for', async () => {
    const res = await h.get(`/api/accounts/${OTHER}/users`);
    assert.equal(res.status, 200, res.body);
    assert.deepEqual(
      users(res).map((u) => u.Username),
      ['demo'],
    );
  });

  it('refuses the user list of an account not granted (403 1001 UsersResponse) and without ROLE_API_ACCOUNT', async () => {
    const res = await h.get(`/api/accounts/${FOREIGN}/users`);
    assert.equal(res.status, 403);
    assert.deepEqual(at(res.xml, 'UsersResponse', 'ResponseStatus'), {
      ErrorCode: '1001',
      Description: 'Access Denied',
    });
    const noRole = await h.get('/api/accounts/9900000/users', { auth: ['siteonly', 'siteonly1'] });
    assert.equal(noRole.status, 403);
    assert.equal(errorCode(noRole), '1001');
    assert.equal((await h.get('/api/accounts/9900000/users', { auth: null })).status, 401);
  });

  it('shows a user themselves with roles and every account, in the contract order', async () => {
    const res = await h.get('/api/users/demo');
    assert.equal(res.status, 200, res.body);
    const user = at(res.xml, 'UserResponse', 'User') as Record<string, unknown>;
    assert.equal(user.Username, 'demo');
    assert.equal(user.FirstName, 'Demo');
    assert.equal(user.LastName, 'User');
    assert.equal(user.EmailAddress, 'demo@example.com');
    assert.equal(user.TelephoneNumber, '9195551234');
    assert.deepEqual(roleSummary(user), ALL_PERMISSIONS);
    assert.deepEqual(accountsOf(res), [
      { AccountId: '9900000', CompanyName: 'Demo Company' },
      { AccountId: OTHER, CompanyName: 'Shared Co' },
    ]);
    assert.match(
      res.body,
      /<UserResponse><User><Username>demo<\/Username><FirstName>Demo<\/FirstName><LastName>User<\/LastName><EmailAddress>demo@example\.com<\/EmailAddress><TelephoneNumber>9195551234<\/TelephoneNumber><Roles>.*<\/Roles><Accounts><Account><AccountId>9900000<\/AccountId><CompanyName>Demo Company<\/CompanyName><\/Account>/,
    );
    await assertNoSecrets(h, res, 'demo');
  });

  it('shows another user who shares an account, listing only the shared accounts', async () => {
    const res = await h.get('/api/users/carol');
    assert.equal(res.status, 200, res.body);
    assert.equal(at(res.xml, 'UserResponse', 'User', 'Username'), 'carol');
    assert.deepEqual(accountsOf(res), [{ AccountId: '9900000', CompanyName: 'Demo Company' }]);
    assert.doesNotMatch(res.body, new RegExp(FOREIGN));
    await assertNoSecrets(h, res, 'carol');
    // Carol herself sees both of her accounts (XML-escaped company name included).
    const own = await h.get('/api/users/carol', { auth: ['carol', 'carolpw1'] });
    assert.deepEqual(accountsOf(own), [
      { AccountId: '9900000', CompanyName: 'Demo Company' },
      { AccountId: FOREIGN, CompanyName: 'Foreign & Co' },
    ]);
    assert.match(own.body, /<CompanyName>Foreign &amp; Co<\/CompanyName>/);
  });

  it('does not reveal a user who shares no account: 404 12000 as for an unknown user', async () => {
    const hidden = await h.get('/api/users/bob');
    assert.equal(hidden.status, 404);
    assert.deepEqual(at(hidden.xml, 'UserResponse', 'ResponseStatus'), {
      ErrorCode: '12000',
      Description: "User 'bob' does not exist",
    });
    const unknown = await h.get('/api/users/nobody');
    assert.equal(unknown.status, 404);
    assert.deepEqual(at(unknown.xml, 'UserResponse', 'ResponseStatus'), {
      ErrorCode: '12000',
      Description: "User 'nobody' does not exist",
    });
    // Bob does not see demo either, but sees carol through their shared account.
    assert.equal((await h.get('/api/users/demo', { auth: ['bob', 'bobpass1'] })).status, 404);
    const carol = await h.get('/api/users/carol', { auth: ['bob', 'bobpass1'] });
    assert.equal(carol.status, 200);
    assert.deepEqual(accountsOf(carol), [{ AccountId: FOREIGN, CompanyName: 'Foreign & Co' }]);
  });

  it('lets a user without ROLE_API_ACCOUNT read their own profile', async () => {
    const res = await h.get('/api/users/siteonly', { auth: ['siteonly', 'siteonly1'] });
    assert.equal(res.status, 200, res.body);
    assert.deepEqual(roleSummary(at(res.xml, 'UserResponse', 'User')), { ROLE_API_SITE: ['VIEW', 'UPDATE'] });
  });

  it('requires credentials for /users', async () => {
    assert.equal((await h.get('/api/users/demo', { auth: null })).status, 401);
    assert.equal((await h.get('/api/users/demo', { auth: ['demo', 'nope'] })).status, 401);
  });
});

describe('changing a password', () => {
  let h: Harness;
  const USER = 'pwuser';
  let current = 'oldpass1';
  const as = (password: string) => ({ auth: [USER, password] as const });
  const passwordXml = (p: string) => `<Password>${p}</Password>`;

  before(async () => {
    h = await startHarness();
    await createUser(h.app.deps, { username: USER, password: current, accounts: ['9900000'] });
  });
  after(() => h.close());

  async function change(next: string, body = passwordXml(next)): Promise<Reply> {
    const res = await h.put(`/api/users/${USER}/password`, body, as(current));
    if (res.status === 200) current = next;
    return res;
  }

  it('changes the password: 200 empty, then the old one is refused (401) even though it was just used, and the new one works', async () => {
    // Authenticate twice with the old password so it is in the server's verified-credentials memory.
    assert.equal((await h.get(`/api/users/${USER}`, as('oldpass1'))).status, 200);
    assert.equal((await h.get(`/api/users/${USER}`, as('oldpass1'))).status, 200);
    const res = await h.put(`/api/users/${USER}/password`, '<Password>newpass1</Password>', as('oldpass1'));
    assert.equal(res.status, 200, res.body);
    assert.equal(res.body, '');
    current = 'newpass1';
    const old = await h.get(`/api/users/${USER}`, as('oldpass1'));
    assert.equal(old.status, 401);
    assert.match(String(old.headers['www-authenticate']), /^Basic /);
    assert.equal((await h.get('/api/accounts/9900000', as('oldpass1'))).status, 401);
    assert.equal((await h.get(`/api/users/${USER}`, as('newpass1'))).status, 200);
    assert.equal((await h.get('/api/accounts/9900000', as('newpass1'))).status, 200);
  });

  it('can change it again and back: each earlier password stops working', async () => {
    assert.equal((await change('third-pw')).status, 200);
    assert.equal((await h.get(`/api/users/${USER}`, as('newpass1'))).status, 401);
    assert.equal((await change('oldpass1')).status, 200);
    assert.equal((await h.get(`/api/users/${USER}`, as('third-pw'))).status, 401);
    assert.equal((await h.get(`/api/users/${USER}`, as('oldpass1'))).status, 200);
  });

  it('accepts exactly 6 and exactly 20 characters, special characters and XML-escaped ones', async () => {
    for (const next of ['abc123', 'a'.repeat(20), '$uper$ecure', '!#%()*+,-./:;', '=?@[]^_`{|}~\\']) {
      const res = await change(next);
      assert.equal(res.status, 200, `${next}: ${res.body}`);
      assert.equal((await h.get(`/api/users/${USER}`, as(current))).status, 200);
    }
    const res = await change('a&b<c>"\'1', '<Password>a&amp;b&lt;c&gt;&quot;&apos;1</Password>');
    assert.equal(res.status, 200, res.body);
    assert.equal((await h.get(`/api/users/${USER}`, as('a&b<c>"\'1'))).status, 200);
  });

  const invalid: [string, string, string][] = [
    ['an empty password', '<Password></Password>', '12503'],
    ['an empty element', '<Password/>', '12503'],
    ['five characters', '<Password>abc12</Password>', '12504'],
    ['21 characters', `<Password>${'a'.repeat(21)}</Password>`, '12619'],
    ['a non-ASCII character', '<Password>pass\u00e9word</Password>', '12725'],
    ['a tab', '<Password>pass\tword</Password>', '12725'],
    ['an emoji', '<Password>pass\u{1F600}word</Password>', '12725'],
  ];
  for (const [name, body, code] of invalid) {
    it(`refuses ${name} with 400 ${code} in the UserResponse shape, keeping the old password`, async () => {
      const res = await h.put(`/api/users/${USER}/password`, body, as(current));
      assert.equal(res.status, 400, res.body);
      assert.equal(at(res.xml, 'UserResponse', 'ResponseStatus', 'ErrorCode'), code);
      assert.ok(at(res.xml, 'UserResponse', 'ResponseStatus', 'Description'));
      assert.equal((await h.get(`/api/users/${USER}`, as(current))).status, 200);
    });
  }

  it('states the limits in the descriptions', async () => {
    const short = await h.put(`/api/users/${USER}/password`, '<Password>abc</Password>', as(current));
    assert.match(
      short.body,
      /<UserResponse><ResponseStatus><ErrorCode>12504<\/ErrorCode><Description>Password must be at least 6 characters long<\/Description><\/ResponseStatus><\/UserResponse>/,
    );
    const long = await h.put(
      `/api/users/${USER}/password`,
      `<Password>${'b'.repeat(25)}</Password>`,
      as(current),
    );
    assert.equal(
      at(long.xml, 'UserResponse', 'ResponseStatus', 'Description'),
      'Password is too long. Max length 20 characters',
    );
  });

  it("refuses to change another user's password with 403 12618, and theirs keeps working", async () => {
    const res = await h.put('/api/users/demo/password', '<Password>hijacked1</Password>', as(current));
    assert.equal(res.status, 403, res.body);
    assert.deepEqual(at(res.xml, 'UserResponse', 'ResponseStatus'), {
      ErrorCode: '12618',
      Description: `Provided username 'demo' doesn't match login username '${USER}'`,
    });
    assert.equal((await h.get('/api/users/demo')).status, 200);
    assert.equal((await h.get('/api/users/demo', { auth: ['demo', 'hijacked1'] })).status, 401);
  });

  it('refuses a wrong current password or none with 401, changing nothing', async () => {
    const wrong = await h.put(`/api/users/${USER}/password`, '<Password>whatever1</Password>', as('not-it'));
    assert.equal(wrong.status, 401);
    const none = await h.put(`/api/users/${USER}/password`, '<Password>whatever1</Password>', { auth: null });
    assert.equal(none.status, 401);
    assert.equal((await h.get(`/api/users/${USER}`, as(current))).status, 200);
    assert.equal((await h.get(`/api/users/${USER}`, as('whatever1'))).status, 401);
  });

  it('refuses a body that is not a <Password> element or is missing', async () => {
    const wrongRoot = await h.put(
      `/api/users/${USER}/password`,
      '<NewPassword>abcdef1</NewPassword>',
      as(current),
    );
    assert.equal(wrongRoot.status, 400);
    assert.ok(at(wrongRoot.xml, 'UserResponse', 'ResponseStatus', 'Description'));
    const empty = await h.put(`/api/users/${USER}/password`, '', as(current));
    assert.equal(empty.status, 400);
    assert.equal((await h.get(`/api/users/${USER}`, as(current))).status, 200);
  });

  it('answers under /v1.0 too', async () => {
    const res = await h.put(`/v1.0/users/${USER}/password`, '<Password>viaV1pw</Password>', as(current));
    assert.equal(res.status, 200, res.body);
    current = 'viaV1pw';
    assert.equal((await h.get(`/api/users/${USER}`, as('viaV1pw'))).status, 200);
  });
});
