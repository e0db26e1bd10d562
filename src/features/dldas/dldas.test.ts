import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, DEMO, idFromLocation, startHarness, type Harness } from '../../../test/support/harness.js';
import { CARRIER, inService, OTHER_OWNER, setUpCarriers } from '../../../test/support/porting-out.js';
import { notation, shapeOf } from '../../../test/support/xml-shape.js';

/**
 * DL/DA orders through HTTP (rows 61–65): listings set on the account's numbers (shown on
 * tndetails), refused numbers inside the order, 16104 when none is left, every rule with its code,
 * a PUT as a new round or a cancel, its refusals, history with Difference, the list by number and
 * date, the documented 404, listings removed on disconnect, tenant isolation.
 */
const A = `/api/accounts/${DEMO.accountId}`;

interface Listing {
  readonly type?: string;
  readonly typeElement?: 'SubscriberType' | 'AccountType';
  readonly listing?: string;
  readonly listAddress?: string;
  readonly state?: string;
  readonly customerOrderId?: string;
}

function dlda(tns: readonly (number | string)[], l: Listing = {}, extra = '') {
  const typeEl = l.typeElement ?? 'SubscriberType';
  return `<DldaOrder><CustomerOrderId>${l.customerOrderId ?? 'dlda-1'}</CustomerOrderId><DldaTnGroups><DldaTnGroup><TelephoneNumbers>${tns
    .map((t) => `<TelephoneNumber>${t}</TelephoneNumber>`)
    .join(
      '',
    )}</TelephoneNumbers><${typeEl}>${l.type ?? 'RESIDENTIAL'}</${typeEl}><ListingType>${l.listing ?? 'LISTED'}</ListingType><ListingName><FirstName>Joe</FirstName><LastName>Smith</LastName></ListingName><ListAddress>${l.listAddress ?? 'true'}</ListAddress><Address><HouseNumber>12</HouseNumber><StreetName>ELM</StreetName><StreetSuffix>ST</StreetSuffix><City>CARY</City><StateCode>${l.state ?? 'NC'}</StateCode><Zip>27513</Zip><AddressType>DLDA</AddressType></Address></DldaTnGroup></DldaTnGroups>${extra}</DldaOrder>`;
}

describe('DL/DA orders', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ inventory: 2000, env: { LOG_LEVEL: 'error' } });
    await setUpCarriers(h);
  });
  after(() => h.close());

  const order = (id: string) => h.get(`${A}/dldas/${id}`);
  const status = async (id: string) =>
    at((await order(id)).xml, 'DldaOrderResponse', 'DldaOrder', 'ProcessingStatus');

  it("lists the account's numbers; the others are named in the order (PARTIAL)", async () => {
    const [a = 0, b = 0] = await inService(h, 2);
    const res = await h.post(`${A}/dldas`, dlda([a, b, '8005551234', '9195550199']));
    assert.equal(res.status, 201, res.body);
    assert.match(String(res.headers.location), /\/accounts\/9900000\/dldas\/[0-9a-f-]{36}$/);
    assert.equal(
      notation(shapeOf(res.body)),
      'DldaOrderResponse{DldaOrder{CustomerOrderId, OrderCreateDate, AccountId, CreatedByUser, OrderId, LastModifiedDate, ErrorList{Error{Code, Description, TelephoneNumber}+}, ProcessingStatus, DldaTnGroups{DldaTnGroup{TelephoneNumbers{TelephoneNumber+}, AccountType, ListingType, ListingName{FirstName, LastName}, ListAddress, Address{HouseNumber, StreetName, StreetSuffix, City, StateCode, Zip, Country, AddressType}}}}}',
    );
    const group = at(res.xml, 'DldaOrderResponse', 'DldaOrder', 'DldaTnGroups', 'DldaTnGroup') as Record<
      string,
      unknown
    >;
    assert.equal(group.AccountType, 'RESIDENCE');
    assert.equal((group.Address as Record<string, string>).AddressType, 'Dlda');
    const refused = (
      at(res.xml, 'DldaOrderResponse', 'DldaOrder', 'ErrorList', 'Error') as Record<string, string>[]
    ).map((e) => [e.TelephoneNumber, e.Code]);
    assert.deepEqual(refused, [
      ['8005551234', '16100'],
      ['9195550199', '16111'],
    ]);
    await h.drain();
    const id = idFromLocation(res);
    assert.equal(await status(id), 'PARTIAL');
    const details = await h.get(`/api/tns/${a}/tndetails`);
    assert.match(
      details.body,
      /<Features><Dlda><Status>Success<\/Status><SubscriberType>RESIDENTIAL<\/SubscriberType><ListingType>LISTED<\/ListingType><ListingName><FirstName>Joe<\/FirstName><LastName>Smith<\/LastName><\/ListingName><ListAddress>true<\/ListAddress><Address><HouseNumber>12<\/HouseNumber><StreetName>ELM<\/StreetName><StreetSuffix>ST<\/StreetSuffix><City>CARY<\/City><StateCode>NC<\/StateCode><Zip>27513<\/Zip><Country>United States<\/Country><AddressType>Dlda<\/AddressType><\/Address><\/Dlda><\/Features>/,
    );

    // A disconnected number loses its listing.
    const disconnect = await h.post(
      `${A}/disconnects`,
      `<DisconnectTelephoneNumberOrder><DisconnectTelephoneNumberOrderType><TelephoneNumberList><TelephoneNumber>${b}</TelephoneNumber></TelephoneNumberList></DisconnectTelephoneNumberOrderType></DisconnectTelephoneNumberOrder>`,
    );
    assert.equal(disconnect.status, 201);
    await h.drain();
    assert.doesNotMatch((await h.get(`/api/tns/${b}/tndetails`)).body, /<Dlda>/);
  });

  it('refuses an order none of whose numbers can be listed (16104), with each number and FAILED', async () => {
    const [theirs = 0] = await inService(h, 1, OTHER_OWNER);
    const res = await h.post(`${A}/dldas`, dlda([theirs, '8885551234']));
    assert.equal(res.status, 400);
    assert.equal(
      notation(shapeOf(res.body)),
      'DldaOrderResponse{ResponseStatus{ErrorCode, Description}, DldaOrder{CustomerOrderId, OrderCreateDate, AccountId, CreatedByUser, LastModifiedDate, ErrorList{Error{Code, Description, TelephoneNumber}+}, ProcessingStatus, DldaTnGroups{DldaTnGroup{TelephoneNumbers{TelephoneNumber+}, AccountType, ListingType, ListingName{FirstName, LastName}, ListAddress, Address{HouseNumber, StreetName, StreetSuffix, City, StateCode, Zip, AddressType}}}}}',
    );
    assert.equal(
      at(res.xml, 'DldaOrderResponse', 'DldaOrder', 'DldaTnGroups', 'DldaTnGroup', 'AccountType'),
      'RESIDENCE',
    );
    assert.equal(at(res.xml, 'DldaOrderResponse', 'ResponseStatus', 'ErrorCode'), '16104');
    const codes = (
      at(res.xml, 'DldaOrderResponse', 'DldaOrder', 'ErrorList', 'Error') as Record<string, string>[]
    ).map((e) => e.Code);
    assert.deepEqual(codes, ['16101', '16100']);
    assert.equal(at(res.xml, 'DldaOrderResponse', 'DldaOrder', 'ProcessingStatus'), 'FAILED');
  });

  it('refuses a bad listing with its code', async () => {
    const [tn = 0] = await inService(h, 1);
    const cases: [string, string][] = [
      [dlda([tn], { type: 'CHURCH' }), '16109'],
      [dlda([tn], { listing: 'HIDDEN' }), '16110'],
      [dlda([tn], { state: 'ZZ' }), '16114'],
      [dlda([tn], { listAddress: 'maybe' }), '12751'],
      [dlda([tn], {}, '<DeleteDldaTnGroups>true</DeleteDldaTnGroups>'), '16113'],
      ['<DldaOrder><DldaTnGroups/></DldaOrder>', '16104'],
      [dlda([tn, tn]), '5093'],
      [dlda(Array.from({ length: 5001 }, (_, i) => 9195000000 + i)), '5095'],
    ];
    for (const [body, code] of cases) {
      const res = await h.post(`${A}/dldas`, body);
      assert.equal(res.status, 400, body);
      assert.equal(at(res.xml, 'DldaOrderResponse', 'ResponseStatus', 'ErrorCode'), code, res.body);
    }
    const [held = 0] = await inService(h, 1);
    const first = await h.post(`${A}/dldas`, dlda([held, tn]));
    assert.equal(first.status, 201);
    const second = await h.post(`${A}/dldas`, dlda([held]));
    assert.equal(second.status, 400);
    assert.equal(
      at(second.xml, 'DldaOrderResponse', 'DldaOrder', 'ErrorList', 'Error', 'Description'),
      `DL/DA information cannot be changed because the number is already being processed by order '${idFromLocation(first)}'`,
    );
    await h.drain();
    const missing = await h.get(`${A}/dldas/00000000-0000-4000-8000-000000000000`);
    assert.equal(missing.status, 404);
    assert.match(
      missing.body,
      /<DldaOrderResponse><ResponseStatus><Description>The resource does not exist<\/Description><\/ResponseStatus><\/DldaOrderResponse>$/,
    );
  });

  it('changes a processed order by PUT in a new round, and records the change in its history', async () => {
    const [a = 0] = await inService(h, 1);
    const res = await h.post(`${A}/dldas`, dlda([a]));
    const id = idFromLocation(res);
    await h.drain();
    assert.equal(await status(id), 'COMPLETE');
    const put = await h.put(
      `${A}/dldas/${id}`,
      dlda([a], {
        typeElement: 'AccountType',
        type: 'BUSINESS',
        listing: 'NON_PUBLISHED',
        customerOrderId: 'dlda-2',
      }),
    );
    assert.equal(put.status, 200, put.body);
    assert.equal(at(put.xml, 'DldaOrderResponse', 'DldaOrder', 'ProcessingStatus'), 'RECEIVED');
    await h.drain();
    assert.equal(await status(id), 'COMPLETE');
    assert.match(
      (await h.get(`/api/tns/${a}/tndetails`)).body,
      /<SubscriberType>BUSINESS<\/SubscriberType><ListingType>NON_PUBLISHED<\/ListingType>/,
    );
    const history = await h.get(`${A}/dldas/${id}/history`);
    const entries = at(history.xml, 'OrderHistoryWrapper', 'OrderHistory') as Record<string, string>[];
    assert.deepEqual(
      entries.map((e) => e.Status),
      ['RECEIVED', 'PROCESSING', 'COMPLETE', 'RECEIVED', 'PROCESSING', 'COMPLETE'],
    );
    assert.equal(entries[3]?.Difference, 'CustomerOrderId : "dlda-1" --> dlda-2');

    // DeleteDldaTnGroups on a processed order, even with a new round pending: a round that removes
    // the listings, not a cancel (which would leave them on the numbers for good).
    await h.put(`${A}/dldas/${id}`, dlda([a], { typeElement: 'AccountType', listing: 'LISTED' }));
    const removal = await h.put(
      `${A}/dldas/${id}`,
      '<DldaOrder><DeleteDldaTnGroups>true</DeleteDldaTnGroups></DldaOrder>',
    );
    assert.equal(removal.status, 200, removal.body);
    assert.equal(at(removal.xml, 'DldaOrderResponse', 'DldaOrder', 'ProcessingStatus'), 'RECEIVED');
    await h.drain();
    assert.equal(await status(id), 'COMPLETE');
    assert.doesNotMatch((await h.get(`/api/tns/${a}/tndetails`)).body, /<Dlda>/);
  });

  it('cancels an order not yet processed; refuses a PUT on one being processed, failed or cancelled', async () => {
    const [a = 0] = await inService(h, 1);
    const id = idFromLocation(await h.post(`${A}/dldas`, dlda([a])));
    const cancel = await h.put(
      `${A}/dldas/${id}`,
      '<DldaOrder><DeleteDldaTnGroups>true</DeleteDldaTnGroups></DldaOrder>',
    );
    assert.equal(cancel.status, 200, cancel.body);
    assert.equal(at(cancel.xml, 'DldaOrderResponse', 'DldaOrder', 'ProcessingStatus'), 'CANCELLED');
    await h.drain();
    assert.equal(await status(id), 'CANCELLED');
    assert.doesNotMatch((await h.get(`/api/tns/${a}/tndetails`)).body, /<Dlda>/);
    const again = await h.put(`${A}/dldas/${id}`, dlda([a]));
    assert.equal(again.status, 400);
    assert.equal(notation(shapeOf(again.body)), 'DldaOrderResponse{ResponseStatus{ErrorCode, Description}}');
    assert.equal(at(again.xml, 'DldaOrderResponse', 'ResponseStatus', 'ErrorCode'), '16115');
    const bad = await h.put(
      `${A}/dldas/${id}`,
      '<DldaOrder><DeleteDldaTnGroups>sometimes</DeleteDldaTnGroups></DldaOrder>',
    );
    assert.equal(at(bad.xml, 'DldaOrderResponse', 'ResponseStatus', 'ErrorCode'), '16112');

    // Being processed: a round in flight (set directly, as a worker holding it would leave it).
    const [b = 0] = await inService(h, 1);
    const busy = idFromLocation(await h.post(`${A}/dldas`, dlda([b])));
    await h.app.deps.database.db
      .updateTable('orders')
      .set({ status: 'PROCESSING' })
      .where('id', '=', busy)
      .execute();
    const refused = await h.put(`${A}/dldas/${busy}`, dlda([b]));
    assert.equal(at(refused.xml, 'DldaOrderResponse', 'ResponseStatus', 'ErrorCode'), '16105');
    await h.app.deps.database.db
      .updateTable('orders')
      .set({ status: 'FAILED' })
      .where('id', '=', busy)
      .execute();
    const failed = await h.put(`${A}/dldas/${busy}`, dlda([b]));
    assert.equal(at(failed.xml, 'DldaOrderResponse', 'ResponseStatus', 'ErrorCode'), '16106');
  });

  it('lists by number and by day, each entry with OrderType dlda', async () => {
    const [a = 0] = await inService(h, 1);
    const id = idFromLocation(await h.post(`${A}/dldas`, dlda([a])));
    await h.drain();
    const day = h.clock.now().toISOString().slice(0, 10);
    for (const q of [
      `tn=${a}`,
      `modifiedDateFrom=${day}&modifiedDateTo=${day}`,
      `lastModifiedAfter=${day}`,
    ]) {
      const list = await h.get(`${A}/dldas?${q}`);
      assert.equal(list.status, 200, q);
      const entries = [
        at(list.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'OrderIdUserIdDate'),
      ].flat() as Record<string, string>[];
      const mine = entries.find((e) => e.orderId === id);
      assert.equal(mine?.OrderType, 'dlda', q);
      assert.equal(mine?.OrderStatus, 'COMPLETE');
    }
    const later = await h.get(`${A}/dldas?lastModifiedAfter=2099-01-01`);
    assert.equal(at(later.xml, 'ResponseSelectWrapper', 'ListOrderIdUserIdDate', 'TotalCount'), '0');
  });

  it("keeps each account's orders to its users", async () => {
    const [a = 0] = await inService(h, 1);
    const id = idFromLocation(await h.post(`${A}/dldas`, dlda([a])));
    const asCarrier = { auth: CARRIER.user } as const;
    assert.equal((await h.get(`${A}/dldas/${id}`, asCarrier)).status, 403);
    assert.equal((await h.put(`${A}/dldas/${id}`, dlda([a]), asCarrier)).status, 403);
    assert.equal((await h.get(`/api/accounts/${CARRIER.accountId}/dldas/${id}`, asCarrier)).status, 404);
  });
});
