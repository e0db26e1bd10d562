import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DIALECT } from '../../../test/support/databases.js';
import { at, errorCode, type Harness } from '../../../test/support/harness.js';
import {
  existingXml,
  expectRejected,
  orderHelpers,
  orderXml,
  startOrdersHarness,
} from './orders.fixtures.js';

describe(`new-number orders on ${DIALECT}: validation`, () => {
  let h: Harness;
  const { db, post } = orderHelpers(() => h);

  before(async () => {
    ({ h } = await startOrdersHarness());
  });
  after(() => h.close());

  it('validates the order synchronously, answering the documented code with the order echoed', async () => {
    const areaCode = (inner: string) => `<AreaCodeSearchAndOrderType>${inner}</AreaCodeSearchAndOrderType>`;
    const ac = areaCode('<AreaCode>919</AreaCode><Quantity>1</Quantity>');
    const cases: [string, string, string][] = [
      ['no order type', orderXml(''), '5087'],
      [
        'two order types',
        orderXml(ac + '<StateSearchAndOrderType><State>NC</State></StateSearchAndOrderType>'),
        '5087',
      ],
      ['no SiteId', orderXml(ac, ''), '5022'],
      ['a SiteId that is not a number', orderXml(ac, '<SiteId>abc</SiteId>'), '5016'],
      ['a site of no one', orderXml(ac, '<SiteId>4242</SiteId>'), '5016'],
      ['a SIP peer not on the site', orderXml(ac, '<SiteId>1</SiteId><PeerId>999999</PeerId>'), '5023'],
      ['quantity 0', orderXml(areaCode('<AreaCode>919</AreaCode><Quantity>0</Quantity>')), '5009'],
      ['quantity 5001', orderXml(areaCode('<AreaCode>919</AreaCode><Quantity>5001</Quantity>')), '5009'],
      [
        'quantity not a number',
        orderXml(areaCode('<AreaCode>919</AreaCode><Quantity>many</Quantity>')),
        '5009',
      ],
      ['area code without quantity', orderXml(areaCode('<AreaCode>919</AreaCode>')), '5198'],
      ['quantity without area code', orderXml(areaCode('<Quantity>1</Quantity>')), '5198'],
      [
        'toll-free vanity without quantity',
        orderXml(
          '<TollFreeVanitySearchAndOrderType><TollFreeVanity>CARS</TollFreeVanity></TollFreeVanitySearchAndOrderType>',
        ),
        '5199',
      ],
      ['an invalid area code', orderXml(areaCode('<AreaCode>119</AreaCode><Quantity>1</Quantity>')), '5002'],
      [
        'a rate centre without state',
        orderXml(
          '<RateCenterSearchAndOrderType><RateCenter>RALEIGH</RateCenter><Quantity>1</Quantity></RateCenterSearchAndOrderType>',
        ),
        '5002',
      ],
      [
        'area code and NPA-NXX together',
        orderXml(
          '<CombinedSearchAndOrderType><Quantity>1</Quantity><AreaCode>919</AreaCode><NpaNxx>919439</NpaNxx></CombinedSearchAndOrderType>',
        ),
        '5002',
      ],
      [
        'LCA with an area code',
        orderXml(
          '<CombinedSearchAndOrderType><Quantity>1</Quantity><AreaCode>919</AreaCode><EnableLCA>true</EnableLCA></CombinedSearchAndOrderType>',
        ),
        '5002',
      ],
      [
        'local vanity with a backorder',
        orderXml(
          '<CombinedSearchAndOrderType><Quantity>1</Quantity><AreaCode>919</AreaCode><LocalVanity>CARS</LocalVanity></CombinedSearchAndOrderType>',
          '<BackOrderRequested>true</BackOrderRequested><SiteId>1</SiteId>',
        ),
        '5002',
      ],
      [
        'a name over 50 characters',
        `<Order><Name>${'n'.repeat(51)}</Name><SiteId>1</SiteId>${ac}</Order>`,
        '5002',
      ],
      [
        'a customer order id with symbols',
        `<Order><CustomerOrderId>a;b</CustomerOrderId><SiteId>1</SiteId>${ac}</Order>`,
        '5052',
      ],
      [
        'PartialAllowed not a boolean',
        orderXml(ac, '<PartialAllowed>maybe</PartialAllowed><SiteId>1</SiteId>'),
        '5002',
      ],
      [
        'an unknown TnAttribute',
        orderXml(ac + '<TnAttributes><TnAttribute>Shiny</TnAttribute></TnAttributes>'),
        '5102',
      ],
      [
        'Protected on toll-free',
        orderXml(
          '<TollFreeWildCharSearchAndOrderType><Quantity>1</Quantity><TollFreeWildCardPattern>8**</TollFreeWildCardPattern></TollFreeWildCharSearchAndOrderType><TnAttributes><TnAttribute>Protected</TnAttribute></TnAttributes>',
        ),
        '5101',
      ],
      ['an empty number list', orderXml(existingXml([])), '5073'],
      ['an invalid number', orderXml(existingXml(['12345'])), '5070'],
      ['a repeated number', orderXml(existingXml([9195551234, 9195551234])), '5093'],
      [
        'more than 5000 numbers',
        orderXml(existingXml(Array.from({ length: 5001 }, (_, i) => 9_195_500_000 + i))),
        '5095',
      ],
    ];
    const before = await db()
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    for (const [what, body, code] of cases) {
      const res = await post(body);
      assert.equal(res.status, 400, `${what}: ${res.body}`);
      assert.equal(at(res.xml, 'OrderResponse', 'ErrorList', 'Error', 'Code'), code, `${what}: ${res.body}`);
      assert.ok(at(res.xml, 'OrderResponse', 'Order'), `${what}: the order is echoed`);
    }
    const afterCount = await db()
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(afterCount.n), Number(before.n), 'nothing was stored');

    const malformed = await post('<Order><SiteId>1</SiteId>');
    assert.equal(malformed.status, 400);
    assert.ok(errorCode(malformed), malformed.body);
    const wrongRoot = await post('<Site><Name>x</Name></Site>');
    assert.equal(wrongRoot.status, 400);
    expectRejected(await post(orderXml(ac, '<SiteId>-1</SiteId>')), '5016');
  });
});
