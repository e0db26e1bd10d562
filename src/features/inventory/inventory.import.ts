// Bulk import: loads numbers from CSV in batches with its own SQL, an allowed exception to "queries live in *.store.ts".
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { Insertable } from 'kysely';
import type { AppDeps } from '../../context.js';
import type { Executor } from '../../platform/db/database.js';
import type {
  NumberBlocksTable,
  RefNpaNxxTable,
  RefZipCodesTable,
  TelephoneNumbersTable,
} from '../../platform/db/tables.js';
import { inTransaction, lockNamed } from '../../platform/db/transaction.js';
import { isTollFreeNpa, isValidNpa, isValidNxx, npaNxxXOf, parseTn } from '../../shared/numbering.js';
import { type CityDim, type Coverage, type RateCenterDim } from '../../shared/coverage.js';
import { insertHistory, insertNumbersIfAbsent } from './inventory.store.js';
import { TnStatus, vendorForTier } from '../../shared/tn-status.js';

/**
 * Operator import of numbers from CSV (`bwdash inventory import`). Each row is
 * `number[,rate center][,state][,lata][,city][,zip]`, positionally, or in any order under a header
 * row naming the columns. What a row leaves out is derived from the reference data: the NPA-NXX's
 * rate centre (ref_npanxx), else the ZIP's nearest rate centre (ref_zip_codes); state, LATA, city,
 * tier and vendor then follow from the covered rate centre. Toll-free numbers carry no place.
 *
 * New numbers go in available, each with a history row (IMPORT_AVAILABLE_ORDER), and their NPA-NXX-X
 * block is recorded in number_blocks. Numbers already in the inventory are left as they are and
 * counted as unchanged, so importing the same file twice changes nothing the second time. Every row
 * the file cannot place is reported with its line and reason; the rest go in, in one transaction.
 */
export interface ImportOptions {
  /** Who imports (recorded in the numbers' history). */
  readonly userId?: string | undefined;
}

export interface ImportRejection {
  /** 1-based line of the file. */
  readonly line: number;
  /** The number as written in the file. */
  readonly number: string;
  readonly reason: string;
}

export interface ImportResult {
  readonly accepted: number;
  readonly unchanged: number;
  readonly rejected: ImportRejection[];
}

export const IMPORT_ORDER_TYPE = 'IMPORT_AVAILABLE_ORDER';

/** Serialises imports on PostgreSQL, so two files cannot place one thousands block in two rate centres. */
const IMPORT_LOCK = 'inventory-import';
const CHUNK = 500;

type Column = 'number' | 'rateCenter' | 'state' | 'lata' | 'city' | 'zip';
const POSITIONAL: readonly Column[] = ['number', 'rateCenter', 'state', 'lata', 'city', 'zip'];
const HEADER_NAMES: Readonly<Record<string, Column>> = {
  number: 'number',
  tn: 'number',
  telephonenumber: 'number',
  phonenumber: 'number',
  ratecenter: 'rateCenter',
  ratecentre: 'rateCenter',
  rc: 'rateCenter',
  state: 'state',
  statecode: 'state',
  lata: 'lata',
  city: 'city',
  zip: 'zip',
  zipcode: 'zip',
  postalcode: 'zip',
};

interface Row {
  readonly line: number;
  readonly number: string;
  readonly rateCenter?: string | undefined;
  readonly state?: string | undefined;
  readonly lata?: string | undefined;
  readonly city?: string | undefined;
  readonly zip?: string | undefined;
}

/** What a row resolves to: the number and its place (all null for toll-free). */
interface Placed {
  readonly tn: number;
  readonly rateCenter: RateCenterDim | null;
  readonly city: CityDim | null;
}

class Rejected extends Error {}
function reject(reason: string): never {
  throw new Rejected(reason);
}

function readRows(csvText: string): Row[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csvText, {
      bom: true,
      info: true,
      trim: true,
      comment: '#',
      skip_empty_lines: true,
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n'],
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    throw new Error(`the file is not valid CSV: ${(err as Error).message}`);
  }
  let columns = POSITIONAL;
  const first = records[0];
  // A header row names columns: its first field has no digit (a number always has some).
  if (first && !/\d/.test(first.record[0] ?? '')) {
    columns = first.record.map((name) => {
      const column = HEADER_NAMES[name.toLowerCase().replace(/[^a-z]/g, '')];
      if (!column) {
        throw new Error(
          `unknown column '${name}' in the header (known: number, rate center, state, lata, city, zip)`,
        );
      }
      return column;
    });
    if (!columns.includes('number')) throw new Error('the header has no number column');
    records = records.slice(1);
  }
  return records
    .filter(({ record }) => record.some((f) => f !== ''))
    .map(({ record, info }) => {
      const row: Record<string, string | number | undefined> = { line: info.lines, number: '' };
      columns.forEach((column, i) => {
        const value = record[i]?.trim();
        row[column] = value === '' ? undefined : value;
      });
      row.number ??= '';
      return row as unknown as Row;
    });
}

/** A number as operators write it (`(919) 555-0100`, `919.555.0100`, `+1 919 555 0100`), or why not. */
function normaliseNumber(text: string): number | string {
  const tn = parseTn(text.replace(/[\s().-]/g, ''));
  if (tn === undefined) return 'invalid number';
  const digits = String(tn);
  if (!isValidNpa(digits.slice(0, 3))) return `invalid number: NPA ${digits.slice(0, 3)} is not assignable`;
  if (!isValidNxx(digits.slice(3, 6))) return `invalid number: NXX ${digits.slice(3, 6)} is not assignable`;
  return tn;
}

/** Reference data for the rows' NPA-NXXs and ZIPs, and the covered rate centres by LCG exchange. */
interface Reference {
  readonly cov: Coverage;
  readonly npaNxx: ReadonlyMap<number, Pick<RefNpaNxxTable, 'state' | 'city' | 'lcg_exchange'>>;
  readonly zips: ReadonlyMap<string, Pick<RefZipCodesTable, 'state' | 'city' | 'nearest_rate_center'>>;
  readonly rcOfExchange: ReadonlyMap<string, number>;
}

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function loadReference(deps: AppDeps, rows: readonly Row[]): Promise<Reference> {
  const db = deps.database.db;
  const npas = new Set<string>();
  const zips = new Set<string>();
  for (const row of rows) {
    const tn = normaliseNumber(row.number);
    if (typeof tn === 'number') npas.add(String(tn).slice(0, 3));
    if (row.zip && /^\d{5}$/.test(row.zip)) zips.add(row.zip);
  }
  const npaNxx = new Map<number, Pick<RefNpaNxxTable, 'state' | 'city' | 'lcg_exchange'>>();
  for (const part of chunks([...npas])) {
    const found = await db
      .selectFrom('ref_npanxx')
      .select(['npa', 'nxx', 'state', 'city', 'lcg_exchange'])
      .where('npa', 'in', part)
      .execute();
    for (const r of found) npaNxx.set(Number(r.npa) * 1000 + Number(r.nxx), r);
  }
  const zipRows = new Map<string, Pick<RefZipCodesTable, 'state' | 'city' | 'nearest_rate_center'>>();
  for (const part of chunks([...zips])) {
    const found = await db
      .selectFrom('ref_zip_codes')
      .select(['zip', 'state', 'city', 'nearest_rate_center'])
      .where('zip', 'in', part)
      .execute();
    for (const r of found) zipRows.set(r.zip, r);
  }
  const exchanges = await db.selectFrom('rate_centers').select(['id', 'lcg_exchange']).execute();
  return {
    cov: deps.coverage,
    npaNxx,
    zips: zipRows,
    rcOfExchange: new Map(exchanges.map((r) => [r.lcg_exchange, r.id])),
  };
}

/** The state of a rate centre written without one: the only state that has a rate centre so named. */
function uniqueStateOf(cov: Coverage, name: string): string | undefined {
  const upper = name.trim().toUpperCase();
  const states = new Set(
    cov.rateCenters
      .filter((rc) => rc.abbreviation.toUpperCase() === upper || rc.name === upper)
      .map((rc) => rc.state),
  );
  return states.size === 1 ? [...states][0] : undefined;
}

function place(ref: Reference, row: Row, tn: number): Placed {
  const { cov } = ref;
  const digits = String(tn);
  const label = `${digits.slice(0, 3)}-${digits.slice(3, 6)}`;
  if (isTollFreeNpa(digits.slice(0, 3))) {
    if (row.rateCenter || row.state || row.lata || row.city || row.zip) {
      reject('a toll-free number has no rate centre, state, LATA, city or ZIP');
    }
    return { tn, rateCenter: null, city: null };
  }
  const state = row.state?.toUpperCase();
  if (state !== undefined && cov.rateCentersInState(state).length === 0)
    reject(`unknown state '${row.state}'`);
  if (row.zip !== undefined && !/^\d{5}$/.test(row.zip)) reject(`invalid ZIP '${row.zip}' (5 digits)`);
  const zip = row.zip === undefined ? undefined : ref.zips.get(row.zip);
  if (row.zip !== undefined && !zip) reject(`unknown ZIP ${row.zip}`);
  const npaNxx = ref.npaNxx.get(Math.floor(tn / 10_000));
  const npaNxxRc = npaNxx?.lcg_exchange
    ? cov.rateCenter(ref.rcOfExchange.get(npaNxx.lcg_exchange))
    : undefined;

  let rc: RateCenterDim | undefined;
  if (row.rateCenter !== undefined) {
    const inState = state ?? npaNxx?.state ?? zip?.state ?? uniqueStateOf(cov, row.rateCenter);
    rc = inState ? cov.rateCenterByName(inState, row.rateCenter) : undefined;
    if (!rc) {
      reject(
        inState
          ? `unknown rate centre '${row.rateCenter}' in ${inState}`
          : `unknown rate centre '${row.rateCenter}' (give its state)`,
      );
    }
  } else if (npaNxxRc) {
    rc = npaNxxRc;
  } else if (zip?.nearest_rate_center) {
    rc = cov.rateCenterByName(zip.state, zip.nearest_rate_center);
  }
  if (!rc) {
    return reject(
      `no way to place it: NPA-NXX ${label} is not in the reference data` +
        (row.zip ? ` and ZIP ${row.zip} has no covered rate centre` : '; give a rate centre or a ZIP'),
    );
  }
  const where = `rate centre ${rc.abbreviation} is in ${rc.state}`;
  if (state !== undefined && state !== rc.state) reject(`state mismatch: ${where}, the row says ${state}`);
  if (npaNxx && npaNxx.state !== rc.state) {
    reject(`state mismatch: NPA-NXX ${label} is in ${npaNxx.state}, ${where}`);
  }
  if (zip && zip.state !== rc.state) reject(`state mismatch: ZIP ${row.zip} is in ${zip.state}, ${where}`);
  if (row.lata !== undefined && row.lata !== rc.lata) {
    reject(
      `LATA mismatch: rate centre ${rc.abbreviation} (${rc.state}) is in LATA ${rc.lata}, the row says ${row.lata}`,
    );
  }

  let city: CityDim | undefined;
  if (row.city !== undefined) {
    city = cov.cityByName(rc.state, row.city);
    if (!city) reject(`unknown city '${row.city}' in ${rc.state}`);
  } else {
    const named = npaNxxRc?.id === rc.id ? npaNxx?.city : zip?.city;
    city = (named ? cov.cityByName(rc.state, named) : undefined) ?? cov.citiesOfRateCenter(rc.id)[0];
  }
  return { tn, rateCenter: rc, city: city ?? null };
}

async function existingNumbers(db: Executor, tns: readonly number[]): Promise<Set<number>> {
  const found = new Set<number>();
  for (const part of chunks(tns)) {
    const rows = await db.selectFrom('telephone_numbers').select('tn').where('tn', 'in', part).execute();
    for (const r of rows) found.add(r.tn);
  }
  return found;
}

async function existingBlocks(db: Executor, blocks: readonly number[]): Promise<Map<number, number>> {
  const found = new Map<number, number>();
  for (const part of chunks(blocks)) {
    const rows = await db
      .selectFrom('number_blocks')
      .select(['npa_nxx_x', 'rate_center_id'])
      .where('npa_nxx_x', 'in', part)
      .execute();
    for (const r of rows) found.set(r.npa_nxx_x, r.rate_center_id);
  }
  return found;
}

async function insertBlocks(db: Executor, rows: readonly NumberBlocksTable[]): Promise<void> {
  for (const part of chunks(rows)) {
    await db
      .insertInto('number_blocks')
      .values(part)
      .onConflict((oc) => oc.column('npa_nxx_x').doNothing())
      .execute();
  }
}

export async function importNumbers(
  deps: AppDeps,
  csvText: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const rows = readRows(csvText);
  const ref = await loadReference(deps, rows);
  return inTransaction(deps.database.db, async (tx) => {
    await lockNamed(tx, deps.database.dialect, IMPORT_LOCK);
    const db = tx.db;
    const rejected: ImportRejection[] = [];
    const numbers = new Map<number, Row>();
    const firstLine = new Map<number, number>();
    for (const row of rows) {
      const tn = normaliseNumber(row.number);
      if (typeof tn === 'string') {
        rejected.push({ line: row.line, number: row.number, reason: tn });
        continue;
      }
      const seen = firstLine.get(tn);
      if (seen !== undefined) {
        rejected.push({ line: row.line, number: row.number, reason: `duplicate of line ${seen}` });
        continue;
      }
      firstLine.set(tn, row.line);
      numbers.set(tn, row);
    }
    const present = await existingNumbers(db, [...numbers.keys()]);
    let unchanged = present.size;
    const candidates = [...numbers].filter(([tn]) => !present.has(tn));
    const blockOf = await existingBlocks(db, [...new Set(candidates.map(([tn]) => npaNxxXOf(tn)))]);

    const now = deps.clock.now().toISOString();
    const order = { id: randomUUID(), type: IMPORT_ORDER_TYPE, createdAt: now };
    const newBlocks: NumberBlocksTable[] = [];
    const toInsert: Insertable<TelephoneNumbersTable>[] = [];
    for (const [tn, row] of candidates) {
      let placed: Placed;
      try {
        placed = place(ref, row, tn);
        const rc = placed.rateCenter;
        if (rc) {
          const x = npaNxxXOf(tn);
          const owner = blockOf.get(x);
          if (owner !== undefined && owner !== rc.id) {
            const other = ref.cov.rateCenter(owner);
            reject(
              `block ${String(x).slice(0, 6)}-${String(x).slice(6)} is in rate centre ` +
                `${other ? `${other.abbreviation} (${other.state})` : owner}, not ${rc.abbreviation} (${rc.state})`,
            );
          }
          if (owner === undefined) {
            blockOf.set(x, rc.id);
            newBlocks.push({
              npa_nxx_x: x,
              rate_center_id: rc.id,
              city_id: placed.city?.id ?? null,
              state: rc.state,
              lata: rc.lata,
            });
          }
        }
      } catch (err) {
        if (!(err instanceof Rejected)) throw err;
        rejected.push({ line: row.line, number: row.number, reason: err.message });
        continue;
      }
      const tier = placed.rateCenter?.tier ?? 0;
      toInsert.push({
        tn,
        status: TnStatus.available,
        rate_center_id: placed.rateCenter?.id ?? null,
        city_id: placed.city?.id ?? null,
        state: placed.rateCenter?.state ?? null,
        lata: placed.rateCenter?.lata ?? null,
        tier,
        vendor_id: vendorForTier(tier),
        protected: 0,
        account_id: null,
        site_id: null,
        sip_peer_id: null,
        reservation_id: null,
        order_id: order.id,
        order_type: order.type,
        order_created_at: order.createdAt,
        status_changed_at: now,
        updated_at: now,
      });
    }
    await insertBlocks(db, newBlocks);
    const inserted = await insertNumbersIfAbsent(db, toInsert);
    // A number another writer inserted meanwhile (none on SQLite, where this transaction is the
    // only writer) is already there: unchanged, not duplicated.
    unchanged += toInsert.length - inserted.length;
    await insertHistory(
      db,
      inserted.map((tn) => ({
        tn,
        at: now,
        status: TnStatus.available,
        account_id: null,
        order_id: order.id,
        order_type: order.type,
        order_created_at: order.createdAt,
        order_status: 'COMPLETE',
        user_id: options.userId ?? null,
      })),
    );
    rejected.sort((a, b) => a.line - b.line);
    return { accepted: inserted.length, unchanged, rejected };
  });
}
