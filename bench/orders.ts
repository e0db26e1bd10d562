/**
 * Ordering benchmark (issue 4), through HTTP against the real server (API and worker in one
 * process, as `npm start` runs it) on a 10-million-number inventory:
 *
 *   - an order of 5000 numbers, from POST to COMPLETE (target ≤ 1 s), by area code and by list;
 *   - 50 concurrent single-number orders, from the first POST to the last COMPLETE, with no
 *     number given twice (target ≥ 200 orders/s end to end);
 *   - a disconnect of 5000 numbers, from POST to COMPLETE (target ≤ 1 s).
 *
 *   node --import tsx bench/orders.ts [--size 10m] [--data-dir .bench/sqlite] [--rounds 5]
 *        [--database-url postgres://…]
 *
 * Shares the search benchmark's database (bench/support.ts builds it when missing). Orders take
 * numbers from it; disconnected ones age out of the available inventory, a few thousand per run.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { flag, machine, memoryOf, prepareBench, startBenchServer } from './support.js';

const rounds = Number(flag('rounds', '5'));
const AUTH = `Basic ${Buffer.from('demo:demo').toString('base64')}`;
const ACCOUNT = '/api/accounts/9900000';
const FINAL = /<OrderStatus>(COMPLETE|PARTIAL|FAILED)<\/OrderStatus>/;

let base = '';

async function request(
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; text: string; location: string }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: AUTH, ...(body ? { 'content-type': 'application/xml' } : {}) },
    body,
  });
  return { status: res.status, text: await res.text(), location: res.headers.get('location') ?? '' };
}

const idOf = (location: string) => location.slice(location.lastIndexOf('/') + 1);
const numbersIn = (xml: string, element: string) =>
  [...xml.matchAll(new RegExp(`<${element}>(\\d{10})</${element}>`, 'g'))].map((m) => m[1] ?? '');

/** POSTs and then polls `path` until it shows a final status; returns the elapsed ms and the body. */
async function untilFinal(
  post: () => Promise<{ status: number; text: string; location: string }>,
  poll: (id: string) => string,
) {
  const t0 = performance.now();
  const created = await post();
  if (created.status !== 201) throw new Error(`POST answered ${created.status}: ${created.text}`);
  const id = idOf(created.location);
  for (;;) {
    const res = await request('GET', poll(id));
    if (FINAL.test(res.text)) return { ms: performance.now() - t0, id, body: res.text };
    await sleep(2);
  }
}

const orderXml = (type: string, customerOrderId = 'bench') =>
  `<Order><CustomerOrderId>${customerOrderId}</CustomerOrderId><Name>bench</Name><SiteId>1</SiteId>${type}</Order>`;

function stats(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  return `median ${median.toFixed(0)}, worst ${(sorted.at(-1) ?? NaN).toFixed(0)}`;
}

async function main(): Promise<void> {
  // The area codes with the most available numbers (a round takes 10 000 of one).
  let areaCodes: string[] = [];
  const { size, env, dialect, buildSeconds } = await prepareBench(async (database) => {
    const rows = await sql<{ npa: number | string; n: number | string }>`
      select floor(tn / 10000000) as npa, count(*) as n from telephone_numbers
      where status = 0 and protected = 0 and tn < 8000000000
      group by floor(tn / 10000000) order by count(*) desc limit 20`.execute(database.db);
    areaCodes = rows.rows.filter((r) => Number(r.n) >= 10_000).map((r) => String(Number(r.npa)));
  });
  if (areaCodes.length === 0)
    throw new Error('no area code has 10 000 available numbers: use a larger --size');
  const server = await startBenchServer(env);
  base = server.url;
  const rows: string[] = [];
  try {
    // Warm-up: one small order and disconnect of each kind.
    const warm = await untilFinal(
      () =>
        request(
          'POST',
          `${ACCOUNT}/orders`,
          orderXml(
            '<AreaCodeSearchAndOrderType><AreaCode>919</AreaCode><Quantity>10</Quantity></AreaCodeSearchAndOrderType>',
          ),
        ),
      (id) => `${ACCOUNT}/orders/${id}`,
    );
    const warmTns = numbersIn(warm.body, 'FullNumber');
    await untilFinal(
      () => request('POST', `${ACCOUNT}/disconnects`, disconnectXml(warmTns)),
      (id) => `${ACCOUNT}/disconnects/${id}`,
    );

    // 1. 5000 numbers by area code, then 5000 named numbers (found by a search), then their disconnects.
    const bySearch: number[] = [];
    const byList: number[] = [];
    const disconnects: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const areaCode = areaCodes[r % areaCodes.length] ?? '919';
      const order = await untilFinal(
        () =>
          request(
            'POST',
            `${ACCOUNT}/orders`,
            orderXml(
              `<AreaCodeSearchAndOrderType><AreaCode>${areaCode}</AreaCode><Quantity>5000</Quantity></AreaCodeSearchAndOrderType>`,
            ),
          ),
        (id) => `${ACCOUNT}/orders/${id}`,
      );
      const got = numbersIn(order.body, 'FullNumber');
      if (!/<OrderStatus>COMPLETE/.test(order.body) || got.length !== 5000) {
        throw new Error(`area-code order ${order.id}: ${got.length} numbers`);
      }
      bySearch.push(order.ms);

      const found = await request('GET', `${ACCOUNT}/availableNumbers?areaCode=${areaCode}&quantity=5000`);
      const list = numbersIn(found.text, 'TelephoneNumber');
      const listed = await untilFinal(
        () =>
          request(
            'POST',
            `${ACCOUNT}/orders`,
            orderXml(
              `<ExistingTelephoneNumberOrderType><TelephoneNumberList>${list.map((t) => `<TelephoneNumber>${t}</TelephoneNumber>`).join('')}</TelephoneNumberList></ExistingTelephoneNumberOrderType>`,
            ),
          ),
        (id) => `${ACCOUNT}/orders/${id}`,
      );
      if (!/<OrderStatus>COMPLETE/.test(listed.body))
        throw new Error(`list order ${listed.id} did not complete`);
      byList.push(listed.ms);

      for (const tns of [got, list]) {
        const disc = await untilFinal(
          () => request('POST', `${ACCOUNT}/disconnects`, disconnectXml(tns)),
          (id) => `${ACCOUNT}/disconnects/${id}`,
        );
        if (!/<OrderStatus>COMPLETE/.test(disc.body))
          throw new Error(`disconnect ${disc.id} did not complete`);
        disconnects.push(disc.ms);
      }
    }
    rows.push(
      `| order of 5000 numbers by area code, POST → COMPLETE (ms) | ${stats(bySearch)} | ≤ 1000 | ${Math.max(...bySearch) <= 1000 ? 'yes' : 'NO'} |`,
    );
    rows.push(
      `| order of 5000 listed numbers, POST → COMPLETE (ms) | ${stats(byList)} | ≤ 1000 | ${Math.max(...byList) <= 1000 ? 'yes' : 'NO'} |`,
    );
    rows.push(
      `| disconnect of 5000 numbers, POST → COMPLETE (ms) | ${stats(disconnects)} | ≤ 1000 | ${Math.max(...disconnects) <= 1000 ? 'yes' : 'NO'} |`,
    );

    // 2. 50 concurrent single-number orders for the same area code, racing for the same numbers.
    const rates: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const tag = `race-${Date.now()}-${r}`;
      const t0 = performance.now();
      const posts = await Promise.all(
        Array.from({ length: 50 }, () =>
          request(
            'POST',
            `${ACCOUNT}/orders`,
            orderXml(
              '<AreaCodeSearchAndOrderType><AreaCode>919</AreaCode><Quantity>1</Quantity></AreaCodeSearchAndOrderType>',
              tag,
            ),
          ),
        ),
      );
      if (posts.some((p) => p.status !== 201)) throw new Error('a concurrent order was refused');
      // One light request per poll: how many of this round's orders are COMPLETE (a page of one).
      for (;;) {
        const list = await request('GET', `${ACCOUNT}/orders?customerOrderId=${tag}&status=COMPLETE&size=1`);
        const done = Number(/<TotalCount>(\d+)<\/TotalCount>/.exec(list.text)?.[1] ?? 0);
        if (done === 50) break;
        await sleep(2);
      }
      rates.push(50 / ((performance.now() - t0) / 1000));
      const tns = (
        await Promise.all(posts.map((p) => request('GET', `${ACCOUNT}/orders/${idOf(p.location)}/tns`)))
      ).flatMap((t) => numbersIn(t.text, 'TelephoneNumber'));
      if (tns.length !== 50 || new Set(tns).size !== 50)
        throw new Error(`round ${r}: ${tns.length} numbers, ${new Set(tns).size} distinct`);
    }
    const worstRate = Math.min(...rates);
    rows.push(
      `| 50 concurrent single-number orders, end to end (orders/s), no number twice | median ${[...rates].sort((a, b) => a - b)[Math.floor(rates.length / 2)]?.toFixed(0)}, worst ${worstRate.toFixed(0)} | ≥ 200 | ${worstRate >= 200 ? 'yes' : 'NO'} |`,
    );

    const memory = memoryOf(server.child.pid ?? 0);
    console.log(
      `\nOrdering on ${dialect}, ${size.toLocaleString('en-US')} numbers, ${machine()}, ${rounds} rounds`,
    );
    if (buildSeconds !== undefined) console.log(`inventory build from scratch: ${buildSeconds.toFixed(1)} s`);
    console.log('| measure | figure | target | met |');
    console.log('|---|---|---|---|');
    for (const row of rows) console.log(row);
    console.log(`server memory: ${memory.rssMb} MB resident, peak ${memory.peakMb} MB`);
  } finally {
    server.stop();
  }
}

function disconnectXml(tns: readonly string[]): string {
  return `<DisconnectTelephoneNumberOrder><name>bench</name><DisconnectTelephoneNumberOrderType><TelephoneNumberList>${tns
    .map((t) => `<TelephoneNumber>${t}</TelephoneNumber>`)
    .join('')}</TelephoneNumberList></DisconnectTelephoneNumberOrderType></DisconnectTelephoneNumberOrder>`;
}

await main();
