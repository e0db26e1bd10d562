import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, errorCode, startHarness, type Harness } from '../../../test/support/harness.js';
import { createUser, grantUser } from '../users/index.js';
import { createAccount } from './accounts.service.js';

/** The loose parser yields an object for one element and an array for several. */
function list(value: unknown): unknown[] {
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

const SITE_XML =
  '<Site><Name>RoleTest</Name><Address><HouseNumber>900</HouseNumber><StreetName>Main Campus Drive</StreetName>' +
  '<City>Raleigh</City><StateCode>NC</StateCode><Zip>27606</Zip><AddressType>Service</AddressType></Address></Site>';

const ACCESS_DENIED = { ErrorCode: '1001', Description: 'Access Denied' };

describe('accounts', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    const deps = h.app.deps;
    await createAccount(deps, { id: '9900301', companyName: 'Not Yours Inc' });
    await createAccount(deps, {
      id: '9900302',
      companyName: 'Bare <Tiers> & Co',
      accountType: 'Wholesale',
      tiers: ['0', '2'],
      products: [
        { name: 'Termination', features: [] },
        { name: 'Origination', features: ['CallForwarding', 'CNAM'] },
      ],
    });
    await grantUser(deps, 'demo', { accounts: ['9900302'] });
    await createUser(deps, {
      username: 'siteonly',
      password: 'siteonly1',
      accounts: ['9900000'],
      roles: [{ role: 'ROLE_API_SITE', permissions: ['VIEW', 'UPDATE'] }],
    });
    await createUser(deps, {
      username: 'siteviewer',
      password: 'siteviewer1',
      accounts: ['9900000'],
      roles: [{ role: 'ROLE_API_SITE', permissions: ['VIEW'] }],
    });
    await createUser(deps, {
      username: 'acctupdate',
      password: 'acctupdate1',
      accounts: ['9900000'],
      roles: [{ role: 'ROLE_API_ACCOUNT', permissions: ['UPDATE'] }],
    });
  });
  after(() => h.close());

  it('returns the account with every element of the contract, in order', async () => {
    const res = await h.get('/api/accounts/9900000');
    assert.equal(res.status, 200, res.body);
    assert.match(res.headers['content-type'] as string, /^application\/xml/);
    assert.match(res.body, /^<\?xml version="1\.0" encoding="UTF-8" standalone="yes"\?>/);
    const account = at(res.xml, 'AccountResponse', 'Account') as Record<string, unknown>;
    assert.equal(account.AccountId, '9900000');
    assert.equal(account.CompanyName, 'Demo Company');
    assert.equal(account.AccountType, 'Business');
    assert.deepEqual(list(at(account, 'Tiers', 'Tier')), ['0']);
    assert.deepEqual(account.Address, {
      HouseNumber: '900',
      HouseSuffix: '',
      PreDirectional: '',
      StreetName: 'Main Campus Drive',
      StreetSuffix: '',
      PostDirectional: '',
      AddressLine2: '',
      City: 'Raleigh',
      StateCode: 'NC',
      Zip: '27606',
      PlusFour: '',
      County: '',
      Country: 'United States',
      AddressType: 'Service',
    });
    assert.deepEqual(account.Contact, {
      FirstName: 'Demo',
      LastName: 'User',
      Phone: '9195551234',
      Email: 'demo@example.com',
    });
    assert.equal(account.ReservationAllowed, 'true');
    assert.equal(account.LnpEnabled, 'true');

    // Children in the contract's order (optional ones may be absent): AccountId, AssociatedCatapultAccount,
    // GlobalAccountNumber, CompanyName, AccountType, NenaId, Tiers, Address, Contact, ReservationAllowed,
    // LnpEnabled, AltSpid, SPID, PortCarrierType.
    const order = [
      'AccountId',
      'AssociatedCatapultAccount',
      'GlobalAccountNumber',
      'CompanyName',
      'AccountType',
      'NenaId',
      'Tiers',
      'Address',
      'Contact',
      'ReservationAllowed',
      'LnpEnabled',
      'AltSpid',
      'SPID',
      'PortCarrierType',
    ];
    const inner = /<Account>(.*)<\/Account>/s.exec(res.body)?.[1] ?? '';
    const children = [...inner.matchAll(/<(\w+)(\/>|>(?:[^<]*|<(?!\/\1>).*?)<\/\1>)/gs)].map(
      (m) => m[1] ?? '',
    );
    assert.deepEqual(
      children,
      order.filter((n) => children.includes(n)),
      `children: ${children.join(', ')}`,
    );
    for (const required of [
      'AccountId',
      'CompanyName',
      'AccountType',
      'Tiers',
      'Address',
      'Contact',
      'ReservationAllowed',
      'LnpEnabled',
    ]) {
      assert.ok(children.includes(required), `${required} present`);
    }
    assert.match(
      res.body,
      /<Address><HouseNumber>900<\/HouseNumber><HouseSuffix\/><PreDirectional\/><StreetName>Main Campus Drive<\/StreetName><StreetSuffix\/><PostDirectional\/><AddressLine2\/><City>Raleigh<\/City><StateCode>NC<\/StateCode><Zip>27606<\/Zip><PlusFour\/><County\/><Country>United States<\/Country><AddressType>Service<\/AddressType><\/Address><Contact><FirstName>Demo<\/FirstName><LastName>User<\/LastName><Phone>9195551234<\/Phone><Email>demo@example\.com<\/Email><\/Contact>/,
    );
  });

  it('answers under /v1.0 and with a trailing slash', async () => {
    const v1 = await h.get('/v1.0/accounts/9900000');
    assert.equal(v1.status, 200);
    assert.equal(at(v1.xml, 'AccountResponse', 'Account', 'AccountId'), '9900000');
    assert.equal((await h.get('/api/accounts/9900000/')).status, 200);
  });

  it('shows every tier, the account type, and leaves out an address and contact the account does not have', async () => {
    const res = await h.get('/api/accounts/9900302');
    assert.equal(res.status, 200, res.body);
    const account = at(res.xml, 'AccountResponse', 'Account') as Record<string, unknown>;
    assert.equal(account.CompanyName, 'Bare <Tiers> & Co');
    assert.match(res.body, /<CompanyName>Bare &lt;Tiers&gt; &amp; Co<\/CompanyName>/);
    assert.equal(account.AccountType, 'Wholesale');
    assert.deepEqual(list(at(account, 'Tiers', 'Tier')), ['0', '2']);
    assert.match(res.body, /<Tiers><Tier>0<\/Tier><Tier>2<\/Tier><\/Tiers>/);
    assert.equal(account.Address, undefined);
    assert.equal(account.Contact, undefined);
    assert.equal(account.ReservationAllowed, 'true');
  });

  it('lists the products with their features, leaving Features out when a product has none', async () => {
    const res = await h.get('/api/accounts/9900000/products');
    assert.equal(res.status, 200, res.body);
    const products = list(at(res.xml, 'AccountProductsResponse', 'Products', 'Product')) as Record<
      string,
      unknown
    >[];
    const names = products.map((p) => p.Name);
    for (const n of ['Origination', 'Termination', 'TollFree', 'VirtualInventory', 'SMS'])
      assert.ok(names.includes(n), n);
    const origination = products.find((p) => p.Name === 'Origination');
    const features = list(at(origination, 'Features', 'Feature'));
    for (const f of ['CallForwarding', 'DlDa', 'CNAM']) assert.ok(features.includes(f), f);
    assert.deepEqual(
      products.find((p) => p.Name === 'Termination'),
      { Name: 'Termination' },
    );
    assert.match(res.body, /<AccountProductsResponse><Products><Product><Name>\w+<\/Name>/);
    assert.match(res.body, /<Product><Name>Origination<\/Name><Features><Feature>CallForwarding<\/Feature>/);
  });

  it("lists exactly an account's own products", async () => {
    const res = await h.get('/api/accounts/9900302/products');
    assert.equal(res.status, 200, res.body);
    assert.deepEqual(at(res.xml, 'AccountProductsResponse', 'Products', 'Product'), [
      { Name: 'Termination' },
      { Name: 'Origination', Features: { Feature: ['CallForwarding', 'CNAM'] } },
    ]);
  });

  it('refuses an account that is not granted with 403 1001 in the AccountResponse shape, whether it exists or not', async () => {
    for (const id of ['9900301', '9999999']) {
      const res = await h.get(`/api/accounts/${id}`);
      assert.equal(res.status, 403, id);
      assert.deepEqual(at(res.xml, 'AccountResponse', 'ResponseStatus'), ACCESS_DENIED);
      assert.match(
        res.body,
        /<AccountResponse><ResponseStatus><ErrorCode>1001<\/ErrorCode><Description>Access Denied<\/Description><\/ResponseStatus><\/AccountResponse>/,
      );
      assert.doesNotMatch(res.body, /Not Yours/);
      const products = await h.get(`/api/accounts/${id}/products`);
      assert.equal(products.status, 403);
      assert.deepEqual(at(products.xml, 'AccountProductsResponse', 'ResponseStatus'), ACCESS_DENIED);
    }
  });

  it('asks for credentials: 401 with a Basic challenge, without leaking the account', async () => {
    for (const auth of [null, ['demo', 'wrong'] as const, ['nobody', 'demo'] as const]) {
      const res = await h.get('/api/accounts/9900000', { auth });
      assert.equal(res.status, 401);
      assert.match(String(res.headers['www-authenticate']), /^Basic realm=/);
      assert.doesNotMatch(res.body, /Demo Company/);
    }
  });

  it('refuses a user with ROLE_API_SITE but not ROLE_API_ACCOUNT (403 1001), who can still use sites', async () => {
    const auth = ['siteonly', 'siteonly1'] as const;
    const res = await h.get('/api/accounts/9900000', { auth });
    assert.equal(res.status, 403);
    assert.deepEqual(at(res.xml, 'AccountResponse', 'ResponseStatus'), ACCESS_DENIED);
    const products = await h.get('/api/accounts/9900000/products', { auth });
    assert.equal(products.status, 403);
    assert.equal(errorCode(products), '1001');
    assert.equal((await h.get('/api/accounts/9900000/sites', { auth })).status, 200);
  });

  it('needs VIEW on ROLE_API_ACCOUNT to read the account: UPDATE alone is refused', async () => {
    const res = await h.get('/api/accounts/9900000', { auth: ['acctupdate', 'acctupdate1'] });
    assert.equal(res.status, 403);
    assert.equal(errorCode(res), '1001');
  });

  it('lets a user with VIEW only on ROLE_API_SITE list and read sites but not create one (403 1001)', async () => {
    const auth = ['siteviewer', 'siteviewer1'] as const;
    const sites = await h.get('/api/accounts/9900000/sites', { auth });
    assert.equal(sites.status, 200, sites.body);
    const first = list(at(sites.xml, 'SitesResponse', 'Sites', 'Site'))[0] as
      Record<string, string> | undefined;
    assert.ok(first?.Id);
    assert.equal((await h.get(`/api/accounts/9900000/sites/${first.Id}`, { auth })).status, 200);

    const post = await h.post('/api/accounts/9900000/sites', SITE_XML, { auth });
    assert.equal(post.status, 403);
    assert.deepEqual(at(post.xml, 'SiteResponse', 'ResponseStatus'), ACCESS_DENIED);
    assert.equal(post.headers.location, undefined);
    const put = await h.put(
      `/api/accounts/9900000/sites/${first.Id}`,
      '<Site><Description>x</Description></Site>',
      { auth },
    );
    assert.equal(put.status, 403);
    assert.equal((await h.del(`/api/accounts/9900000/sites/${first.Id}`, { auth })).status, 403);

    // Nothing was created or changed: the same POST by a user with UPDATE succeeds once.
    const after = await h.get('/api/accounts/9900000/sites');
    assert.ok(
      !list(at(after.xml, 'SitesResponse', 'Sites', 'Site')).some(
        (s) => (s as Record<string, string>).Name === 'RoleTest',
      ),
    );
    assert.equal(
      (await h.post('/api/accounts/9900000/sites', SITE_XML, { auth: ['siteonly', 'siteonly1'] })).status,
      201,
    );
  });

  it('refuses methods the account resource does not have with 405 and an Allow header', async () => {
    const res = await h.put('/api/accounts/9900000', '<Account/>');
    assert.equal(res.status, 405);
    assert.match(String(res.headers.allow), /GET/);
  });
});
