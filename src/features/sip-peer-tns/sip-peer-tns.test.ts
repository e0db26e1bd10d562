import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DIALECT } from '../../../test/support/databases.js';
import { at, errorCode, idFromLocation, startHarness, type Harness } from '../../../test/support/harness.js';
import { availableTns } from '../../../test/support/inventory.js';
import { createAccount } from '../accounts/index.js';
import { TnStatus } from '../../shared/tn-status.js';

const ACC = '/api/accounts/9900000';
const PEER = `${ACC}/sites/1/sippeers/500000`;
const SITE_XML =
  '<Site><Name>Second</Name><Address><HouseNumber>2</HouseNumber><StreetName>Oak Street</StreetName>' +
  '<City>Raleigh</City><StateCode>NC</StateCode><Zip>27606</Zip><AddressType>Service</AddressType></Address></Site>';

const settingsXml = (inner: string) => `<SipPeerTelephoneNumber>${inner}</SipPeerTelephoneNumber>`;
const moveXml = (tns: readonly (number | string)[]) =>
  `<SipPeerTelephoneNumbers>${tns.map((t) => `<FullNumber>${t}</FullNumber>`).join('')}</SipPeerTelephoneNumbers>`;

describe(`numbers on SIP peers on ${DIALECT}`, () => {
  let h: Harness;
  /** A second site with its own peer, and a second peer on site 1. */
  let site2: string;
  let peer2: string;
  let peer1b: string;
  const db = () => h.app.deps.database.db;
  const numberRow = (tn: number) =>
    db().selectFrom('telephone_numbers').selectAll().where('tn', '=', tn).executeTakeFirstOrThrow();
  const demoNumbers = async (): Promise<number[]> =>
    (
      await db()
        .selectFrom('telephone_numbers')
        .select('tn')
        .where('account_id', '=', '9900000')
        .where('sip_peer_id', '=', 500000)
        .where('status', '=', TnStatus.inService)
        .orderBy('tn')
        .execute()
    ).map((r) => r.tn);
  const listed = async (path: string): Promise<unknown[]> => {
    const res = await h.get(path);
    assert.equal(res.status, 200, res.body);
    const entries = at(
      res.xml,
      'SipPeerTelephoneNumbersResponse',
      'SipPeerTelephoneNumbers',
      'SipPeerTelephoneNumber',
    );
    return entries === undefined ? [] : [entries].flat();
  };

  before(async () => {
    h = await startHarness({ inventory: 30_000 });
    const site = await h.post(`${ACC}/sites`, SITE_XML);
    assert.equal(site.status, 201, site.body);
    site2 = idFromLocation(site);
    const peer = await h.post(
      `${ACC}/sites/${site2}/sippeers`,
      '<SipPeer><PeerName>Branch</PeerName><IsDefaultPeer>true</IsDefaultPeer></SipPeer>',
    );
    assert.equal(peer.status, 201, peer.body);
    peer2 = idFromLocation(peer);
    const extra = await h.post(`${ACC}/sites/1/sippeers`, '<SipPeer><PeerName>Backup</PeerName></SipPeer>');
    assert.equal(extra.status, 201, extra.body);
    peer1b = idFromLocation(extra);
    await createAccount(h.app.deps, { id: '9900900', companyName: 'Elsewhere' });
  });
  after(() => h.close());

  it('lists the peer numbers, with attributes by default and FullNumber alone on request', async () => {
    const tns = await demoNumbers();
    assert.equal(tns.length, 25);
    const all = await listed(`${PEER}/tns`);
    assert.deepEqual(
      all.map((e) => at(e, 'FullNumber')),
      tns.map(String),
    );
    const page = await listed(`${PEER}/tns?page=${tns[10]}&size=5`);
    assert.deepEqual(
      page.map((e) => at(e, 'FullNumber')),
      tns.slice(10, 15).map(String),
    );
    const bare = await h.get(`${PEER}/tns?includeAttributes=false`);
    assert.doesNotMatch(bare.body, /CallingNameDisplay|TnAttributes/);
    const unknown = await h.get(`${ACC}/sites/1/sippeers/123456/tns`);
    assert.equal(unknown.status, 400);
    assert.equal(errorCode(unknown), '13563');
  });

  it('updates a number’s settings read-before-write, and shows them', async () => {
    const [tn] = await demoNumbers();
    assert.ok(tn);
    const put = await h.put(
      `${PEER}/tns/${tn}`,
      settingsXml(
        `<FullNumber>${tn}</FullNumber><NumberFormat>10digit</NumberFormat><RPIDFormat>e164</RPIDFormat><RewriteUser>alice</RewriteUser>` +
          '<CallForward>9195550100</CallForward><CallingNameDisplay>true</CallingNameDisplay>' +
          '<TnAttributes><TnAttribute>Protected</TnAttribute></TnAttributes><MessagingSettings><SmsEnabled>true</SmsEnabled></MessagingSettings>',
      ),
    );
    assert.equal(put.status, 200, put.body);
    assert.equal(put.body, '');
    const one = await h.get(`${PEER}/tns/${tn}`);
    assert.equal(one.status, 200, one.body);
    assert.match(
      one.body,
      // What the PUT set reads back, formats and user rewrite included, in the PUT's order.
      /<SipPeerTelephoneNumberResponse><SipPeerTelephoneNumber><FullNumber>\d{10}<\/FullNumber><NumberFormat>10digit<\/NumberFormat><RPIDFormat>e164<\/RPIDFormat><RewriteUser>alice<\/RewriteUser><CallForward>9195550100<\/CallForward><CallingNameDisplay>true<\/CallingNameDisplay><TnAttributes><TnAttribute>Protected<\/TnAttribute><\/TnAttributes><MessagingSettings><SmsEnabled>true<\/SmsEnabled><\/MessagingSettings><\/SipPeerTelephoneNumber><\/SipPeerTelephoneNumberResponse>$/,
    );
    assert.equal((await numberRow(tn)).protected, 1);
    // The number's details show the messaging setting too, before its attributes (row 130).
    const details = await h.get(`/api/tns/${tn}/tndetails`);
    assert.match(
      details.body,
      /<LastModified>[^<]+<\/LastModified><MessagingSettings><SmsEnabled>true<\/SmsEnabled><\/MessagingSettings><TnAttributes><TnAttribute>Protected<\/TnAttribute><\/TnAttributes><\/TelephoneNumberDetails>/,
    );
    // The list shows the number the same way, CallForward right after FullNumber (R18, op 108).
    const listedOne = await h.get(`${PEER}/tns`);
    assert.match(
      listedOne.body,
      new RegExp(
        `<FullNumber>${tn}</FullNumber><NumberFormat>10digit</NumberFormat><RPIDFormat>e164</RPIDFormat><RewriteUser>alice</RewriteUser><CallForward>9195550100</CallForward><CallingNameDisplay>`,
      ),
    );

    // Absent and `unchanged` keep; `systemdefault` clears; an empty TnAttributes unprotects.
    await h.put(
      `${PEER}/tns/${tn}`,
      settingsXml(
        '<CallForward>systemdefault</CallForward><CallingNameDisplay>unchanged</CallingNameDisplay><TnAttributes/>',
      ),
    );
    const after1 = await h.get(`${PEER}/tns/${tn}`);
    assert.equal(
      at(after1.xml, 'SipPeerTelephoneNumberResponse', 'SipPeerTelephoneNumber', 'CallForward'),
      undefined,
    );
    assert.equal(
      at(after1.xml, 'SipPeerTelephoneNumberResponse', 'SipPeerTelephoneNumber', 'CallingNameDisplay'),
      'true',
    );
    assert.equal(
      at(
        after1.xml,
        'SipPeerTelephoneNumberResponse',
        'SipPeerTelephoneNumber',
        'MessagingSettings',
        'SmsEnabled',
      ),
      'true',
    );
    assert.equal((await numberRow(tn)).protected, 0);
    const listedEntry = (await listed(`${PEER}/tns`)).find((e) => at(e, 'FullNumber') === String(tn));
    assert.equal(at(listedEntry, 'CallingNameDisplay'), 'true');

    const count = await h.get(`${PEER}/totaltns`);
    assert.match(
      count.body,
      /<SipPeerTelephoneNumbersCountResponse><SipPeerTelephoneNumbersCount><SipPeerTelephoneNumbersCount>25<\/SipPeerTelephoneNumbersCount><CnamCount>1<\/CnamCount><LidbCount>0<\/LidbCount><\/SipPeerTelephoneNumbersCount><\/SipPeerTelephoneNumbersCountResponse>$/,
    );
  });

  it('refuses invalid settings with the documented 135xx codes, changing nothing', async () => {
    const [, tn] = await demoNumbers();
    assert.ok(tn);
    const cases: [string, string][] = [
      ['<CallForward>12345</CallForward>', '13513'],
      [`<CallForward>${tn}</CallForward>`, '13513'],
      ['<NumberFormat>9digit</NumberFormat>', '13514'],
      ['<RewriteUser>has space</RewriteUser>', '13515'],
      ['<RPIDFormat>x</RPIDFormat>', '13516'],
      ['<CallingNameDisplay>perhaps</CallingNameDisplay>', '13575'],
      ['<TnAttributes><TnAttribute>Golden</TnAttribute></TnAttributes>', '5102'],
      ['<FullNumber>9195550000</FullNumber>', '13512'],
    ];
    for (const [inner, code] of cases) {
      const res = await h.put(`${PEER}/tns/${tn}`, settingsXml(inner));
      assert.equal(res.status, 400, `${inner}: ${res.body}`);
      assert.equal(at(res.xml, 'SipPeerTelephoneNumberResponse', 'ResponseStatus', 'ErrorCode'), code, inner);
    }
    const rows = await db().selectFrom('tn_settings').selectAll().where('tn', '=', tn).execute();
    assert.equal(rows.length, 0);

    // A number that is not on this peer: 13536 naming account, site and peer (404 on GET).
    const [free] = await availableTns(db(), 1);
    const notHere = await h.put(
      `${PEER}/tns/${free}`,
      settingsXml('<CallingNameDisplay>true</CallingNameDisplay>'),
    );
    assert.equal(notHere.status, 400);
    assert.match(
      String(at(notHere.xml, 'SipPeerTelephoneNumberResponse', 'ResponseStatus', 'Description')),
      /does not exist on Account 9900000, Site 1, and Sip Peer 500000/,
    );
    assert.equal((await h.get(`${PEER}/tns/${free}`)).status, 404);
    assert.equal((await h.get(`${PEER}/tns/12`)).status, 400);
  });

  it('moves numbers from any peers of the account to the peer in the URL, all or none', async () => {
    const tns = (await demoNumbers()).slice(0, 4);
    const move = await h.post(`${ACC}/sites/${site2}/sippeers/${peer2}/movetns`, moveXml(tns));
    assert.equal(move.status, 200, move.body);
    assert.equal(move.body, '');
    for (const tn of tns) {
      const row = await numberRow(tn);
      assert.equal(row.sip_peer_id, Number(peer2));
      assert.equal(row.site_id, Number(site2));
    }
    const site2Total = await h.get(`${ACC}/sites/${site2}/totaltns`);
    assert.equal(at(site2Total.xml, 'SiteTNsResponse', 'SiteTNs', 'TotalCount'), '4');

    // From two source peers at once, back onto site 1's second peer.
    const [other] = await demoNumbers();
    assert.ok(other);
    const back = await h.post(`${ACC}/sites/1/sippeers/${peer1b}/movetns`, moveXml([tns[0] ?? 0, other]));
    assert.equal(back.status, 200, back.body);
    assert.equal((await numberRow(other)).sip_peer_id, Number(peer1b));
    assert.equal((await numberRow(tns[0] ?? 0)).site_id, 1);

    // One bad number refuses the whole move.
    const [free] = await availableTns(db(), 1);
    assert.ok(free);
    // Another account's number (set up directly: that account has no site to order onto).
    const [foreign] = await availableTns(db(), 1, { highest: true });
    assert.ok(foreign);
    await db()
      .updateTable('telephone_numbers')
      .set({ status: TnStatus.inService, account_id: '9900900' })
      .where('tn', '=', foreign)
      .execute();
    // A number the account holds but not in service: reserved.
    const [reserved] = await availableTns(db(), 1, { highest: true });
    assert.ok(reserved);
    const reservation = await h.post(
      `${ACC}/tnreservation`,
      `<Reservation><ReservedTn>${reserved}</ReservedTn></Reservation>`,
    );
    assert.equal(reservation.status, 201, reservation.body);
    const cases: [readonly (number | string)[], string][] = [
      [[tns[1] ?? 0, free], '13520'],
      [[tns[1] ?? 0, foreign], '13520'],
      [[tns[1] ?? 0, reserved], '13518'],
      [[tns[1] ?? 0, 2125550000], '13517'],
      [[tns[1] ?? 0, 'abc'], '13512'],
      [[tns[1] ?? 0, tns[1] ?? 0], '13511'],
      [[], '13505'],
      [Array.from({ length: 5001 }, (_, i) => 9_195_500_000 + i), '5095'],
    ];
    for (const [list, code] of cases) {
      const res = await h.post(`${ACC}/sites/1/sippeers/500000/movetns`, moveXml(list));
      assert.equal(res.status, 400, `${code}: ${res.body}`);
      assert.equal(at(res.xml, 'SipPeerTelephoneNumberMoveResponse', 'ResponseStatus', 'ErrorCode'), code);
    }
    assert.equal((await numberRow(tns[1] ?? 0)).sip_peer_id, Number(peer2), 'nothing moved');
  });

  it('refuses to delete a SIP peer that still has numbers (13555), and deletes it once they are gone', async () => {
    const res = await h.del(`${ACC}/sites/${site2}/sippeers/${peer2}`);
    assert.equal(res.status, 400);
    assert.equal(at(res.xml, 'SipPeerResponse', 'ResponseStatus', 'ErrorCode'), '13555');
    const left = (
      await db()
        .selectFrom('telephone_numbers')
        .select('tn')
        .where('sip_peer_id', '=', Number(peer2))
        .execute()
    ).map((r) => r.tn);
    assert.ok(left.length > 0);
    assert.equal((await h.post(`${PEER}/movetns`, moveXml(left))).status, 200);
    assert.equal((await h.del(`${ACC}/sites/${site2}/sippeers/${peer2}`)).status, 200);
    assert.equal((await h.del(`${ACC}/sites/${site2}`)).status, 200);
  });

  it("answers a site's port-ins with an empty list", async () => {
    const res = await h.get(`${ACC}/sites/1/portins?page=1&size=10`);
    assert.equal(res.status, 200, res.body);
    assert.equal(at(res.xml, 'LNPResponseWrapper', 'TotalCount'), '0');
    assert.match(
      String(at(res.xml, 'LNPResponseWrapper', 'Links', 'first')),
      /sites\/1\/portins\?page=1&size=10>/,
    );
    assert.equal((await h.get(`${ACC}/sites/4242/portins`)).status, 404);
  });
});
