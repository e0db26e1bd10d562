// Bulk builder: generates and loads millions of rows with its own SQL, an allowed exception to "queries live in *.store.ts".
import { loadCoverage } from '../coverage/index.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { wallClockMs } from '../../platform/clock.js';
import { isValidNxx, TOLL_FREE_NPAS, vanityToDigits } from '../../shared/numbering.js';
export { parseInventorySize } from '../../shared/sizes.js';
import { bulkLoadNumbers, type NumberRow } from './inventory.bulk.js';
import { TnStatus, vendorForTier } from '../../shared/tn-status.js';

/**
 * The demo inventory, generated deterministically from the reference data: numbers only in
 * real NPA-NXX blocks of covered rate centres (libphonenumber's NPA-NXX places), plus one valid,
 * unused NXX for each covered rate centre that has none (DC, the territories, …), so every covered
 * rate centre of every state has numbers; 919 (Raleigh, NC) gets several times its share; 1% are
 * toll-free in 800/833/844/855/866/877/888, including memorable vanity numbers. The same size
 * always gives the same numbers.
 */
export interface BuildOptions {
  readonly size: number;
  /** When the numbers became available: business time (`deps.clock.now()`). */
  readonly builtAt: Date;
  readonly onProgress?: (done: number, total: number, phase: string) => void;
}

export interface BuildResult {
  readonly numbers: number;
  readonly blocks: number;
  readonly ms: number;
}

interface Block {
  readonly npa: number;
  readonly nxx: number;
  readonly rateCenterId: number;
  readonly cityId: number | null;
  readonly state: string;
  readonly lata: string;
  readonly tier: number;
  weight: number;
}

const TOLL_FREE_SHARE = 0.01;
const BOOSTED_NPA = 919;
const BOOST = 8;
/** Words that toll-free vanity searches should find (800-FLOWERS, 888-GETCASH, …). */
const VANITY_WORDS = [
  'FLOWERS',
  'GETCASH',
  'CALLNOW',
  'CARSNOW',
  'NEWCARS',
  'LAWYERS',
  'DENTIST',
  'PLUMBER',
  'HELPNOW',
  'TAXICAB',
  'PIZZA',
  'HOTEL',
  'MOVERS',
  'ROOFING',
  'TICKETS',
  'DOCTOR',
  'LOANS',
  'SOLAR',
  'GOLF',
  'CASH',
  'HELP',
  'SAVE',
  'FOOD',
  'BANK',
  'CARS',
  'JOBS',
  'SHOP',
  'BUYNOW',
  'PARTY',
  'CLEAN',
];

/** A small deterministic hash (for picking lines, NXXs and flags reproducibly). */
function hash(n: number): number {
  let x = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** `count` distinct values of 0..span-1, spread by an affine permutation, in ascending order. */
function spread(count: number, span: number, seed: number): number[] {
  const h = hash(seed);
  // A multiplier coprime with span (span is 10,000 or 8,000,000: avoid factors 2 and 5).
  let a = (h % (span - 1)) + 1;
  while (a % 2 === 0 || a % 5 === 0) a++;
  const b = hash(seed + 1) % span;
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = (b + a * i) % span;
  return out.sort((x, y) => x - y);
}

async function planBlocks(database: Database): Promise<Block[]> {
  const db = database.db;
  const cov = await loadCoverage(database);
  const [rcRows, npanxx, npaRcs] = await Promise.all([
    db.selectFrom('rate_centers').select(['id', 'lcg_exchange']).execute(),
    db
      .selectFrom('ref_npanxx')
      .select(['npa', 'nxx', 'state', 'city', 'lcg_exchange'])
      .orderBy('npa')
      .orderBy('nxx')
      .execute(),
    db.selectFrom('ref_npa_rate_centers').select(['npa', 'lcg_exchange']).orderBy('npa').execute(),
  ]);
  const rcOfExchange = new Map(rcRows.map((r) => [r.lcg_exchange, r.id]));
  const used = new Set<number>();
  const blocks: Block[] = [];
  const add = (npa: number, nxx: number, rateCenterId: number, cityName: string | null) => {
    const rc = cov.rateCenter(rateCenterId);
    if (!rc) return;
    used.add(npa * 1000 + nxx);
    const city = cityName ? cov.cityByName(rc.state, cityName) : cov.citiesOfRateCenter(rc.id)[0];
    blocks.push({
      npa,
      nxx,
      rateCenterId,
      cityId: city?.id ?? null,
      state: rc.state,
      lata: rc.lata,
      tier: rc.tier,
      weight: npa === BOOSTED_NPA ? BOOST : 1,
    });
  };
  for (const r of npanxx) {
    const rcId = r.lcg_exchange ? rcOfExchange.get(r.lcg_exchange) : undefined;
    if (rcId !== undefined && isValidNxx(r.nxx)) add(Number(r.npa), Number(r.nxx), rcId, r.city);
  }
  // Covered rate centres without a real block get one valid, unused NXX in their first NPA.
  const withBlock = new Set(blocks.map((b) => b.rateCenterId));
  const seen = new Set<number>();
  for (const pair of npaRcs) {
    const rcId = rcOfExchange.get(pair.lcg_exchange);
    if (rcId === undefined || withBlock.has(rcId) || seen.has(rcId)) continue;
    seen.add(rcId);
    const npa = Number(pair.npa);
    for (let i = 0; i < 800; i++) {
      const nxx = 200 + ((hash(rcId) + i * 7) % 800);
      if (isValidNxx(String(nxx)) && !used.has(npa * 1000 + nxx)) {
        add(npa, nxx, rcId, null);
        break;
      }
    }
  }
  return blocks.sort((a, b) => a.npa - b.npa || a.nxx - b.nxx);
}

/** Splits `total` over the blocks by weight, each block at most one NXX (10,000 lines). */
function allocate(blocks: Block[], total: number): number[] {
  const weight = blocks.reduce((s, b) => s + b.weight, 0);
  const counts = blocks.map((b) => Math.min(10_000, Math.floor((total * b.weight) / weight)));
  let rest = total - counts.reduce((s, c) => s + c, 0);
  for (let i = 0; rest > 0 && i < blocks.length * 2; i++) {
    const j = hash(i) % blocks.length;
    if ((counts[j] ?? 0) < 10_000) {
      counts[j] = (counts[j] ?? 0) + 1;
      rest--;
    }
  }
  return counts;
}

/** Toll-free lines (last 7 digits) of one NPA: the vanity words first, the rest spread over 2000000-9999999. */
function tollFreeLines(npa: number, count: number): number[] {
  const chosen = new Set<number>();
  for (const [i, word] of VANITY_WORDS.entries()) {
    if (chosen.size >= count) break;
    const digits = vanityToDigits(word) ?? '';
    // Short words are padded (800-CASH-nnn); keypad digits are 2-9, so the NXX stays valid.
    const pad = String(hash(npa * 100 + i) % 1000).padStart(3, '0');
    const line = Number((digits + pad).slice(0, 7));
    if (isValidNxx(String(Math.floor(line / 10_000)))) chosen.add(line);
  }
  // Some candidates fall on invalid NXXs (N11, 555, …), so draw a few more than needed.
  for (const candidate of spread(Math.min(8_000_000, Math.ceil(count * 1.1) + 100), 8_000_000, npa)) {
    if (chosen.size >= count) break;
    const line = 2_000_000 + candidate;
    if (isValidNxx(String(Math.floor(line / 10_000)))) chosen.add(line);
  }
  return [...chosen].sort((x, y) => x - y);
}

function row(tn: number, block: Block | undefined): NumberRow {
  const tier = block?.tier ?? 0;
  return {
    tn,
    status: TnStatus.available,
    rateCenterId: block?.rateCenterId ?? null,
    cityId: block?.cityId ?? null,
    state: block?.state ?? null,
    lata: block?.lata ?? null,
    tier,
    vendorId: vendorForTier(tier),
    protected: hash(tn) % 100 === 0 ? 1 : 0,
  };
}

/** Every row in TN order: geographic blocks and toll-free NPAs merged by their first number. */
function* generateRows(
  blocks: readonly Block[],
  counts: readonly number[],
  tollFree: number,
): Generator<NumberRow> {
  const sources: { first: number; rows: () => Iterable<NumberRow> }[] = blocks.map((block, i) => {
    const base = block.npa * 10_000_000 + block.nxx * 10_000;
    return {
      first: base,
      rows: () => spread(counts[i] ?? 0, 10_000, base).map((line) => row(base + line, block)),
    };
  });
  TOLL_FREE_NPAS.forEach((npaText, i) => {
    const npa = Number(npaText);
    const count =
      Math.floor(tollFree / TOLL_FREE_NPAS.length) + (i < tollFree % TOLL_FREE_NPAS.length ? 1 : 0);
    sources.push({
      first: npa * 10_000_000,
      rows: () => tollFreeLines(npa, count).map((line) => row(npa * 10_000_000 + line, undefined)),
    });
  });
  sources.sort((a, b) => a.first - b.first);
  for (const source of sources) yield* source.rows();
}

/** Settings key: when the inventory was built (ISO-8601). Numbers untouched since carry null times. */
export const INVENTORY_BUILT_AT = 'inventory.built_at';

/** When the inventory was built, if recorded (inventories built before the key existed have none). */
export async function inventoryBuiltAt(db: Executor): Promise<string | undefined> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', INVENTORY_BUILT_AT)
    .executeTakeFirst();
  return row?.value;
}

export async function inventoryCount(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('telephone_numbers')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Builds the demo inventory into an empty inventory (call `clearInventory` first to rebuild). */
export async function buildInventory(database: Database, options: BuildOptions): Promise<BuildResult> {
  const started = wallClockMs();
  if ((await inventoryCount(database)) > 0) throw new Error('the inventory is not empty');
  const blocks = await planBlocks(database);
  const tollFree = Math.round(options.size * TOLL_FREE_SHARE);
  const counts = allocate(blocks, options.size - tollFree);
  const total = counts.reduce((s, c) => s + c, 0) + tollFree;
  const numberBlocks = new Map<
    number,
    { rate_center_id: number; city_id: number | null; state: string; lata: string }
  >();
  const loaded = await bulkLoadNumbers(
    database,
    generateRows(blocks, counts, tollFree),
    total,
    (row) => {
      if (row.rateCenterId === null || row.state === null || row.lata === null) return;
      const x = Math.floor(row.tn / 1000);
      if (!numberBlocks.has(x)) {
        numberBlocks.set(x, {
          rate_center_id: row.rateCenterId,
          city_id: row.cityId,
          state: row.state,
          lata: row.lata,
        });
      }
    },
    options.onProgress,
  );
  const blockRows = [...numberBlocks].map(([npa_nxx_x, b]) => ({ npa_nxx_x, ...b }));
  for (let i = 0; i < blockRows.length; i += 5000) {
    await database.db
      .insertInto('number_blocks')
      .values(blockRows.slice(i, i + 5000))
      .execute();
  }
  const builtAt = options.builtAt.toISOString();
  await database.db
    .insertInto('settings')
    .values({ key: INVENTORY_BUILT_AT, value: builtAt })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: builtAt }))
    .execute();
  return { numbers: loaded, blocks: blockRows.length, ms: wallClockMs() - started };
}

/** Empties the inventory: numbers, their history, reservations and blocks (sandboxes, benchmarks). */
export async function clearInventory(database: Database): Promise<void> {
  for (const table of ['tn_reservations', 'tn_history', 'number_blocks', 'telephone_numbers'] as const) {
    await database.db.deleteFrom(table).execute();
  }
  await database.db.deleteFrom('settings').where('key', '=', INVENTORY_BUILT_AT).execute();
}
