/**
 * Port-in benchmark (issue 11), through HTTP against the real server (API and worker in one
 * process, as `npm start` runs it, on a manual business clock the benchmark moves):
 *
 *   - POST /portins of 5,000 numbers (target ≤ 1 s): five orders, each of one NPA-NXX;
 *   - activation of those 5,000 numbers (target ≤ 1 s): wall time from the FOC time being reached
 *     (the clock moved) to the order read back COMPLETE; it includes the worker noticing the new
 *     time (JOB_POLL, 10 ms here);
 *   - GET /portins pages of 300 with 10,000 port-ins on the account (target p99 ≤ 50 ms).
 *
 *   node --import tsx bench/portins.ts [--size 100k] [--data-dir .bench/portins] [--database-url postgres://…]
 */
import { prepareDatabase } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { PDF, portableNumbers, portInXml } from '../src/features/portins/portins.fixtures.js';
import { storeManualTime } from '../src/platform/clock.store.js';
import { machine, memoryOf, prepareBench, startBenchServer } from './support.js';

const AUTH = `Basic ${Buffer.from('demo:demo').toString('base64')}`;
const ACCOUNT = '/api/accounts/9900000';
const LIST_ORDERS = 10_000;
const START = Date.parse('2026-12-01T12:00:00Z');

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main(): Promise<void> {
  const { size, env, dialect } = await prepareBench(undefined, { size: '100k', name: 'portins' });
  const benchEnv = { ...env, INVENTORY_SIZE: String(size), CLOCK_MODE: 'manual', JOB_POLL: '10' };
  const database = await prepareDatabase(loadConfig(benchEnv));
  await storeManualTime(database, START);
  const server = await startBenchServer(benchEnv);
  const db = database.db;
  const post = (path: string, body: string | Buffer, type = 'application/xml') =>
    fetch(`${server.url}${ACCOUNT}${path}`, {
      method: 'POST',
      headers: { authorization: AUTH, 'content-type': type },
      body,
    });
  const status = async (id: string) =>
    /<ProcessingStatus>(\w+)</.exec(
      await (
        await fetch(`${server.url}${ACCOUNT}/portins/${id}`, { headers: { authorization: AUTH } })
      ).text(),
    )?.[1];
  const waitFor = async (id: string, wanted: string) => {
    for (let i = 0; i < 6000; i++) {
      if ((await status(id)) === wanted) return;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`port-in ${id} did not reach ${wanted}`);
  };
  try {
    console.log(`port-in benchmark on ${dialect}, ${size.toLocaleString('en-US')} numbers, ${machine()}`);
    // 1. Five port-ins of 5,000 numbers each.
    const creates: number[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const tns = await portableNumbers(db, 5000, i, 1);
      const t0 = performance.now();
      const res = await post('/portins', portInXml({ tns }));
      creates.push(performance.now() - t0);
      if (res.status !== 201) throw new Error(`POST /portins: ${res.status} ${await res.text()}`);
      ids.push(res.headers.get('location')?.split('/').pop() ?? '');
    }
    console.log(
      `POST /portins of 5,000 numbers: median ${ms(percentile(creates, 50))}, max ${ms(Math.max(...creates))} (target ≤ 1 s)`,
    );

    // 2. Activation of one of them on its FOC date.
    const id = ids[0] ?? '';
    if ((await post(`/portins/${id}/loas`, PDF, 'application/pdf')).status !== 201)
      throw new Error('LOA upload failed');
    await storeManualTime(database, START + 86_400_000 * 2);
    await waitFor(id, 'FOC');
    const foc =
      /<ActualFocDate>([^<]+)</.exec(
        await (
          await fetch(`${server.url}${ACCOUNT}/portins/${id}`, { headers: { authorization: AUTH } })
        ).text(),
      )?.[1] ?? '';
    const t0 = performance.now();
    await storeManualTime(database, Date.parse(foc));
    await waitFor(id, 'COMPLETE');
    console.log(`activation of 5,000 numbers at the FOC time: ${ms(performance.now() - t0)} (target ≤ 1 s)`);

    // 3. Lists with 10,000 port-ins on the account (one number each, created 8 at a time).
    const have = Number(
      /<TotalCount>(\d+)</.exec(
        await (
          await fetch(`${server.url}${ACCOUNT}/portins?page=1&size=1`, { headers: { authorization: AUTH } })
        ).text(),
      )?.[1] ?? 0,
    );
    const missing = Math.max(0, LIST_ORDERS - have);
    const pool: string[] = [];
    // Lines k·2000 … k·2000+1999 of NPA-NXXs none of whose numbers are taken or held: distinct numbers.
    for (let k = 0; pool.length < missing; k++) {
      pool.push(...(await portableNumbers(db, Math.min(2000, missing - pool.length), 5, k * 2000)));
    }
    const t1 = performance.now();
    for (let i = 0; i < pool.length; i += 8) {
      const batch = pool.slice(i, i + 8).map((tn) => post('/portins', portInXml({ tns: [tn] })));
      for (const res of await Promise.all(batch)) if (res.status !== 201) throw new Error(await res.text());
    }
    if (missing > 0)
      console.log(
        `created ${missing.toLocaleString('en-US')} port-ins in ${((performance.now() - t1) / 1000).toFixed(1)} s`,
      );
    const lists: number[] = [];
    let next: string | undefined = `${server.url}${ACCOUNT}/portins?page=1&size=300`;
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      const body = await (await fetch(next ?? '', { headers: { authorization: AUTH } })).text();
      lists.push(performance.now() - t);
      const link = /<next>Link=&lt;([^&]+(?:&amp;[^&]+)*)&gt;/.exec(body)?.[1]?.replace(/&amp;/g, '&');
      next = link
        ? link.replace(/^https?:\/\/[^/]+\/v1\.0/, `${server.url}/api`)
        : `${server.url}${ACCOUNT}/portins?page=1&size=300`;
    }
    console.log(
      `GET /portins, pages of 300 of ${(have + missing).toLocaleString('en-US')}: p50 ${ms(percentile(lists, 50))}, p99 ${ms(percentile(lists, 99))} (target p99 ≤ 50 ms)`,
    );
    const mem = memoryOf(server.child.pid ?? 0);
    console.log(`server memory ${mem.rssMb} MB (peak ${mem.peakMb} MB)`);
  } finally {
    server.stop();
    await database.close();
  }
}

await main();
