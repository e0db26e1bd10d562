import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import { at, DEMO, errorCode, startHarness, type Harness } from '../../../test/support/harness.js';
import { CARRIER, fileLsr, inService, setUpCarriers, settle } from '../../../test/support/porting-out.js';
import { notation, shapeOf } from '../../../test/support/xml-shape.js';

/**
 * Reports through HTTP (rows 81–87): the catalogue, an instance of each format produced by its job
 * and opened with an independent reader (CSV parsed, the workbook read back, the PDF's text from
 * pdftotext, the HTML parsed), its figures checked against the API, every parameter rule with its
 * code, 202 while in progress, expiry on the manual clock, and tenant isolation.
 */
const A = `/api/accounts/${DEMO.accountId}`;
const IN_SERVICE = 100001;
const run = promisify(execFile);
const csvRows = (bytes: Buffer): string[][] => {
  const rows: unknown = parseCsv(bytes);
  return rows as string[][];
};

const instance = (format: string, params = '', expires = '') =>
  `<Instance><OutputFormat>${format}</OutputFormat><Parameters>${params}</Parameters>${expires}</Instance>`;
const param = (name: string, ...values: string[]) =>
  `<Parameter><Name>${name}</Name>${values.map((v) => `<Value>${v}</Value>`).join('')}</Parameter>`;

describe('reports', () => {
  let h: Harness;
  let dir = '';
  let inServiceCount = 0;
  before(async () => {
    h = await startHarness({ inventory: 2000, env: { LOG_LEVEL: 'error' } });
    await setUpCarriers(h);
    dir = await mkdtemp(path.join(tmpdir(), 'reports-'));
    const totals = await h.get(`${A}/inserviceNumbers/totals`);
    inServiceCount = Number(at(totals.xml, 'Quantity', 'Count'));
    assert.ok(inServiceCount > 0, totals.body);
  });
  after(async () => {
    await h.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Places an instance, runs its job, and downloads its file. */
  async function produce(format: string, reportId = IN_SERVICE, params = '') {
    const res = await h.post(`${A}/reports/${reportId}/instances`, instance(format, params));
    assert.equal(res.status, 201, res.body);
    assert.equal(res.body, '');
    const location = String(res.headers.location);
    assert.match(location, new RegExp(`/accounts/9900000/reports/${reportId}/instances/[0-9a-f-]{36}$`));
    const path = location.replace(/^https?:\/\/[^/]+/, '');
    const pending = await h.get(`${path}/file`);
    assert.equal(pending.status, 202);
    assert.equal(errorCode(pending), '19048');
    assert.match(pending.body, /^<\?xml[^>]*\?><ReportInstanceFileResponse><ResponseStatus><ErrorCode>19048/);
    await h.drain();
    const got = await h.get(path);
    assert.equal(at(got.xml, 'ReportInstanceResponse', 'Instance', 'Status'), 'Ready', got.body);
    const file = await h.request('GET', `${path}/file`);
    assert.equal(file.status, 200);
    return { path, file, bytes: Buffer.from(file.rawBody) };
  }

  it('lists the catalogue and describes a report with its typed parameters', async () => {
    const list = await h.get(`${A}/reports`);
    assert.equal(list.status, 200);
    const ids = [at(list.xml, 'ReportsResponse', 'Reports', 'Report')]
      .flat()
      .map((r) => (r as { Id: string }).Id);
    assert.ok(ids.includes(String(IN_SERVICE)));
    const one = await h.get(`${A}/reports/100002`);
    assert.equal(
      notation(shapeOf(one.body)),
      'ReportResponse{Report{Id, Name, Parameters{Parameter{Name, Type, Required, Description, MultiSelectAllowed, HelpInformation}, Parameter{Name, Type, Required, Description, MultiSelectAllowed, HelpInformation, ValueFilter, Values{Value{InternalName, DisplayName}+}}, Parameter{Name, Type, Required, Description, MultiSelectAllowed, HelpInformation}+}}}',
    );
    const missing = await h.get(`${A}/reports/999`);
    assert.equal(missing.status, 404);
    assert.equal(errorCode(missing), '19000');
    assert.match(missing.body, /<ReportResponse><ResponseStatus><ErrorCode>19000<\/ErrorCode>/);
  });

  it('produces CSV with a row per number in service, as /inserviceNumbers/totals counts', async () => {
    const { file, bytes } = await produce('csv');
    assert.equal(file.headers['content-type'], 'text/csv; charset=utf-8');
    assert.match(
      String(file.headers['content-disposition']),
      /^attachment; filename=in-service-numbers-[0-9a-f-]{36}\.csv$/,
    );
    const rows = csvRows(bytes);
    assert.equal(rows[0]?.[0], 'Telephone number');
    assert.equal(rows.length - 1, inServiceCount);
    assert.match(rows[1]?.[0] ?? '', /^\d{10}$/);
  });

  it('produces a workbook Excel can read: header row, typed cells, widths', async () => {
    const { file, bytes } = await produce('xls');
    assert.equal(
      file.headers['content-type'],
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    // exceljs types its input as Node's older Buffer.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('Report');
    assert.ok(sheet);
    assert.equal(sheet.getRow(1).getCell(1).value, 'Telephone number');
    assert.equal(sheet.rowCount - 1, inServiceCount);
    assert.equal(typeof sheet.getRow(2).getCell(3).value, 'number');
    assert.ok(sheet.getRow(2).getCell(9).value instanceof Date);
    assert.equal(sheet.getColumn(1).width, 16);
  });

  it('produces a titled PDF whose text pdftotext extracts', async () => {
    const { file, bytes } = await produce('pdf');
    assert.equal(file.headers['content-type'], 'application/pdf');
    const pdf = path.join(dir, 'report.pdf');
    await writeFile(pdf, bytes);
    const { stdout } = await run('pdftotext', ['-layout', pdf, '-']);
    assert.match(stdout, /In-service numbers/);
    assert.match(stdout, /Run at \d{4}-\d{2}-\d{2}T/);
    assert.match(stdout, /AccountId: 9900000/);
    const numbers = stdout.match(/\b\d{10}\b/g) ?? [];
    assert.equal(new Set(numbers).size, inServiceCount);
    assert.match(stdout, /page 1/);
  });

  it('produces a standalone HTML page', async () => {
    const { file, bytes } = await produce('html');
    assert.equal(file.headers['content-type'], 'text/html; charset=utf-8');
    const text = bytes.toString('utf8');
    assert.doesNotMatch(text, /<(script|link)\b/);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(
      text.replace(/^<!DOCTYPE html>\n/, ''),
    ) as Record<string, never>;
    const rows = at(doc, 'html', 'body', 'main', 'table', 'tbody', 'tr') as unknown[];
    assert.equal([rows].flat().length, inServiceCount);
    assert.equal(at(doc, 'html', 'head', 'title'), 'In-service numbers');
  });

  it('runs the order-activity and SIP-peer reports with their parameters', async () => {
    const orders = await produce('csv', 100002, param('OrderType', 'new_number', 'disconnect'));
    const rows = csvRows(orders.bytes);
    assert.ok(
      rows.slice(1).every((r) => r[1] === 'New number order' || r[1] === 'Disconnect'),
      JSON.stringify(rows.slice(0, 3)),
    );
    const peers = await produce('csv', 100003, param('SiteId', '1'));
    const hosts = csvRows(peers.bytes);
    assert.deepEqual(hosts[0], ['Site ID', 'SIP peer ID', 'Host type', 'Host']);
  });

  it('reports inventory by rate center, ports, disconnected numbers, features and history, matching the API', async () => {
    const [ported = 0, gone = 0, named = 0] = await inService(h, 3);
    await fileLsr(h, { tns: [ported] });
    await settle(h);
    const disconnect = await h.post(
      `${A}/disconnects`,
      `<DisconnectTelephoneNumberOrder><DisconnectTelephoneNumberOrderType><TelephoneNumberList><TelephoneNumber>${gone}</TelephoneNumber></TelephoneNumberList></DisconnectTelephoneNumberOrderType></DisconnectTelephoneNumberOrder>`,
    );
    assert.equal(disconnect.status, 201);
    const lidb = await h.post(
      `${A}/lidbs`,
      `<LidbOrder><LidbTnGroups><LidbTnGroup><TelephoneNumbers><TelephoneNumber>${named}</TelephoneNumber></TelephoneNumbers><SubscriberInformation>Acme</SubscriberInformation><UseType>BUSINESS</UseType><Visibility>PUBLIC</Visibility></LidbTnGroup></LidbTnGroups></LidbOrder>`,
    );
    assert.equal(lidb.status, 201);
    await h.drain();
    const total = Number(at((await h.get(`${A}/inserviceNumbers/totals`)).xml, 'Quantity', 'Count'));

    const byRateCenter = csvRows((await produce('csv', 100004)).bytes);
    assert.deepEqual(byRateCenter[0], ['State', 'Rate center', 'LATA', 'Available', 'In service', 'Aging']);
    assert.equal(
      byRateCenter.slice(1).reduce((n, r) => n + Number(r[4]), 0),
      total,
    );
    assert.equal(
      byRateCenter.slice(1).reduce((n, r) => n + Number(r[5]), 0),
      1,
    );
    const nc = csvRows((await produce('csv', 100004, param('State', 'NC'))).bytes);
    assert.ok(nc.slice(1).every((r) => r[0] === 'NC') && nc.length > 1);

    const portOuts = csvRows((await produce('csv', 100005, param('Direction', 'port_out'))).bytes);
    const [portOut] = portOuts.slice(1);
    assert.equal(portOut?.[1], 'Port-out');
    assert.match(portOut?.[3] ?? '', /^\d{4}-\d{2}-\d{2}$/);
    const none = csvRows((await produce('csv', 100005, param('FocToDate', '2020-01-01'))).bytes);
    assert.equal(none.length, 1);

    const disconnected = csvRows((await produce('csv', 100006)).bytes);
    assert.deepEqual(disconnected.slice(1).find((r) => r[0] === String(gone))?.[1], 'Aging');

    const features = csvRows((await produce('csv', 100007, param('Feature', 'LIDB'))).bytes);
    assert.deepEqual(features.slice(1), [[String(named), 'LIDB', 'Acme', '', 'BUSINESS PUBLIC']]);

    const history = csvRows((await produce('csv', 100008, param('TelephoneNumber', String(gone)))).bytes);
    const statuses = history.slice(1).map((r) => r[2]);
    assert.ok(statuses.includes('Inservice') && statuses.includes('Aging'), statuses.join());
    assert.ok(history.slice(1).every((r) => r[1] === String(gone)));
  });

  it('refuses every bad parameter with its code, in ReportInstanceResponse', async () => {
    const cases: [string, string, number][] = [
      [instance('docx'), '19030', IN_SERVICE],
      [instance('csv', param('Nope', '1')), '19033', IN_SERVICE],
      [instance('csv', param('SiteId', '999')), '19043', IN_SERVICE],
      [instance('csv', param('SiteId', '1', '1')), '19057', IN_SERVICE],
      [instance('csv', param('SipPeerId', '12')), '19061', IN_SERVICE],
      [instance('csv', param('AccountId', '9900200')), '19039', IN_SERVICE],
      [instance('csv', param('OrderType', 'bogus')), '19038', 100002],
      [instance('csv', param('OrderType', 'new_number', 'new_number')), '19054', 100002],
      [instance('csv', param('FromDate', '2026-02-30')), '19037', 100002],
      [instance('csv', param('SiteId', '')), '19055', IN_SERVICE],
      [instance('csv', param('FromDate', '2026-12-02') + param('ToDate', '2026-12-01')), '19034', 100006],
      [instance('csv', '', '<ExpiresAt>12/25/2026</ExpiresAt>'), '19059', IN_SERVICE],
      [instance('csv', '', '<ExpiresAt>2099-01-01</ExpiresAt>'), '19046', IN_SERVICE],
    ];
    for (const [body, code, report] of cases) {
      const res = await h.post(`${A}/reports/${report}/instances`, body);
      assert.equal(res.status, 400, body);
      assert.equal(errorCode(res), code, `${body}: ${res.body}`);
      assert.match(res.body, /^<\?xml[^>]*\?><ReportInstanceResponse><ResponseStatus>/);
    }
    const unknown = await h.get(`${A}/reports/${IN_SERVICE}/instances/00000000-0000-4000-8000-000000000000`);
    assert.equal(unknown.status, 404);
    assert.equal(errorCode(unknown), '19019');
  });

  it('lists instances, and expires one at the end of its ExpiresAt day (file deleted)', async () => {
    const day = new Date(h.clock.nowMs() + 86_400_000).toISOString().slice(0, 10);
    const res = await h.post(
      `${A}/reports/${IN_SERVICE}/instances`,
      instance('csv', '', `<ExpiresAt>${day}</ExpiresAt>`),
    );
    assert.equal(res.status, 201, res.body);
    const path = String(res.headers.location).replace(/^https?:\/\/[^/]+/, '');
    await h.drain();
    const id = path.split('/').pop();
    const mine = await h.get(`${A}/reports/${IN_SERVICE}/instances`);
    assert.equal(
      notation(shapeOf(mine.body)),
      'ReportInstancesResponse{Instances{Instance{Id, ReportId, ReportName, OutputFormat, RequestedByUserName, RequestedAt, Parameters{Parameter{Name, Value}}, Status, ExpiresAt}+}}',
    );
    const all = await h.get(`${A}/reports/instances`);
    const ids = [at(all.xml, 'ReportInstancesResponse', 'Instances', 'Instance')]
      .flat()
      .map((i) => (i as { Id: string }).Id);
    assert.ok(ids.includes(String(id)));
    const got = await h.get(path);
    assert.match(
      String(at(got.xml, 'ReportInstanceResponse', 'Instance', 'RequestedAt')),
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/,
    );
    assert.equal(at(got.xml, 'ReportInstanceResponse', 'Instance', 'ExpiresAt'), day);

    h.clock.advance(2 * 86_400_000);
    await h.drain();
    const expired = await h.get(path);
    assert.equal(at(expired.xml, 'ReportInstanceResponse', 'Instance', 'Status'), 'Expired');
    const gone = await h.get(`${path}/file`);
    assert.equal(gone.status, 404);
    assert.equal(errorCode(gone), '19049');
    const parts = await h.app.deps.database.db
      .selectFrom('report_file_parts')
      .select('seq')
      .where('instance_id', '=', String(id))
      .execute();
    assert.deepEqual(parts, []);
  });

  it("keeps each account's instances to its users", async () => {
    const { path } = await produce('csv');
    const asCarrier = { auth: CARRIER.user } as const;
    assert.equal((await h.get(path, asCarrier)).status, 403);
    assert.equal((await h.get(`${path}/file`, asCarrier)).status, 403);
    const other = path.replace(DEMO.accountId, CARRIER.accountId);
    assert.equal((await h.get(other, asCarrier)).status, 404);
    assert.equal((await h.get(`${other}/file`, asCarrier)).status, 404);
  });
});
