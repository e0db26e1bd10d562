import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { addBusinessDays, easternDay, portingCalendar } from '../src/features/porting-calendar/index.js';
import { TnStatus } from '../src/shared/tn-status.js';
import { projectRoot } from '../src/platform/project-root.js';
import {
  call,
  numbers as sdk,
  startOfficialClientRun,
  type Callback,
  type OfficialClientRun,
} from './support/official-client.js';

const run = promisify(execFile);
const CLI = path.join(projectRoot(), 'dist', 'src', 'cli', 'main.js');

/**
 * Porting out through Bandwidth's official Node client, @bandwidth/numbers 2.0.0 from npm,
 * unchanged, against the real server as `npm start` runs it: a carrier account (made with the
 * operator's CLI) files an LSR order for two of the demo account's numbers and reads, lists,
 * changes, notes and cancels it with every LsrOrder call the client has; the demo account sees
 * the port-out with PortOut.list and PortOut.get.
 */
interface SdkLsrOrder {
  id?: string;
  orderId: string;
  orderStatus: string;
  pon: string;
  ponVersion: number;
  requestedFocDate: string;
  countOfTNs: number;
  listOfTelephoneNumbers: { telephoneNumber: string | string[] };
  update(data: Record<string, unknown>, cb: Callback<unknown>): void;
  getHistory(cb: Callback<{ status: string; note?: string }[]>): void;
  getNotes(cb: Callback<{ id: number; description: string }[]>): void;
  addNote(
    note: { userId: string; description: string },
    cb: Callback<{ id: number; description: string }>,
  ): void;
}
interface Sdk {
  LsrOrder: {
    create(client: object, data: Record<string, unknown>, cb: Callback<SdkLsrOrder>): void;
    get(client: object, id: string, cb: Callback<SdkLsrOrder>): void;
    list(client: object, query: Record<string, unknown>, cb: Callback<Record<string, unknown>>): void;
  };
  PortOut: {
    list(client: object, query: Record<string, unknown>, cb: Callback<Record<string, unknown>>): void;
    get(client: object, id: string, cb: Callback<Record<string, unknown>>): void;
  };
}
const numbers = sdk as Sdk;

describe('the official Node client porting numbers out (@bandwidth/numbers 2.0.0)', () => {
  let r: OfficialClientRun;
  let carrier: object;
  let tns: string[] = [];
  before(async () => {
    r = await startOfficialClientRun();
    // The operator makes the carrier account and its user, as README's porting-out section shows.
    const env = { ...process.env, ...r.dataEnv, LOG_LEVEL: 'silent' };
    await run(
      process.execPath,
      [CLI, 'account', 'create', '--id', '9900700', '--name', 'Carrier', '--spid', 'TST1'],
      { env },
    );
    await run(
      process.execPath,
      [CLI, 'user', 'create', 'carrier', '--password', 'carrier-pw', '--accounts', '9900700'],
      { env },
    );
    carrier = r.clientFor('9900700', 'carrier', 'carrier-pw');
    const rows = await r.database.db
      .selectFrom('telephone_numbers')
      .select('tn')
      .where('account_id', '=', '9900000')
      .where('status', '=', TnStatus.inService)
      .orderBy('tn')
      .limit(2)
      .execute();
    tns = rows.map((row) => String(row.tn));
    assert.equal(tns.length, 2, 'the demo account has numbers in service');
  });
  after(() => r.stop());

  it('creates, gets, lists, changes, notes and cancels an LSR order; the owner sees its port-out', async () => {
    const created = await call<SdkLsrOrder>((cb) =>
      numbers.LsrOrder.create(
        carrier,
        {
          pon: 'SDK-PON-1',
          customerOrderId: 'SDK order',
          spid: 'TST1',
          billingTelephoneNumber: tns[0],
          authorizingPerson: 'Jim Hopkins',
          subscriber: {
            subscriberType: 'BUSINESS',
            businessName: 'BusinessName',
            serviceAddress: {
              houseNumber: '11',
              streetName: 'Park',
              streetSuffix: 'Ave',
              city: 'Raleigh',
              stateCode: 'NC',
              zip: '27601',
            },
            accountNumber: '123463',
            pinNumber: '1231',
          },
          listOfTelephoneNumbers: { telephoneNumber: tns },
        },
        cb,
      ),
    );
    assert.match(created.orderId, /^[0-9a-f-]{36}$/);
    assert.equal(created.pon, 'SDK-PON-1');
    assert.equal(created.countOfTNs, 2);
    assert.ok(['PENDING', 'FOC'].includes(created.orderStatus), created.orderStatus);
    const order = await call<SdkLsrOrder>((cb) => numbers.LsrOrder.get(carrier, created.orderId, cb));
    // The client's instance methods use `id`, which its GET does not fill in: callers set it.
    order.id = order.orderId;

    const list = await call<Record<string, unknown>>((cb) =>
      numbers.LsrOrder.list(carrier, { pon: 'SDK-PON-1' }, cb),
    );
    assert.equal(list.totalCount, 1);
    assert.equal((list.lsrOrderSummary as { orderId: string }).orderId, order.orderId);

    const cal = await portingCalendar({ database: r.database });
    const later = addBusinessDays(cal, easternDay(Date.now()), 4);
    await call((cb) => order.update({ requestedFocDate: later }, cb));
    const supped = await call<SdkLsrOrder>((cb) => numbers.LsrOrder.get(carrier, order.orderId, cb));
    assert.equal(supped.requestedFocDate, later);
    assert.equal(supped.ponVersion, 1);

    const note = await call<{ id: number; description: string }>((cb) =>
      order.addNote({ userId: 'carrier', description: 'Subscriber confirmed' }, cb),
    );
    assert.equal(note.description, 'Subscriber confirmed');
    assert.equal((await call<unknown[]>((cb) => order.getNotes(cb))).length, 1);
    const history = await call<{ status: string }[]>((cb) => order.getHistory(cb));
    assert.equal(history[0]?.status, 'PENDING');
    assert.ok(history.length >= 2);

    // The owner's side: the demo account's port-out of the two numbers.
    const demo = r.client;
    const portOuts = await call<Record<string, unknown>>((cb) =>
      numbers.PortOut.list(demo, { tn: tns[0] }, cb),
    );
    assert.equal(portOuts.totalCount, 1);
    const row = portOuts.lnpPortInfoForGivenStatus as {
      orderId: string;
      orderType: string;
      countOfTNs: number;
      vendorId: string;
    };
    assert.equal(row.orderType, 'port_out');
    assert.equal(row.countOfTNs, 2);
    assert.equal(row.vendorId, 'TST1');
    const portOut = await call<Record<string, unknown>>((cb) => numbers.PortOut.get(demo, row.orderId, cb));
    assert.equal(portOut.pON, 'SDK-PON-1'); // the client lower-cases only the first letter
    assert.equal(portOut.sPID, 'TST1');
    assert.ok(['NEW', 'SUPP', 'FOC'].includes(String(portOut.portOutStatus)), String(portOut.portOutStatus));

    await call((cb) => order.update({ orderStatus: 'CANCELLED', listOfTelephoneNumbers: {} }, cb));
    const cancelled = await call<SdkLsrOrder>((cb) => numbers.LsrOrder.get(carrier, order.orderId, cb));
    assert.equal(cancelled.orderStatus, 'CANCELLED');
    const after = await call<Record<string, unknown>>((cb) => numbers.PortOut.get(demo, row.orderId, cb));
    assert.equal(after.portOutStatus, 'CANCELLED');
  });
});
