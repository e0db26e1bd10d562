/**
 * How a normal request fares while hostile bodies arrive: the real server (`dist/`, as `npm start`
 * runs it) is sent, by four clients at once and without pause, 1 MiB XML bodies built to cost the
 * most parsing work (a quarter of a million empty elements, character references, entity
 * references, attributes, carriage returns), alternately to an unknown route without credentials and to an
 * authenticated POST. Meanwhile a fifth client sends a trivial authenticated GET every 10 ms and
 * records its latency. Prints the GET's latency without and with the attack, and the attack's rate.
 *
 *   npm run build && node --import tsx bench/hostile.ts [--seconds 10]
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

async function probe(url: string, until: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  while (!until()) {
    const started = performance.now();
    const res = await fetch(`${url}/api/accounts/9900000`, { headers: { authorization: AUTH } });
    await res.text();
    if (res.status !== 200) throw new Error(`probe answered ${res.status}`);
    latencies.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 10));
  }
  return latencies.sort((a, b) => a - b);
}

async function attacker(url: string, kinds: string[], until: () => boolean, counts: Map<number, number>) {
  for (let i = 0; !until(); i++) {
    const body = HOSTILE[kinds[i % kinds.length] as string] as string;
    const authenticated = i % 2 === 1;
    const res = await fetch(
      authenticated ? `${url}/api/accounts/9900000/sites` : `${url}/api/no-such-route`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/xml',
          ...(authenticated ? { authorization: AUTH } : {}),
        },
        body,
      },
    );
    await res.text();
    counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
  }
}

function line(name: string, latencies: number[]): string {
  const f = (n: number) => n.toFixed(1).padStart(7);
  return `${name.padEnd(34)} ${f(percentile(latencies, 50))} ${f(percentile(latencies, 99))} ${f(latencies[latencies.length - 1] ?? NaN)} ${String(latencies.length).padStart(7)}`;
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
    for (const [name, body] of Object.entries(HOSTILE)) {
      console.log(`hostile body: ${name}, ${(Buffer.byteLength(body) / MiB).toFixed(3)} MiB`);
    }
    // Warm up, then the probe alone.
    let stop = performance.now() + 1000;
    await probe(server.url, () => performance.now() > stop);
    stop = performance.now() + seconds * 1000;
    const quiet = await probe(server.url, () => performance.now() > stop);

    const counts = new Map<number, number>();
    stop = performance.now() + seconds * 1000;
    const done = () => performance.now() > stop;
    const only = flag('kind', '');
    const kinds = only ? [only] : Object.keys(HOSTILE);
    const started = performance.now();
    const [underAttack] = await Promise.all([
      probe(server.url, done),
      ...[0, 1, 2, 3].map((i) =>
        attacker(
          server.url,
          [...kinds.slice(i % kinds.length), ...kinds.slice(0, i % kinds.length)],
          done,
          counts,
        ),
      ),
    ]);
    const elapsed = (performance.now() - started) / 1000;
    const hostileTotal = [...counts.values()].reduce((a, b) => a + b, 0);

    console.log(`\n${machine()}, ${seconds} s per row, GET /api/accounts/9900000 every 10 ms`);
    console.log(
      `${'concurrent GET latency (ms)'.padEnd(34)} ${'p50'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)} ${'probes'.padStart(7)}`,
    );
    console.log(line('alone', quiet));
    console.log(line('while 4 clients send hostile bodies', underAttack));
    console.log(
      `hostile bodies answered: ${hostileTotal} (${(hostileTotal / elapsed).toFixed(1)}/s, ` +
        `${((hostileTotal * MiB) / elapsed / MiB).toFixed(1)} MiB/s), statuses ${JSON.stringify(Object.fromEntries(counts))}`,
    );
    const mem = memoryOf(server.child.pid as number);
    console.log(`server memory: ${mem.rssMb} MB (peak ${mem.peakMb} MB)`);
  } finally {
    server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
