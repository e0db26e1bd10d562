import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, DEMO, idFromLocation, startHarness, type Harness } from '../../../test/support/harness.js';
import { CARRIER, inService, OTHER_OWNER, setUpCarriers } from '../../../test/support/porting-out.js';
import { notation, shapeOf } from '../../../test/support/xml-shape.js';
import { historyOf } from '../orders-common/index.js';

/**
 * E911 orders through HTTP (rows 66–69): an exact address (COMPLETE), one the geocoder corrects
 * (ADJUSTED_COMPLETE, provisioned as corrected), one it cannot (FAILED, per number), mixed outcomes
 * (PARTIAL, ADJUSTED_PARTIAL), removal, every request rule with its code, the list and its filters,
 * the features on the number and their removal on disconnect, tenant isolation.
 */
const A = `/api/accounts/${DEMO.accountId}`;

interface Addr {
  readonly house?: string;
  readonly pre?: string;
  readonly street?: string;
  readonly suffix?: string;
  readonly city?: string;
  readonly state?: string;
  readonly zip?: string;
}
const STANDARD: Addr = {
  house: '901',
  street: 'MAIN CAMPUS',
  suffix: 'DR',
  city: 'RALEIGH',
  state: 'NC',
  zip: '27606',
};

const tnsXml = (tns: readonly (number | string)[]) =>
  `<TelephoneNumbers>${tns.map((t) => `<TelephoneNumber>${t}</TelephoneNumber>`).join('')}</TelephoneNumbers>`;
const el = (name: string, v: string | undefined) => (v === undefined ? '' : `<${name}>${v}</${name}>`);

function e911(tns: readonly (number | string)[], a: Addr = STANDARD, callerName = 'Acme Corp', extra = '') {
  return `<E911Order><CustomerOrderId>e911-1</CustomerOrderId>${tnsXml(tns)}${el('CallerName', callerName)}<Address>${el('HouseNumber', a.house)}${el('PreDirectional', a.pre)}${el('StreetName', a.street)}${el('StreetSuffix', a.suffix)}${el('City', a.city)}${el('StateCode', a.state)}${el('Zip', a.zip)}<Country>United States</Country></Address>${extra}</E911Order>`;
}
const removal = (tns: readonly number[]) =>
  `<E911Order>${tnsXml(tns)}<DeleteTNSpecificE911Address>true</DeleteTNSpecificE911Address></E911Order>`;

describe('E911 orders', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ inventory: 2000, env: { LOG_LEVEL: 'error' } });
    await setUpCarriers(h);
  });
  after(() => h.close());

  async function place(body: string): Promise<string> {
    const res = await h.post(`${A}/e911s`, body);
    assert.equal(res.status, 201, res.body);
    await h.drain();
    return idFromLocation(res);
  }
  const order = (id: string) => h.get(`${A}/e911s/${id}`);

  it('provisions an address in standard form as sent: COMPLETE, shown on the number', async () => {
    const [a = 0, b = 0] = await inService(h, 2);
    const res = await h.post(`${A}/e911s`, e911([a, b]));
    assert.equal(res.status, 201, res.body);
    assert.match(String(res.headers.location), /\/accounts\/9900000\/e911s\/[0-9a-f-]{36}$/);
    assert.equal(
      notation(shapeOf(res.body)),
      'E911OrderResponse{E911Order{CustomerOrderId, orderId, ProcessingStatus, TelephoneNumbers{TelephoneNumber+}, CallerName, Address{HouseNumber, StreetName, StreetSuffix, City, StateCode, Zip, Country}}}',
    );
    assert.equal(at(res.xml, 'E911OrderResponse', 'E911Order', 'ProcessingStatus'), 'RECEIVED');
    await h.drain();
    const got = await order(idFromLocation(res));
    assert.equal(got.status, 200);
    assert.equal(
      notation(shapeOf(got.body)),
      'E911Order{OrderCreateDate, AccountId, CreatedByUser, OrderId, LastModifiedDate, Address{HouseNumber, StreetName, StreetSuffix, City, StateCode, Zip, Country}, CallerName, CustomerOrderId, ProcessingStatus, TelephoneNumbers{TelephoneNumber+}, ErrorList}',
    );
    assert.equal(at(got.xml, 'E911Order', 'ProcessingStatus'), 'COMPLETE');
    const details = await h.get(`/api/tns/${a}/tndetails`);
    assert.match(
      details.body,
      /<Features><E911><LastE911OrderOutcome>COMPLETE<\/LastE911OrderOutcome><SipPeerAddress>false<\/SipPeerAddress><CallerName>Acme Corp<\/CallerName><Address><HouseNumber>901<\/HouseNumber><StreetName>MAIN CAMPUS<\/StreetName><StreetSuffix>DR<\/StreetSuffix><City>RALEIGH<\/City><StateCode>NC<\/StateCode><Zip>27606<\/Zip><Country>United States<\/Country><\/Address><\/E911><\/Features>/,
    );
    const history = await h.get(`${A}/e911s/${idFromLocation(res)}/history`);
    const statuses = (at(history.xml, 'OrderHistoryWrapper', 'OrderHistory') as { Status: string }[]).map(
      (e) => e.Status,
    );
    assert.deepEqual(statuses, ['RECEIVED', 'PROCESSING', 'COMPLETE']);

    // A disconnected number loses its emergency address.
    const disconnect = await h.post(
      `${A}/disconnects`,
      `<DisconnectTelephoneNumberOrder><DisconnectTelephoneNumberOrderType><TelephoneNumberList><TelephoneNumber>${b}</TelephoneNumber></TelephoneNumberList></DisconnectTelephoneNumberOrderType></DisconnectTelephoneNumberOrder>`,
    );
    assert.equal(disconnect.status, 201);
    await h.drain();
    const gone = await h.get(`/api/tns/${b}/tndetails`);
    assert.doesNotMatch(gone.body, /<E911>/);
    // The disconnect's history (and so its notification's Message) says what went with the number.
    const notes = (await historyOf(h.app.deps, idFromLocation(disconnect))).map((e) => e.note);
    assert.ok(
      notes.includes('Disconnect successful: 1 of 1 numbers; removed with them: E911 address on 1'),
      notes.join(' | '),
    );
  });

  it('provisions a correctable address as corrected: ADJUSTED_COMPLETE', async () => {
    const [a = 0] = await inService(h, 1);
    const id = await place(
      e911([a], {
        house: '2700',
        pre: 'West',
        street: 'Hillsborough Street',
        city: 'Durham',
        state: 'nc',
        zip: '27606-5244',
      }),
    );
    const got = await order(id);
    assert.equal(at(got.xml, 'E911Order', 'ProcessingStatus'), 'ADJUSTED_COMPLETE');
    assert.deepEqual(at(got.xml, 'E911Order', 'Address'), {
      HouseNumber: '2700',
      PreDirectional: 'W',
      StreetName: 'HILLSBOROUGH ST',
      City: 'RALEIGH',
      StateCode: 'NC',
      Zip: '27606',
      PlusFour: '5244',
      Country: 'United States',
    });
    const history = await h.get(`${A}/e911s/${id}/history`);
    const last = [at(history.xml, 'OrderHistoryWrapper', 'OrderHistory')].flat().at(-1) as Record<
      string,
      string
    >;
    assert.equal(
      last.Note,
      'E911 order adjusted complete: 1 of 1 numbers; address corrected: PreDirectional: West → W; StreetName: Hillsborough Street → HILLSBOROUGH ST; City: Durham → RALEIGH; StateCode: nc → NC; Zip: 27606-5244 → 27606; PlusFour: (none) → 5244',
    );
    const details = await h.get(`/api/tns/${a}/tndetails`);
    assert.match(details.body, /<LastE911OrderOutcome>ADJUSTED_COMPLETE<\/LastE911OrderOutcome>/);
    assert.match(details.body, /<StreetName>HILLSBOROUGH ST<\/StreetName><City>RALEIGH<\/City>/);
  });

  it('fails every number of an address it cannot correct, with the code per number', async () => {
    const [a = 0, b = 0] = await inService(h, 2);
    const cases: [Addr, string][] = [
      [{ ...STANDARD, zip: '99999' }, '8006'],
      [{ ...STANDARD, city: 'Austin', state: 'TX' }, '8006'],
      [{ ...STANDARD, house: undefined }, '8056'],
      [{ ...STANDARD, street: undefined }, '8056'],
    ];
    for (const [address, code] of cases) {
      const got = await order(await place(e911([a, b], address)));
      assert.equal(at(got.xml, 'E911Order', 'ProcessingStatus'), 'FAILED', got.body);
      const error = at(got.xml, 'E911Order', 'ErrorList', 'Error') as Record<string, unknown>;
      assert.equal(error.Code, code);
      assert.deepEqual((error.TelephoneNumbers as { TelephoneNumber: string[] }).TelephoneNumber, [
        String(a),
        String(b),
      ]);
    }
    const details = await h.get(`/api/tns/${a}/tndetails`);
    assert.doesNotMatch(details.body, /<E911>/);
  });

  it("ends PARTIAL or ADJUSTED_PARTIAL when some numbers are not the account's", async () => {
    const [mine = 0] = await inService(h, 1);
    const [theirs = 0] = await inService(h, 1, OTHER_OWNER);
    const partial = await order(await place(e911([mine, theirs, 9195550100])));
    assert.equal(at(partial.xml, 'E911Order', 'ProcessingStatus'), 'PARTIAL');
    const errors = at(partial.xml, 'E911Order', 'ErrorList', 'Error') as Record<string, unknown>[];
    assert.deepEqual(
      errors.map((e) => [e.Code, (e.TelephoneNumbers as { TelephoneNumber: string }).TelephoneNumber]),
      [
        ['8003', String(theirs)],
        ['8034', '9195550100'],
      ],
    );
    const adjusted = await order(await place(e911([mine, theirs], { ...STANDARD, city: 'raleigh' })));
    assert.equal(at(adjusted.xml, 'E911Order', 'ProcessingStatus'), 'ADJUSTED_PARTIAL');
    const other = await h.get(`/api/tns/${theirs}/tndetails`);
    assert.doesNotMatch(other.body, /<E911>/);
  });

  it('removes the address with DeleteTNSpecificE911Address', async () => {
    const [a = 0] = await inService(h, 1);
    await place(e911([a]));
    assert.match((await h.get(`/api/tns/${a}/tndetails`)).body, /<E911>/);
    const got = await order(await place(removal([a])));
    assert.equal(at(got.xml, 'E911Order', 'ProcessingStatus'), 'COMPLETE');
    assert.doesNotMatch((await h.get(`/api/tns/${a}/tndetails`)).body, /<E911>/);
  });

  it('refuses a malformed order with its code, ErrorList first then the order as sent', async () => {
    const [tn = 0] = await inService(h, 1);
    const cases: [string, string][] = [
      [`<E911Order>${tnsXml([tn])}</E911Order>`, '8057'],
      [removal([tn]).replace('</E911Order>', '<CallerName>X</CallerName></E911Order>'), '8057'],
      [removal([tn]).replace('true', 'maybe'), '8057'],
      [e911([tn], STANDARD, 'N'.repeat(51)), '8001'],
      [e911([tn], STANDARD, 'Acme Corp!'), '8002'],
      [e911([tn], STANDARD, 'Acme', '<AlternateEndUserIdentifiers/>'), '8022'],
      [e911([]), '5073'],
      [`<E911Order>${tnsXml([tn])}<CallerName>Acme</CallerName></E911Order>`, '1003'],
      [e911([tn], { ...STANDARD, street: 'S'.repeat(201) }), '12635'],
      [e911(['12345']), '5070'],
      [e911([tn, tn]), '5093'],
      [e911([tn]).replace('e911-1', 'bad_id!'), '5052'],
    ];
    for (const [body, code] of cases) {
      const res = await h.post(`${A}/e911s`, body);
      assert.equal(res.status, 400, body);
      assert.match(
        res.body,
        new RegExp(`^<\\?xml[^>]*\\?><E911OrderResponse><ErrorList><Error><Code>${code}</Code>`),
        res.body,
      );
      assert.equal(at(res.xml, 'E911OrderResponse', 'E911Order', 'ProcessingStatus'), 'FAILED');
    }
    const missing = await h.get(`${A}/e911s/00000000-0000-4000-8000-000000000000`);
    assert.equal(missing.status, 404);
    assert.match(
      missing.body,
      /<E911OrderReportResponse><ResponseStatus><Description>The resource does not exist<\/Description>/,
    );
  });

  it('lists summaries or whole orders, by status, number, customer order id, dates and fragment', async () => {
    const [a = 0] = await inService(h, 1);
    const id = await place(e911([a], { ...STANDARD, city: 'Raleigh' }));
    const list = await h.get(`${A}/e911s?tn=${a}`);
    assert.equal(list.status, 200);
    assert.equal(
      notation(shapeOf(list.body)),
      'E911Orders{TotalCount, E911OrderSummary{accountId, CountOfTNs, userId, lastModifiedDate, OrderDate, OrderType, OrderStatus, OrderId}}',
    );
    assert.equal(at(list.xml, 'E911Orders', 'E911OrderSummary', 'OrderId'), id);
    assert.equal(at(list.xml, 'E911Orders', 'E911OrderSummary', 'OrderType'), 'e911');
    const full = await h.get(`${A}/e911s?tn=${a}&orderDetails=true`);
    assert.equal(at(full.xml, 'E911Orders', 'E911Order', 'OrderId'), id);
    assert.equal(
      notation(shapeOf(full.body)),
      'E911Orders{TotalCount, E911Order{OrderCreateDate, AccountId, CreatedByUser, OrderId, LastModifiedDate, Address{HouseNumber, StreetName, StreetSuffix, City, StateCode, Zip, Country}, CallerName, ErrorList, ProcessingStatus, TelephoneNumbers{TelephoneNumber}}}',
    );
    const day = h.clock.now().toISOString().slice(0, 10);
    const filters = [
      'status=ADJUSTED_COMPLETE',
      `orderIdFragment=${id.slice(0, 8)}`,
      'customerOrderId=e911-1',
      `createdDateFrom=${day}&createdDateTo=${day}`,
      `modifiedDateFrom=${day}`,
      `lastModifiedAfter=${day}`,
      'lastModifiedBy=demo',
    ];
    for (const f of filters) {
      const res = await h.get(`${A}/e911s?${f}`);
      assert.equal(res.status, 200, f);
      const ids = [at(res.xml, 'E911Orders', 'E911OrderSummary')]
        .flat()
        .map((s) => (s as { OrderId: string }).OrderId);
      assert.ok(ids.includes(id), f);
    }
    const none = await h.get(`${A}/e911s?callBack=9195551234`);
    assert.equal(at(none.xml, 'E911Orders', 'TotalCount'), '0');
    assert.equal((await h.get(`${A}/e911s?status=NOPE`)).status, 404);
    assert.equal((await h.get(`${A}/e911s?createdDateFrom=2026-13-45`)).status, 404);
  });

  it("keeps each account's orders to its users", async () => {
    const [a = 0] = await inService(h, 1);
    const id = await place(e911([a]));
    const asCarrier = { auth: CARRIER.user } as const;
    const read = await h.get(`${A}/e911s/${id}`, asCarrier);
    assert.equal(read.status, 403);
    const own = await h.get(`/api/accounts/${CARRIER.accountId}/e911s/${id}`, asCarrier);
    assert.equal(own.status, 404);
  });
});
