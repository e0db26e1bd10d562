/**
 * What the benchmarks share: command-line flags, a database with an inventory of the asked size
 * (built from scratch when missing, timed), the real server started on it as `npm start` starts
 * it, and the server's memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareDatabase } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { buildInventory, clearInventory, inventoryCount } from '../src/features/inventory/inventory.build.js';
import type { Database } from '../src/platform/db/database.js';
import { progressBar } from '../src/platform/progress.js';
import { projectRoot } from '../src/platform/project-root.js';
import { parseInventorySize } from '../src/shared/sizes.js';
import { TnStatus } from '../src/shared/tn-status.js';

const args = process.argv.slice(2);

export function flag(name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
}

export function hasFlag(name: string): boolean {
  return args.includes(`--${name}`);
}

export interface BenchSetup {
  readonly size: number;
  readonly env: NodeJS.ProcessEnv;
  readonly dialect: string;
  /** Seconds the inventory build took, when this run built it. */
  readonly buildSeconds: number | undefined;
}

/**
 * Opens the benchmark database (`--database-url`/TEST_DATABASE_URL for PostgreSQL, else SQLite in
 * `--data-dir`), builds the inventory when it is not `--size` numbers (or with `--rebuild`), and
 * lets `inspect` read it before the server starts.
 */
export async function prepareBench(
  inspect?: (database: Database) => Promise<void>,
  /** `fresh`: a new inventory every run (for benches that use numbers up, such as ordering them). */
  defaults: { size?: string; name?: string; fresh?: boolean } = {},
): Promise<BenchSetup> {
  const size = parseInventorySize(flag('size', defaults.size ?? '10m'));
  const databaseUrl = flag('database-url', process.env.TEST_DATABASE_URL ?? '') || undefined;
  const name = defaults.name ?? (databaseUrl ? 'postgres' : 'sqlite');
  const dataDir = path.resolve(flag('data-dir', `.bench/${name}`));
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? '',
    LOG_LEVEL: 'warn',
    INVENTORY_SIZE: '0',
  };
  const database = await prepareDatabase(loadConfig(env));
  let buildSeconds: number | undefined;
  if (defaults.fresh || hasFlag('rebuild') || (await inventoryCount(database)) !== size) {
    await clearInventory(database);
    const built = await buildInventory(database, {
      size,
      builtAt: new Date(),
      onProgress: progressBar('inventory'),
    });
    buildSeconds = built.ms / 1000;
  }
  await inspect?.(database);
  const dialect = database.dialect;
  await database.close();
  return { size, env, dialect, buildSeconds };
}

export interface BenchServer {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): void;
}

/** The built server (`dist/`, from `npm run build`) on a free port. */
export async function startBenchServer(env: NodeJS.ProcessEnv): Promise<BenchServer> {
  const child = spawn(process.execPath, [path.join(projectRoot(), 'dist/src/cli/main.js'), 'serve'], {
    env: { ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /API:\s+http:\/\/\S+:(\d+)\/api/.exec(out);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return { url, child, stop: () => child.kill('SIGTERM') };
}

export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

export function machine(): string {
  return `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'})`;
}

/** The value at percentile `p` of sorted values. */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * The account's numbers in service, topped up to `count` on its first SIP peer, directly in the
 * database (a fixture: ordering them through the API is the orders benchmark's business).
 */
export async function topUpInService(db: Database['db'], account: string, count: number): Promise<void> {
  const have = await db
    .selectFrom('telephone_numbers')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('account_id', '=', account)
    .where('status', '=', TnStatus.inService)
    .executeTakeFirstOrThrow();
  const missing = count - Number(have.n);
  if (missing <= 0) return;
  const peer = await db
    .selectFrom('sip_peers')
    .select(['id', 'site_id'])
    .where('account_id', '=', account)
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  await sql`update telephone_numbers set status = ${TnStatus.inService}, account_id = ${account},
    site_id = ${peer.site_id}, sip_peer_id = ${peer.id}, status_changed_at = ${now}, updated_at = ${now}
    where tn in (select tn from telephone_numbers where status = ${TnStatus.available} and protected = 0
                 order by tn limit ${missing})`.execute(db);
}

/** Latencies (ms, sorted) of `request` sent one at a time, 20 ms apart, while `busy` says so. */
export async function latenciesWhile(
  request: () => Promise<unknown>,
  busy: () => boolean,
): Promise<number[]> {
  const times: number[] = [];
  while (busy()) {
    const t0 = performance.now();
    await request();
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  return times.sort((a, b) => a - b);
}

/** `request`'s latencies over three seconds of rest, printed as p50 and p99. */
export async function latenciesAtRest(label: string, request: () => Promise<unknown>): Promise<void> {
  let resting = true;
  setTimeout(() => (resting = false), 3000);
  const atRest = await latenciesWhile(request, () => resting);
  console.log(
    `${label} at rest: p50 ${percentile(atRest, 50).toFixed(1)} ms, p99 ${percentile(atRest, 99).toFixed(1)} ms`,
  );
}
