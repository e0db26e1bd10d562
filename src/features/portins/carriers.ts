import type { AppDeps } from '../../context.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { portingCalendar, type BusinessCalendar } from '../porting-calendar/index.js';
import { incumbents } from './portins.store.js';

/**
 * The losing carriers: the incumbent (ILEC) of each rate centre, from the reference data's
 * `ilec_name`. A deterministic, documented rule gives each carrier its identity and terms:
 *  - SPID: 1000 + the carrier's position in the alphabetical list of incumbents (so the first is
 *    1000), four digits, stable for a given reference data set;
 *  - minimum porting interval, in business days, by size: 3 for carriers serving 200 or more rate
 *    centres (the large incumbents, with automated porting desks), 4 for 20–199, 5 below 20;
 *  - the large ones (200+) require the subscriber's account number; none are wireless.
 */
export interface Carrier {
  readonly spid: string;
  readonly name: string;
  readonly isWireless: boolean;
  readonly accountNumberRequired: boolean;
  /** Business days from the order to the earliest FOC date. */
  readonly minimumPortingInterval: number;
}

/** Internal ports (between two accounts here) and toll-free ports have their own terms. */
export const INTERNAL_CARRIER: Carrier = {
  spid: '9999',
  name: 'Bandwidth CLEC',
  isWireless: false,
  accountNumberRequired: false,
  minimumPortingInterval: 1,
};
export const TOLL_FREE_CARRIER: Carrier = {
  spid: 'TF00',
  name: 'Toll-free RespOrg',
  isWireless: false,
  accountNumberRequired: false,
  minimumPortingInterval: 3,
};

export function carrierTerms(name: string, rank: number, rateCenters: number): Carrier {
  const large = rateCenters >= 200;
  return {
    spid: String(1000 + rank),
    name,
    isWireless: false,
    accountNumberRequired: large,
    minimumPortingInterval: large ? 3 : rateCenters >= 20 ? 4 : 5,
  };
}

/** What porting reads from the reference data, loaded once per database. */
export interface PortingReference {
  readonly calendar: BusinessCalendar;
  carrier(incumbent: string): Carrier | undefined;
  carrierBySpid(spid: string): Carrier | undefined;
}

const loaded = new WeakMap<Database, Promise<PortingReference>>();
const ready = new WeakMap<Database, PortingReference>();

async function load(deps: Pick<AppDeps, 'database'>, db: Executor): Promise<PortingReference> {
  const calendar = await portingCalendar(deps, db);
  const ilecs = await incumbents(db);
  const sorted = ilecs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const byName = new Map(sorted.map((c, i) => [c.name, carrierTerms(c.name, i, c.rateCenters)]));
  const bySpid = new Map(
    [...byName.values(), INTERNAL_CARRIER, TOLL_FREE_CARRIER].map((c) => [c.spid, c] as const),
  );
  return {
    calendar,
    carrier: (name) => byName.get(name),
    carrierBySpid: (spid) => bySpid.get(spid),
  };
}

/**
 * The reference, loaded once per database. Inside a transaction pass its executor: on SQLite's one
 * connection a read outside the transaction would wait for it to end.
 */
export async function portingReference(
  deps: Pick<AppDeps, 'database'>,
  db?: Executor,
): Promise<PortingReference> {
  const done = ready.get(deps.database);
  if (done) return done;
  // Inside a transaction, never wait on a load that another caller started outside it: on SQLite
  // that load waits for this transaction's connection. Load through the transaction instead.
  if (db) {
    const ref = await load(deps, db);
    ready.set(deps.database, ref);
    return ref;
  }
  let pending = loaded.get(deps.database);
  if (!pending) {
    pending = load(deps, deps.database.db).then((ref) => {
      ready.set(deps.database, ref);
      return ref;
    });
    loaded.set(deps.database, pending);
    pending.catch(() => loaded.delete(deps.database));
  }
  return pending;
}
