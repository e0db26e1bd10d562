import { XMLParser } from 'fast-xml-parser';
import { createApp, type App, type AppOptions } from '../../src/app.js';
import { loadConfig, type Env } from '../../src/config.js';
import { ManualClock } from '../../src/platform/clock.js';
import type { JobWorker } from '../../src/platform/jobs/worker.js';
import { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from './databases.js';

/** The demo tenant every harness starts with. */
export const DEMO = { accountId: '9900000', username: 'demo', password: 'demo' } as const;

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | number | undefined>;
  readonly body: string;
  /** The body parsed loosely for assertions (values stay strings); empty for a body that is not XML. */
  readonly xml: Record<string, unknown>;
  /** The body's bytes (files: reports, documents). */
  readonly rawBody: Buffer;
}

export interface RequestOptions {
  readonly body?: string;
  /** [user, password]; default the demo user; `null` sends no credentials. */
  readonly auth?: readonly [string, string] | null;
  readonly headers?: Record<string, string>;
  /** Client address (the auth throttle counts failures per address). */
  readonly remoteAddress?: string;
}

const looseParser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, ignoreDeclaration: true });

export function parseLoose(body: string): Record<string, unknown> {
  return body.trim() ? (looseParser.parse(body) as Record<string, unknown>) : {};
}

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export interface Harness {
  readonly app: App;
  readonly db: TestDatabase;
  readonly clock: ManualClock;
  request(method: string, path: string, options?: RequestOptions): Promise<Reply>;
  get(path: string, options?: RequestOptions): Promise<Reply>;
  post(path: string, body: string, options?: RequestOptions): Promise<Reply>;
  put(path: string, body: string, options?: RequestOptions): Promise<Reply>;
  del(path: string, options?: RequestOptions): Promise<Reply>;
  /** Runs every due job (orders, expiries, …) as the worker loop would; returns how many ran. */
  drain(): Promise<number>;
  close(): Promise<void>;
}

export interface HarnessOptions extends TestDatabaseOptions {
  readonly env?: Env;
  /** Override the failed-login throttle (suites that send many wrong passwords on purpose). */
  readonly authThrottle?: AppOptions['authThrottle'];
}

/**
 * A full app (every route, the demo tenant, a manual clock) on a fresh database, driven through
 * Fastify's inject: real routing, parsing, auth and error handling without a socket.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const db = await createTestDatabase(options);
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: db.dataDir,
    INVENTORY_SIZE: '0',
    ...options.env,
  });
  const clock = new ManualClock(Date.parse('2026-12-01T12:00:00.000Z'));
  const app = await createApp(config, {
    database: db.database,
    clock,
    skipReferenceData: true,
    ...(options.authThrottle ? { authThrottle: options.authThrottle } : {}),
  });
  await app.http.ready();

  const request = async (method: string, path: string, o: RequestOptions = {}): Promise<Reply> => {
    const auth = o.auth === undefined ? [DEMO.username, DEMO.password] : o.auth;
    const headers: Record<string, string> = { ...o.headers };
    if (auth) headers.authorization = basic(auth[0], auth[1]);
    if (o.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/xml';
    }
    const res = await app.http.inject({
      method: method as 'GET',
      url: path,
      headers,
      ...(o.remoteAddress ? { remoteAddress: o.remoteAddress } : {}),
      ...(o.body === undefined ? {} : { payload: o.body }),
    });
    const isXml = /^[^;]*[/+]xml\s*(;|$)/.test(String(res.headers['content-type'] ?? 'application/xml'));
    return {
      status: res.statusCode,
      headers: res.headers,
      body: res.body,
      xml: isXml ? parseLoose(res.body) : {},
      rawBody: res.rawPayload,
    };
  };
  return {
    app,
    db,
    clock,
    request,
    get: (p, o) => request('GET', p, o),
    post: (p, b, o) => request('POST', p, { ...o, body: b }),
    put: (p, b, o) => request('PUT', p, { ...o, body: b }),
    del: (p, o) => request('DELETE', p, o),
    drain: () => drainJobs(app.worker),
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** Runs every due job of a worker, as its loop would, until none is due; returns how many ran. */
export async function drainJobs(worker: JobWorker): Promise<number> {
  let ran = 0;
  for (let n = await worker.runDue(); n > 0; n = await worker.runDue()) ran += n;
  return ran;
}

/** Reads a nested value of a loosely parsed body: `at(reply.xml, 'SiteResponse', 'Site', 'Name')`. */
export function at(obj: unknown, ...keys: (string | number)[]): unknown {
  let cur: unknown = obj;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/** The id at the end of a Location header, as every official client extracts it. */
export function idFromLocation(reply: Reply): string {
  const location = reply.headers.location;
  if (typeof location !== 'string')
    throw new Error(`no Location header (status ${reply.status}): ${reply.body}`);
  return location.slice(location.lastIndexOf('/') + 1);
}

/** The ErrorCode (or Code) of an error body, wherever the shape puts it. */
export function errorCode(reply: Reply): string | undefined {
  const find = (o: unknown): string | undefined => {
    if (o === null || typeof o !== 'object') return undefined;
    const rec = o as Record<string, unknown>;
    if (typeof rec.ErrorCode === 'string') return rec.ErrorCode;
    if (typeof rec.Code === 'string') return rec.Code;
    // The LOA file API's failures (fileUploadResponse).
    if (typeof rec.resultCode === 'string' && rec.resultCode !== '0') return rec.resultCode;
    for (const v of Object.values(rec)) {
      const found = find(v);
      if (found) return found;
    }
    return undefined;
  };
  return find(reply.xml);
}
