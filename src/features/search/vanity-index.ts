import { wallClockMs } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import type { ProtectedFilter } from './search.criteria.js';
import { availableLines, availableOf, becameAvailableSince, latestHistoryId } from './search.store.js';

/**
 * Vanity searches match digits anywhere in a number's last seven, which no B-tree can answer: the
 * database would read every available number of the area code (half a million in 919 at 10 M).
 * Instead each process keeps, per NPA, a compact snapshot of its available numbers (4 bytes each)
 * and scans that. Snapshots are never trusted alone:
 *  - numbers that left "available" since are dropped by re-checking the candidates in the database;
 *  - numbers that became available since are merged in from tn_history (every status change writes
 *    a row there) before each search, so a search costs one cheap query when nothing changed.
 * So results are always current, on any number of instances. One index per process, built at
 * start-up into AppDeps (`deps.vanity`); snapshots are taken on first use per NPA.
 */
interface Snapshot {
  readonly lines: Uint32Array;
  readonly protectedFlags: Uint8Array;
  readonly historyId: number;
  readonly builtAt: number;
}

const MAX_AGE_MS = 10 * 60_000;

export class VanityIndex {
  private readonly snapshots = new Map<number, Promise<Snapshot>>();

  private async build(db: Executor, npa: number): Promise<Snapshot> {
    const historyId = await latestHistoryId(db);
    const rows = await availableLines(db, npa);
    const lines = new Uint32Array(rows.length);
    const protectedFlags = new Uint8Array(rows.length);
    rows.forEach((r, i) => {
      lines[i] = r.line;
      protectedFlags[i] = r.protected;
    });
    return { lines, protectedFlags, historyId, builtAt: wallClockMs() };
  }

  /**
   * Brings a snapshot up to date: numbers of this NPA that became available since it was taken are
   * merged in (from tn_history); a rebuilt inventory or an old snapshot is rebuilt.
   */
  private async refresh(db: Executor, npa: number, snap: Snapshot): Promise<Snapshot> {
    const latest = await latestHistoryId(db);
    if (latest === snap.historyId && wallClockMs() - snap.builtAt < MAX_AGE_MS) return snap;
    if (latest < snap.historyId || wallClockMs() - snap.builtAt >= MAX_AGE_MS) return this.build(db, npa);
    const added = await becameAvailableSince(db, npa, snap.historyId, latest);
    if (added.length === 0) return { ...snap, historyId: latest };
    // Merge the new lines into the sorted snapshot (duplicates are harmless: results are confirmed).
    const extra = added.map((r) => ({ line: r.line, flag: r.protected })).sort((x, y) => x.line - y.line);
    const lines = new Uint32Array(snap.lines.length + extra.length);
    const protectedFlags = new Uint8Array(lines.length);
    let i = 0;
    let j = 0;
    for (let k = 0; k < lines.length; k++) {
      const next = extra[j];
      if (next && (i >= snap.lines.length || next.line < (snap.lines[i] as number))) {
        lines[k] = next.line;
        protectedFlags[k] = next.flag;
        j++;
      } else {
        lines[k] = snap.lines[i] as number;
        protectedFlags[k] = snap.protectedFlags[i] as number;
        i++;
      }
    }
    return { lines, protectedFlags, historyId: latest, builtAt: snap.builtAt };
  }

  private async snapshot(db: Executor, npa: number): Promise<Snapshot> {
    const current = this.snapshots.get(npa);
    const next = current ? current.then((snap) => this.refresh(db, npa, snap)) : this.build(db, npa);
    this.snapshots.set(npa, next);
    next.catch(() => this.snapshots.delete(npa));
    return next;
  }

  /**
   * Available numbers of `npa` whose last seven digits contain `digits` (at the end only with
   * `endsIn`), in number order, at most `limit`, each confirmed available in the database.
   */
  async find(
    db: Executor,
    npa: number,
    digits: string,
    endsIn: boolean,
    protectedFilter: ProtectedFilter,
    limit: number,
  ): Promise<number[]> {
    const snap = await this.snapshot(db, npa);
    const candidates = matchingLines(snap, digits, endsIn, protectedFilter).map((line) => npa * 1e7 + line);
    // Confirm in number order, a little more than still needed at a time, until the limit is met.
    const found: number[] = [];
    for (let i = 0; i < candidates.length && found.length < limit;) {
      const batch = candidates.slice(i, i + limit - found.length + 50);
      i += batch.length;
      for (const tn of await this.confirmAvailable(db, batch)) if (found.length < limit) found.push(tn);
    }
    return found;
  }

  private async confirmAvailable(db: Executor, tns: readonly number[]): Promise<number[]> {
    const ok: number[] = [];
    for (let i = 0; i < tns.length; i += 900) ok.push(...(await availableOf(db, tns.slice(i, i + 900))));
    return ok;
  }
}

/** First index of the sorted `lines` holding a value >= `value`. */
function lowerBound(lines: Uint32Array, value: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((lines[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Lines (last seven digits) of the snapshot that hold `digits` at some position, ascending. For a
 * k-digit pattern at a given position the matching lines form intervals of the sorted snapshot
 * (e.g. `2274` in digits 2-5 is every line x2274y), so each interval is found by binary search
 * instead of testing every number: at most 1,111 searches for four digits.
 */
export function matchingLines(
  snap: { readonly lines: Uint32Array; readonly protectedFlags: Uint8Array },
  digits: string,
  endsIn: boolean,
  protectedFilter: ProtectedFilter,
): number[] {
  const k = digits.length;
  const value = Number(digits);
  const wantProtected = protectedFilter === 'ONLY' ? 1 : 0;
  const positions: number[] = [];
  const shifts = endsIn ? [0] : Array.from({ length: 8 - k }, (_, p) => 7 - k - p);
  for (const shift of shifts) {
    const width = 10 ** shift;
    const block = 10 ** (shift + k);
    for (let prefix = 0; prefix < 10 ** (7 - shift - k); prefix++) {
      const lo = prefix * block + value * width;
      for (
        let i = lowerBound(snap.lines, lo);
        i < snap.lines.length && (snap.lines[i] as number) < lo + width;
        i++
      ) {
        if (protectedFilter === 'MIXED' || snap.protectedFlags[i] === wantProtected) positions.push(i);
      }
    }
  }
  positions.sort((x, y) => x - y);
  const lines: number[] = [];
  for (let j = 0; j < positions.length; j++) {
    const line = snap.lines[positions[j] as number] as number;
    if (lines[lines.length - 1] !== line) lines.push(line);
  }
  return lines;
}
