import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import {
  at,
  basic,
  DEMO,
  errorCode,
  idFromLocation,
  startHarness,
  type Harness,
  type Reply,
} from '../../../test/support/harness.js';
import { startReceiver, type Receiver } from '../../../test/support/receiver.js';
import { createAccount } from '../accounts/index.js';
import { TnStatus } from '../inventory/index.js';
import { createSipPeer } from '../sip-peers/index.js';
import { createSite } from '../sites/index.js';
import { grantUser } from '../users/index.js';
import { deskComplete, deskFoc, deskReject } from './portins.desk.js';
import { PDF, portableNumbers, portInXml, type PortInRequest } from './portins.fixtures.js';

/**
 * Port-ins through HTTP on the manual clock (it starts Tuesday 2026-12-01 07:00 Eastern): the LNP
 * checker, every validation rule with its code, the FOC calendar, the simulated carrier's lifecycle
 * and magic exceptions with their SUPP recovery, cancellation, triggered activation, documents,
 * internal ports, the race for a number, and the porting desk.
 */
const A = `/api/accounts/${DEMO.accountId}`;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function codes(r: Reply): string[] {
  const root = Object.values(r.xml)[0] as Record<string, unknown>;
  const errors = root.Errors;
  const list = errors === undefined ? [] : Array.isArray(errors) ? errors : [errors];
  return list.map((e) => (e as { Code: string }).Code);
}

async function upload(
  h: Harness,
  id: string,
  body: Buffer | string,
  type = 'application/pdf',
  path = 'loas',
): Promise<Reply> {
  const res = await h.app.http.inject({
    method: 'POST',
    url: path.startsWith('/') ? path : `${A}/portins/${id}/${path}`,
    headers: { authorization: basic(DEMO.username, DEMO.password), 'content-type': type },
    payload: body,
  });
  return { status: res.statusCode, headers: res.headers, body: res.body, xml: {}, rawBody: res.rawPayload };
}

async function create(h: Harness, r: PortInRequest): Promise<string> {
  const res = await h.post(`${A}/portins`, portInXml(r));
  assert.equal(res.status, 201, res.body);
  return idFromLocation(res);
}

const status = async (h: Harness, id: string) =>
  String(at((await h.get(`${A}/portins/${id}`)).xml, 'LnpOrderResponse', 'ProcessingStatus'));

/** Uploads the LOA and lets the simulated carrier answer (4 business hours). */
async function submitted(h: Harness, id: string): Promise<void> {
  assert.equal((await upload(h, id, PDF)).status, 201);
  assert.equal(await status(h, id), 'SUBMITTED');
  h.clock.advance(DAY);
  await h.drain();
}

describe('port-ins', () => {
  let h: Harness;
  let skip = 0;
  const fresh = async (n: number) => portableNumbers(h.db.database.db, n, skip++);

  const START = Date.parse('2026-12-01T12:00:00.000Z');
  before(async () => {
    h = await startHarness({ inventory: 2000, env: { LOG_LEVEL: 'error' } });
  });
  // Each test starts on Tuesday 2026-12-01 07:00 Eastern; its orders and jobs are its own.
  afterEach(() => h.clock.set(START));
  after(() => h.close());

  it('checks portability: rate centre, losing carrier, port type; 7201 for invalid numbers', async () => {
    const [tn] = await fresh(1);
    const r = await h.post(
      `${A}/lnpchecker?fullCheck=true`,
      `<NumberPortabilityRequest><TnList><Tn>${tn}</Tn></TnList></NumberPortabilityRequest>`,
    );
    assert.equal(r.status, 200, r.body);
    const root = at(r.xml, 'NumberPortabilityResponse') as Record<string, unknown>;
    assert.deepEqual(Object.keys(root), [
      'PortType',
      'SupportedRateCenters',
      'UnsupportedRateCenters',
      'SupportedLosingCarriers',
    ]);
    assert.equal(root.PortType, 'AUTOMATED');
    assert.equal(at(root, 'SupportedRateCenters', 'RateCenterGroup', 'TnList', 'Tn'), tn);
    const carrier = at(root, 'SupportedLosingCarriers', 'LosingCarrierTnList') as Record<string, string>;
    assert.match(carrier.LosingCarrierSPID ?? '', /^\d{4}$/);
    assert.ok(Number(carrier.LosingCarrierMinimumPortingInterval) >= 3);
    const quick = await h.post(
      `${A}/lnpchecker`,
      `<NumberPortabilityRequest><TnList><Tn>${tn}</Tn></TnList></NumberPortabilityRequest>`,
    );
    assert.equal(at(quick.xml, 'NumberPortabilityResponse', 'SupportedLosingCarriers'), undefined);
    const bad = await h.post(
      `${A}/lnpchecker`,
      `<NumberPortabilityRequest><TnList><Tn>61746052083</Tn></TnList></NumberPortabilityRequest>`,
    );
    assert.equal(bad.status, 400);
    assert.deepEqual(codes(bad), ['7201']);
    assert.match(bad.body, /61746052083 is not a valid NANPA telephone number/);
    const mode = await h.post(
      `${A}/lnpchecker?fullCheck=maybe`,
      `<NumberPortabilityRequest><TnList><Tn>${tn}</Tn></TnList></NumberPortabilityRequest>`,
    );
    assert.deepEqual(codes(mode), ['7472']);
  });

  it('refuses a bad request with every problem at once, nothing written', async () => {
    const tns = await fresh(2);
    const r = await h.post(
      `${A}/portins`,
      `<LnpOrder><ListOfPhoneNumbers><PhoneNumber>${tns[0]}</PhoneNumber><PhoneNumber>${tns[0]}</PhoneNumber></ListOfPhoneNumbers>` +
        `<Subscriber><SubscriberType>RESIDENTIAL</SubscriberType><BusinessName>X</BusinessName><ServiceAddress><City>Raleigh</City><StateCode>ZZ</StateCode><Zip>123</Zip></ServiceAddress></Subscriber>` +
        `<BillingType>FREE</BillingType><PartialPort>maybe</PartialPort></LnpOrder>`,
    );
    assert.equal(r.status, 400, r.body);
    assert.equal(at(r.xml, 'LnpOrderResponse', 'ProcessingStatus'), 'EXCEPTION');
    assert.equal(
      at(r.xml, 'LnpOrderResponse', 'Status', 'Description'),
      'Validation Failed. Please check your input parameters.',
    );
    for (const code of [
      '7360',
      '7103',
      '7211',
      '7105',
      '7108',
      '7109',
      '7395',
      '7214',
      '7115',
      '7358',
      '7319',
      '7334',
    ])
      assert.ok(codes(r).includes(code), `${code} in ${codes(r).join(',')}`);
    const list = await h.get(`${A}/portins?page=1&size=10`);
    assert.equal(at(list.xml, 'LNPResponseWrapper', 'TotalCount'), '0');
  });

  it('keeps FOC dates on the business calendar', async () => {
    const tns = await fresh(1);
    const foc = async (date: string, triggered = false) =>
      codes(await h.post(`${A}/portins`, portInXml({ tns, foc: date, triggered })));
    assert.deepEqual(await foc('2026-11-30'), ['7208']);
    assert.deepEqual(await foc('2026-12-12'), ['7315']); // Saturday
    assert.deepEqual(await foc('2026-12-25'), ['7315']); // Christmas
    assert.deepEqual(await foc('2026-12-01'), ['7209']); // today
    assert.deepEqual(await foc('2026-12-02'), ['7317']); // before the carrier's interval
    assert.deepEqual(await foc('2027-01-08'), ['7210']); // beyond 30 days
    assert.deepEqual(await foc('2026-12-1x'), ['7217']);
    assert.deepEqual(await foc('2026-12-14T22:00:00Z', true), ['7313']); // 17:00 Eastern
    const now = h.clock.nowMs();
    h.clock.set(Date.parse('2026-11-20T15:00:00Z')); // Friday before Thanksgiving
    try {
      assert.deepEqual(await foc('2026-11-26'), ['7315']); // Thanksgiving
    } finally {
      h.clock.set(now);
    }
  });

  it('runs the whole simulated lifecycle to COMPLETE, and a ported number goes back when disconnected', async () => {
    const tns = await fresh(3);
    const id = await create(h, { tns, foc: '2026-12-10' });
    assert.equal(await status(h, id), 'PENDING_DOCUMENTS');
    await submitted(h, id);
    const foc = await h.get(`${A}/portins/${id}`);
    assert.equal(at(foc.xml, 'LnpOrderResponse', 'ProcessingStatus'), 'FOC');
    assert.equal(at(foc.xml, 'LnpOrderResponse', 'ActualFocDate'), '2026-12-10T14:00:00.000Z');
    h.clock.set(Date.parse('2026-12-10T14:00:00Z'));
    await h.drain();
    assert.equal(await status(h, id), 'COMPLETE');
    const history = await h.get(`${A}/portins/${id}/history`);
    const statuses = (at(history.xml, 'OrderHistoryWrapper', 'OrderHistory') as { Status: string }[]).map(
      (e) => e.Status,
    );
    assert.deepEqual(statuses, ['PENDING_DOCUMENTS', 'SUBMITTED', 'FOC', 'COMPLETE']);
    const tn = await h.get(`/api/tns/${tns[0]}`);
    assert.equal(at(tn.xml, 'TelephoneNumberResponse', 'Status'), 'Inservice');
    assert.equal(at(tn.xml, 'TelephoneNumberResponse', 'AccountId'), DEMO.accountId);
    assert.equal(at((await h.get(`${A}/portins/${id}/totals`)).xml, 'Quantity', 'Count'), '3');
    assert.equal(at((await h.get(`${A}/portins/${id}/tns`)).xml, 'TelephoneNumbers', 'Count'), '3');
    const byTn = await h.get(`${A}/portins?page=1&size=10&tn=${tns[1]}`);
    assert.equal(at(byTn.xml, 'LNPResponseWrapper', 'TotalCount'), '1');
    const disc = await h.post(
      `${A}/disconnects`,
      `<DisconnectTelephoneNumberOrder><DisconnectTelephoneNumberOrderType><TelephoneNumberList><TelephoneNumber>${tns[0]}</TelephoneNumber></TelephoneNumberList></DisconnectTelephoneNumberOrderType></DisconnectTelephoneNumberOrder>`,
    );
    assert.equal(disc.status, 201, disc.body);
    await h.drain();
    // Back to its losing carrier (ported out), never into the available inventory.
    const row = await h.db.database.db
      .selectFrom('telephone_numbers')
      .select(['status', 'account_id'])
      .where('tn', '=', Number(tns[0]))
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: TnStatus.portedOut, account_id: null });
    const again = await h.post(`${A}/portins`, portInXml({ tns: [tns[1] as string] }));
    assert.deepEqual(codes(again), ['7206']);
  });

  for (const [name, r, fix] of [
    [
      'subscriber name',
      { businessName: 'MISMATCH' },
      {
        sub: '<Subscriber><SubscriberType>BUSINESS</SubscriberType><BusinessName>Acme</BusinessName><ServiceAddress><HouseNumber>1</HouseNumber><StreetName>Main</StreetName><City>Raleigh</City><StateCode>NC</StateCode><Zip>27601</Zip></ServiceAddress></Subscriber>',
      },
    ],
    [
      'PIN',
      { pin: '0000' },
      {
        sub: '<WirelessInfo><AccountNumber>771297665</AccountNumber><PinNumber>4321</PinNumber></WirelessInfo>',
      },
    ],
    [
      'account number',
      { accountNumber: '0000000000' },
      { sub: '<WirelessInfo><AccountNumber>123456789</AccountNumber></WirelessInfo>' },
    ],
    [
      'address',
      { houseNumber: '0' },
      {
        sub: '<Subscriber><SubscriberType>BUSINESS</SubscriberType><BusinessName>Acme</BusinessName><ServiceAddress><HouseNumber>12</HouseNumber><StreetName>Main</StreetName><City>Raleigh</City><StateCode>NC</StateCode><Zip>27601</Zip></ServiceAddress></Subscriber>',
      },
    ],
    [
      'authorizing person',
      { loa: 'MISMATCH' },
      { sub: '<LoaAuthorizingPerson>Jane Roe</LoaAuthorizingPerson>' },
    ],
    [
      'FOC date',
      { customerOrderId: 'FOC-REFUSED' },
      { sub: '<RequestedFocDate>2026-12-18</RequestedFocDate>' },
    ],
  ] as const) {
    it(`rejects on the magic ${name} and recovers with a SUPP`, async () => {
      const tns = await fresh(1);
      const id = await create(h, { tns, foc: '2026-12-16', ...r });
      await submitted(h, id);
      const ex = await h.get(`${A}/portins/${id}`);
      assert.equal(at(ex.xml, 'LnpOrderResponse', 'ProcessingStatus'), 'EXCEPTION', ex.body);
      assert.equal(codes(ex).length, 1);
      assert.match(codes(ex)[0] ?? '', /^74\d\d$/);
      assert.equal((await h.get(`${A}/portins/${id}/notes`)).status, 200);
      const supp = await h.put(`${A}/portins/${id}`, `<LnpOrderSupp>${fix.sub}</LnpOrderSupp>`);
      assert.equal(supp.status, 200, supp.body);
      assert.equal(at(supp.xml, 'LnpOrderResponse', 'ProcessingStatus'), 'REQUESTED_SUPP');
      await h.drain();
      assert.equal(await status(h, id), 'SUBMITTED');
      h.clock.advance(DAY);
      await h.drain();
      assert.equal(await status(h, id), 'FOC');
    });
  }

  it('cancels: at once before submission, through REQUESTED_CANCEL after, never when final', async () => {
    const early = await create(h, { tns: await fresh(1) });
    assert.equal((await h.del(`${A}/portins/${early}`)).status, 200);
    assert.equal(await status(h, early), 'CANCELLED');
    const again = await h.del(`${A}/portins/${early}`);
    assert.equal(again.status, 400);
    assert.deepEqual(codes(again), ['7303']);
    assert.equal(at(again.xml, 'LnpOrderResponse', 'OrderId'), early);
    const late = await create(h, { tns: await fresh(1), foc: '2026-12-16' });
    assert.equal((await upload(h, late, PDF)).status, 201);
    assert.equal((await h.del(`${A}/portins/${late}`)).status, 200);
    assert.equal(await status(h, late), 'REQUESTED_CANCEL');
    h.clock.advance(DAY);
    await h.drain();
    assert.equal(await status(h, late), 'CANCELLED');
    // Its numbers are free again: a new port-in may take them.
    const tnsOfLate = at(
      (await h.get(`${A}/portins/${late}/tns`)).xml,
      'TelephoneNumbers',
      'TelephoneNumber',
    );
    await create(h, { tns: [String(tnsOfLate)] });
  });

  it('takes a SUPP that names the site and peer again, and refuses an unknown site (7309)', async () => {
    const id = await create(h, { tns: await fresh(1) });
    const same = await h.put(`${A}/portins/${id}`, '<LnpOrderSupp><SiteId>1</SiteId></LnpOrderSupp>');
    assert.equal(same.status, 200, same.body);
    const bad = await h.put(`${A}/portins/${id}`, '<LnpOrderSupp><SiteId>999</SiteId></LnpOrderSupp>');
    assert.deepEqual(codes(bad), ['7309']);
  });

  it('refuses a SUPP or a cancel within a day of the FOC time (7301)', async () => {
    const id = await create(h, { tns: await fresh(1), foc: '2026-12-10' });
    await submitted(h, id);
    assert.equal(await status(h, id), 'FOC');
    h.clock.set(Date.parse('2026-12-09T18:00:00Z'));
    const supp = await h.put(
      `${A}/portins/${id}`,
      '<LnpOrderSupp><CustomerOrderId>late</CustomerOrderId></LnpOrderSupp>',
    );
    assert.equal(supp.status, 400);
    assert.deepEqual(codes(supp), ['7301']);
    const cancel = await h.del(`${A}/portins/${id}`);
    assert.deepEqual(codes(cancel), ['7301']);
    assert.equal(await status(h, id), 'FOC');
  });

  it('activates a triggered port when the customer says, on the FOC date', async () => {
    const tns = await fresh(2);
    const id = await create(h, { tns, foc: '2026-12-17T15:00:00Z', triggered: true });
    await submitted(h, id);
    assert.equal(await status(h, id), 'FOC');
    const before = await h.get(`${A}/portins/${id}/activationStatus`);
    assert.equal(
      at(
        before.xml,
        'ActivationStatusResponse',
        'ActivationStatus',
        'NotYetActivatedTelephoneNumbersList',
        'TelephoneNumber',
      )?.toString(),
      tns.join(','),
    );
    const outside = await h.put(
      `${A}/portins/${id}/activationStatus`,
      '<ActivationStatus><AutoActivationDate>2026-12-16T15:00:00Z</AutoActivationDate></ActivationStatus>',
    );
    assert.equal(outside.status, 400);
    assert.equal(errorCode(outside), '7605');
    const ok = await h.put(
      `${A}/portins/${id}/activationStatus`,
      '<ActivationStatus><AutoActivationDate>2026-12-17T10:30:00-05:00</AutoActivationDate></ActivationStatus>',
    );
    assert.equal(ok.status, 200, ok.body);
    h.clock.set(Date.parse('2026-12-17T15:30:00Z'));
    await h.drain();
    assert.equal(await status(h, id), 'COMPLETE');
    const done = await h.get(`${A}/portins/${id}/activationStatus`);
    assert.equal(
      at(
        done.xml,
        'ActivationStatusResponse',
        'ActivationStatus',
        'ActivatedTelephoneNumbersList',
        'TelephoneNumber',
      )?.toString(),
      tns.join(','),
    );
  });

  it('keeps documents: types by their bytes, 10 MB, metadata, list, replace, delete', async () => {
    const id = await create(h, { tns: await fresh(1) });
    assert.equal((await upload(h, id, 'not a pdf')).status, 415);
    assert.equal((await upload(h, id, Buffer.alloc(10 * 1024 * 1024 + 1, 0x25))).status, 413);
    const up = await upload(h, id, PDF);
    assert.equal(up.status, 201, up.body);
    const file = String(up.headers.location).split('/').pop() as string;
    assert.match(file, new RegExp(`^${id}-\\d+\\.pdf$`));
    const text = await upload(h, id, 'hello', 'text/plain');
    assert.equal(text.status, 201);
    const got = await h.app.http.inject({
      method: 'GET',
      url: `${A}/portins/${id}/loas/${file}`,
      headers: { authorization: basic(DEMO.username, DEMO.password) },
    });
    assert.equal(got.statusCode, 200);
    assert.equal(got.headers['content-type'], 'application/pdf');
    assert.deepEqual(got.rawPayload, PDF);
    assert.equal(
      (
        await h.put(
          `${A}/portins/${id}/loas/${file}/metadata`,
          '<FileMetaData><DocumentName>Signed LOA</DocumentName><DocumentType>INVOICE</DocumentType></FileMetaData>',
        )
      ).status,
      200,
    );
    const bad = await h.put(
      `${A}/portins/${id}/loas/${file}/metadata`,
      '<FileMetaData><DocumentType>RECEIPT</DocumentType></FileMetaData>',
    );
    assert.equal(bad.status, 400);
    assert.match(bad.body, /<resultCode>7639<\/resultCode>/);
    const meta = await h.get(`${A}/portins/${id}/loas/${file}/metadata`);
    assert.equal(at(meta.xml, 'FileMetaData', 'DocumentType'), 'INVOICE');
    const list = await h.get(`${A}/portins/${id}/loas?metadata=true`);
    assert.equal(at(list.xml, 'fileListResponse', 'fileCount'), '2');
    assert.equal((await h.del(`${A}/portins/${id}/loas/${file}`)).status, 200);
    assert.equal((await h.get(`${A}/portins/${id}/loas/${file}`)).status, 404);
    assert.equal((await h.del(`${A}/portins/${id}`)).status, 200);
    assert.equal((await upload(h, id, PDF)).status, 400); // final orders take no documents
  });

  it('ports a number between two accounts (INTERNAL) and refuses a second port-in of a held number', async () => {
    const deps = h.app.deps;
    await createAccount(deps, { id: '9900302', companyName: 'Other Co' });
    await grantUser(deps, 'demo', { accounts: ['9900302'] });
    const site = await createSite(deps, '9900302', {
      name: 'Other',
      address: {
        houseNumber: '1',
        streetName: 'Main',
        city: 'Durham',
        stateCode: 'NC',
        zip: '27701',
        addressType: 'Service',
      },
    });
    await createSipPeer(deps, '9900302', String(site.id), { peerName: 'OtherPeer', isDefaultPeer: 'true' });
    const tns = await fresh(1);
    const id = await create(h, { tns, foc: '2026-12-16' });
    const race = await h.post(`${A}/portins`, portInXml({ tns }));
    assert.deepEqual(codes(race), ['7205']);
    await submitted(h, id);
    h.clock.set(Date.parse('2026-12-16T14:00:00Z'));
    await h.drain();
    assert.equal(await status(h, id), 'COMPLETE');
    const check = await h.post(
      `/api/accounts/9900302/lnpchecker?fullCheck=true`,
      `<NumberPortabilityRequest><TnList><Tn>${tns[0]}</Tn></TnList></NumberPortabilityRequest>`,
    );
    assert.equal(at(check.xml, 'NumberPortabilityResponse', 'PortType'), 'INTERNAL');
    const internal = await h.post(
      '/api/accounts/9900302/portins',
      portInXml({ tns, siteId: String(site.id) }),
    );
    assert.equal(internal.status, 201, internal.body);
    const iid = idFromLocation(internal);
    // The losing account sees the internal port as a port-out of its number.
    const portOutOf = async () => {
      const list = await h.get(`${A}/portouts?tn=${tns[0]}`);
      return at(list.xml, 'LNPResponseWrapper', 'lnpPortInfoForGivenStatus') as Record<string, string>;
    };
    assert.equal((await portOutOf()).ProcessingStatus, 'NEW');
    assert.equal((await portOutOf()).CountOfTNs, '1');
    const loa = await upload(h, iid, PDF, 'application/pdf', `/api/accounts/9900302/portins/${iid}/loas`);
    assert.equal(loa.status, 201, loa.body);
    h.clock.advance(DAY);
    await h.drain(); // FOC
    assert.equal((await portOutOf()).ProcessingStatus, 'FOC');
    h.clock.advance(5 * DAY);
    await h.drain(); // activated
    const portOut = await portOutOf();
    assert.equal(portOut.ProcessingStatus, 'COMPLETE');
    const one = await h.get(`${A}/portouts/${portOut.OrderId}`);
    assert.equal(at(one.xml, 'LnpOrderResponse', 'PortOutStatus'), 'COMPLETE');
    assert.equal(at(one.xml, 'LnpOrderResponse', 'PON'), iid);
    assert.equal(
      at((await h.get(`/api/accounts/9900302/portins/${iid}`)).xml, 'LnpOrderResponse', 'ProcessingStatus'),
      'COMPLETE',
    );
    assert.equal(
      at((await h.get(`/api/tns/${tns[0]}`)).xml, 'TelephoneNumberResponse', 'AccountId'),
      '9900302',
    );
  });
});

describe('port-ins on the porting desk', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ inventory: 2000, env: { PORTING_MODE: 'desk' } });
  });
  after(() => h.close());

  it('moves only when the desk says: submit, FOC, reject, complete', async () => {
    const tns = await portableNumbers(h.db.database.db, 2);
    const id = await create(h, { tns: [tns[0] as string] });
    await upload(h, id, PDF);
    h.clock.advance(5 * DAY);
    await h.drain();
    assert.equal(await status(h, id), 'SUBMITTED');
    await deskFoc(h.app.deps, id, '2026-12-14');
    assert.equal(await status(h, id), 'FOC');
    await deskComplete(h.app.deps, id);
    assert.equal(await status(h, id), 'COMPLETE');
    const other = await create(h, { tns: [tns[1] as string] });
    await upload(h, other, PDF);
    await deskReject(h.app.deps, other, 7429, 'Name mismatch');
    const r = await h.get(`${A}/portins/${other}`);
    assert.equal(at(r.xml, 'LnpOrderResponse', 'ProcessingStatus'), 'EXCEPTION');
    assert.deepEqual(codes(r), ['7429']);
    await assert.rejects(deskComplete(h.app.deps, other), /cannot move to COMPLETE/);
  });
});

describe('port-in notifications', () => {
  let h: Harness;
  let rx: Receiver;
  before(async () => {
    h = await startHarness({ inventory: 2000 });
    rx = await startReceiver();
  });
  after(async () => {
    await rx.close();
    await h.close();
  });

  it('notifies every status to a portins subscriber by callback, FOC with ActualFocDate, COMPLETE with the numbers', async () => {
    const sub = await h.post(
      `${A}/subscriptions`,
      `<Subscription><OrderType>portins</OrderType><CallbackSubscription><URL>${rx.url}/portins</URL><Expiry>31536000</Expiry></CallbackSubscription></Subscription>`,
    );
    assert.equal(sub.status, 201, sub.body);
    const tns = await portableNumbers(h.db.database.db, 2);
    const id = await create(h, { tns, foc: '2026-12-10', customerOrderId: 'po-1' });
    await submitted(h, id);
    h.clock.set(Date.parse('2026-12-10T14:00:00Z'));
    await h.drain();
    await h.app.dispatcher.runDue();
    const got = await rx.waitFor(4);
    const notes = got.map((r) => r.xml.Notification as Record<string, unknown>);
    assert.deepEqual(
      notes.map((n) => n.Status),
      ['PENDING_DOCUMENTS', 'SUBMITTED', 'FOC', 'COMPLETE'],
    );
    assert.ok(
      notes.every((n) => n.OrderType === 'portins' && n.OrderId === id && n.CustomerOrderId === 'po-1'),
    );
    assert.equal(notes[2]?.ActualFocDate, '2026-12-10T14:00:00.000Z');
    assert.equal(notes[1]?.ActualFocDate, undefined);
    assert.deepEqual(at(notes[3], 'CompletedTelephoneNumbers', 'TelephoneNumber'), tns);
  });
});
