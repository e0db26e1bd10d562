/**
 * Number-search benchmark (issue 3): builds a 10-million-number inventory (timed), starts the real
 * server on it, and loads each search criterion through HTTP with wrk, printing p50/p99 latency,
 * requests per second and the server's memory. Not a test: it prints figures.
 *
 *   node --import tsx bench/search.ts [--size 10m] [--data-dir .bench/sqlite] [--rebuild]
 *        [--duration 10] [--connections 4] [--database-url postgres://…]
 *
 * Needs wrk (apt-get install wrk) and a build (npm run build). For PostgreSQL, pass --database-url
 * or run it under scripts/with-postgres.sh (TEST_DATABASE_URL).
 */
import { execFileSync, spawn } from 'node:child_process';
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

const args = process.argv.slice(2);
const flag = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const size = parseInventorySize(flag('size', '10m'));
const databaseUrl = flag('database-url', process.env.TEST_DATABASE_URL ?? '') || undefined;
const dataDir = path.resolve(flag('data-dir', databaseUrl ? '.bench/postgres' : '.bench/sqlite'));
const duration = Number(flag('duration', '10'));
const connections = Number(flag('connections', '4'));
const rebuild = args.includes('--rebuild');
const root = projectRoot();

interface Scenario {
  readonly name: string;
  readonly paths: readonly string[];
  readonly target: { readonly p99Ms: number; readonly rps?: number };
}

function sample<T>(items: readonly T[], n: number): T[] {
  const step = Math.max(1, Math.floor(items.length / n));
  return items.filter((_, i) => i % step === 0).slice(0, n);
}

async function scenarios(database: Database): Promise<Scenario[]> {
  const db = database.db;
  const base = '/api/accounts/9900000/availableNumbers';
  const blocks = await db
    .selectFrom('number_blocks')
    .select((eb) => eb.fn('min', [eb.ref('npa_nxx_x')]).as('x'))
    .groupBy((eb) => eb.fn('floor', [eb(eb.ref('npa_nxx_x'), '/', 10)]))
    .execute();
  const npaNxxs = sample(
    blocks.map((b) => Math.floor(Number(b.x) / 10)),
    400,
  );
  const rcs = sample(
    await db.selectFrom('rate_centers').select(['state', 'abbreviation']).where('tier', '=', 0).execute(),
    400,
  );
  const zips = sample(await db.selectFrom('rate_center_zips').select('zip').execute(), 400);
  const cities = sample(
    await db
      .selectFrom('cities')
      .innerJoin('rate_center_cities', 'rate_center_cities.city_id', 'cities.id')
      .select(['cities.state', 'cities.name'])
      .distinct()
      .execute(),
    400,
  );
  const latas = await db.selectFrom('rate_centers').select('lata').distinct().execute();
  const bigNpas = ['919', '704', '305', '512', '206', '303', '602', '615', '312', '404', '214', '713'];
  const words = ['CASH', 'HELP', 'PIZZA', 'SOLAR', 'MOVERS', 'DENTIST', 'FLOWERS', 'TAXI', 'CARS', 'LOANS'];
  const q = encodeURIComponent;
  return [
    {
      name: 'area code, 5000 numbers',
      paths: bigNpas.map((n) => `${base}?areaCode=${n}`),
      target: { p99Ms: 25 },
    },
    {
      name: 'NPA-NXX, 50',
      paths: npaNxxs.map((n) => `${base}?npaNxx=${n}&quantity=50`),
      target: { p99Ms: 5, rps: 3000 },
    },
    {
      name: 'rate center + state, 50',
      paths: rcs.map((r) => `${base}?rateCenter=${q(r.abbreviation)}&state=${r.state}&quantity=50`),
      target: { p99Ms: 5, rps: 3000 },
    },
    {
      name: 'ZIP, 50',
      paths: zips.map((z) => `${base}?zip=${z.zip}&quantity=50`),
      target: { p99Ms: 5, rps: 3000 },
    },
    {
      name: 'city + state, 50',
      paths: cities.map((c) => `${base}?city=${q(c.name)}&state=${c.state}&quantity=50`),
      target: { p99Ms: 5, rps: 3000 },
    },
    {
      name: 'LATA, 50',
      paths: latas.map((l) => `${base}?lata=${l.lata}&quantity=50`),
      target: { p99Ms: 5, rps: 3000 },
    },
    {
      name: 'local vanity (area code + vanity)',
      paths: bigNpas.flatMap((n) => words.map((w) => `${base}?areaCode=${n}&localVanity=${w}`)),
      target: { p99Ms: 60 },
    },
    {
      name: 'toll-free vanity',
      paths: words.map((w) => `${base}?tollFreeVanity=${w}`),
      target: { p99Ms: 60 },
    },
  ];
}

interface WrkResult {
  readonly p50: number;
  readonly p99: number;
  readonly rps: number;
  readonly errors: number;
}

function runWrk(url: string, paths: readonly string[], seconds: number, c: number): WrkResult {
  const script = path.join(os.tmpdir(), `bwdash-bench-${process.pid}.lua`);
  const auth = Buffer.from('demo:demo').toString('base64');
  fs.writeFileSync(
    script,
    [
      `local paths = { ${paths.map((p) => JSON.stringify(p)).join(', ')} }`,
      'local i = 0',
      `wrk.headers["Authorization"] = "Basic ${auth}"`,
      'request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end',
      'done = function(summary, latency, requests)',
      '  io.write(string.format("P50 %d\\nP99 %d\\nREQS %d\\nERRS %d\\n", latency:percentile(50), latency:percentile(99),',
      '    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))',
      'end',
    ].join('\n'),
  );
  const out = execFileSync('wrk', ['-t1', `-c${c}`, `-d${seconds}s`, '-s', script, url], {
    encoding: 'utf8',
  });
  const num = (key: string) => Number(new RegExp(`^${key} (\\d+)$`, 'm').exec(out)?.[1] ?? NaN);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
  return { p50: num('P50') / 1000, p99: num('P99') / 1000, rps, errors: num('ERRS') };
}

function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

async function main(): Promise<void> {
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? '',
    LOG_LEVEL: 'warn',
    INVENTORY_SIZE: '0',
  };
  const config = loadConfig(env);
  const database = await prepareDatabase(config);
  const dialect = database.dialect;
  let buildSeconds: number | undefined;
  if (rebuild || (await inventoryCount(database)) !== size) {
    await clearInventory(database);
    const built = await buildInventory(database, {
      size,
      builtAt: new Date(),
      onProgress: progressBar('inventory'),
    });
    buildSeconds = built.ms / 1000;
  }
  const list = await scenarios(database);
  await database.close();

  const child = spawn(process.execPath, [path.join(root, 'dist/src/cli/main.js'), 'serve'], {
    env: { ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /API:\s+http:\/\/\S+:(\d+)\/api/.exec(out);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  const results: { name: string; r: WrkResult; target: Scenario['target'] }[] = [];
  try {
    for (const s of list) {
      runWrk(url, s.paths, 2, connections); // warm-up
      results.push({ name: s.name, r: runWrk(url, s.paths, duration, connections), target: s.target });
    }
    const memory = memoryOf(child.pid ?? 0);
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    console.log(
      `\nNumber search on ${dialect}, ${size.toLocaleString('en-US')} numbers, ${os.cpus().length} cores (${cpu}), wrk ${connections} connections, ${duration} s per row`,
    );
    if (buildSeconds !== undefined)
      console.log(`inventory build from scratch: ${buildSeconds.toFixed(1)} s (target ≤ 90 s)`);
    console.log('| search | p50 ms | p99 ms | req/s | target | met |');
    console.log('|---|---|---|---|---|---|');
    for (const { name, r, target } of results) {
      const met =
        r.p99 <= target.p99Ms && (target.rps === undefined || r.rps >= target.rps) && r.errors === 0;
      const goal = `p99 ≤ ${target.p99Ms} ms${target.rps ? `, ≥ ${target.rps} req/s` : ''}`;
      console.log(
        `| ${name} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${Math.round(r.rps)} | ${goal} | ${met ? 'yes' : 'NO'} |`,
      );
    }
    console.log(`server memory: ${memory.rssMb} MB resident, peak ${memory.peakMb} MB (target ≤ 700 MB)`);
  } finally {
    child.kill('SIGTERM');
  }
}

await main();
