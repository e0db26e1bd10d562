import { createRequire } from 'node:module';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

/**
 * Bandwidth's official Node client, @bandwidth/numbers 2.0.0 from npm, unchanged, against the real
 * server started as `npm start` starts it. The server runs on a copy of the test template (reference
 * data and a 20k demo inventory), on SQLite or on the PostgreSQL test cluster.
 */
export const numbers: unknown = createRequire(import.meta.url)('@bandwidth/numbers');

export type Callback<T> = (err: SdkError | null, result: T) => void;

/** What the client hands back on failure: superagent's error for HTTP errors, with the XML body. */
export interface SdkError extends Error {
  code?: string | number;
  status?: number;
  httpStatus?: number;
  response?: { text: string };
}

type ClientConstructor = new (
  accountId: string,
  user: string,
  password: string,
  clientId?: string,
  clientSecret?: string,
  options?: object,
) => object;

/** Calls a client function with a callback and awaits it. */
export function call<T>(fn: (cb: Callback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => fn((err, res) => (err ? reject(err) : resolve(res))));
}

/** Awaits a call that must fail, and returns the error. */
export function failure(promise: Promise<unknown>): Promise<SdkError> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (err: unknown) => err as SdkError,
  );
}

export interface OfficialClientRun {
  readonly server: ServerProcess;
  /** The server's database (tests read it to pick numbers, never to change what the server does). */
  readonly database: TestDatabase['database'];
  /** Where the server keeps its data: the operator's CLI (`bwdash`) run with these sees the same database. */
  readonly dataEnv: { readonly DATA_DIR: string; readonly DATABASE_URL: string };
  /** The demo account's client (user demo / demo). */
  readonly client: object;
  clientFor(accountId: string, user: string, password: string): object;
  stop(): Promise<void>;
}

export async function startOfficialClientRun(env: Record<string, string> = {}): Promise<OfficialClientRun> {
  const db: TestDatabase = await createTestDatabase({ inventory: 20_000 });
  const server = await startServerProcess({
    DATA_DIR: db.dataDir,
    ...(db.database.dialect === 'postgres' ? { DATABASE_URL: db.url } : {}),
    ...env,
  });
  const Client = (numbers as { Client: ClientConstructor }).Client;
  const clientFor = (accountId: string, user: string, password: string) =>
    new Client(accountId, user, password, undefined, undefined, { apiEndPoint: `${server.baseUrl}/api` });
  return {
    server,
    database: db.database,
    dataEnv: { DATA_DIR: db.dataDir, DATABASE_URL: db.database.dialect === 'postgres' ? db.url : '' },
    client: clientFor('9900000', 'demo', 'demo'),
    clientFor,
    async stop() {
      await server.stop();
      await db.drop();
    },
  };
}
