/**
 * How a normal request fares while hostile bodies arrive. The real server (`dist/`, as `npm start`
 * runs it) is sent 1 MiB XML bodies built to cost the most parsing work (a quarter of a million empty
 * elements, character references, entity references, attributes, carriage returns), alternately to
 * an unknown route without credentials and to an authenticated POST, while a probe client sends a
 * trivial authenticated GET every 5 ms and records its latency. Two loads:
 *
 * - waves: four hostile bodies sent at once, the probe measured until all four are answered, again
 *   and again (the "four hostile 1 MiB bodies arrive");
 * - flood: four clients each sending one hostile body after another without pause, which saturates
 *   both cores of a small machine (server and clients).
 *
 *   npm run build && node --import tsx bench/hostile.ts [--seconds 10] [--kind "empty elements"]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { flag, machine, memoryOf, startBenchServer } from './support.js';

const seconds = Number(flag('seconds', '10'));
const AUTH = `Basic ${Buffer.from('demo:demo').toString('base64')}`;
const MiB = 1024 * 1024;

/** Bodies just under 1 MiB (the default limit), each as costly to parse as its kind allows. */
const HOSTILE: Record<string, string> = {
  'empty elements': '<Site>' + '<a/>'.repeat((MiB - 20) / 4) + '</Site>',
  'character references': '<Site><Name>' + '&#65;'.repeat((MiB - 40) / 5) + '</Name></Site>',
  'entity references': '<Site><Name>' + '&amp;'.repeat((MiB - 40) / 5) + '</Name></Site>',
  attributes: `<Site ${Array.from({ length: 90_000 }, (_, i) => `a${i}="1"`).join(' ')}/>`,
  'carriage returns': '<Site><Name>' + '\r'.repeat(MiB - 40) + '</Name></Site>',
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

/** Sends the trivial GET every 5 ms until `until()`; appends each latency. */
async function probe(url: string, until: () => boolean, latencies: number[]): Promise<void> {
  while (!until()) {
    const started = performance.now();
    const res = await fetch(`${url}/api/accounts/9900000`, { headers: { authorization: AUTH } });
    await res.text();
    if (res.status !== 200) throw new Error(`probe answered ${res.status}`);
    latencies.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 5));
  }
}

let sent = 0;
async function sendHostile(url: string, kind: string, counts: Map<number, number>): Promise<void> {
  const authenticated = sent++ % 2 === 1;
  const res = await fetch(authenticated ? `${url}/api/accounts/9900000/sites` : `${url}/api/no-such-route`, {
    method: 'POST',
    headers: { 'content-type': 'application/xml', ...(authenticated ? { authorization: AUTH } : {}) },
    body: HOSTILE[kind] as string,
  });
  await res.text();
  counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
}

interface Row {
  readonly latencies: number[];
  readonly bodies: number;
  readonly seconds: number;
  readonly counts: Map<number, number>;
}

async function waves(url: string, kinds: string[]): Promise<Row> {
  const latencies: number[] = [];
  const counts = new Map<number, number>();
  const started = performance.now();
  for (let wave = 0; performance.now() - started < seconds * 1000; wave++) {
    let answered = false;
    const four = Promise.all(
      [0, 1, 2, 3].map((i) => sendHostile(url, kinds[(wave + i) % kinds.length] as string, counts)),
    ).then(() => (answered = true));
    await Promise.all([four, probe(url, () => answered, latencies)]);
    await new Promise((r) => setTimeout(r, 20));
  }
  const bodies = [...counts.values()].reduce((a, b) => a + b, 0);
  return { latencies, bodies, seconds: (performance.now() - started) / 1000, counts };
}

async function flood(url: string, kinds: string[]): Promise<Row> {
  const latencies: number[] = [];
  const counts = new Map<number, number>();
  const started = performance.now();
  const done = () => performance.now() - started > seconds * 1000;
  await Promise.all([
    probe(url, done, latencies),
    ...[0, 1, 2, 3].map(async (i) => {
      for (let n = i; !done(); n++) await sendHostile(url, kinds[n % kinds.length] as string, counts);
    }),
  ]);
  const bodies = [...counts.values()].reduce((a, b) => a + b, 0);
  return { latencies, bodies, seconds: (performance.now() - started) / 1000, counts };
}

function line(name: string, row: Row | { latencies: number[] }): string {
  const sorted = [...row.latencies].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1).padStart(7);
  const rate =
    'bodies' in row
      ? `   ${(row.bodies / row.seconds).toFixed(1)} bodies/s ${JSON.stringify(Object.fromEntries(row.counts))}`
      : '';
  return `${name.padEnd(40)} ${f(percentile(sorted, 50))} ${f(percentile(sorted, 99))} ${f(sorted[sorted.length - 1] ?? NaN)} ${String(sorted.length).padStart(7)}${rate}`;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-hostile-'));
  const server = await startBenchServer({
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    INVENTORY_SIZE: '0',
    LOG_LEVEL: 'warn',
  });
  try {
    const only = flag('kind', '');
    const kinds = only ? [only] : Object.keys(HOSTILE);
    for (const kind of kinds) {
      console.log(`hostile body: ${kind}, ${(Buffer.byteLength(HOSTILE[kind] ?? '') / MiB).toFixed(3)} MiB`);
    }
    const warm: number[] = [];
    let stop = performance.now() + 1000;
    await probe(server.url, () => performance.now() > stop, warm);
    const quiet: number[] = [];
    stop = performance.now() + seconds * 1000;
    await probe(server.url, () => performance.now() > stop, quiet);
    const wave = await waves(server.url, kinds);
    const flooded = await flood(server.url, kinds);

    console.log(`\n${machine()}, ${seconds} s per row, GET /api/accounts/9900000 every 5 ms`);
    console.log(
      `${'concurrent GET latency (ms)'.padEnd(40)} ${'p50'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)} ${'probes'.padStart(7)}`,
    );
    console.log(line('alone', { latencies: quiet }));
    console.log(line('while waves of 4 hostile bodies arrive', wave));
    console.log(line('while 4 clients flood hostile bodies', flooded));
    const mem = memoryOf(server.child.pid as number);
    console.log(`server memory: ${mem.rssMb} MB (peak ${mem.peakMb} MB)`);
  } finally {
    server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
