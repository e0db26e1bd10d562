/**
 * Report benchmark (issue 14), through HTTP against the real server (API and worker in one process,
 * as `npm start` runs it): the in-service numbers report of an account with 1,000,000 numbers in
 * service, as CSV and as Excel, from the POST to the file downloaded (targets on SQLite: CSV ≤ 15 s,
 * Excel ≤ 60 s), the server's memory growth while it runs (target ≤ 150 MB), and the latency of a
 * plain GET meanwhile against the same GET at rest (its p99 should stay as it was).
 *
 * The million numbers are put in service on the demo account directly in the database before the
 * server starts (a fixture: ordering them through the API is the orders benchmark's business).
 *
 *   npm run build && node --import tsx bench/reports.ts [--numbers 1000000] [--formats csv,xls] [--size 2m] [--database-url postgres://…]
 */
import { prepareDatabase } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import {
  flag,
  latenciesAtRest,
  latenciesWhile,
  machine,
  memoryOf,
  percentile,
  prepareBench,
  startBenchServer,
  topUpInService,
} from './support.js';

const AUTH = `Basic ${Buffer.from('demo:demo').toString('base64')}`;
const ACCOUNT = '9900000';
const NUMBERS = Number(flag('numbers', '1000000'));

async function main(): Promise<void> {
  const { size, env, dialect } = await prepareBench(undefined, { size: '2m', name: 'reports' });
  // A first start seeds the demo account; then its numbers in service are topped up to NUMBERS.
  const seeding = await startBenchServer({ ...env, INVENTORY_SIZE: String(size) });
  seeding.stop();
  await new Promise((r) => seeding.child.once('exit', r));
  const database = await prepareDatabase(loadConfig({ ...env, INVENTORY_SIZE: String(size) }));
  await topUpInService(database.db, ACCOUNT, NUMBERS);
  await database.close();
  const server = await startBenchServer({ ...env, INVENTORY_SIZE: String(size), JOB_POLL: '10' });
  const call = (method: string, path: string, body?: string) =>
    fetch(`${server.url}/api/accounts/${ACCOUNT}${path}`, {
      method,
      headers: { authorization: AUTH, 'content-type': 'application/xml' },
      ...(body === undefined ? {} : { body }),
    });
  const pid = server.child.pid ?? 0;

  const get = async () => (await call('GET', '')).text();
  const probe = (busy: () => boolean) => latenciesWhile(get, busy);

  try {
    console.log(
      `Report benchmark on ${dialect}, ${size.toLocaleString('en-US')} numbers, ${NUMBERS.toLocaleString('en-US')} in service, ${machine()}`,
    );
    await latenciesAtRest(`GET /accounts/${ACCOUNT}`, get);

    for (const format of flag('formats', 'csv,xls').split(',')) {
      const before = memoryOf(pid).rssMb;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, memoryOf(pid).rssMb)), 100);
      let running = true;
      const during = probe(() => running);
      const t0 = performance.now();
      const res = await call(
        'POST',
        '/reports/100001/instances',
        `<Instance><OutputFormat>${format}</OutputFormat></Instance>`,
      );
      if (res.status !== 201) throw new Error(`POST instance: ${res.status} ${await res.text()}`);
      const path = new URL(res.headers.get('location') ?? '').pathname.replace(
        `/api/accounts/${ACCOUNT}`,
        '',
      );
      for (;;) {
        const file = await call('GET', `${path}/file`);
        if (file.status === 200) {
          let bytes = 0;
          for await (const chunk of file.body ?? []) bytes += (chunk as Uint8Array).length;
          const seconds = (performance.now() - t0) / 1000;
          running = false;
          clearInterval(sampler);
          const busy = await during;
          console.log(
            `in-service report, ${format}: ${seconds.toFixed(1)} s from POST to downloaded (${(bytes / 1e6).toFixed(1)} MB); ` +
              `server memory +${peak - before} MB (${before} → ${peak} MB); ` +
              `GET meanwhile p50 ${percentile(busy, 50).toFixed(1)} ms, p99 ${percentile(busy, 99).toFixed(1)} ms (${busy.length} requests)`,
          );
          break;
        }
        if (file.status !== 202) throw new Error(`GET file: ${file.status} ${await file.text()}`);
        await file.text();
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } finally {
    server.stop();
  }
}

await main();
