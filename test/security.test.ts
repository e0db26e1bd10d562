import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAccount } from '../src/features/accounts/index.js';
import { featureRoutes } from '../src/features/index.js';
import { createUser } from '../src/features/users/index.js';
import type { RouteDef } from '../src/platform/http/routes.js';
import { at, errorCode, startHarness, type Harness } from './support/harness.js';

/** Concrete values for every path parameter the routes use. */
const SAMPLE: Record<string, string> = {
  siteId: '1',
  sippeerId: '500000',
  userName: 'someone',
  userid: 'demo',
};

function concrete(route: RouteDef, accountId: string): string {
  return (
    '/api' +
    route.path.replace(/:(\w+)/g, (_m, name: string) =>
      name === 'accountId' ? accountId : (SAMPLE[name] ?? '1'),
    )
  );
}

const SAMPLE_BODY = '<Anything><Name>x</Name></Anything>';
let address = 0;
/** A fresh client address per request, so the failure throttle does not slow the matrix down. */
const nextAddress = () => `10.9.${Math.floor(++address / 250)}.${address % 250}`;

describe('authentication and authorisation on every route', () => {
  let h: Harness;
  let routes: RouteDef[];

  before(async () => {
    // The matrix sends a wrong password on every route; the throttle has its own tests below.
    h = await startHarness({ authThrottle: { freeFailures: Infinity } });
    routes = featureRoutes(h.app.deps);
    await createAccount(h.app.deps, { id: '9900999', companyName: 'Other Tenant' });
    await createUser(h.app.deps, { username: 'other', password: 'other-secret', accounts: ['9900999'] });
  });
  after(() => h.close());

  it('covers a real route table', () => {
    assert.ok(routes.length >= 20, `${routes.length} routes`);
  });

  it('answers 401 with a Basic challenge and an XML body when no credentials are sent', async () => {
    for (const route of routes) {
      const res = await h.request(route.method, concrete(route, '9900000'), {
        auth: null,
        body: route.method === 'POST' || route.method === 'PUT' ? SAMPLE_BODY : undefined,
      });
      assert.equal(res.status, 401, `${route.method} ${route.path}: ${res.body}`);
      assert.match(String(res.headers['www-authenticate']), /^Basic realm=/);
      assert.equal(errorCode(res), '401', `${route.method} ${route.path}`);
    }
  });

  it('answers 401 for a wrong password and for an unknown user', async () => {
    for (const route of routes) {
      for (const auth of [
        ['demo', 'wrong'],
        ['nobody', 'demo'],
      ] as const) {
        const res = await h.request(route.method, concrete(route, '9900000'), {
          auth,
          remoteAddress: nextAddress(),
          body: route.method === 'POST' || route.method === 'PUT' ? SAMPLE_BODY : undefined,
        });
        assert.equal(res.status, 401, `${route.method} ${route.path} as ${auth[0]}`);
      }
    }
  });

  it("answers 403 1001 Access Denied for another tenant's account, in the route's error shape", async () => {
    for (const route of routes.filter((r) => r.access.account)) {
      const res = await h.request(route.method, concrete(route, '9900999'), {
        body: route.method === 'POST' || route.method === 'PUT' ? SAMPLE_BODY : undefined,
      });
      assert.equal(res.status, 403, `${route.method} ${route.path}: ${res.body}`);
      assert.equal(errorCode(res), '1001');
      assert.match(res.body, /Access Denied/);
    }
  });

  it('answers 403 for an account that does not exist (no way to probe for ids)', async () => {
    const res = await h.get('/api/accounts/1234567/sites');
    assert.equal(res.status, 403);
    assert.equal(errorCode(res), '1001');
  });

  it("lets the other tenant's user see their account and not the demo one", async () => {
    const own = await h.get('/api/accounts/9900999', { auth: ['other', 'other-secret'] });
    assert.equal(own.status, 200);
    assert.equal(at(own.xml, 'AccountResponse', 'Account', 'CompanyName'), 'Other Tenant');
    const demo = await h.get('/api/accounts/9900000/sites', { auth: ['other', 'other-secret'] });
    assert.equal(demo.status, 403);
  });
});

describe('the failed-login throttle', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('slows down a client that keeps failing to authenticate', async () => {
    const client = '10.200.0.1';
    // demo has signed in before, from another client.
    assert.equal((await h.get('/api/accounts/9900000', { remoteAddress: '10.200.0.2' })).status, 200);
    for (let i = 0; i < 7; i++) {
      await h.get('/api/accounts/9900000', { auth: ['demo', `wrong-${i}`], remoteAddress: client });
    }
    const started = performance.now();
    const res = await h.get('/api/accounts/9900000', {
      auth: ['demo', 'wrong-again'],
      remoteAddress: client,
    });
    assert.equal(res.status, 401);
    assert.ok(performance.now() - started >= 300, 'the eighth failure in a row waits');
    // Another client, whose credentials were verified before, is not affected.
    const other = performance.now();
    assert.equal((await h.get('/api/accounts/9900000', { remoteAddress: '10.200.0.2' })).status, 200);
    assert.ok(performance.now() - other < 300);
  });
});

describe('hostile and malformed input', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const SITES = '/api/accounts/9900000/sites';
  const cases: [string, string, Record<string, string>?][] = [
    ['malformed XML', '<Site><Name>x</Site>'],
    ['a DOCTYPE with internal entities', '<!DOCTYPE Site [<!ENTITY e "x">]><Site><Name>&e;</Name></Site>'],
    ['an external entity', '<?xml version="1.0"?><!DOCTYPE Site SYSTEM "file:///etc/passwd"><Site/>'],
    ['deep nesting', '<Site>' + '<a>'.repeat(200) + '</a>'.repeat(200) + '</Site>'],
    ['two root elements', '<Site/><Site/>'],
    ['not XML at all', 'name=x&zip=1'],
    ['the wrong root element', '<SipPeer><PeerName>x</PeerName></SipPeer>'],
    ['an empty body', ''],
  ];
  for (const [name, body] of cases) {
    it(`answers 400 with an XML error body for ${name}`, async () => {
      const res = await h.post(SITES, body);
      assert.equal(res.status, 400, res.body);
      assert.match(res.headers['content-type'] as string, /application\/xml/);
      assert.ok(at(res.xml, 'SiteResponse', 'ResponseStatus', 'Description'), res.body);
      assert.doesNotMatch(res.body, /at .*\.(ts|js):\d+/, 'no stack trace');
    });
  }

  it('answers 415 for a body that is not XML by content type', async () => {
    for (const type of ['application/json', 'text/plain', 'multipart/form-data; boundary=x']) {
      const res = await h.post(SITES, '{"Name":"x"}', { headers: { 'content-type': type } });
      assert.equal(res.status, 415, type);
      assert.equal(errorCode(res), '415');
    }
  });

  it('accepts text/xml and a charset', async () => {
    const body =
      '<Site><Name>CT</Name><Address><HouseNumber>1</HouseNumber><StreetName>Main</StreetName><City>Cary</City>' +
      '<StateCode>NC</StateCode><Zip>27511</Zip><AddressType>Service</AddressType></Address></Site>';
    assert.equal(
      (await h.post(SITES, body, { headers: { 'content-type': 'text/xml; charset=UTF-8' } })).status,
      201,
    );
  });

  it('answers 4xx XML for non-numeric and absurd ids', async () => {
    for (const path of [
      `${SITES}/abc`,
      `${SITES}/-1`,
      `${SITES}/99999999999999999999`,
      `${SITES}/1/sippeers/abc`,
      `${SITES}/1%00/sippeers`,
      '/api/accounts/abc/sites',
      '/api/accounts/9900000/sipcredentials/%E0%A4%A',
    ]) {
      const res = await h.get(path);
      assert.ok(res.status >= 400 && res.status < 500, `${path}: ${res.status}`);
      assert.match(res.body, /^<\?xml/, path);
    }
  });

  it('answers 404 for unknown routes and 405 with Allow for an unsupported method', async () => {
    const unknown = await h.get('/api/accounts/9900000/nothing-here');
    assert.equal(unknown.status, 404);
    assert.equal(at(unknown.xml, 'ErrorResponse', 'irisStatus', 'Code'), '404');
    const patch = await h.request('PATCH', SITES);
    assert.equal(patch.status, 405);
    assert.equal(patch.headers.allow, 'GET, HEAD, POST');
    const del = await h.del(SITES);
    assert.equal(del.status, 405);
  });

  it('routes case-insensitively and with a trailing slash', async () => {
    assert.equal((await h.get('/api/Accounts/9900000/SITES/')).status, 200);
  });

  it('refuses a 50 MB body with 413 over real HTTP, and keeps serving', async () => {
    const address = await h.app.http.listen({ port: 0, host: '127.0.0.1' });
    const auth = `Basic ${Buffer.from('demo:demo').toString('base64')}`;
    const big = '<Site><Name>' + 'x'.repeat(50 * 1024 * 1024) + '</Name></Site>';
    const res = await fetch(`${address}${SITES}`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/xml' },
      body: big,
    });
    assert.equal(res.status, 413);
    assert.match(await res.text(), /<ErrorCode>413<\/ErrorCode>/);
    const after = await fetch(`${address}${SITES}`, { headers: { authorization: auth } });
    assert.equal(after.status, 200);
  });
});

describe('unexpected failures', () => {
  it('are answered with a generic 500 naming the request id, never a stack trace', async () => {
    const h = await startHarness();
    try {
      // Pull the database away from under the running app.
      await h.db.database.db.destroy();
      const res = await h.get('/api/accounts/9900000/sites');
      assert.equal(res.status, 500);
      assert.equal(errorCode(res), '1000');
      const requestId = String(res.headers['x-request-id']);
      assert.match(
        String(at(res.xml, 'SitesResponse', 'ResponseStatus', 'Description')),
        new RegExp(requestId),
      );
      assert.doesNotMatch(res.body, /destroyed|Error:|at .*\.(ts|js)/);
    } finally {
      await h.close();
    }
  });
});
