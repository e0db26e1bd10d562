import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, errorCode, idFromLocation, startHarness, type Harness } from '../../../test/support/harness.js';

const SITES = '/api/accounts/9900000/sites';

function siteXml(fields: Record<string, string> = {}, address: string | null = defaultAddress): string {
  const children = Object.entries({ Name: 'Downtown', Description: 'Main office', ...fields })
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join('');
  return `<Site>${children}${address === null ? '' : address}</Site>`;
}

const defaultAddress =
  '<Address><HouseNumber>900</HouseNumber><StreetName>Main Campus Drive</StreetName><City>Raleigh</City>' +
  '<StateCode>NC</StateCode><Zip>27606</Zip><AddressType>Service</AddressType></Address>';

function address(overrides: Record<string, string | null>): string {
  const base: Record<string, string | null> = {
    HouseNumber: '900',
    StreetName: 'Main Campus Drive',
    City: 'Raleigh',
    StateCode: 'NC',
    Zip: '27606',
    AddressType: 'Service',
    ...overrides,
  };
  return `<Address>${Object.entries(base)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join('')}</Address>`;
}

describe('sites', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('creates a site: 201 with a Location whose last segment is the id, then GET returns every element', async () => {
    const res = await h.post(
      SITES,
      siteXml(
        { CustomerName: 'Acme', CustomerProvidedId: '0012345' },
        address({ Zip: '01234', PlusFour: '5678' }),
      ),
    );
    assert.equal(res.status, 201);
    assert.equal(res.body, '');
    const location = res.headers.location as string;
    assert.match(location, /^http:\/\/localhost(:\d+)?\/api\/accounts\/9900000\/sites\/\d+$/);
    const id = idFromLocation(res);

    const got = await h.get(`${SITES}/${id}`);
    assert.equal(got.status, 200);
    assert.match(got.headers['content-type'] as string, /^application\/xml/);
    assert.deepEqual(at(got.xml, 'SiteResponse', 'Site'), {
      Id: id,
      Name: 'Downtown',
      Description: 'Main office',
      CustomerName: 'Acme',
      CustomerProvidedId: '0012345',
      Address: {
        HouseNumber: '900',
        StreetName: 'Main Campus Drive',
        City: 'Raleigh',
        StateCode: 'NC',
        Zip: '01234',
        PlusFour: '5678',
        Country: 'US',
        AddressType: 'Service',
      },
    });
    // Element order is the contract's (JAXB field order).
    assert.match(
      got.body,
      /<Site><Id>.*<\/Id><Name>.*<Description>.*<CustomerName>.*<CustomerProvidedId>.*<Address>/,
    );
  });

  it('lists sites with Id, Name and Description only', async () => {
    const res = await h.get(SITES);
    assert.equal(res.status, 200);
    const sites = at(res.xml, 'SitesResponse', 'Sites', 'Site') as Record<string, string>[];
    assert.ok(Array.isArray(sites) && sites.length >= 2);
    for (const s of sites) assert.deepEqual(Object.keys(s).sort(), ['Description', 'Id', 'Name']);
  });

  it('answers under /v1.0 too, with a /v1.0 Location', async () => {
    const res = await h.post('/v1.0/accounts/9900000/sites', siteXml({ Name: 'V1Site' }));
    assert.equal(res.status, 201);
    assert.match(res.headers.location as string, /\/v1\.0\/accounts\/9900000\/sites\/\d+$/);
  });

  it('updates by merging: elements sent replace, others are kept', async () => {
    const id = idFromLocation(await h.post(SITES, siteXml({ Name: 'ToUpdate' })));
    const res = await h.put(`${SITES}/${id}`, '<Site><Description>Changed</Description></Site>');
    assert.equal(res.status, 200);
    assert.equal(res.body, '');
    const got = await h.get(`${SITES}/${id}`);
    assert.equal(at(got.xml, 'SiteResponse', 'Site', 'Name'), 'ToUpdate');
    assert.equal(at(got.xml, 'SiteResponse', 'Site', 'Description'), 'Changed');
    assert.equal(at(got.xml, 'SiteResponse', 'Site', 'Address', 'City'), 'Raleigh');
  });

  it('accepts the seed spelling CustomerProvidedID and lower-case enum values', async () => {
    const id = idFromLocation(
      await h.post(
        SITES,
        siteXml({ Name: 'Spelling', CustomerProvidedID: '42' }, address({ AddressType: 'billing' })),
      ),
    );
    const got = await h.get(`${SITES}/${id}`);
    assert.equal(at(got.xml, 'SiteResponse', 'Site', 'CustomerProvidedId'), '42');
    assert.equal(at(got.xml, 'SiteResponse', 'Site', 'Address', 'AddressType'), 'Billing');
  });

  const invalid: [string, string, string, number?][] = [
    ['missing name', siteXml({ Name: '' }), '12533'],
    ['name over 10 characters', siteXml({ Name: 'ElevenChars' }), '12529'],
    ['missing address', siteXml({}, null), '1003'],
    ['missing house number', siteXml({}, address({ HouseNumber: null })), '12536'],
    ['missing street', siteXml({}, address({ StreetName: null })), '12538'],
    ['missing city', siteXml({}, address({ City: null })), '12540'],
    ['missing state', siteXml({}, address({ StateCode: null })), '12542'],
    ['unknown state', siteXml({}, address({ StateCode: 'XX' })), '12535'],
    ['missing zip', siteXml({}, address({ Zip: null })), '12644'],
    ['non-numeric zip', siteXml({}, address({ Zip: 'ABCDE' })), '13103'],
    ['bad ZIP+4', siteXml({}, address({ PlusFour: '12' })), '12552'],
    ['missing address type', siteXml({}, address({ AddressType: null })), '12554'],
    ['unknown address type', siteXml({}, address({ AddressType: 'Home' })), '12579'],
    ['bad directional', siteXml({}, address({ PreDirectional: 'Q' })), '12605'],
    ['unknown country', siteXml({}, address({ Country: 'Narnia' })), '13007'],
    ['customer provided id not digits', siteXml({ CustomerProvidedId: 'AB12' }), '12544'],
    ['customer provided id over 10 digits', siteXml({ CustomerProvidedId: '12345678901' }), '12606'],
    ['UC trunking on a non-UC account', siteXml({ UcTrunkingConfiguration: '<Type>Seats</Type>' }), '12046'],
    ['description too long', siteXml({ Description: 'x'.repeat(256) }), '12635'],
  ];
  for (const [name, body, code] of invalid) {
    it(`rejects ${name} with 400 SiteResponse ${code}`, async () => {
      const res = await h.post(SITES, body);
      assert.equal(res.status, 400, res.body);
      assert.equal(errorCode(res), code);
      assert.ok(at(res.xml, 'SiteResponse', 'ResponseStatus', 'Description'));
    });
  }

  it('answers 404 12016 for an unknown site and 400 12527 for a non-numeric id', async () => {
    const missing = await h.get(`${SITES}/987654`);
    assert.equal(missing.status, 404);
    assert.equal(errorCode(missing), '12016');
    const bad = await h.get(`${SITES}/abc`);
    assert.equal(bad.status, 400);
    assert.equal(errorCode(bad), '12527');
  });

  it('deletes a site without SIP peers, and then it is gone', async () => {
    const id = idFromLocation(await h.post(SITES, siteXml({ Name: 'Temp' })));
    const res = await h.del(`${SITES}/${id}`);
    assert.equal(res.status, 200);
    assert.equal((await h.get(`${SITES}/${id}`)).status, 404);
  });

  it('refuses to delete a site that still has SIP peers (12031)', async () => {
    const id = idFromLocation(await h.post(SITES, siteXml({ Name: 'HasPeer' })));
    const peer = await h.post(`${SITES}/${id}/sippeers`, '<SipPeer><PeerName>P1</PeerName></SipPeer>');
    assert.equal(peer.status, 201);
    const res = await h.del(`${SITES}/${id}`);
    assert.equal(res.status, 400);
    assert.equal(errorCode(res), '12031');
    assert.equal((await h.get(`${SITES}/${id}`)).status, 200);
  });

  it('leaves nothing behind when a create is rejected', async () => {
    const before = (at((await h.get(SITES)).xml, 'SitesResponse', 'Sites', 'Site') as unknown[]).length;
    await h.post(SITES, siteXml({}, address({ Zip: 'bad' })));
    const after = (at((await h.get(SITES)).xml, 'SitesResponse', 'Sites', 'Site') as unknown[]).length;
    assert.equal(after, before);
  });
});

describe('sites on a UC Trunking account', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    const { createAccount } = await import('../accounts/index.js');
    const { grantUser } = await import('../users/index.js');
    await createAccount(h.app.deps, {
      id: '9900500',
      companyName: 'UC Co',
      products: [{ name: 'UcTrunking', features: [] }],
    });
    await grantUser(h.app.deps, 'demo', { accounts: ['9900500'] });
  });
  after(() => h.close());

  const UC = '/api/accounts/9900500/sites';

  it('requires UcTrunkingConfiguration (12615) and stores Type and UsageCategory', async () => {
    const missing = await h.post(UC, siteXml());
    assert.equal(missing.status, 400);
    assert.equal(errorCode(missing), '12615');
    const res = await h.post(
      UC,
      siteXml({ UcTrunkingConfiguration: '<Type>Seats</Type><UsageCategory>UC500</UsageCategory>' }),
    );
    assert.equal(res.status, 201, res.body);
    const got = await h.get(`${UC}/${idFromLocation(res)}`);
    assert.deepEqual(at(got.xml, 'SiteResponse', 'Site', 'UcTrunkingConfiguration'), {
      Type: 'Seats',
      UsageCategory: 'UC500',
    });
  });

  it('validates Type (12614), UsageCategory (12599) and UsageCategory only for Seats (12617)', async () => {
    const cases: [string, string][] = [
      ['<Type>Desk</Type>', '12614'],
      ['<Type>Seats</Type><UsageCategory>UC9</UsageCategory>', '12599'],
      ['<Type>Cloud</Type><UsageCategory>UC250</UsageCategory>', '12617'],
    ];
    for (const [uc, code] of cases) {
      const res = await h.post(UC, siteXml({ UcTrunkingConfiguration: uc }));
      assert.equal(res.status, 400);
      assert.equal(errorCode(res), code);
    }
  });
});
