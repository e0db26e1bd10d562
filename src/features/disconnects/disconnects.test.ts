import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DIALECT } from '../../../test/support/databases.js';
import { at, idFromLocation, startHarness, type Harness, type Reply } from '../../../test/support/harness.js';
import { availableTns } from '../../../test/support/inventory.js';
import { createAccount } from '../accounts/index.js';
import { assignNumbers } from '../assignments/index.js';
import { TnStatus } from '../../shared/tn-status.js';
import { createUser } from '../users/index.js';

const ACC = '/api/accounts/9900000';
const DAY = 86_400_000;
const SITE_XML =
  '<Site><Name>Next door</Name><Address><HouseNumber>1</HouseNumber><StreetName>Elm Street</StreetName>' +
  '<City>Raleigh</City><StateCode>NC</StateCode><Zip>27606</Zip><AddressType>Service</AddressType></Address></Site>';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The Node client's shape: lower-case `name`, one TelephoneNumberList wrapper per number. */
const disconnectXml = (tns: readonly (number | string)[], extra = '', name = 'training run') =>
  `<DisconnectTelephoneNumberOrder><name>${name}</name><DisconnectTelephoneNumberOrderType>${tns
    .map((t) => `<TelephoneNumberList><TelephoneNumber>${t}</TelephoneNumber></TelephoneNumberList>`)
    .join('')}${extra}</DisconnectTelephoneNumberOrderType></DisconnectTelephoneNumberOrder>`;

describe(`disconnects and number aging on ${DIALECT}`, () => {
  let h: Harness;
  const db = () => h.app.deps.database.db;
  const numberRow = (tn: number) =>
    db().selectFrom('telephone_numbers').selectAll().where('tn', '=', tn).executeTakeFirstOrThrow();
  /** Puts `n` fresh numbers in service on the account (site 1, default peer). */
  const inService = async (n: number, accountId = '9900000'): Promise<number[]> => {
    const tns = await availableTns(db(), n, { highest: true, placed: true });
    const result = await assignNumbers(h.app.deps, { tns, accountId });
    assert.equal(result.changed.length, n);
    return [...result.changed].sort((a, b) => a - b);
  };
  const disconnect = async (body: string): Promise<{ id: string; created: Reply; res: Reply }> => {
    const created = await h.post(`${ACC}/disconnects`, body);
    assert.equal(created.status, 201, created.body);
    const id = idFromLocation(created);
    await h.drain();
    return { id, created, res: await h.get(`${ACC}/disconnects/${id}`) };
  };
  const statusOf = (res: Reply) => at(res.xml, 'DisconnectTelephoneNumberOrderResponse', 'OrderStatus');
  const disconnected = (res: Reply) =>
    [
      at(
        res.xml,
        'DisconnectTelephoneNumberOrderResponse',
        'DisconnectedTelephoneNumberList',
        'TelephoneNumber',
      ),
    ]
      .flat()
      .filter((v) => v !== undefined)
      .map(Number);

  before(async () => {
    h = await startHarness({ inventory: 30_000 });
    await createAccount(h.app.deps, { id: '9900800', companyName: 'Neighbour' });
    await createUser(h.app.deps, { username: 'neighbour', password: 'neighbour-pw', accounts: ['9900800'] });
    const auth = ['neighbour', 'neighbour-pw'] as const;
    const site = await h.post('/api/accounts/9900800/sites', SITE_XML, { auth });
    assert.equal(site.status, 201, site.body);
    const peer = await h.post(
      `/api/accounts/9900800/sites/${idFromLocation(site)}/sippeers`,
      '<SipPeer><PeerName>Next</PeerName><IsDefaultPeer>true</IsDefaultPeer></SipPeer>',
      { auth },
    );
    assert.equal(peer.status, 201, peer.body);
  });
  after(() => h.close());

  it('answers 404 with bare Links while the account has no disconnects', async () => {
    const res = await h.get(`${ACC}/disconnects`);
    assert.equal(res.status, 404);
    assert.match(
      String(at(res.xml, 'Links', 'first')),
      /\/v1\.0\/accounts\/9900000\/disconnects\?page=1&size=300>;rel="first";$/,
    );
  });

  it('accepts a disconnect as RECEIVED, merges repeated number wrappers, then takes the numbers off the account to age', async () => {
    const tns = await inService(3);
    await h.put(
      `${ACC}/sites/1/sippeers/500000/tns/${tns[0]}`,
      '<SipPeerTelephoneNumber><CallForward>9195550100</CallForward></SipPeerTelephoneNumber>',
    );
    const { id, created, res } = await disconnect(disconnectXml(tns, '<Protected>UNCHANGED</Protected>'));
    assert.match(id, UUID);
    assert.equal(at(created.xml, 'DisconnectTelephoneNumberOrderResponse', 'orderRequest', 'id'), id);
    assert.equal(at(created.xml, 'DisconnectTelephoneNumberOrderResponse', 'OrderStatus'), 'RECEIVED');
    const requested = at(
      created.xml,
      'DisconnectTelephoneNumberOrderResponse',
      'orderRequest',
      'DisconnectTelephoneNumberOrderType',
    );
    assert.deepEqual(at(requested, 'TelephoneNumberList', 'TelephoneNumber'), tns.map(String));
    assert.equal(at(requested, 'DisconnectMode'), 'normal');
    assert.equal(at(requested, 'Protected'), 'UNCHANGED');
    assert.ok(created.body.indexOf('<TelephoneNumberList>') < created.body.indexOf('<DisconnectMode>'));

    assert.equal(statusOf(res), 'COMPLETE', res.body);
    assert.deepEqual(disconnected(res), tns);
    for (const tn of tns) {
      const row = await numberRow(tn);
      assert.equal(row.status, TnStatus.aging);
      assert.equal(row.account_id, null);
      assert.equal(row.site_id, null);
      assert.equal(row.sip_peer_id, null);
      assert.equal((await h.get(`${ACC}/inserviceNumbers/${tn}`)).status, 404);
    }
    const settings = await db()
      .selectFrom('tn_settings')
      .selectAll()
      .where('tn', '=', tns[0] ?? 0)
      .execute();
    assert.equal(settings.length, 0, 'per-number settings went with the service');

    const disc = await h.get(`${ACC}/discnumbers?page=1&size=500`);
    const listed = [at(disc.xml, 'TNs', 'TelephoneNumbers', 'TelephoneNumber')].flat().map(Number);
    for (const tn of tns) assert.ok(listed.includes(tn), `${tn} in discnumbers`);
    // Aging numbers are no one's to order or search.
    const search = await h.get(`${ACC}/availableNumbers?npaNxx=${String(tns[0]).slice(0, 6)}&quantity=5000`);
    assert.ok(!search.body.includes(String(tns[0])));
  });

  it('returns aged numbers to the available inventory after the aging period on the clock', async () => {
    const tns = await inService(2);
    await disconnect(disconnectXml(tns));
    h.clock.advance(h.app.deps.config.orders.agingPeriodMs - DAY);
    await h.drain();
    assert.equal((await numberRow(tns[0] ?? 0)).status, TnStatus.aging, 'still aging a day before the end');
    h.clock.advance(DAY);
    await h.drain();
    for (const tn of tns) {
      const row = await numberRow(tn);
      assert.equal(row.status, TnStatus.available);
      assert.equal(row.account_id, null);
    }
    const order = await h.post(
      `${ACC}/orders`,
      `<Order><SiteId>1</SiteId><ExistingTelephoneNumberOrderType><TelephoneNumberList><TelephoneNumber>${tns[0]}</TelephoneNumber></TelephoneNumberList></ExistingTelephoneNumberOrderType></Order>`,
    );
    assert.equal(order.status, 201);
    await h.drain();
    assert.equal((await numberRow(tns[0] ?? 0)).status, TnStatus.inService, 'orderable again');
  });

  it('purges straight back to available, and sets or clears Protected as asked', async () => {
    const [purged, kept, cleared] = await inService(3);
    assert.ok(purged && kept && cleared);
    const purge = await disconnect(disconnectXml([purged], '<DisconnectMode>PURGE</DisconnectMode>'));
    assert.equal(statusOf(purge.res), 'COMPLETE');
    assert.equal((await numberRow(purged)).status, TnStatus.available);

    await disconnect(disconnectXml([kept], '<Protected>TRUE</Protected>'));
    assert.equal((await numberRow(kept)).protected, 1);
    await db().updateTable('telephone_numbers').set({ protected: 1 }).where('tn', '=', cleared).execute();
    await disconnect(disconnectXml([cleared], '<Protected>FALSE</Protected>'));
    assert.equal((await numberRow(cleared)).protected, 0);
  });

  it('gives per-number errors for numbers it cannot disconnect: PARTIAL or FAILED, never a failed request', async () => {
    const [mine] = await inService(1);
    const [theirs] = await inService(1, '9900800');
    const [free] = await availableTns(db(), 1);
    assert.ok(mine && theirs && free);
    const { res } = await disconnect(disconnectXml([mine, theirs, free, 2125550000]));
    assert.equal(statusOf(res), 'PARTIAL', res.body);
    assert.deepEqual(disconnected(res), [mine]);
    const errors = at(res.xml, 'DisconnectTelephoneNumberOrderResponse', 'ErrorList', 'Error') as unknown[];
    const byTn = new Map(errors.map((e) => [at(e, 'TelephoneNumber'), at(e, 'Code')]));
    assert.equal(byTn.get(String(theirs)), '5076');
    assert.equal(byTn.get(String(free)), '5074');
    assert.equal(byTn.get('2125550000'), '5071');
    assert.equal((await numberRow(theirs)).status, TnStatus.inService, "the neighbour's number is untouched");
    assert.equal((await numberRow(theirs)).account_id, '9900800');

    const none = await disconnect(disconnectXml([theirs]));
    assert.equal(statusOf(none.res), 'FAILED');
  });

  it('validates the request synchronously with the documented codes, storing nothing', async () => {
    const cases: [string, string, string][] = [
      ['no numbers', disconnectXml([]), '5073'],
      ['an invalid number', disconnectXml(['123']), '5070'],
      ['a repeated number', disconnectXml([9195550001, 9195550001]), '5093'],
      [
        'more than 5000 numbers',
        disconnectXml(Array.from({ length: 5001 }, (_, i) => 9_195_500_000 + i)),
        '5095',
      ],
      ['an unknown mode', disconnectXml([9195550001], '<DisconnectMode>gentle</DisconnectMode>'), '5084'],
      ['an invalid Protected', disconnectXml([9195550001], '<Protected>MAYBE</Protected>'), '5108'],
      [
        'Protected with a purge',
        disconnectXml([9195550001], '<DisconnectMode>purge</DisconnectMode><Protected>TRUE</Protected>'),
        '5109',
      ],
      ['a name over 50 characters', disconnectXml([9195550001], '', 'n'.repeat(51)), '5002'],
    ];
    const count = async () =>
      Number(
        (
          await db()
            .selectFrom('orders')
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    for (const [what, body, code] of cases) {
      const res = await h.post(`${ACC}/disconnects`, body);
      assert.equal(res.status, 400, `${what}: ${res.body}`);
      assert.equal(
        at(res.xml, 'DisconnectTelephoneNumberOrderResponse', 'ErrorList', 'Error', 'Code'),
        code,
        what,
      );
    }
    assert.equal(await count(), before);
    assert.equal((await h.post(`${ACC}/disconnects`, '<DisconnectTelephoneNumberOrder>')).status, 400);
  });

  it('lists disconnects (OrderId, OrderType disconnect) with paging, and keeps notes', async () => {
    const list = await h.get(`${ACC}/disconnects?page=1&size=2`);
    assert.equal(list.status, 200, list.body);
    const wrapper = at(list.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate');
    assert.ok(Number(at(wrapper, 'TotalCount')) >= 5);
    const entries = at(wrapper, 'OrderIdUserIdDate') as unknown[];
    assert.equal(entries.length, 2);
    assert.match(String(at(entries[0], 'OrderId')), UUID);
    assert.equal(at(entries[0], 'OrderType'), 'disconnect');
    assert.equal(at(entries[0], 'userId'), 'demo');
    const everything = await h.get(`${ACC}/disconnects?size=500`);
    const counts = [at(everything.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'OrderIdUserIdDate')]
      .flat()
      .map((e) => at(e, 'CountOfTNs'));
    assert.ok(counts.includes('3') && counts.includes('0'), counts.join());
    assert.match(String(at(wrapper, 'Links', 'next')), /page=[0-9a-f-]{36}&size=2>;rel="next";$/);
    const failed = await h.get(`${ACC}/disconnects?status=FAILED`);
    assert.ok(
      [at(failed.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'OrderIdUserIdDate')]
        .flat()
        .every((e) => at(e, 'OrderStatus') === 'FAILED'),
    );

    const id = String(at(entries[0], 'OrderId'));
    assert.equal((await h.get(`${ACC}/disconnects/${id}/notes`)).status, 204);
    const note = await h.post(
      `${ACC}/disconnects/${id}/notes`,
      '<Note><UserId>demo</UserId><Description>Customer left</Description></Note>',
    );
    assert.equal(note.status, 201);
    const notes = await h.get(`${ACC}/disconnects/${id}/notes`);
    assert.equal(at(notes.xml, 'Notes', 'Note', 'Id'), idFromLocation(note));
    assert.equal((await h.get(`${ACC}/disconnects/00000000-0000-4000-8000-000000000000`)).status, 404);
  });
});
