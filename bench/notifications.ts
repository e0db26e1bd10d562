/**
 * Notification benchmark (issue 10), through HTTP against the real server (API, worker and
 * dispatcher in one process, as `npm start` runs it), with callback receivers on loopback:
 *
 *   - 1,000 orders completing, each notified to three callback subscriptions (three receivers):
 *     deliveries per second (target ≥ 500) and the time from an order's completion (its
 *     LastModifiedDate) to the receiver (p99 target ≤ 1 s, real clock);
 *   - the same with a fourth subscription whose receiver never answers: the three others' rate
 *     must not drop by more than 10%.
 *
 *   node --import tsx bench/notifications.ts [--size 1m] [--orders 1000] [--data-dir .bench/notifications]
 *        [--database-url postgres://…]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { flag, machine, memoryOf, prepareBench, startBenchServer, type BenchServer } from './support.js';

const ORDERS = Number(flag('orders', '1000'));
const CONCURRENCY = 50;
const AUTH = `Basic ${Buffer.from('demo:demo').toString('base64')}`;
const ACCOUNT = '/api/accounts/9900000';
const STATES = ['NC', 'NY', 'CA', 'TX', 'FL', 'GA', 'PA', 'IL', 'OH', 'WA'];

interface Receiver {
  readonly url: string;
  /** Wall-clock ms from each notification's LastModifiedDate to its arrival. */
  readonly lags: number[];
  readonly arrivals: number[];
  /** Each notified order's completion time (its LastModifiedDate). */
  readonly completions: number[];
  close(): Promise<void>;
}

async function startReceiver(hang = false): Promise<Receiver> {
  const lags: number[] = [];
  const arrivals: number[] = [];
  const completions: number[] = [];
  const held: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (hang) {
        held.push(res);
        return;
      }
      const now = Date.now();
      const at = /<LastModifiedDate>([^<]+)<\/LastModifiedDate>/.exec(body)?.[1];
      arrivals.push(now);
      if (at) {
        lags.push(now - Date.parse(at));
        completions.push(Date.parse(at));
      }
      res.writeHead(200).end();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    lags,
    arrivals,
    completions,
    close: async () => {
      for (const r of held) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function request(base: string, method: string, path: string, body?: string) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: AUTH, ...(body ? { 'content-type': 'application/xml' } : {}) },
    body,
  });
  return { status: res.status, text: await res.text(), location: res.headers.get('location') ?? '' };
}

async function subscribe(base: string, url: string): Promise<string> {
  const res = await request(
    base,
    'POST',
    `${ACCOUNT}/subscriptions`,
    `<Subscription><OrderType>orders</OrderType><CallbackSubscription><URL>${url}</URL><Expiry>86400</Expiry></CallbackSubscription></Subscription>`,
  );
  if (res.status !== 201) throw new Error(`subscribe answered ${res.status}: ${res.text}`);
  return res.location.slice(res.location.lastIndexOf('/') + 1);
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

interface Result {
  readonly deliveries: number;
  readonly seconds: number;
  readonly rate: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Orders completed per second over the same run: the most deliveries/3 could be. */
  readonly ordersPerSecond: number;
}

/** Places ORDERS single-number orders, 50 at a time, and waits for the receivers to hear of all. */
async function round(server: BenchServer, withHanging: boolean): Promise<Result> {
  const receivers = await Promise.all([startReceiver(), startReceiver(), startReceiver()]);
  const hanging = withHanging ? await startReceiver(true) : undefined;
  const subs: string[] = [];
  for (const r of [...receivers, ...(hanging ? [hanging] : [])])
    subs.push(await subscribe(server.url, r.url));
  try {
    let next = 0;
    const place = async () => {
      for (let i = next++; i < ORDERS; i = next++) {
        const state = STATES[i % STATES.length] ?? 'NC';
        const res = await request(
          server.url,
          'POST',
          `${ACCOUNT}/orders`,
          `<Order><CustomerOrderId>bench-${i}</CustomerOrderId><SiteId>1</SiteId><StateSearchAndOrderType><Quantity>1</Quantity><State>${state}</State></StateSearchAndOrderType></Order>`,
        );
        if (res.status !== 201) throw new Error(`order answered ${res.status}: ${res.text}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, place));
    const expected = ORDERS * receivers.length;
    const deadline = Date.now() + 180_000;
    while (receivers.reduce((n, r) => n + r.arrivals.length, 0) < expected) {
      if (Date.now() > deadline) throw new Error('deliveries did not all arrive within 3 minutes');
      await new Promise((r) => setTimeout(r, 20));
    }
    const arrivals = receivers.flatMap((r) => r.arrivals);
    const lags = receivers.flatMap((r) => r.lags);
    const completions = receivers[0]?.completions ?? [];
    const completionSeconds = (Math.max(...completions) - Math.min(...completions)) / 1000;
    const seconds = (Math.max(...arrivals) - Math.min(...arrivals)) / 1000;
    return {
      deliveries: arrivals.length,
      seconds,
      rate: arrivals.length / seconds,
      p50: percentile(lags, 50),
      p99: percentile(lags, 99),
      max: Math.max(...lags),
      ordersPerSecond: completions.length / completionSeconds,
    };
  } finally {
    for (const id of subs) await request(server.url, 'DELETE', `${ACCOUNT}/subscriptions/${id}`);
    for (const r of [...receivers, ...(hanging ? [hanging] : [])]) await r.close();
  }
}

async function main(): Promise<void> {
  const { size, env, dialect } = await prepareBench(undefined, { size: '1m', name: 'notifications' });
  const server = await startBenchServer({ ...env, INVENTORY_SIZE: String(size) });
  try {
    console.log(
      `notifications: ${ORDERS} orders x 3 callback subscriptions, ${dialect}, ${size.toLocaleString('en-US')} numbers, ${machine()}`,
    );
    const show = (label: string, r: Result) =>
      console.log(
        `${label.padEnd(34)} ${r.deliveries} deliveries in ${r.seconds.toFixed(2)} s = ${Math.round(r.rate)}/s; ` +
          `completion -> receiver p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms ` +
          `(orders completed at ${Math.round(r.ordersPerSecond)}/s)`,
      );
    // A warm-up round, so both measured rounds run on a warm server.
    await round(server, false).catch(() => undefined);
    const plain = await round(server, false);
    show('three receivers', plain);
    const withHang = await round(server, true);
    show('three receivers + one that hangs', withHang);
    console.log(
      `rate with a hanging receiver: ${((withHang.rate / plain.rate) * 100).toFixed(0)}% of without (target ≥ 90%)`,
    );
    const mem = memoryOf(server.child.pid ?? 0);
    console.log(`server memory ${mem.rssMb} MB (peak ${mem.peakMb} MB)`);
  } finally {
    server.stop();
  }
}

await main();
