import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PDF, portableNumbers } from '../src/features/portins/portins.fixtures.js';
import {
  call,
  failure,
  numbers as sdk,
  startOfficialClientRun,
  type Callback,
  type OfficialClientRun,
} from './support/official-client.js';

/**
 * Porting in through Bandwidth's official Node client, @bandwidth/numbers 2.0.0 from npm, unchanged,
 * against the real server as `npm start` runs it: the LNP checker, and every PortIn call the client
 * has (create, get, list, update, tns, areaCodes, npaNxx, totals, history, activation status, notes,
 * LOA upload, list, get, metadata, replace, cancel).
 */
interface SdkPortIn {
  id: string;
  orderId: string;
  processingStatus: string;
  update(data: Record<string, unknown>, cb: Callback<unknown>): void;
  delete(cb: Callback<unknown>): void;
  getTns(cb: Callback<{ count: number; telephoneNumber: string | string[] }>): void;
  getAreaCodes(cb: Callback<{ areaCode: number; count: number }[]>): void;
  getNpaNxx(cb: Callback<{ count: number }[]>): void;
  getTotals(cb: Callback<unknown[]>): void;
  getHistory(cb: Callback<{ status: string }[]>): void;
  getNotes(cb: Callback<{ id: number; description: string }[]>): void;
  addNote(
    note: { userId: string; description: string },
    cb: Callback<{ id: number; description: string }>,
  ): void;
  getActivationStatus(cb: Callback<{ activationStatus: Record<string, unknown> }>): void;
  createFile(file: Buffer, mediaType: string, cb: Callback<string>): void;
  updateFile(name: string, file: Buffer, mediaType: string, cb: Callback<unknown>): void;
  getFiles(metadata: boolean, cb: Callback<{ fileName: string } | { fileName: string }[]>): void;
  getFileMetadata(name: string, cb: Callback<{ documentType: string; documentName?: string }>): void;
  updateFileMetadata(name: string, meta: Record<string, string>, cb: Callback<unknown>): void;
  /** A superagent request for the file, as the client returns it. */
  getFile(name: string): FileRequest;
}
interface FileRequest extends PromiseLike<{ body: Buffer; headers: Record<string, string> }> {
  buffer(on: boolean): FileRequest;
  parse(
    parser: (res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void) => void,
  ): FileRequest;
}
interface Sdk {
  LnpChecker: {
    check(client: object, tns: string[], full: boolean, cb: Callback<Record<string, unknown>>): void;
  };
  PortIn: {
    create(client: object, data: Record<string, unknown>, cb: Callback<SdkPortIn>): void;
    get(client: object, id: string, cb: Callback<SdkPortIn>): void;
    list(client: object, query: Record<string, unknown>, cb: Callback<Record<string, unknown>>): void;
  };
}
const numbers = sdk as Sdk;

describe('the official Node client porting numbers in (@bandwidth/numbers 2.0.0)', () => {
  let run: OfficialClientRun;
  let client: object;
  let tns: string[] = [];
  before(async () => {
    run = await startOfficialClientRun();
    client = run.client;
    tns = await portableNumbers(run.database.db, 2);
  });
  after(() => run.stop());

  const order = (list: string[]) => ({
    siteId: 1,
    billingTelephoneNumber: list[0],
    subscriber: {
      subscriberType: 'BUSINESS',
      businessName: 'Acme Corporation',
      serviceAddress: {
        houseNumber: '1623',
        streetName: 'Brockton Ave',
        city: 'Raleigh',
        stateCode: 'NC',
        zip: '27601',
      },
    },
    loaAuthorizingPerson: 'John Doe',
    wirelessInfo: { accountNumber: '771297665', pinNumber: '1234' },
    listOfPhoneNumbers: { phoneNumber: list },
    triggered: false,
    billingType: 'PORTIN',
  });

  it('checks portability with LnpChecker.check', async () => {
    const res = await call<Record<string, unknown>>((cb) => numbers.LnpChecker.check(client, tns, true, cb));
    assert.equal(res.portType, 'AUTOMATED');
    assert.ok(res.supportedLosingCarriers);
  });

  it('creates, reads, lists, supps, reports on, notes and cancels a port-in, with its LOA files', async () => {
    const created = await call<SdkPortIn>((cb) => numbers.PortIn.create(client, order(tns), cb));
    assert.match(created.id, /^[0-9a-f-]{36}$/);
    assert.equal(created.processingStatus, 'PENDING_DOCUMENTS');
    const portIn = await call<SdkPortIn>((cb) => numbers.PortIn.get(client, created.id, cb));
    assert.equal(portIn.id, created.id);
    assert.equal(portIn.processingStatus, 'PENDING_DOCUMENTS');
    const list = await call<Record<string, unknown>>((cb) =>
      numbers.PortIn.list(client, { page: 1, size: 10 }, cb),
    );
    assert.equal(list.totalCount, 1);
    await call((cb) => portIn.update({ customerOrderId: 'Supp 1', loaAuthorizingPerson: 'Jane Doe' }, cb));
    const tnsReport = await call<{ count: number }>((cb) => portIn.getTns(cb));
    assert.equal(tnsReport.count, 2);
    const areaCodes = await call<{ areaCode: number; count: number }[]>((cb) => portIn.getAreaCodes(cb));
    assert.equal(areaCodes[0]?.count, 2);
    const npaNxx = await call<{ count: number }[]>((cb) => portIn.getNpaNxx(cb));
    assert.equal(npaNxx[0]?.count, 2);
    await call((cb) => portIn.getTotals(cb));
    const note = await call<{ id: number; description: string }>((cb) =>
      portIn.addNote({ userId: 'demo', description: 'Customer sent the bill' }, cb),
    );
    assert.equal(note.description, 'Customer sent the bill');
    assert.equal((await call<{ id: number }[]>((cb) => portIn.getNotes(cb))).length, 1);

    const file = await call<string>((cb) => portIn.createFile(PDF, 'application/pdf', cb));
    assert.match(file, new RegExp(`^${created.id}-\\d+\\.pdf$`));
    const files = await call<{ fileName: string } | { fileName: string }[]>((cb) =>
      portIn.getFiles(true, cb),
    );
    assert.equal((Array.isArray(files) ? files : [files])[0]?.fileName, file);
    await call((cb) =>
      portIn.updateFileMetadata(file, { documentName: 'Signed LOA', documentType: 'LOA' }, cb),
    );
    const meta = await call<{ documentType: string; documentName?: string }>((cb) =>
      portIn.getFileMetadata(file, cb),
    );
    assert.deepEqual(meta, { documentName: 'Signed LOA', documentType: 'LOA' });
    await call((cb) => portIn.updateFile(file, PDF, 'application/pdf', cb));
    // The client hands back its HTTP request; read the bytes as they come.
    const bytes = await portIn
      .getFile(file)
      .buffer(true)
      .parse((res, cb) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => cb(null, Buffer.concat(parts)));
      });
    assert.equal(bytes.headers['content-type'], 'application/pdf');
    assert.deepEqual(bytes.body, PDF);

    const submitted = await call<SdkPortIn>((cb) => numbers.PortIn.get(client, created.id, cb));
    assert.equal(submitted.processingStatus, 'SUBMITTED');
    const activation = await call<{ activationStatus: Record<string, unknown> }>((cb) =>
      portIn.getActivationStatus(cb),
    );
    assert.ok(activation.activationStatus);
    const history = await call<{ status: string }[]>((cb) => portIn.getHistory(cb));
    assert.deepEqual(
      history.map((e) => e.status),
      ['PENDING_DOCUMENTS', 'PENDING_DOCUMENTS', 'SUBMITTED'],
    );
    await call((cb) => portIn.delete(cb));
    assert.equal(
      (await call<SdkPortIn>((cb) => numbers.PortIn.get(client, created.id, cb))).processingStatus,
      'REQUESTED_CANCEL',
    );
  });

  it('surfaces a refused port-in as the client error with the documented code', async () => {
    const err = await failure(
      call((cb) => numbers.PortIn.create(client, { ...order(tns), siteId: 999 }, cb)),
    );
    assert.equal(err.status ?? err.httpStatus, 400);
  });
});
