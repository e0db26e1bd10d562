/** SIP credentials: paging (links, page by index or by user@domain key, sizes), filters, and 1000 entries in default pages. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, startHarness, type Harness } from '../../../test/support/harness.js';
import { createAccount } from '../accounts/index.js';
import { grantUser } from '../users/index.js';
import { CREDS, type Fields, batch, full, list, listed, linkPath } from './sip-credentials.fixtures.js';

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
