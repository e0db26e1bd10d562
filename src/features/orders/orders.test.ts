import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DIALECT } from '../../../test/support/databases.js';
import {
  at,
  drainJobs,
  errorCode,
  idFromLocation,
  startHarness,
  type Harness,
  type Reply,
} from '../../../test/support/harness.js';
import { JobWorker } from '../../platform/jobs/worker.js';
import { createAccount } from '../accounts/index.js';
import type { Coverage } from '../../shared/coverage.js';
import { importNumbers } from '../inventory/index.js';
import { TnStatus } from '../../shared/tn-status.js';
import { createUser } from '../users/index.js';
import { fulfilmentJob as orderFulfilmentJob } from './orders.jobs.js';

const ACC = '/api/accounts/9900000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** An order body: the order-type element plus common elements (site 1 unless given). */
const orderXml = (type: string, common = '<SiteId>1</SiteId>') =>
  `<Order><CustomerOrderId>co-1</CustomerOrderId><Name>test order</Name>${common}${type}</Order>`;
const existingXml = (tns: readonly (number | string)[], reservations: readonly string[] = []) =>
  `<ExistingTelephoneNumberOrderType><TelephoneNumberList>${tns
    .map((t) => `<TelephoneNumber>${t}</TelephoneNumber>`)
    .join('')}</TelephoneNumberList>${
    reservations.length
      ? `<ReservationIdList>${reservations.map((r) => `<ReservationId>${r}</ReservationId>`).join('')}</ReservationIdList>`
      : ''
  }</ExistingTelephoneNumberOrderType>`;

/** Letters on a phone keypad for each digit (0 and 1 have none and stay digits). */
const KEYPAD: Readonly<Record<string, string>> = {
  2: 'A',
  3: 'D',
  4: 'G',
  5: 'J',
  6: 'M',
  7: 'P',
  8: 'T',
  9: 'W',
};
const asVanity = (digits: string) => digits.replace(/[2-9]/g, (d) => KEYPAD[d] ?? d);

const RIVAL = ['other', 'other-secret'] as const;
const SITE_XML =
  '<Site><Name>Branch</Name><Address><HouseNumber>900</HouseNumber><StreetName>Main Campus Drive</StreetName>' +
  '<City>Raleigh</City><StateCode>NC</StateCode><Zip>27606</Zip><AddressType>Service</AddressType></Address></Site>';

type NumberRow = {
  tn: number;
  rate_center_id: number | null;
  city_id: number | null;
  state: string | null;
  lata: string | null;
};

describe(`new-number orders on ${DIALECT}`, () => {
  let h: Harness;
  let cov: Coverage;
  let rivalSite: string;
  const db = () => h.app.deps.database.db;
  const numberRow = (tn: number) =>
    db().selectFrom('telephone_numbers').selectAll().where('tn', '=', tn).executeTakeFirstOrThrow();
  /** Available numbers with a place, optionally in a number range. */
  const available = async (n: number, range?: readonly [number, number]): Promise<NumberRow[]> => {
    let q = db()
      .selectFrom('telephone_numbers')
      .select(['tn', 'rate_center_id', 'city_id', 'state', 'lata'])
      .where('status', '=', TnStatus.available)
      .where('protected', '=', 0);
    q = range
      ? q.where('tn', '>=', range[0]).where('tn', '<=', range[1])
      : q.where('rate_center_id', 'is not', null);
    return q.orderBy('tn').limit(n).execute();
  };
  const post = (body: string, path = `${ACC}/orders`) => h.post(path, body);
  /** POSTs an order that must be accepted; returns its id. */
  const place = async (body: string): Promise<string> => {
    const res = await post(body);
    assert.equal(res.status, 201, res.body);
    return idFromLocation(res);
  };
  const getOrder = (id: string, query = '') => h.get(`${ACC}/orders/${id}${query}`);
  /** Places an order, runs the jobs, and returns the order as GET shows it. */
  const fulfil = async (body: string): Promise<{ id: string; res: Reply }> => {
    const id = await place(body);
    await h.drain();
    return { id, res: await getOrder(id) };
  };
  const statusOf = (res: Reply) => at(res.xml, 'OrderResponse', 'OrderStatus');
  const completed = (res: Reply): number[] => {
    const list = at(res.xml, 'OrderResponse', 'CompletedNumbers', 'TelephoneNumber');
    const items = list === undefined || list === '' ? [] : Array.isArray(list) ? list : [list];
    return items.map((i) => Number(at(i, 'FullNumber')));
  };
  const expectRejected = (res: Reply, code: string) => {
    assert.equal(res.status, 400, res.body);
    assert.equal(at(res.xml, 'OrderResponse', 'ErrorList', 'Error', 'Code'), code, res.body);
    assert.ok(at(res.xml, 'OrderResponse', 'ErrorList', 'Error', 'Description'), res.body);
  };

  before(async () => {
    h = await startHarness({ inventory: 30_000 });
    cov = h.app.deps.coverage;
    await createAccount(h.app.deps, { id: '9900700', companyName: 'Other Co' });
    await createUser(h.app.deps, { username: 'other', password: 'other-secret', accounts: ['9900700'] });
    const site = await h.post('/api/accounts/9900700/sites', SITE_XML, { auth: RIVAL });
    assert.equal(site.status, 201, site.body);
    rivalSite = idFromLocation(site);
    const peer = await h.post(
      `/api/accounts/9900700/sites/${rivalSite}/sippeers`,
      '<SipPeer><PeerName>RivalPeer</PeerName><IsDefaultPeer>true</IsDefaultPeer></SipPeer>',
      { auth: RIVAL },
    );
    assert.equal(peer.status, 201, peer.body);
  });
  after(() => h.close());

  it('accepts an order as RECEIVED (id in body and Location), then fulfils it onto the site and default peer', async () => {
    const res = await post(
      orderXml(
        '<AreaCodeSearchAndOrderType><AreaCode>919</AreaCode><Quantity>2</Quantity></AreaCodeSearchAndOrderType>',
      ),
    );
    assert.equal(res.status, 201, res.body);
    const id = idFromLocation(res);
    assert.match(id, UUID);
    assert.match(String(res.headers.location), new RegExp(`/api/accounts/9900000/orders/${id}$`));
    assert.equal(at(res.xml, 'OrderResponse', 'Order', 'id'), id);
    assert.equal(at(res.xml, 'OrderResponse', 'OrderStatus'), 'RECEIVED');
    assert.match(String(at(res.xml, 'OrderResponse', 'Order', 'OrderCreateDate')), ISO);
    assert.equal(at(res.xml, 'OrderResponse', 'Order', 'AreaCodeSearchAndOrderType', 'AreaCode'), '919');
    assert.equal(at(res.xml, 'OrderResponse', 'Order', 'PartialAllowed'), 'true');
    assert.equal(at(res.xml, 'OrderResponse', 'Order', 'BackOrderRequested'), 'false');
    // The element order of the 201 body, as the contract lists it.
    const order = res.body.slice(res.body.indexOf('<Order>'));
    const positions = [
      '<CustomerOrderId>',
      '<id>',
      '<Name>',
      '<OrderCreateDate>',
      '<AreaCodeSearchAndOrderType>',
      '<PartialAllowed>',
      '<SiteId>',
    ].map((tag) => order.indexOf(tag));
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
      order,
    );

    const pending = await getOrder(id);
    assert.equal(statusOf(pending), 'RECEIVED');
    assert.equal(at(pending.xml, 'OrderResponse', 'PendingQuantity'), '2');

    await h.drain();
    const done = await getOrder(id);
    assert.equal(statusOf(done), 'COMPLETE', done.body);
    assert.equal(at(done.xml, 'OrderResponse', 'CompletedQuantity'), '2');
    assert.equal(at(done.xml, 'OrderResponse', 'FailedQuantity'), '0');
    assert.equal(at(done.xml, 'OrderResponse', 'CreatedByUser'), 'demo');
    assert.match(String(at(done.xml, 'OrderResponse', 'OrderCompleteDate')), ISO);
    assert.equal(at(done.xml, 'OrderResponse', 'ErrorList'), undefined);
    const tns = completed(done);
    assert.equal(tns.length, 2);
    for (const tn of tns) {
      assert.equal(Math.floor(tn / 1e7), 919);
      const row = await numberRow(tn);
      assert.equal(row.status, TnStatus.inService);
      assert.equal(row.account_id, '9900000');
      assert.equal(row.site_id, 1);
      assert.equal(row.sip_peer_id, 500000);
      assert.equal(row.order_id, id);
      assert.equal((await h.get(`${ACC}/inserviceNumbers/${tn}`)).status, 200);
    }
    const history = await h.get(`${ACC}/orders/${id}/history`);
    const statuses = (at(history.xml, 'OrderHistoryWrapper', 'OrderHistory') as unknown[]).map((e) =>
      at(e, 'Status'),
    );
    assert.deepEqual(statuses, ['RECEIVED', 'COMPLETE']);
  });

  it('fills every search order type with numbers that meet its criteria', async () => {
    /** Each case builds its criteria from a number available at that moment (earlier cases take some). */
    interface Sample {
      readonly tn: number;
      readonly rc: NonNullable<ReturnType<Coverage['rateCenter']>>;
      readonly city: ReturnType<Coverage['city']>;
      readonly zip: string | undefined;
      readonly npaNxx: string;
    }
    const sample = async (
      range: readonly [number, number] = [9_190_000_000, 9_199_999_999],
    ): Promise<Sample> => {
      const [row] = await available(1, range);
      assert.ok(row);
      const rc = cov.rateCenter(row.rate_center_id);
      assert.ok(rc);
      const zip = cov.zipsOfRateCenter(rc.id)[0];
      return { tn: row.tn, rc, city: cov.city(row.city_id), zip, npaNxx: String(row.tn).slice(0, 6) };
    };
    const cases: ((s: Sample) => { type: string; check: (row: NumberRow) => void })[] = [
      ({ rc }) => ({
        type: `<RateCenterSearchAndOrderType><RateCenter>${rc.abbreviation}</RateCenter><State>${rc.state}</State><EnableLCA>false</EnableLCA><Quantity>1</Quantity></RateCenterSearchAndOrderType>`,
        check: (r) => assert.equal(r.rate_center_id, rc.id),
      }),
      ({ npaNxx }) => ({
        type: `<NPANXXSearchAndOrderType><NpaNxx>${npaNxx}</NpaNxx><EnableTNDetail>true</EnableTNDetail><EnableLCA>false</EnableLCA><Quantity>1</Quantity></NPANXXSearchAndOrderType>`,
        check: (r) => assert.equal(String(r.tn).slice(0, 6), npaNxx),
      }),
      ({ tn }) => ({
        type: `<NPANXXSearchAndOrderType><NpaNxx>${String(tn).slice(0, 7)}</NpaNxx><EnableLCA>false</EnableLCA><Quantity>1</Quantity></NPANXXSearchAndOrderType>`,
        check: (r) => assert.equal(String(r.tn).slice(0, 7), String(tn).slice(0, 7)),
      }),
      ({ rc }) => ({
        type: `<StateSearchAndOrderType><Quantity>1</Quantity><State>${rc.state}</State></StateSearchAndOrderType>`,
        check: (r) => assert.equal(r.state, rc.state),
      }),
      ({ rc, city }) => ({
        type: `<CitySearchAndOrderType><Quantity>1</Quantity><City>${city?.name ?? ''}</City><State>${rc.state}</State></CitySearchAndOrderType>`,
        check: (r) => assert.ok(city && cov.rateCentersOfCity(city.id).includes(r.rate_center_id ?? -1)),
      }),
      ({ zip }) => ({
        type: `<ZIPSearchAndOrderType><Quantity>1</Quantity><Zip>${zip ?? ''}</Zip></ZIPSearchAndOrderType>`,
        check: (r) => assert.ok(zip && cov.rateCentersOfZip(zip).includes(r.rate_center_id ?? -1)),
      }),
      ({ rc }) => ({
        type: `<LATASearchAndOrderType><Quantity>1</Quantity><Lata>${rc.lata}</Lata></LATASearchAndOrderType>`,
        check: (r) => assert.equal(r.lata, rc.lata),
      }),
      ({ npaNxx, rc, city }) => ({
        type: `<CombinedSearchAndOrderType><Quantity>1</Quantity><NpaNxx>${npaNxx}</NpaNxx><City>${city?.name ?? ''}</City><State>${rc.state}</State><EnableLCA>false</EnableLCA></CombinedSearchAndOrderType>`,
        check: (r) => {
          assert.equal(String(r.tn).slice(0, 6), npaNxx);
          assert.equal(r.state, rc.state);
        },
      }),
    ];
    const [tollFree] = await available(1, [8_000_000_000, 8_899_999_999]);
    assert.ok(tollFree);
    cases.push(() => ({
      type: `<TollFreeWildCharSearchAndOrderType><Quantity>1</Quantity><TollFreeWildCardPattern>${String(tollFree.tn).slice(0, 2)}*</TollFreeWildCardPattern></TollFreeWildCharSearchAndOrderType>`,
      check: (r) => assert.equal(String(r.tn).slice(0, 2), String(tollFree.tn).slice(0, 2)),
    }));
    for (const make of cases) {
      const c = make(await sample());
      const { res } = await fulfil(orderXml(c.type));
      assert.equal(statusOf(res), 'COMPLETE', `${c.type}\n${res.body}`);
      const [tn] = completed(res);
      assert.ok(tn, res.body);
      c.check(await numberRow(tn));
    }

    // Vanity: the pattern of an available number's last digits, locally and toll-free.
    const [local] = await available(1, [9_190_000_000, 9_199_999_999]);
    assert.ok(local);
    const localWord = asVanity(String(local.tn).slice(-4));
    const vanity = await fulfil(
      orderXml(
        `<CombinedSearchAndOrderType><Quantity>1</Quantity><AreaCode>919</AreaCode><LocalVanity>${localWord}</LocalVanity><EndsIn>true</EndsIn></CombinedSearchAndOrderType>`,
      ),
    );
    assert.equal(statusOf(vanity.res), 'COMPLETE', vanity.res.body);
    assert.equal(asVanity(String(completed(vanity.res)[0]).slice(-4)), localWord);

    const [tf] = await available(1, [8_000_000_000, 8_899_999_999]);
    assert.ok(tf);
    const tfWord = asVanity(String(tf.tn).slice(-4));
    const tfOrder = await fulfil(
      orderXml(
        `<TollFreeVanitySearchAndOrderType><Quantity>1</Quantity><TollFreeVanity>${tfWord}</TollFreeVanity></TollFreeVanitySearchAndOrderType>`,
      ),
    );
    assert.equal(statusOf(tfOrder.res), 'COMPLETE', tfOrder.res.body);
    assert.ok(asVanity(String(completed(tfOrder.res)[0]).slice(3)).includes(tfWord));
  });

  it('orders named numbers, with tndetail describing each', async () => {
    const picks = await available(2);
    const { id, res } = await fulfil(orderXml(existingXml(picks.map((p) => p.tn))));
    assert.equal(statusOf(res), 'COMPLETE', res.body);
    assert.deepEqual(
      completed(res),
      picks.map((p) => p.tn),
    );
    const detail = await getOrder(id, '?tndetail=true');
    const first = at(detail.xml, 'OrderResponse', 'CompletedNumbers', 'TelephoneNumber', 0);
    const rc = cov.rateCenter(picks[0]?.rate_center_id);
    assert.equal(at(first, 'RateCenter'), rc?.abbreviation);
    assert.equal(at(first, 'State'), rc?.state);
    assert.equal(at(first, 'VendorName'), 'Bandwidth CLEC');
  });

  it('reports numbers it could not get: PARTIAL with per-number errors, or FAILED and untouched when all-or-nothing', async () => {
    const [free] = await available(1);
    assert.ok(free);
    const [taken] = (await available(2)).slice(1);
    assert.ok(taken);
    await place(orderXml(existingXml([taken.tn])));
    await h.drain();

    const partial = await fulfil(orderXml(existingXml([free.tn, taken.tn, 2125550000])));
    assert.equal(statusOf(partial.res), 'PARTIAL', partial.res.body);
    assert.deepEqual(completed(partial.res), [free.tn]);
    const errors = at(partial.res.xml, 'OrderResponse', 'ErrorList', 'Error') as unknown[];
    assert.deepEqual(
      errors.map((e) => [at(e, 'Code'), at(e, 'TelephoneNumber')]),
      (
        [
          ['5071', '2125550000'],
          ['5005', String(taken.tn)],
        ] as const
      ).toSorted((x, y) => x[1].localeCompare(y[1])),
    );
    assert.equal(at(partial.res.xml, 'OrderResponse', 'FailedQuantity'), '2');
    assert.match(
      String(at(partial.res.xml, 'OrderResponse', 'Summary')),
      /^1 out of 3 numbers ordered in \(\d{3}\)$/,
    );
    const failedNumbers = at(partial.res.xml, 'OrderResponse', 'FailedNumbers', 'FullNumber');
    assert.deepEqual(failedNumbers, ['2125550000', String(taken.tn)].sort());

    const [free2] = await available(1);
    assert.ok(free2);
    const all = await fulfil(
      orderXml(existingXml([free2.tn, taken.tn]), '<PartialAllowed>false</PartialAllowed><SiteId>1</SiteId>'),
    );
    assert.equal(statusOf(all.res), 'FAILED', all.res.body);
    assert.deepEqual(completed(all.res), []);
    assert.equal((await numberRow(free2.tn)).status, TnStatus.available);
  });

  it('ends a search order short of numbers PARTIAL (5017) or FAILED (5018), and FAILED with nothing taken when all-or-nothing', async () => {
    // A rate centre with a single available number, searched without its local calling area.
    const lonely = await db()
      .selectFrom('telephone_numbers')
      .select(['rate_center_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('status', '=', TnStatus.available)
      .where('rate_center_id', 'is not', null)
      .groupBy('rate_center_id')
      .having((eb) => eb.fn.countAll(), '=', 2)
      .orderBy('rate_center_id')
      .limit(1)
      .execute();
    const a = cov.rateCenter(lonely[0]?.rate_center_id);
    assert.ok(a);
    const rcOrder = (rc: typeof a, quantity: number) =>
      `<RateCenterSearchAndOrderType><RateCenter>${rc.abbreviation}</RateCenter><State>${rc.state}</State><EnableLCA>false</EnableLCA><Quantity>${quantity}</Quantity></RateCenterSearchAndOrderType>`;

    const strict = await fulfil(
      orderXml(rcOrder(a, 3), '<PartialAllowed>false</PartialAllowed><SiteId>1</SiteId>'),
    );
    assert.equal(statusOf(strict.res), 'FAILED', strict.res.body);
    assert.equal(at(strict.res.xml, 'OrderResponse', 'ErrorList', 'Error', 'Code'), '5018');
    const left = await db()
      .selectFrom('telephone_numbers')
      .select('tn')
      .where('rate_center_id', '=', a.id)
      .where('status', '=', TnStatus.available)
      .execute();
    assert.equal(left.length, 2, 'all-or-nothing took nothing');

    const partial = await fulfil(orderXml(rcOrder(a, 3)));
    assert.equal(statusOf(partial.res), 'PARTIAL', partial.res.body);
    assert.equal(completed(partial.res).length, 2);
    assert.equal(at(partial.res.xml, 'OrderResponse', 'ErrorList', 'Error', 'Code'), '5017');

    const none = await fulfil(orderXml(rcOrder(a, 1)));
    assert.equal(statusOf(none.res), 'FAILED');
    assert.equal(at(none.res.xml, 'OrderResponse', 'ErrorList', 'Error', 'Code'), '5018');
  });

  it('honours a reservation named in the order and refuses the reserved number without it', async () => {
    const [tn] = (await available(1)).map((r) => r.tn);
    assert.ok(tn);
    const reserved = await h.post(
      `${ACC}/tnreservation`,
      `<Reservation><ReservedTn>${tn}</ReservedTn></Reservation>`,
    );
    assert.equal(reserved.status, 201, reserved.body);
    const reservationId = idFromLocation(reserved);

    const without = await fulfil(orderXml(existingXml([tn])));
    assert.equal(statusOf(without.res), 'FAILED');
    assert.equal(at(without.res.xml, 'OrderResponse', 'ErrorList', 'Error', 'Code'), '5005');
    assert.match(
      String(at(without.res.xml, 'OrderResponse', 'ErrorList', 'Error', 'Description')),
      /ReservationId/,
    );

    // Another account cannot order it, even naming the reservation.
    const rivalOrder = await h.post(
      '/api/accounts/9900700/orders',
      orderXml(existingXml([tn], [reservationId]), `<SiteId>${rivalSite}</SiteId>`),
      { auth: RIVAL },
    );
    assert.equal(rivalOrder.status, 201, rivalOrder.body);
    await h.drain();
    const rivalResult = await h.get(`/api/accounts/9900700/orders/${idFromLocation(rivalOrder)}`, {
      auth: RIVAL,
    });
    assert.equal(statusOf(rivalResult), 'FAILED', rivalResult.body);
    assert.equal(at(rivalResult.xml, 'OrderResponse', 'ErrorList', 'Error', 'Code'), '5005');

    const withId = await fulfil(orderXml(existingXml([tn], [reservationId])));
    assert.equal(statusOf(withId.res), 'COMPLETE', withId.res.body);
    const row = await numberRow(tn);
    assert.equal(row.status, TnStatus.inService);
    assert.equal(row.reservation_id, null);
    const reservation = await db()
      .selectFrom('tn_reservations')
      .selectAll()
      .where('id', '=', reservationId)
      .executeTakeFirstOrThrow();
    assert.equal(reservation.state, 'used');
  });

  it('marks numbers Protected when the order asks', async () => {
    const { res } = await fulfil(
      orderXml(
        '<AreaCodeSearchAndOrderType><AreaCode>919</AreaCode><Quantity>1</Quantity></AreaCodeSearchAndOrderType><TnAttributes><TnAttribute>Protected</TnAttribute></TnAttributes>',
      ),
    );
    assert.equal(statusOf(res), 'COMPLETE');
    assert.equal(at(res.xml, 'OrderResponse', 'Order', 'TnAttributes', 'TnAttribute'), 'Protected');
    const [tn] = completed(res);
    assert.ok(tn);
    assert.equal((await numberRow(tn)).protected, 1);
  });

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

  it('keeps a backorder open until inventory appears, then fills it on the retry schedule', async () => {
    const [lone] = await db()
      .selectFrom('telephone_numbers')
      .select(['rate_center_id', (eb) => eb.fn.min('tn').as('tn')])
      .where('status', '=', TnStatus.available)
      .where('rate_center_id', 'is not', null)
      .groupBy('rate_center_id')
      .having((eb) => eb.fn.countAll(), '=', 1)
      .orderBy('rate_center_id', 'desc')
      .limit(1)
      .execute();
    assert.ok(lone?.tn);
    const rc = cov.rateCenter(lone.rate_center_id);
    assert.ok(rc);
    const body = orderXml(
      `<RateCenterSearchAndOrderType><RateCenter>${rc.abbreviation}</RateCenter><State>${rc.state}</State><EnableLCA>false</EnableLCA><Quantity>2</Quantity></RateCenterSearchAndOrderType>`,
      '<BackOrderRequested>true</BackOrderRequested><SiteId>1</SiteId>',
    );
    const { id, res } = await fulfil(body);
    assert.equal(statusOf(res), 'BACKORDERED', res.body);
    assert.deepEqual(completed(res), [lone.tn]);
    assert.equal(at(res.xml, 'OrderResponse', 'ErrorList'), undefined, 'a backorder is not an error yet');
    assert.equal(at(res.xml, 'OrderResponse', 'PendingQuantity'), '1');

    // New inventory in that rate centre: a free number of the same thousands block.
    let fresh = lone.tn + 1;
    while (
      (await db().selectFrom('telephone_numbers').select('tn').where('tn', '=', fresh).executeTakeFirst()) !==
      undefined
    )
      fresh++;
    const imported = await importNumbers(h.app.deps, `${fresh},${rc.abbreviation},${rc.state}\n`);
    assert.equal(imported.accepted, 1, JSON.stringify(imported));

    h.clock.advance(h.app.deps.config.orders.backorderRetryMs - 60_000);
    await h.drain();
    assert.equal(statusOf(await getOrder(id)), 'BACKORDERED', 'not before the retry is due');
    h.clock.advance(60_000);
    await h.drain();
    const done = await getOrder(id);
    assert.equal(statusOf(done), 'COMPLETE', done.body);
    assert.deepEqual(completed(done).sort(), [lone.tn, fresh].sort());
    const history = await h.get(`${ACC}/orders/${id}/history`);
    const entries = at(history.xml, 'OrderHistoryWrapper', 'OrderHistory') as unknown[];
    assert.deepEqual(
      entries.map((e) => at(e, 'Status')),
      ['RECEIVED', 'BACKORDERED', 'COMPLETE'],
    );
    assert.match(String(at(entries[1], 'Note')), /Order backordered - awaiting additional numbers/);
    // A final order's pending retries do nothing.
    h.clock.advance(h.app.deps.config.orders.backorderRetryMs);
    await h.drain();
    assert.equal(statusOf(await getOrder(id)), 'COMPLETE');
  });

  it('updates Name and CustomerOrderId (with the difference in the history) and closes a backorder keeping its numbers', async () => {
    const [one] = await available(1);
    assert.ok(one);
    const { id, res } = await fulfil(
      orderXml(
        `<CombinedSearchAndOrderType><Quantity>50</Quantity><NpaNxx>${String(one.tn).slice(0, 6)}</NpaNxx><EnableLCA>false</EnableLCA></CombinedSearchAndOrderType>`,
        '<BackOrderRequested>true</BackOrderRequested><SiteId>1</SiteId>',
      ),
    );
    assert.equal(statusOf(res), 'BACKORDERED', res.body);
    const kept = completed(res);
    assert.ok(kept.length > 0 && kept.length < 50, `${kept.length} numbers`);

    const rename = await h.put(
      `${ACC}/orders/${id}`,
      '<Order><Name>renamed</Name><CustomerOrderId>hello</CustomerOrderId></Order>',
    );
    assert.equal(rename.status, 200, rename.body);
    const renamed = await getOrder(id);
    assert.equal(at(renamed.xml, 'OrderResponse', 'Order', 'Name'), 'renamed');
    assert.equal(at(renamed.xml, 'OrderResponse', 'Order', 'CustomerOrderId'), 'hello');

    const close = await h.put(`${ACC}/orders/${id}`, '<Order><CloseOrder>true</CloseOrder></Order>');
    assert.equal(close.status, 200, close.body);
    const closed = await getOrder(id);
    assert.equal(statusOf(closed), 'PARTIAL', closed.body);
    assert.deepEqual(completed(closed), kept);
    for (const tn of kept) assert.equal((await numberRow(tn)).status, TnStatus.inService);

    const history = await h.get(`${ACC}/orders/${id}/history`);
    const entries = at(history.xml, 'OrderHistoryWrapper', 'OrderHistory') as unknown[];
    const diff = entries.map((e) => at(e, 'Difference')).find((d) => typeof d === 'string');
    assert.match(diff as string, /CustomerOrderId : "co-1" --> hello/);
    assert.equal(at(entries.at(-1), 'Status'), 'PARTIAL');

    // Closing again, or closing an order that is not a backorder: 5060.
    const again = await h.put(`${ACC}/orders/${id}`, '<Order><CloseOrder>true</CloseOrder></Order>');
    assert.equal(again.status, 400);
    assert.equal(errorCode(again), '5060');
    const bad = await h.put(`${ACC}/orders/${id}`, `<Order><Name>${'x'.repeat(51)}</Name></Order>`);
    assert.equal(bad.status, 400);
    assert.equal(
      (await h.put(`${ACC}/orders/00000000-0000-4000-8000-000000000000`, '<Order><Name>x</Name></Order>'))
        .status,
      404,
    );

    // A later retry of the closed backorder takes nothing more.
    h.clock.advance(h.app.deps.config.orders.backorderRetryMs * 2);
    await h.drain();
    assert.deepEqual(completed(await getOrder(id)), kept);
  });

  it('answers the number reports of an order: area codes, NPA-NXX, totals, numbers', async () => {
    const picks = await available(3, [9_190_000_000, 9_199_999_999]);
    const { id } = await fulfil(orderXml(existingXml(picks.map((p) => p.tn))));
    const area = await h.get(`${ACC}/orders/${id}/areaCodes`);
    assert.equal(at(area.xml, 'TelephoneDetailsReports', 'TelephoneDetailsReport', 'AreaCode'), '919');
    assert.equal(at(area.xml, 'TelephoneDetailsReports', 'TelephoneDetailsReport', 'Count'), '3');
    const npaNxx = await h.get(`${ACC}/orders/${id}/npaNxx`);
    assert.match(npaNxx.body, /<NPA-NXX>919\d{3}<\/NPA-NXX>/);
    const totals = await h.get(`${ACC}/orders/${id}/totals`);
    assert.equal(at(totals.xml, 'TelephoneDetailsReports', 'TelephoneDetailsReport', 'Count'), '3');
    const tns = await h.get(`${ACC}/orders/${id}/tns`);
    assert.equal(at(tns.xml, 'TelephoneNumbers', 'Count'), '3');
    assert.deepEqual(
      at(tns.xml, 'TelephoneNumbers', 'TelephoneNumber'),
      picks.map((p) => String(p.tn)),
    );
  });

  it('appends notes (id as in Location), lists them, and answers 204 when there are none', async () => {
    const [pick] = await available(1);
    assert.ok(pick);
    const { id } = await fulfil(orderXml(existingXml([pick.tn])));
    assert.equal((await h.get(`${ACC}/orders/${id}/notes`)).status, 204);
    const added = await h.post(
      `${ACC}/orders/${id}/notes`,
      '<Note><UserId>demo</UserId><Description>First note</Description></Note>',
    );
    assert.equal(added.status, 201, added.body);
    assert.equal(added.body, '');
    const noteId = idFromLocation(added);
    assert.match(String(added.headers.location), new RegExp(`/orders/${id}/notes/${noteId}$`));
    await h.post(
      `${ACC}/orders/${id}/notes`,
      '<Note><UserId>demo</UserId><Description>Second</Description></Note>',
    );
    const list = await h.get(`${ACC}/orders/${id}/notes`);
    const notes = at(list.xml, 'Notes', 'Note') as unknown[];
    assert.equal(notes.length, 2);
    assert.equal(at(notes[0], 'Id'), noteId);
    assert.equal(at(notes[0], 'Description'), 'First note');
    assert.match(String(at(notes[0], 'LastDateModifier')), ISO);

    const noUser = await h.post(`${ACC}/orders/${id}/notes`, '<Note><Description>who?</Description></Note>');
    assert.equal(noUser.status, 400);
    assert.equal(at(noUser.xml, 'NoteResponse', 'ResponseStatus', 'ErrorCode'), '12501');
  });

  it('lists orders newest last with filters and paging links', async () => {
    const all = await h.get(`${ACC}/orders?page=1&size=500`);
    assert.equal(all.status, 200, all.body);
    const total = Number(at(all.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'TotalCount'));
    assert.ok(total >= 10, `${total}`);
    // Orders placed at the same (manual) instant list in id order: take one that got numbers.
    const entry = (
      at(all.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'OrderIdUserIdDate') as unknown[]
    ).find((e) => at(e, 'TelephoneNumberDetails', 'States') !== undefined);
    assert.match(String(at(entry, 'orderId')), UUID);
    assert.equal(at(entry, 'userId'), 'demo');
    assert.match(String(at(entry, 'OrderDate')), ISO);
    assert.ok(at(entry, 'TelephoneNumberDetails', 'States', 'StateWithCount', 'State'));

    const first = await h.get(`${ACC}/orders?page=1&size=3`);
    const firstIds = (
      at(first.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'OrderIdUserIdDate') as unknown[]
    ).map((e) => at(e, 'orderId'));
    assert.equal(firstIds.length, 3);
    const next = String(at(first.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'Links', 'next'));
    const url = /<([^>]+)>/.exec(next)?.[1] ?? '';
    assert.match(url, /\/v1\.0\/accounts\/9900000\/orders\?page=[0-9a-f-]{36}&size=3$/);
    const second = await h.get(url.slice(url.indexOf('/v1.0')));
    const secondIds = (
      at(second.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'OrderIdUserIdDate') as unknown[]
    ).map((e) => at(e, 'orderId'));
    assert.equal(secondIds.length, 3);
    assert.ok(secondIds.every((i) => !firstIds.includes(i)));

    const failed = await h.get(`${ACC}/orders?status=FAILED&size=500`);
    const failedEntries = [
      at(failed.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'OrderIdUserIdDate'),
    ].flat();
    assert.ok(failedEntries.length > 0);
    assert.ok(failedEntries.every((e) => at(e, 'OrderStatus') === 'FAILED'));
    const byCustomer = await h.get(`${ACC}/orders?customerOrderId=hello`);
    assert.equal(at(byCustomer.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'TotalCount'), '1');
    const byUser = await h.get(`${ACC}/orders?userid=nobody`);
    assert.equal(at(byUser.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'TotalCount'), '0');
    const today = await h.get(`${ACC}/orders?startdate=2026-12-01&enddate=2026-12-31`);
    assert.equal(
      at(today.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'TotalCount'),
      String(total),
    );
    const past = await h.get(`${ACC}/orders?startdate=2020-01-01&enddate=2020-01-02`);
    assert.equal(at(past.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'TotalCount'), '0');

    for (const bad of [
      'status=DONE',
      'size=0',
      'startdate=yesterday&enddate=2026-12-01',
      'page=not-an-order',
    ]) {
      const res = await h.get(`${ACC}/orders?${bad}`);
      assert.equal(res.status, 404, bad);
      assert.equal(res.body, '', bad);
    }
  });

  it("shows a site's orders, and answers 404 with bare Links for a site without orders", async () => {
    const created = await h.post(`${ACC}/sites`, SITE_XML);
    assert.equal(created.status, 201, created.body);
    const emptySite = idFromLocation(created);
    const none = await h.get(`${ACC}/sites/${emptySite}/orders`);
    assert.equal(none.status, 404);
    assert.match(
      String(at(none.xml, 'Links', 'first')),
      /^Link=<.*\/sites\/\d+\/orders\?page=1&size=300>;rel="first";$/,
    );

    const [pick] = await available(1);
    assert.ok(pick);
    const { id } = await fulfil(orderXml(existingXml([pick.tn])));
    const list = await h.get(`${ACC}/sites/1/orders?page=1&size=500`);
    assert.equal(list.status, 200);
    const entries = [
      at(list.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'OrderIdUserIdDate'),
    ].flat();
    const mine = entries.find((e) => at(e, 'orderId') === id);
    assert.equal(at(mine, 'OrderType'), 'new_number');
    const one = await h.get(`${ACC}/sites/1/orders/${id}`);
    assert.equal(at(one.xml, 'OrderResponse', 'OrderStatus'), 'COMPLETE');
    const tns = await h.get(`${ACC}/sites/1/orders/${id}/tns`);
    assert.equal(at(tns.xml, 'TelephoneNumbers', 'TelephoneNumber'), String(pick.tn));
    assert.equal((await h.get(`${ACC}/sites/${emptySite}/orders/${id}`)).status, 404, 'not on that site');
    const total = await h.get(`${ACC}/sites/1/totaltns`);
    assert.ok(Number(at(total.xml, 'SiteTNsResponse', 'SiteTNs', 'TotalCount')) > 25);
  });

  it("does not show another account's orders", async () => {
    const [pick] = await available(1);
    assert.ok(pick);
    const { id } = await fulfil(orderXml(existingXml([pick.tn])));
    const res = await h.get(`/api/accounts/9900700/orders/${id}`, { auth: RIVAL });
    assert.equal(res.status, 404);
    assert.equal(at(res.xml, 'OrderResponse', 'ResponseStatus', 'ErrorCode'), '5035');
    assert.equal((await h.get(`/api/accounts/9900700/orders/${id}/tns`, { auth: RIVAL })).status, 404);
    assert.equal((await h.get(`${ACC}/orders/${id}`, { auth: RIVAL })).status, 403);
  });

  it('fails an order whose SIP peer was deleted before it was fulfilled', async () => {
    const peer = await h.post(
      `${ACC}/sites/1/sippeers`,
      '<SipPeer><PeerName>Doomed</PeerName><IsDefaultPeer>false</IsDefaultPeer></SipPeer>',
    );
    assert.equal(peer.status, 201, peer.body);
    const peerId = idFromLocation(peer);
    const [pick] = await available(1);
    assert.ok(pick);
    const id = await place(orderXml(existingXml([pick.tn]), `<SiteId>1</SiteId><PeerId>${peerId}</PeerId>`));
    assert.equal((await h.del(`${ACC}/sites/1/sippeers/${peerId}`)).status, 200);
    await h.drain();
    const res = await getOrder(id);
    assert.equal(statusOf(res), 'FAILED', res.body);
    assert.equal(at(res.xml, 'OrderResponse', 'ErrorList', 'Error', 'Code'), '5023');
    assert.equal((await numberRow(pick.tn)).status, TnStatus.available);
  });

  it('ends an order whose fulfilment keeps failing as FAILED (5086) once its attempts are used up', async () => {
    const id = await place(
      orderXml(
        '<AreaCodeSearchAndOrderType><AreaCode>919</AreaCode><Quantity>1</Quantity></AreaCodeSearchAndOrderType>',
      ),
    );
    // Break the stored order so that every attempt throws (as a persistent fault would).
    const row = await db()
      .selectFrom('orders')
      .select('details')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const broken = { ...(JSON.parse(row.details) as object), search: { areacode: 'not-an-area-code' } };
    await db()
      .updateTable('orders')
      .set({ details: JSON.stringify(broken) })
      .where('id', '=', id)
      .execute();
    for (let i = 0; i < 6; i++) {
      await h.drain();
      h.clock.advance(10 * 60_000);
    }
    const res = await getOrder(id);
    assert.equal(statusOf(res), 'FAILED', res.body);
    assert.equal(at(res.xml, 'OrderResponse', 'ErrorList', 'Error', 'Code'), '5086');
    const job = await db()
      .selectFrom('jobs')
      .selectAll()
      .where('payload', 'like', `%${id}%`)
      .executeTakeFirstOrThrow();
    assert.equal(job.status, 'failed');
  });

  it('never gives one number to two orders racing for it, with two workers at once', async () => {
    const contested = (await available(12, [9_190_000_000, 9_199_999_999])).map((r) => r.tn);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      ids.push(await place(orderXml(existingXml(contested.slice(i, i + 6)))));
      ids.push(
        await place(
          orderXml(
            '<AreaCodeSearchAndOrderType><AreaCode>919</AreaCode><Quantity>3</Quantity></AreaCodeSearchAndOrderType>',
          ),
        ),
      );
    }
    const { database, clock, jobs } = h.app.deps;
    const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const workers = [1, 2].map((n) =>
      new JobWorker(database, clock, jobs, silent, { id: `racer-${n}`, batchSize: 1 }).register(
        orderFulfilmentJob(h.app.deps),
      ),
    );
    await Promise.all(workers.map((w) => drainJobs(w)));

    const owners = new Map<number, string>();
    for (const id of ids) {
      const res = await getOrder(id);
      assert.match(String(statusOf(res)), /^(COMPLETE|PARTIAL|FAILED)$/, res.body);
      for (const tn of completed(res)) {
        assert.equal(owners.get(tn), undefined, `${tn} in two orders`);
        owners.set(tn, id);
        const row = await numberRow(tn);
        assert.equal(row.status, TnStatus.inService);
        assert.equal(row.order_id, id);
      }
    }
    for (const tn of contested) assert.ok(owners.has(tn), `${tn} went to one of the orders`);
  });
});
