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
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../src/platform/db/database.js';
import { flag, machine, memoryOf, prepareBench, startBenchServer } from './support.js';

const duration = Number(flag('duration', '10'));
const connections = Number(flag('connections', '4'));

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

async function main(): Promise<void> {
  let list: Scenario[] = [];
  const { size, env, dialect, buildSeconds } = await prepareBench(async (database) => {
    list = await scenarios(database);
  });
  const server = await startBenchServer(env);
  const { url, child } = server;
  const results: { name: string; r: WrkResult; target: Scenario['target'] }[] = [];
  try {
    for (const s of list) {
      runWrk(url, s.paths, 2, connections); // warm-up
      results.push({ name: s.name, r: runWrk(url, s.paths, duration, connections), target: s.target });
    }
    const memory = memoryOf(child.pid ?? 0);
    console.log(
      `\nNumber search on ${dialect}, ${size.toLocaleString('en-US')} numbers, ${machine()}, wrk ${connections} connections, ${duration} s per row`,
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
    server.stop();
  }
}

await main();
