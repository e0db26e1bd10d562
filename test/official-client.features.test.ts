import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TnStatus } from '../src/shared/tn-status.js';
import {
  call,
  numbers as sdk,
  startOfficialClientRun,
  type Callback,
  type OfficialClientRun,
} from './support/official-client.js';

/**
 * Number features through Bandwidth's official Node client, @bandwidth/numbers 2.0.0 from npm,
 * unchanged, against the real server as `npm start` runs it: `TnOption` (create, get polled to
 * COMPLETE, list, the options effective on the SIP-peer number), `Lidbs` (create, get, list) and
 * `Dlda` (create, get, list, history).
 */
interface Sdk {
  TnOption: {
    create(client: object, order: Record<string, unknown>, cb: Callback<Record<string, unknown>>): void;
    get(client: object, id: string, cb: Callback<Record<string, unknown>>): void;
    list(client: object, query: Record<string, unknown>, cb: Callback<Record<string, unknown>[]>): void;
  };
  Lidbs: {
    create(client: object, order: Record<string, unknown>, cb: Callback<Record<string, unknown>>): void;
    get(client: object, id: string, cb: Callback<Record<string, unknown>>): void;
    list(client: object, query: Record<string, unknown>, cb: Callback<Record<string, unknown>>): void;
  };
  Dlda: {
    create(client: object, order: Record<string, unknown>, cb: Callback<DldaItem>): void;
    get(client: object, id: string, cb: Callback<DldaItem>): void;
    list(client: object, query: Record<string, unknown>, cb: Callback<Record<string, unknown>>): void;
  };
}
interface DldaItem extends Record<string, unknown> {
  id?: string;
  getHistory(cb: Callback<Record<string, unknown>[]>): void;
}
const numbers = sdk as Sdk;

describe('the official Node client on number features (@bandwidth/numbers 2.0.0)', () => {
  let r: OfficialClientRun;
  let tns: number[] = [];
  let peer = { site: 0, peer: 0 };
  before(async () => {
    r = await startOfficialClientRun();
    const rows = await r.database.db
      .selectFrom('telephone_numbers')
      .select(['tn', 'site_id', 'sip_peer_id'])
      .where('account_id', '=', '9900000')
      .where('status', '=', TnStatus.inService)
      .orderBy('tn')
      .limit(3)
      .execute();
    tns = rows.map((row) => row.tn);
    peer = { site: rows[0]?.site_id ?? 0, peer: rows[0]?.sip_peer_id ?? 0 };
  });
  after(() => r.stop());

  const poll = async (get: () => Promise<Record<string, unknown>>, status: string) => {
    for (let i = 0; i < 50; i++) {
      const got = await get();
      if (got.processingStatus === status) return got;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`never ${status}`);
  };

  it('creates a TN-option order, polls it to COMPLETE, lists it, and finds the options on the number', async () => {
    const created = await call<Record<string, unknown>>((cb) =>
      numbers.TnOption.create(
        r.client,
        {
          customerOrderId: 'sdk-options',
          tnOptionGroups: [
            {
              callingNameDisplay: 'on',
              sms: 'on',
              rewriteUser: 'sdkuser',
              telephoneNumbers: [String(tns[0])],
            },
          ],
        },
        cb,
      ),
    );
    const id = String(created.orderId);
    assert.match(id, /^[0-9a-f-]{36}$/);
    assert.equal(created.processingStatus, 'RECEIVED');
    const done = await poll(() => call((cb) => numbers.TnOption.get(r.client, id, cb)), 'COMPLETE');
    assert.deepEqual((done.tnOptionGroups as { telephoneNumbers: string[] }[])[0]?.telephoneNumbers, [
      String(tns[0]),
    ]);
    const list = await call<Record<string, unknown>[]>((cb) =>
      numbers.TnOption.list(r.client, { status: 'COMPLETE' }, cb),
    );
    assert.ok(list.some((o) => o.orderId === id));
    const res = await fetch(
      `${r.server.baseUrl}/api/accounts/9900000/sites/${peer.site}/sippeers/${peer.peer}/tns/${tns[0]}`,
      { headers: { authorization: `Basic ${Buffer.from('demo:demo').toString('base64')}` } },
    );
    const body = await res.text();
    assert.match(body, /<RewriteUser>sdkuser<\/RewriteUser>/);
    assert.match(body, /<CallingNameDisplay>true<\/CallingNameDisplay>/);
    assert.match(body, /<SmsEnabled>true<\/SmsEnabled>/);
  });

  it('creates, gets and lists a LIDB order', async () => {
    const created = await call<Record<string, unknown>>((cb) =>
      numbers.Lidbs.create(
        r.client,
        {
          customerOrderId: 'sdk-lidb',
          lidbTnGroups: {
            lidbTnGroup: {
              telephoneNumbers: { telephoneNumber: String(tns[1]) },
              subscriberInformation: 'Demo Company',
              useType: 'BUSINESS',
              visibility: 'PUBLIC',
            },
          },
        },
        cb,
      ),
    );
    const id = String(created.orderId);
    assert.match(id, /^[0-9a-f-]{36}$/);
    const done = await poll(() => call((cb) => numbers.Lidbs.get(r.client, id, cb)), 'COMPLETE');
    assert.equal(done.customerOrderId, 'sdk-lidb');
    const list = await call<Record<string, unknown>>((cb) =>
      numbers.Lidbs.list(r.client, { tn: String(tns[1]) }, cb),
    );
    const entries = list.listOrderIdUserIdDate as { totalCount: number };
    assert.equal(entries.totalCount, 1);
  });

  it('creates, gets, lists a DL/DA order and reads its history', async () => {
    const created = await call<DldaItem>((cb) =>
      numbers.Dlda.create(
        r.client,
        {
          customerOrderId: 'sdk-dlda',
          dldaTnGroups: {
            dldaTnGroup: {
              telephoneNumbers: { telephoneNumber: String(tns[2]) },
              subscriberType: 'RESIDENTIAL',
              listingType: 'LISTED',
              listingName: { firstName: 'Joe', lastName: 'Smith' },
              listAddress: true,
              address: {
                houseNumber: '12',
                streetName: 'Elm',
                streetSuffix: 'St',
                city: 'Cary',
                stateCode: 'NC',
                zip: '27513',
                addressType: 'DLDA',
              },
            },
          },
        },
        cb,
      ),
    );
    const id = String(created.orderId);
    assert.match(id, /^[0-9a-f-]{36}$/);
    const done = await poll(() => call((cb) => numbers.Dlda.get(r.client, id, cb)), 'COMPLETE');
    const group = (done.dldaTnGroups as { dldaTnGroup: Record<string, unknown> }).dldaTnGroup;
    assert.equal(group.accountType, 'RESIDENCE');
    assert.equal(group.listingType, 'LISTED');
    const list = await call<Record<string, unknown>>((cb) =>
      numbers.Dlda.list(r.client, { tn: String(tns[2]) }, cb),
    );
    const entries = list.listOrderIdUserIdDate as {
      totalCount: number;
      orderIdUserIdDate: { orderId: string };
    };
    assert.equal(entries.totalCount, 1);
    assert.equal(entries.orderIdUserIdDate.orderId, id);
    // The client's getHistory reads `this.id`, which no DL/DA payload names `id`: set it, as its users do.
    const item = await call<DldaItem>((cb) => numbers.Dlda.get(r.client, id, cb));
    item.id = id;
    const history = await call<Record<string, unknown>[]>((cb) => item.getHistory(cb));
    assert.deepEqual(
      history.map((h) => h.status),
      ['RECEIVED', 'PROCESSING', 'COMPLETE'],
    );
  });
});
