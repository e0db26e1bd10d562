import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
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
import { availableTns } from '../../../test/support/inventory.js';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { ManualClock } from '../../platform/clock.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { createAccount } from '../accounts/index.js';
import { assignNumbers } from '../assignments/index.js';
import { numberHistoryOf as historyOf } from '../inventory/index.js';
import { TnStatus } from '../../shared/tn-status.js';
import { createUser } from '../users/index.js';
import { RESERVATION_EXPIRY_JOB, reservationExpiryJob } from './reservations.jobs.js';
import { insertActiveReservation } from './reservations.store.js';

const DEMO_PATH = '/api/accounts/9900000/tnreservation';
const RIVAL_PATH = '/api/accounts/9900600/tnreservation';
const RIVAL = ['rival', 'rival-secret'] as const;
const HOUR = 3_600_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const reservationXml = (tn: number | string) => `<Reservation><ReservedTn>${tn}</ReservedTn></Reservation>`;

describe(`TN reservations on ${DIALECT}`, () => {
  let h: Harness;
  let pool: number[];
  let inService: number;

  before(async () => {
    h = await startHarness({ inventory: 30_000 });
    await createAccount(h.app.deps, { id: '9900600', companyName: 'Rival Co' });
    await createUser(h.app.deps, { username: RIVAL[0], password: RIVAL[1], accounts: ['9900600'] });
    const db = h.app.deps.database.db;
    pool = await availableTns(db, 60, { placed: true });
    const used = await db
      .selectFrom('telephone_numbers')
      .select('tn')
      .where('status', '=', TnStatus.inService)
      .executeTakeFirstOrThrow();
    inService = used.tn;
  });
  after(() => h.close());

  /** A fresh available number for each test (they share one database and one clock). */
  const nextTn = (): number => {
    const tn = pool.shift();
    if (tn === undefined) throw new Error('test pool exhausted');
    return tn;
  };
  const numberRow = (tn: number) =>
    h.app.deps.database.db
      .selectFrom('telephone_numbers')
      .selectAll()
      .where('tn', '=', tn)
      .executeTakeFirstOrThrow();
  const reservationRow = (id: string) =>
    h.app.deps.database.db
      .selectFrom('tn_reservations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const drain = (worker = h.app.worker) => drainJobs(worker);
  const reserve = async (tn: number, path = DEMO_PATH, auth?: readonly [string, string]): Promise<string> => {
    const res = await h.post(path, reservationXml(tn), auth ? { auth } : {});
    assert.equal(res.status, 201, res.body);
    return idFromLocation(res);
  };
  const expectError = (res: Reply, status: number, code: string) => {
    assert.equal(res.status, status, res.body);
    assert.equal(errorCode(res), code, res.body);
    assert.ok(at(res.xml, 'ReservationResponse', 'ResponseStatus', 'Description'), res.body);
  };

  it('reserves an available number: 201, no body, Location ending in a UUID, then GET shows it', async () => {
    const tn = nextTn();
    const res = await h.post(DEMO_PATH, reservationXml(tn));
    assert.equal(res.status, 201, res.body);
    assert.equal(res.body, '');
    const location = res.headers.location as string;
    assert.match(
      location,
      /^http:\/\/localhost(:\d+)?\/api\/accounts\/9900000\/tnreservation\/[0-9a-f-]{36}$/,
    );
    const id = idFromLocation(res);
    assert.match(id, UUID);

    const got = await h.get(`${DEMO_PATH}/${id}`);
    assert.equal(got.status, 200);
    assert.deepEqual(at(got.xml, 'ReservationResponse', 'Reservation'), {
      Id: id,
      ReservationId: id,
      AccountId: '9900000',
      ReservationExpires: '14400',
      ReservedTn: String(tn),
    });
    assert.match(
      got.body,
      /<Reservation><Id>.*<ReservationId>.*<AccountId>.*<ReservationExpires>.*<ReservedTn>/,
    );

    const number = await numberRow(tn);
    assert.equal(number.status, TnStatus.reserved);
    assert.equal(number.reservation_id, id);
    assert.equal(number.account_id, '9900000');
    const history = await historyOf(h.app.deps.database.db, tn);
    assert.deepEqual(
      history.map((r) => [r.status, r.account_id, r.user_id]),
      [[TnStatus.reserved, '9900000', 'demo']],
    );
    const row = await reservationRow(id);
    assert.equal(row.state, 'active');
    assert.equal(row.expires_at, new Date(h.clock.nowMs() + 4 * HOUR).toISOString());
  });

  it('counts ReservationExpires down in whole seconds of business time', async () => {
    const id = await reserve(nextTn());
    h.clock.advance(1_000_000);
    const got = await h.get(`${DEMO_PATH}/${id}`);
    assert.equal(at(got.xml, 'ReservationResponse', 'Reservation', 'ReservationExpires'), '13400');
    h.clock.advance(500);
    const later = await h.get(`${DEMO_PATH}/${id}`);
    assert.equal(at(later.xml, 'ReservationResponse', 'Reservation', 'ReservationExpires'), '13400');
  });

  it('answers under /v1.0 with a /v1.0 Location, and accepts +1 and an upper-case id', async () => {
    const tn = nextTn();
    const res = await h.post('/v1.0/accounts/9900000/tnreservation', reservationXml(`+1${tn}`));
    assert.equal(res.status, 201, res.body);
    assert.match(res.headers.location as string, /\/v1\.0\/accounts\/9900000\/tnreservation\/[0-9a-f-]{36}$/);
    const got = await h.get(`${DEMO_PATH}/${idFromLocation(res).toUpperCase()}`);
    assert.equal(got.status, 200);
    assert.equal(at(got.xml, 'ReservationResponse', 'Reservation', 'ReservedTn'), String(tn));
  });

  it('refuses unknown (5040) and unavailable (5041) numbers with 400 ReservationResponse', async () => {
    expectError(await h.post(DEMO_PATH, reservationXml(2015550100)), 400, '5040');
    const notAvailable = await h.post(DEMO_PATH, reservationXml(inService));
    expectError(notAvailable, 400, '5041');
    assert.equal(
      at(notAvailable.xml, 'ReservationResponse', 'ResponseStatus', 'Description'),
      `Reservation failed: telephone number ${inService} is not available.`,
    );
    const tn = nextTn();
    await reserve(tn);
    expectError(await h.post(DEMO_PATH, reservationXml(tn)), 400, '5041');
  });

  it('refuses a body without a number or with several (5044) and a malformed number (5045)', async () => {
    expectError(await h.post(DEMO_PATH, '<Reservation></Reservation>'), 400, '5044');
    expectError(
      await h.post(DEMO_PATH, '<Reservation><ReservedTn> </ReservedTn></Reservation>'),
      400,
      '5044',
    );
    const [a, b] = [nextTn(), nextTn()];
    const two = `<Reservation><ReservedTn>${a}</ReservedTn><ReservedTn>${b}</ReservedTn></Reservation>`;
    expectError(await h.post(DEMO_PATH, two), 400, '5044');
    assert.equal((await numberRow(a)).status, TnStatus.available);
    for (const bad of ['12345', 'abcdefghij', '0195551212', '91955512120']) {
      expectError(await h.post(DEMO_PATH, reservationXml(bad)), 400, '5045');
    }
  });

  it('refuses accounts that may not reserve (5046)', async () => {
    const db = h.app.deps.database.db;
    await db.updateTable('accounts').set({ reservation_allowed: 0 }).where('id', '=', '9900600').execute();
    try {
      const tn = nextTn();
      const res = await h.post(RIVAL_PATH, reservationXml(tn), { auth: RIVAL });
      expectError(res, 400, '5046');
      assert.equal(
        at(res.xml, 'ReservationResponse', 'ResponseStatus', 'Description'),
        'Reservation not allowed for account 9900600 .',
      );
      assert.equal((await numberRow(tn)).status, TnStatus.available);
    } finally {
      await db.updateTable('accounts').set({ reservation_allowed: 1 }).where('id', '=', '9900600').execute();
    }
  });

  it('keeps a reservation to its account: other tenants get 404/403 and cannot take the number', async () => {
    const tn = nextTn();
    const id = await reserve(tn);
    // Through the rival's own account: the id does not exist there.
    expectError(await h.get(`${RIVAL_PATH}/${id}`, { auth: RIVAL }), 404, '5042');
    expectError(await h.del(`${RIVAL_PATH}/${id}`, { auth: RIVAL }), 404, '5042');
    // Through the demo account: not theirs to see.
    assert.equal((await h.get(`${DEMO_PATH}/${id}`, { auth: RIVAL })).status, 403);
    assert.equal((await h.del(`${DEMO_PATH}/${id}`, { auth: RIVAL })).status, 403);
    // The number is held.
    expectError(await h.post(RIVAL_PATH, reservationXml(tn), { auth: RIVAL }), 400, '5041');
    assert.equal((await h.get(`${DEMO_PATH}/${id}`)).status, 200);
  });

  it('shows GET /tns/{tn}/tnreservation only to users of the reserving account', async () => {
    const tn = nextTn();
    const id = await reserve(tn);
    const mine = await h.get(`/api/tns/${tn}/tnreservation`);
    assert.equal(mine.status, 200, mine.body);
    assert.deepEqual(at(mine.xml, 'TNReservation'), {
      ReservationID: id,
      Account: '9900000',
      ReservationExpires: '14400',
      ReservedTN: String(tn),
    });
    assert.match(mine.body, /<TNReservation><ReservationID>.*<Account>.*<ReservationExpires>.*<ReservedTN>/);
    expectError(await h.get(`/api/tns/${tn}/tnreservation`, { auth: RIVAL }), 404, '5043');
    // Unreserved, unknown and malformed numbers look the same.
    expectError(await h.get(`/api/tns/${nextTn()}/tnreservation`), 404, '5043');
    expectError(await h.get(`/api/tns/${inService}/tnreservation`), 404, '5043');
    expectError(await h.get('/api/tns/12/tnreservation'), 404, '5043');
  });

  it("hides a reserved number from every account's searches until it is released", async () => {
    let tn = nextTn();
    while ((await numberRow(tn)).protected) tn = nextTn();
    const npaNxx = String(tn).slice(0, 6);
    const search = async (path: string, auth?: readonly [string, string]) => {
      const res = await h.get(
        `${path}/availableNumbers?npaNxx=${npaNxx}&LCA=false&quantity=5000`,
        auth ? { auth } : {},
      );
      assert.equal(res.status, 200, res.body);
      const list = at(res.xml, 'SearchResult', 'TelephoneNumberList', 'TelephoneNumber');
      return (list === undefined ? [] : Array.isArray(list) ? list : [list]).map(Number);
    };
    const base = (p: string) => p.replace(/\/tnreservation$/, '');
    assert.ok((await search(base(RIVAL_PATH), RIVAL)).includes(tn), 'searchable before');
    const id = await reserve(tn);
    assert.ok(!(await search(base(RIVAL_PATH), RIVAL)).includes(tn), 'not for another account');
    assert.ok(!(await search(base(DEMO_PATH))).includes(tn), 'nor for the holder: it is not available');
    assert.equal((await h.del(`${DEMO_PATH}/${id}`)).status, 200);
    assert.ok((await search(base(RIVAL_PATH), RIVAL)).includes(tn), 'searchable again');
  });

  it('releases on DELETE: 200, the number is available to anyone, the id is gone', async () => {
    const tn = nextTn();
    const id = await reserve(tn);
    const res = await h.del(`${DEMO_PATH}/${id}`);
    assert.equal(res.status, 200, res.body);
    assert.equal(res.body, '');
    expectError(await h.get(`${DEMO_PATH}/${id}`), 404, '5042');
    expectError(await h.del(`${DEMO_PATH}/${id}`), 404, '5042');
    const number = await numberRow(tn);
    assert.equal(number.status, TnStatus.available);
    assert.equal(number.account_id, null);
    assert.equal(number.reservation_id, null);
    assert.equal((await reservationRow(id)).state, 'released');
    assert.deepEqual(
      (await historyOf(h.app.deps.database.db, tn)).map((r) => r.status),
      [TnStatus.reserved, TnStatus.available],
    );
    await reserve(tn, RIVAL_PATH, RIVAL);
  });

  it('answers 404 5042 for ids that are not UUIDs or do not exist', async () => {
    for (const id of ['abc', '1', '00000000-0000-4000-8000-000000000000', '%27%20or%201%3D1']) {
      expectError(await h.get(`${DEMO_PATH}/${id}`), 404, '5042');
    }
  });

  it('expires after four hours of business time through the durable job', async () => {
    const tn = nextTn();
    const id = await reserve(tn);
    const job = await h.app.deps.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('name', '=', RESERVATION_EXPIRY_JOB)
      .where('payload', 'like', `%${id}%`)
      .executeTakeFirstOrThrow();
    assert.equal(job.status, 'pending');
    assert.equal(job.run_at, h.clock.nowMs() + 4 * HOUR);

    h.clock.advance(4 * HOUR - 1_000);
    await drain();
    assert.equal((await numberRow(tn)).status, TnStatus.reserved, 'not yet');
    const got = await h.get(`${DEMO_PATH}/${id}`);
    assert.equal(at(got.xml, 'ReservationResponse', 'Reservation', 'ReservationExpires'), '1');

    h.clock.advance(1_000);
    expectError(await h.get(`${DEMO_PATH}/${id}`), 404, '5042');
    assert.ok((await drain()) >= 1);
    const number = await numberRow(tn);
    assert.equal(number.status, TnStatus.available);
    assert.equal(number.account_id, null);
    assert.equal(number.reservation_id, null);
    assert.equal((await reservationRow(id)).state, 'expired');
    const done = await h.app.deps.database.db
      .selectFrom('jobs')
      .select('status')
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    assert.equal(done.status, 'done');
  });

  it('leaves a number alone when its reservation was released and the number reserved again', async () => {
    const tn = nextTn();
    const first = await reserve(tn);
    h.clock.advance(HOUR);
    assert.equal((await h.del(`${DEMO_PATH}/${first}`)).status, 200);
    const second = await reserve(tn, RIVAL_PATH, RIVAL);
    h.clock.advance(3 * HOUR); // the first reservation's job is due now
    await drain();
    const number = await numberRow(tn);
    assert.equal(number.status, TnStatus.reserved);
    assert.equal(number.reservation_id, second);
    assert.equal(number.account_id, '9900600');
    assert.equal((await h.get(`${RIVAL_PATH}/${second}`, { auth: RIVAL })).status, 200);
    h.clock.advance(HOUR);
    await drain();
    assert.equal((await numberRow(tn)).status, TnStatus.available);
  });

  it('leaves a number alone when its reservation was used (the number went in service)', async () => {
    const tn = nextTn();
    const id = await reserve(tn);
    const result = await assignNumbers(h.app.deps, { tns: [tn], accountId: '9900000' });
    assert.deepEqual(result.changed, [tn]);
    assert.equal((await reservationRow(id)).state, 'used');
    expectError(await h.get(`${DEMO_PATH}/${id}`), 404, '5042');
    h.clock.advance(4 * HOUR);
    await drain();
    const number = await numberRow(tn);
    assert.equal(number.status, TnStatus.inService);
    assert.equal(number.account_id, '9900000');
  });

  it('keeps a reserved number from being put in service on another account', async () => {
    const tn = nextTn();
    await reserve(tn, RIVAL_PATH, RIVAL);
    const result = await assignNumbers(h.app.deps, { tns: [tn], accountId: '9900000' });
    assert.deepEqual(result.refused, [tn]);
    const number = await numberRow(tn);
    assert.equal(number.status, TnStatus.reserved);
    assert.equal(number.account_id, '9900600');
  });

  it('frees a number whose reservation ran out even before the worker gets to it', async () => {
    const tn = nextTn();
    const first = await reserve(tn);
    h.clock.advance(4 * HOUR);
    // No worker ran: the rival reserves it anyway, and the late job then changes nothing.
    const second = await reserve(tn, RIVAL_PATH, RIVAL);
    assert.equal((await reservationRow(first)).state, 'expired');
    await drain();
    const number = await numberRow(tn);
    assert.equal(number.status, TnStatus.reserved);
    assert.equal(number.reservation_id, second);
  });

  it('does not lose the expiry across a restart: the job is in the database', async () => {
    const tn = nextTn();
    const id = await reserve(tn);
    // A new process on the same database: its own app, worker and clock, nothing in memory shared.
    const clock = new ManualClock(h.clock.nowMs() + 4 * HOUR);
    const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: h.db.dataDir, INVENTORY_SIZE: '0' });
    const restarted = await createApp(config, { database: h.db.database, clock, skipReferenceData: true });
    try {
      await drain(restarted.worker);
      assert.equal((await reservationRow(id)).state, 'expired');
      assert.equal((await numberRow(tn)).status, TnStatus.available);
    } finally {
      await restarted.close();
    }
    h.clock.advance(4 * HOUR);
  });

  it('reschedules, rather than drops, an expiry that runs before its time (clock set back)', async () => {
    const tn = nextTn();
    const id = await reserve(tn);
    const expiresAt = h.clock.nowMs() + 4 * HOUR;
    const early = new ManualClock(h.clock.nowMs() + HOUR);
    const job = reservationExpiryJob(h.app.deps);
    await inTransaction(h.app.deps.database.db, (tx) =>
      job.run({ tx, clock: early, jobId: 0, attempt: 1 }, job.parse({ reservationId: id })),
    );
    assert.equal((await reservationRow(id)).state, 'active');
    const pending = await h.app.deps.database.db
      .selectFrom('jobs')
      .select(['run_at', 'dedupe_key'])
      .where('name', '=', RESERVATION_EXPIRY_JOB)
      .where('payload', 'like', `%${id}%`)
      .where('status', '=', 'pending')
      .execute();
    assert.deepEqual(
      pending.map((j) => j.run_at),
      [expiresAt, expiresAt],
    );
    h.clock.advance(4 * HOUR);
    await drain();
    assert.equal((await reservationRow(id)).state, 'expired');
    assert.equal((await numberRow(tn)).status, TnStatus.available);
    assert.throws(() => job.parse({}), /reservationId/);
  });

  it('lets exactly one of many concurrent reservations of one number win, across accounts', async () => {
    for (let round = 0; round < 3; round++) {
      const tn = nextTn();
      const attempts = Array.from({ length: 12 }, (_, i) =>
        i % 2 === 0
          ? h.post(DEMO_PATH, reservationXml(tn))
          : h.post(RIVAL_PATH, reservationXml(tn), { auth: RIVAL }),
      );
      const replies = await Promise.all(attempts);
      const won = replies.filter((r) => r.status === 201);
      assert.equal(won.length, 1, replies.map((r) => `${r.status} ${r.body}`).join('\n'));
      for (const r of replies.filter((x) => x.status !== 201)) expectError(r, 400, '5041');
      const active = await h.app.deps.database.db
        .selectFrom('tn_reservations')
        .select(['id', 'account_id'])
        .where('tn', '=', tn)
        .where('state', '=', 'active')
        .execute();
      assert.equal(active.length, 1);
      const winner = won[0] as Reply;
      assert.equal(active[0]?.id, idFromLocation(winner));
      assert.equal((await numberRow(tn)).reservation_id, idFromLocation(winner));
      assert.equal((await numberRow(tn)).account_id, active[0]?.account_id);
      const history = await historyOf(h.app.deps.database.db, tn);
      assert.equal(history.length, 1, 'only the winner changed the number');
    }
  });

  it('has the database refuse a second active reservation of a number', async () => {
    const tn = nextTn();
    const id = await reserve(tn);
    const db = h.app.deps.database.db;
    const now = h.clock.now().toISOString();
    const again = { accountId: '9900600', tn, userId: undefined, createdAt: now, expiresAt: now };
    assert.equal(
      await insertActiveReservation(db, { ...again, id: '11111111-1111-4111-8111-111111111111' }),
      false,
    );
    // Even if the number were made available behind the reservation's back, a new one is refused
    // by the index and the number change rolls back.
    await db
      .updateTable('telephone_numbers')
      .set({ status: 0, reservation_id: null })
      .where('tn', '=', tn)
      .execute();
    expectError(await h.post(RIVAL_PATH, reservationXml(tn), { auth: RIVAL }), 400, '5041');
    const number = await numberRow(tn);
    assert.equal(number.status, TnStatus.available);
    assert.equal(number.account_id, '9900000');
    assert.equal((await reservationRow(id)).state, 'active');
  });
});

/** The official Node client: create follows Location with a GET, and delete() uses `this.id`. */
interface SdkReservation {
  id: string;
  reservationId: string;
  accountId: number;
  reservationExpires: number;
  reservedTn: string;
  delete(cb: (err: Error | null) => void): void;
}
interface Sdk {
  Client: new (
    accountId: string,
    user: string,
    password: string,
    clientId?: string,
    clientSecret?: string,
    options?: object,
  ) => object;
  TnReservation: {
    create(client: object, data: object, cb: (err: Error | null, r: SdkReservation) => void): void;
    get(client: object, id: string, cb: (err: Error | null, r: SdkReservation) => void): void;
  };
}

describe('TN reservations through the official Node client (@bandwidth/numbers)', () => {
  let h: Harness;
  let client: object;
  let sdk: Sdk;
  before(async () => {
    h = await startHarness({ inventory: 30_000 });
    const base = await h.app.http.listen({ port: 0, host: '127.0.0.1' });
    sdk = createRequire(import.meta.url)('@bandwidth/numbers') as Sdk;
    client = new sdk.Client('9900000', 'demo', 'demo', undefined, undefined, { apiEndPoint: `${base}/api` });
  });
  after(() => h.close());

  it('creates a reservation, reads it and deletes it', async () => {
    const [highest] = await availableTns(h.app.deps.database.db, 1, { highest: true });
    assert.ok(highest);
    const tn = String(highest);
    const created = await new Promise<SdkReservation>((resolve, reject) =>
      sdk.TnReservation.create(client, { reservedTn: tn }, (err, r) => (err ? reject(err) : resolve(r))),
    );
    assert.match(created.id, UUID);
    assert.equal(created.reservationId, created.id);
    assert.equal(created.accountId, 9900000);
    assert.equal(created.reservedTn, tn);
    assert.equal(created.reservationExpires, 14400);
    await new Promise<void>((resolve, reject) => created.delete((err) => (err ? reject(err) : resolve())));
    const number = await h.app.deps.database.db
      .selectFrom('telephone_numbers')
      .select('status')
      .where('tn', '=', highest)
      .executeTakeFirstOrThrow();
    assert.equal(number.status, TnStatus.available);
    await assert.rejects(
      new Promise((resolve, reject) =>
        sdk.TnReservation.get(client, created.id, (err, r) => (err ? reject(err) : resolve(r))),
      ),
    );
  });
});
