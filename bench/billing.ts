/**
 * Billing benchmark (issue 14), through the real server (API and worker in one process, as `npm start`
 * runs it) on a manual business clock: an account with 1,000,000 numbers in service reaches midnight,
 * and the day's recurring charges are written by the accrual job. Prints how long until the day's
 * charges are all written, the server's memory growth, and the latency of a plain GET meanwhile
 * against the same GET at rest.
 *
 *   npm run build && node --import tsx bench/billing.ts [--numbers 1000000] [--size 2m] [--database-url postgres://…]
 */
import { prepareDatabase } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { readManualTime, storeManualTime } from '../src/platform/clock.store.js';
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
const DAY_MS = 86_400_000;

async function main(): Promise<void> {
  const { size, env, dialect } = await prepareBench(undefined, { size: '2m', name: 'billing' });
  // The business clock is manual, a minute before the end of a day no run has accrued yet: the
  // day after the last run's (time never goes back), and accrual starts with that day.
  let database = await prepareDatabase(loadConfig(env));
  const last = await readManualTime(database);
  const DAY = new Date(last === undefined ? Date.now() : last + DAY_MS).toISOString().slice(0, 10);
  const beforeMidnight = Date.parse(`${DAY}T23:59:00Z`);
  await storeManualTime(database, beforeMidnight);
  await database.db.deleteFrom('jobs').where('name', '=', 'billing.accrue-day').execute();
  await database.close();
  const clockEnv = { ...env, INVENTORY_SIZE: String(size), CLOCK_MODE: 'manual' };
  // A first start seeds the demo account; then its numbers in service are topped up to NUMBERS.
  const seeding = await startBenchServer(clockEnv);
  seeding.stop();
  await new Promise((r) => seeding.child.once('exit', r));
  database = await prepareDatabase(loadConfig(clockEnv));
  await topUpInService(database.db, ACCOUNT, NUMBERS);

  const server = await startBenchServer({ ...clockEnv, JOB_POLL: '10' });
  const pid = server.child.pid ?? 0;
  const get = () =>
    fetch(`${server.url}/api/accounts/${ACCOUNT}`, { headers: { authorization: AUTH } }).then((r) =>
      r.text(),
    );
  const probe = (busy: () => boolean) => latenciesWhile(get, busy);
  const charged = async () =>
    Number(
      (
        await database.db
          .selectFrom('charges')
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .where('account_id', '=', ACCOUNT)
          .where('charge_date', '=', DAY)
          .where('kind', 'in', ['LOCAL_MRC', 'TOLLFREE_MRC'])
          .executeTakeFirstOrThrow()
      ).n,
    );

  try {
    console.log(
      `Billing benchmark on ${dialect}, ${size.toLocaleString('en-US')} numbers, ${NUMBERS.toLocaleString('en-US')} in service, ${machine()}`,
    );
    await latenciesAtRest(`GET /accounts/${ACCOUNT}`, get);
    const before = memoryOf(pid).rssMb;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, memoryOf(pid).rssMb)), 100);
    let running = true;
    const during = probe(() => running);
    const t0 = performance.now();
    // The server follows a manual clock moved by another process (as `bwdash clock set` does).
    await storeManualTime(database, beforeMidnight + 120_000);
    let n = 0;
    while ((n = await charged()) < NUMBERS) {
      if (performance.now() - t0 > 600_000)
        throw new Error(`only ${n} of ${NUMBERS} charged after 10 minutes`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const seconds = (performance.now() - t0) / 1000;
    running = false;
    clearInterval(sampler);
    const busy = await during;
    console.log(
      `${DAY}: ${n.toLocaleString('en-US')} days in service charged ${seconds.toFixed(1)} s after midnight ` +
        `(${Math.round(n / seconds).toLocaleString('en-US')}/s); server memory +${peak - before} MB (${before} → ${peak} MB); ` +
        `GET meanwhile p50 ${percentile(busy, 50).toFixed(1)} ms, p99 ${percentile(busy, 99).toFixed(1)} ms (${busy.length} requests)`,
    );
  } finally {
    server.stop();
    await database.close();
  }
}

await main();
