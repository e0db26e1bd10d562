import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import JSZip from 'jszip';
import { at, DEMO, errorCode, startHarness, type Harness } from '../../../test/support/harness.js';
import { inService, setUpCarriers, CARRIER } from '../../../test/support/porting-out.js';
import { chargesPage, chargeTotals, ratesOf, setRates } from './index.js';
import { accrueDay, dailyShare } from './charges.js';

/**
 * Billing through HTTP and the business clock: a rate card set by the operator, charges written as
 * events happen (days in service prorated, an NRC per number of a completed order), and the
 * archives built from them (rows 91–96), unzipped and read back: an invoice whose total is the sum
 * of its records, a DID snapshot of each day, BDRs one CSV a month; every status code and error.
 */
const A = `/api/accounts/${DEMO.accountId}`;
const DAY = 86_400_000;
const LOCAL = 310_000; // $0.31 a month: $0.01 a day in December
const rows = (text: string): string[][] => {
  const parsed: unknown = parseCsv(text);
  return parsed as string[][];
};
/** The value, or a failed test saying what was missing. */
function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) assert.fail(`missing: ${what}`);
  return value;
}
const entry = async (zip: JSZip, name: string) =>
  rows(await need(zip.file(name) ?? undefined, name).async('string'));
const report = (type: string, start: string, end: string) =>
  `<BillingReport><Type>${type}</Type><DateRange><StartDate>${start}</StartDate><EndDate>${end}</EndDate></DateRange></BillingReport>`;
const bdr = (start: string, end: string) =>
  `<Bdr><StartDate>${start}</StartDate><EndDate>${end}</EndDate></Bdr>`;
const pathOf = (location: unknown) => String(location).replace(/^https?:\/\/[^/]+/, '');

describe('billing', () => {
  let h: Harness;
  let demoNumbers = 0;
  let kept = 0;
  let gone = 0;
  before(async () => {
    // 2026-12-01 12:00: the demo's numbers are in service since the harness started.
    h = await startHarness({ inventory: 2000, env: { LOG_LEVEL: 'error' } });
    await setUpCarriers(h);
    const deps = h.app.deps;
    await setRates(deps, DEMO.accountId, {
      localMrc: '0.31',
      cnamMrc: '0.62',
      orderNrc: '0.25',
      featureNrc: '0.05',
    });
    demoNumbers = Number(at((await h.get(`${A}/inserviceNumbers/totals`)).xml, 'Quantity', 'Count'));
    [kept = 0, gone = 0] = await inService(h, 2);
    // Dec 5: a caller name on the kept number (a feature order, then its CNAM every day).
    h.clock.advance(4 * DAY);
    await h.drain();
    const lidb = await h.post(
      `${A}/lidbs`,
      `<LidbOrder><LidbTnGroups><LidbTnGroup><TelephoneNumbers><TelephoneNumber>${kept}</TelephoneNumber></TelephoneNumbers><SubscriberInformation>Acme</SubscriberInformation><UseType>BUSINESS</UseType><Visibility>PUBLIC</Visibility></LidbTnGroup></LidbTnGroups></LidbOrder>`,
    );
    assert.equal(lidb.status, 201, lidb.body);
    await h.drain();
    // Dec 10 12:00: the other one disconnected.
    h.clock.advance(5 * DAY);
    await h.drain();
    const disconnect = await h.post(
      `${A}/disconnects`,
      `<DisconnectTelephoneNumberOrder><DisconnectTelephoneNumberOrderType><TelephoneNumberList><TelephoneNumber>${gone}</TelephoneNumber></TelephoneNumberList></DisconnectTelephoneNumberOrderType></DisconnectTelephoneNumberOrder>`,
    );
    assert.equal(disconnect.status, 201, disconnect.body);
    await h.drain();
    // Into January: every day of December accrued, in turn.
    h.clock.set(Date.parse('2027-01-01T06:00:00Z'));
    await h.drain();
  });
  after(() => h.close());

  async function build(type: string, start: string, end: string) {
    const res = await h.post(`${A}/billingreports`, report(type, start, end));
    assert.equal(res.status, 201, res.body);
    assert.equal(at(res.xml, 'BillingReportCreationResponse', 'ReportStatus'), 'RECEIVED');
    const location = pathOf(res.headers.location);
    assert.match(location, /\/accounts\/9900000\/billingreports\/[0-9a-f-]{36}$/);
    const pending = await h.get(location);
    assert.equal(at(pending.xml, 'BillingReportRetrievalResponse', 'ReportStatus'), 'PROCESSING');
    assert.equal(pending.headers.location, undefined);
    const early = await h.get(`${location}/file`);
    assert.equal(early.status, 202);
    assert.equal(errorCode(early), '15602');
    await h.drain();
    const done = await h.get(location);
    assert.equal(done.status, 200);
    assert.equal(at(done.xml, 'BillingReportRetrievalResponse', 'ReportStatus'), 'COMPLETED');
    assert.equal(pathOf(done.headers.location), `${location}/file`);
    const file = await h.get(`${location}/file`);
    assert.equal(file.status, 200);
    assert.equal(file.headers['content-type'], 'application/zip');
    assert.equal(
      file.headers['content-disposition'],
      `attachment; filename=${(type === 'STMTBDR' ? 'STATEMENT_BDR' : type).toLowerCase()}_${start}_${end}.zip`,
    );
    const zip = await JSZip.loadAsync(file.rawBody);
    const files = new Map<string, string[][]>();
    for (const name of Object.keys(zip.files)) files.set(name, await entry(zip, name));
    return files;
  }

  it('accrues each day in service at the day’s share of the monthly rate, and an NRC per number of a completed order', async () => {
    const db = h.app.deps.database.db;
    const q = { accountId: DEMO.accountId, from: '2026-12-01', to: '2026-12-31' };
    const mine = async (tn: number) => (await chargesPage(db, q, undefined, 1000)).filter((c) => c.tn === tn);
    const keptCharges = await mine(kept);
    const goneCharges = await mine(gone);
    const days = (cs: typeof keptCharges, kind: string) =>
      cs.filter((c) => c.kind === kind).map((c) => c.date);
    // Ordered Dec 1 at noon, in service every day to the 31st: the whole monthly rate, to the micro.
    assert.equal(days(keptCharges, 'LOCAL_MRC').length, 31);
    assert.equal(
      keptCharges.filter((c) => c.kind === 'LOCAL_MRC').reduce((n, c) => n + c.amount, 0),
      LOCAL,
    );
    // Disconnected Dec 10 at noon: Dec 1 to Dec 9, prorated to the day.
    assert.deepEqual(days(goneCharges, 'LOCAL_MRC'), [
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
    ]);
    // Caller name from Dec 5: 27 days at $0.62 / 31.
    assert.equal(days(keptCharges, 'CNAM_MRC').length, 27);
    assert.equal(days(keptCharges, 'CNAM_MRC')[0], '2026-12-05');
    assert.ok(keptCharges.filter((c) => c.kind === 'CNAM_MRC').every((c) => c.amount === 20_000));
    // The orders: $0.25 per number ordered, $0.05 for the LIDB order; the disconnect is free.
    assert.deepEqual(
      [...keptCharges, ...goneCharges]
        .filter((c) => c.kind.endsWith('_NRC'))
        .map((c) => [c.kind, c.date, c.amount]),
      [
        ['ORDER_NRC', '2026-12-01', 250_000],
        ['FEATURE_NRC', '2026-12-05', 50_000],
        ['ORDER_NRC', '2026-12-01', 250_000],
      ],
    );
    const totals = await chargeTotals(db, q);
    const local = totals.find((t) => t.kind === 'LOCAL_MRC');
    assert.equal(local?.count, demoNumbers * 31 + 31 + 9);
    assert.equal(dailyShare(LOCAL, '2026-12-07'), 10_000);
    // Any monthly rate: a whole month's shares add up to it exactly, whatever its days.
    for (const month of ['2026-11', '2026-12', '2027-02', '2028-02']) {
      const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).getUTCDate();
      let sum = 0;
      for (let d = 1; d <= days; d++) sum += dailyShare(350_000, `${month}-${String(d).padStart(2, '0')}`);
      assert.equal(sum, 350_000, month);
    }
  });

  it('never writes a day twice, and keeps what it wrote when the rates change', async () => {
    const deps = h.app.deps;
    const q = { accountId: DEMO.accountId, from: '2026-12-31', to: '2026-12-31' };
    const before = await chargesPage(deps.database.db, q, undefined, 1000);
    await setRates(deps, DEMO.accountId, { localMrc: '9.99' });
    await accrueDay(deps, '2026-12-31', () => Promise.resolve());
    assert.deepEqual(await chargesPage(deps.database.db, q, undefined, 1000), before);
    await setRates(deps, DEMO.accountId, { localMrc: '0.31' });
    assert.equal((await ratesOf(deps.database.db, DEMO.accountId)).source, 'account');
    assert.equal((await ratesOf(deps.database.db, CARRIER.accountId)).source, 'built-in');
  });

  it('keeps a free day in service (for the DID snapshot) but writes no free feature charge', async () => {
    const deps = h.app.deps;
    await setRates(deps, DEMO.accountId, { localMrc: '0', cnamMrc: '0' });
    await accrueDay(deps, '2027-01-01', () => Promise.resolve());
    const q = { accountId: DEMO.accountId, from: '2027-01-01', to: '2027-01-01' };
    const day = await chargesPage(deps.database.db, q, undefined, 1000);
    assert.equal(day.filter((c) => c.kind === 'LOCAL_MRC').length, demoNumbers + 1);
    assert.ok(day.every((c) => c.amount === 0));
    assert.equal(day.filter((c) => c.kind === 'CNAM_MRC').length, 0);
    await setRates(deps, DEMO.accountId, { localMrc: '0.31', cnamMrc: '0.62' });
  });

  it('builds an invoice whose total is the sum of its records, and the records themselves', async () => {
    const files = await build('INVOICE', '2026-12-01', '2026-12-31');
    assert.deepEqual(
      [...files.keys()],
      ['invoice_2026-12-01_2026-12-31_records.csv', 'invoice_2026-12-01_2026-12-31.csv'],
    );
    const summary = need(files.get('invoice_2026-12-01_2026-12-31.csv'), 'invoice_2026-12-01_2026-12-31.csv');
    const records = need(
      files.get('invoice_2026-12-01_2026-12-31_records.csv'),
      'invoice_2026-12-01_2026-12-31_records.csv',
    );
    assert.deepEqual(summary[0], ['ChargeType', 'Description', 'Quantity', 'Amount']);
    assert.deepEqual(records[0], [
      'Date',
      'AccountId',
      'TelephoneNumber',
      'ChargeType',
      'Description',
      'Amount',
      'OrderId',
    ]);
    const micros = (dollars: string) => Math.round(Number(dollars) * 1_000_000);
    const sum = records.slice(1).reduce((n, r) => n + micros(r[5] ?? ''), 0);
    const total = need(summary[summary.length - 1], 'TOTAL');
    assert.equal(total[0], 'TOTAL');
    assert.equal(Number(total[2]), records.length - 1);
    assert.equal(micros(total[3] ?? ''), sum);
    // Each kind's line is the sum of its records.
    for (const line of summary.slice(1, -1)) {
      const of = records.slice(1).filter((r) => r[3] === line[0]);
      assert.equal(Number(line[2]), of.length, line[0]);
      assert.equal(
        micros(line[3] ?? ''),
        of.reduce((n, r) => n + micros(r[5] ?? ''), 0),
        line[0],
      );
    }
    const local = need(
      summary.find((l) => l[0] === 'LOCAL_MRC'),
      'LOCAL_MRC',
    );
    assert.equal(local[3], ((demoNumbers * 31 + 40) * 0.01).toFixed(6));
  });

  it('builds a DID snapshot of the numbers in service on each day', async () => {
    const files = await build('DID_SNAPSHOT', '2026-12-09', '2026-12-10');
    const snapshot = need(
      files.get('did_snapshot_2026-12-09_2026-12-10.csv'),
      'did_snapshot_2026-12-09_2026-12-10.csv',
    );
    assert.deepEqual(snapshot[0], ['Date', 'TelephoneNumber', 'NumberType', 'AccountId']);
    const on = (day: string) => snapshot.filter((r) => r[0] === day).map((r) => r[1]);
    assert.equal(on('2026-12-09').length, demoNumbers + 2);
    assert.equal(on('2026-12-10').length, demoNumbers + 1);
    assert.ok(on('2026-12-09').includes(String(gone)) && !on('2026-12-10').includes(String(gone)));
    assert.ok(snapshot.slice(1).every((r) => r[2] === 'LOCAL' && r[3] === DEMO.accountId));
  });

  it('builds BDRs of the range, statements of whole months, and MDRs of no messages', async () => {
    const bdrFiles = await build('BDR', '2026-12-09', '2026-12-10');
    const detail = need(bdrFiles.get('bdr_2026-12-09_2026-12-10.csv'), 'bdr_2026-12-09_2026-12-10.csv');
    assert.ok(detail.slice(1).every((r) => r[0] === '2026-12-09' || r[0] === '2026-12-10'));
    assert.equal(detail.length - 1, demoNumbers + 2 + (demoNumbers + 1) + 2 /* CNAM */);
    // Bandwidth's short name for it (STMTBDR) is taken too.
    const statement = await build('STMTBDR', '2026-12-09', '2026-12-10');
    assert.deepEqual([...statement.keys()], ['statement_bdr_2026-12.csv']);
    assert.ok(
      need(statement.get('statement_bdr_2026-12.csv'), 'statement_bdr_2026-12.csv').some(
        (r) => r[0] === '2026-12-31',
      ),
    );
    const mdr = await build('MDR', '2026-12-01', '2026-12-31');
    assert.deepEqual(mdr.get('mdr_2026-12-01_2026-12-31.csv'), [
      ['Date', 'AccountId', 'From', 'To', 'Direction', 'Segments', 'Amount'],
    ]);
  });

  it('answers BDR requests 202, then 200 while building and 303 to the file, one CSV a month', async () => {
    const res = await h.post(`${A}/bdrs`, bdr('2026-11-20', '2026-12-02'));
    assert.equal(res.status, 202, res.body);
    assert.equal(
      at(res.xml, 'BdrCreationResponse', 'Info'),
      'Your BDR archive is currently being constructed',
    );
    const location = pathOf(res.headers.location);
    assert.match(location, /\/accounts\/9900000\/bdrs\/[0-9a-f-]{36}$/);
    const building = await h.get(location);
    assert.equal(building.status, 200);
    assert.match(String(at(building.xml, 'BdrCreationResponse', 'Info')), /still being constructed/);
    await h.drain();
    const ready = await h.get(location);
    assert.equal(ready.status, 303);
    assert.equal(ready.body, '');
    assert.equal(pathOf(ready.headers.location), `${location}/file`);
    const file = await h.get(`${location}/file`);
    assert.equal(file.status, 200);
    assert.equal(file.headers['content-disposition'], 'attachment; filename=bdrs_2026-11-20_2026-12-02.zip');
    const zip = await JSZip.loadAsync(file.rawBody);
    assert.deepEqual(Object.keys(zip.files), ['bdr_2026-11.csv', 'bdr_2026-12.csv']);
    const december = await entry(zip, 'bdr_2026-12.csv');
    assert.deepEqual([...new Set(december.slice(1).map((r) => r[0]))], ['2026-12-01', '2026-12-02']);
    // November: before the server started, no charges; the header alone.
    assert.equal((await entry(zip, 'bdr_2026-11.csv')).length, 1);
  });

  it('refuses bad dates (400 15501, 15503), a bad type (15600), malformed ids (1008) and others’ ids (404)', async () => {
    const cases: [string, string, number, string][] = [
      [`${A}/billingreports`, report('BDR', '2026-12-10', '2026-12-01'), 400, '15501'],
      [`${A}/billingreports`, report('BDR', '2026-02-30', '2026-12-01'), 400, '15503'],
      [`${A}/billingreports`, '<BillingReport><Type>BDR</Type></BillingReport>', 400, '15503'],
      [`${A}/billingreports`, report('CDR', '2026-12-01', '2026-12-02'), 400, '15600'],
      [`${A}/billingreports`, report('BDR', '2026-13-01', '2026-12-02'), 400, '15503'],
      [`${A}/billingreports`, report('BDR', '1999-12-31', '2026-12-02'), 400, '15503'],
      [`${A}/billingreports`, report('BDR', '0000-01-01', '9999-12-31'), 400, '15503'],
      [`${A}/bdrs`, bdr('2026-12-01', '2026-12-32'), 400, '15503'],
      [`${A}/bdrs`, bdr('2015-06-01', '2015-04-30'), 400, '15501'],
      [`${A}/bdrs`, bdr('yesterday', '2015-04-30'), 400, '15503'],
    ];
    for (const [path, body, status, code] of cases) {
      const res = await h.post(path, body);
      assert.equal(res.status, status, body);
      assert.equal(errorCode(res), code, body);
    }
    const range = await h.post(`${A}/billingreports`, report('BDR', '2014-05-21', '2013-05-29'));
    assert.equal(
      range.body.replace(/\s+/g, ''),
      '<?xmlversion="1.0"encoding="UTF-8"standalone="yes"?><BillingReportCreationResponse><ResponseStatus><ErrorCode>15501</ErrorCode><Description>Invaliddaterange.Startdate2014-05-21mustbebeforeenddate2013-05-29</Description></ResponseStatus></BillingReportCreationResponse>',
    );
    const malformed = await h.get(`${A}/billingreports/9b428b4c-159b-465f-9667-`);
    assert.equal(malformed.status, 400);
    assert.equal(errorCode(malformed), '1008');
    assert.ok(at(malformed.xml, 'BillingReportRetrievalResponse', 'ResponseStatus'));
    const unknown = await h.get(`${A}/billingreports/00000000-0000-4000-8000-000000000000/file`);
    assert.equal(unknown.status, 404);
    assert.equal(errorCode(unknown), '15603');
    assert.ok(at(unknown.xml, 'BillingReportArchiveRetrievalResponse', 'ResponseStatus'));
    const badBdr = await h.get(`${A}/bdrs/44a90e00-a7b6asdfsdafasdfdasf-6659-9112-e7f5dfa48231`);
    assert.equal(badBdr.status, 400);
    assert.ok(at(badBdr.xml, 'BdrRetrievalResponse', 'ResponseStatus'));
    const missingBdr = await h.get(`${A}/bdrs/00000000-0000-4000-8000-000000000000`);
    assert.equal(missingBdr.status, 404);
    assert.equal(errorCode(missingBdr), '15001');

    // Another tenant's archive is not found on its own account, and its account is not theirs.
    const mine = await h.post(`${A}/bdrs`, bdr('2026-12-01', '2026-12-01'));
    const id = pathOf(mine.headers.location).split('/').pop();
    const theirs = await h.get(`/api/accounts/${CARRIER.accountId}/bdrs/${id}`, { auth: CARRIER.user });
    assert.equal(theirs.status, 404);
    const foreign = await h.get(pathOf(mine.headers.location), { auth: CARRIER.user });
    assert.ok(foreign.status === 403 || foreign.status === 404, String(foreign.status));
  });
});
