/**
 * The shared set-up of the /tns tests (tns.*.test.ts): the harness with the demo tenant, a second
 * account of the demo user and another tenant, and helpers that read numbers and their pages.
 * Not a test file itself.
 */
import assert from 'node:assert/strict';
import { at, DEMO, startHarness, type Harness, type Reply } from '../../../test/support/harness.js';
import type { Executor } from '../../platform/db/database.js';
import { TnStatus } from '../../shared/tn-status.js';
import { createAccount } from '../accounts/index.js';
import { assignNumbers } from '../assignments/index.js';
import { createSipPeer } from '../sip-peers/index.js';
import { createSite } from '../sites/index.js';
import { createUser, grantUser } from '../users/index.js';
import { inventoryBuiltAt } from './inventory.build.js';

export const SECOND = '9900100';
export const OTHER = '9900200';
export const OTHER_AUTH = ['other', 'other-secret'] as const;

const address = {
  houseNumber: '1',
  streetName: 'Main',
  city: 'Houston',
  stateCode: 'TX',
  zip: '77002',
  addressType: 'Service',
};

/** A value of a loosely parsed body as a list (one element parses as an object). */
export function list<T = Record<string, string>>(value: unknown): T[] {
  if (value === undefined || value === '') return [];
  return (Array.isArray(value) ? value : [value]) as T[];
}

export function numbersOf(reply: Reply): Record<string, string>[] {
  return list(at(reply.xml, 'TelephoneNumbersResponse', 'TelephoneNumbers', 'TelephoneNumber'));
}

/** The path (from /v1.0 on) of a `Link=<…>;rel="…";` text. */
export function linkPath(text: unknown): string {
  const m = /^Link=<(https?:\/\/[^/]+)(\/v1\.0\/[^>]+)>;rel="(first|next)";$/.exec(String(text));
  assert.ok(m, `a Link text: ${String(text)}`);
  return m[2] as string;
}

export interface PickWhere {
  rateCenter?: string;
  state?: string;
  tier?: number;
  from?: number;
  to?: number;
}

/** The first `n` available, unprotected numbers that match `where`, ascending. */
async function pickNumbers(db: Executor, n: number, where: PickWhere): Promise<number[]> {
  let q = db
    .selectFrom('telephone_numbers as t')
    .leftJoin('rate_centers as rc', 'rc.id', 't.rate_center_id')
    .select('t.tn')
    .where('t.status', '=', TnStatus.available)
    .where('t.protected', '=', 0);
  if (where.rateCenter) q = q.where('rc.abbreviation', '=', where.rateCenter);
  if (where.state) q = q.where('t.state', '=', where.state);
  if (where.tier !== undefined) q = q.where('t.tier', '=', where.tier);
  if (where.from !== undefined) q = q.where('t.tn', '>=', where.from);
  if (where.to !== undefined) q = q.where('t.tn', '<=', where.to);
  return (await q.orderBy('t.tn').limit(n).execute()).map((r) => r.tn);
}

export interface TnsWorld {
  readonly h: Harness;
  /** Numbers per owner, ascending. */
  readonly demo: number[];
  readonly second: { houston: number[]; tier1: number[]; tollFree: number[] };
  readonly other: number[];
  /** An available number (rate centre DURHAM1). */
  readonly available: number;
  /** An available, protected number with a place. */
  readonly protectedTn: number;
  readonly secondSiteId: number;
  readonly secondPeerId: number;
}

/**
 * A harness with 30,000 numbers, where the demo user also has account SECOND (site Houston, its
 * SIP peer HouPeer with hosts of every kind, Houston, tier-1 and toll-free numbers) and another
 * tenant OTHER (user `other`, see OTHER_AUTH) holds numbers next to the demo ones. Each test file
 * starts its own in before() and closes it in after().
 */
export async function startTnsWorld(): Promise<TnsWorld> {
  const h = await startHarness({ inventory: 30_000 });
  const db = () => h.app.deps.database.db;
  const pick = (n: number, where: PickWhere) => pickNumbers(db(), n, where);
  const demo: number[] = [];
  const second = { houston: [] as number[], tier1: [] as number[], tollFree: [] as number[] };
  const other: number[] = [];

  const deps = h.app.deps;
  demo.push(
    ...(
      await db()
        .selectFrom('telephone_numbers')
        .select('tn')
        .where('account_id', '=', DEMO.accountId)
        .orderBy('tn')
        .execute()
    ).map((r) => r.tn),
  );
  // A second account of the demo user, with hosts of every kind on its SIP peer.
  await createAccount(deps, { id: SECOND, companyName: 'Second Co' });
  await grantUser(deps, DEMO.username, { accounts: [SECOND] });
  const site = await createSite(deps, SECOND, { name: 'Houston', address: address });
  const secondSiteId = site.id;
  const peer = await createSipPeer(deps, SECOND, String(site.id), {
    peerName: 'HouPeer',
    isDefaultPeer: true,
    voiceHosts: [{ hostName: 'voice.shared.example.com' }],
    smsHosts: [{ hostName: 'sms.second.example.com' }],
    terminationHosts: [{ hostName: '203.0.113.8/30' }],
  });
  const secondPeerId = peer.id;
  second.houston = await pick(10, { rateCenter: 'HOUSTON', state: 'TX' });
  // Tier-1 numbers outside Texas, so that state=TX finds exactly the Houston ones.
  const tx = new Set(await pick(30_000, { state: 'TX' }));
  second.tier1 = (await pick(40, { tier: 1 })).filter((tn) => !tx.has(tn)).slice(0, 5);
  second.tollFree = await pick(3, { from: 8000000000, to: 8009999999 });
  await assignNumbers(deps, {
    tns: [...second.houston, ...second.tier1, ...second.tollFree],
    accountId: SECOND,
  });
  // Another tenant, with the same voice host and numbers next to the demo ones.
  await createAccount(deps, { id: OTHER, companyName: 'Other Tenant' });
  await createUser(deps, { username: OTHER_AUTH[0], password: OTHER_AUTH[1], accounts: [OTHER] });
  const otherSite = await createSite(deps, OTHER, { name: 'Elsewhere', address: address });
  await createSipPeer(deps, OTHER, String(otherSite.id), {
    peerName: 'OtherPeer',
    voiceHosts: [{ hostName: 'voice.shared.example.com' }],
  });
  other.push(...(await pick(8, { rateCenter: 'RALEIGH', state: 'NC' })));
  other.push(...(await pick(4, { rateCenter: 'HOUSTON', state: 'TX' })));
  other.sort((a, b) => a - b);
  await assignNumbers(deps, { tns: other, accountId: OTHER });
  const [free] = await pick(1, { rateCenter: 'DURHAM1' });
  assert.ok(free);
  const available = free;
  const prot = await db()
    .selectFrom('telephone_numbers')
    .select('tn')
    .where('status', '=', TnStatus.available)
    .where('protected', '=', 1)
    .where('state', 'is not', null)
    .orderBy('tn')
    .executeTakeFirstOrThrow();
  const protectedTn = prot.tn;
  return { h, demo, second, other, available, protectedTn, secondSiteId, secondPeerId };
}

/** The helpers that reach the harness, bound to the set-up `world()` returns when they run. */
export function tnsHelpers(world: () => TnsWorld) {
  const db = () => world().h.app.deps.database.db;
  const pick = (n: number, where: PickWhere) => pickNumbers(db(), n, where);
  const mine = () => {
    const { demo, second } = world();
    return [...demo, ...second.houston, ...second.tier1, ...second.tollFree].sort((a, b) => a - b);
  };
  /** When the inventory's numbers became Available: its build, unless the clock is earlier. */
  const epoch = async () => {
    const built = (await inventoryBuiltAt(db())) as string;
    const now = world().h.clock.now().toISOString();
    return built < now ? built : now;
  };
  return { db, pick, mine, epoch };
}
