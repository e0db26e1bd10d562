import type { AppDeps } from '../../context.js';
import { rateCenterIdsByExchange } from '../coverage/index.js';
import type { Executor } from '../../platform/db/database.js';
import { numbersByTn, TnStatus, type PortedNumber } from '../inventory/index.js';
import { vendorForTier } from '../../shared/tn-status.js';
import { isTollFreeNpa, npaNxxOf, npaOf } from '../../shared/numbering.js';
import { INTERNAL_CARRIER, portingReference, TOLL_FREE_CARRIER, type Carrier } from './carriers.js';
import { npaNxxPlaces, openPortInsOf, type NpaNxxPlace } from './portins.store.js';

/**
 * Where a number would port from, and whether it can: the place of its NPA-NXX (reference data),
 * whether we cover that rate centre (tier 0 on-net, tier 1 through a partner), its losing carrier
 * (carriers.ts), the port type, and what stands in the way (in service here, on an open port-in,
 * in our own inventory). The LNP checker reports it; a port-in order is refused on it.
 */
export type PortType = 'AUTOMATED' | 'MANUALOFFNET' | 'MANUALTOLLFREE' | 'INTERNAL';

export type PortProblem =
  /** The NPA-NXX is not assigned anywhere (7201). */
  | 'unknownNpaNxx'
  /** In service on the account itself (7206). */
  | 'inService'
  /** On another open port-in (7205). */
  | 'pendingPortIn'
  /** In our inventory and not in service: an order, not a port (7320). */
  | 'ours'
  /** An operator's external number (7600). */
  | 'external'
  /** A rate centre we do not cover (7331). */
  | 'unsupportedRateCenter'
  /** No incumbent known for the rate centre (7609). */
  | 'unsupportedCarrier';

export interface NumberPortability {
  readonly tn: number;
  readonly tollFree: boolean;
  readonly place: NpaNxxPlace | undefined;
  /** The covered rate centre, and its tier; undefined when we do not cover it. */
  readonly rateCenterId: number | undefined;
  readonly tier: number | undefined;
  readonly carrier: Carrier | undefined;
  readonly portType: PortType;
  readonly problem: PortProblem | undefined;
  /** INTERNAL: the account the number leaves. */
  readonly losingAccountId: string | undefined;
}

/** Classifies each number for a port into `accountId`. */
export async function classifyNumbers(
  deps: AppDeps,
  accountId: string,
  tns: readonly number[],
): Promise<NumberPortability[]> {
  const db = deps.database.db;
  const ref = await portingReference(deps);
  const local = tns.filter((tn) => !isTollFreeNpa(npaOf(tn)));
  const places = await npaNxxPlaces(db, [...new Set(local.map(npaNxxOf))]);
  const exchanges = [...new Set([...places.values()].flatMap((p) => (p.exchange ? [p.exchange] : [])))];
  const covered = await rateCenterIdsByExchange(db, exchanges);
  const rows = new Map((await numbersByTn(db, tns)).map((r) => [r.tn, r]));
  const pending = await openPortInsOf(db, tns);
  return tns.map((tn): NumberPortability => {
    const row = rows.get(tn);
    const tollFree = isTollFreeNpa(npaOf(tn));
    const place = tollFree ? undefined : places.get(npaNxxOf(tn));
    const rateCenterId = place?.exchange ? covered.get(place.exchange) : undefined;
    const tier = deps.coverage.rateCenter(rateCenterId)?.tier;
    const internal = row?.status === TnStatus.inService && row.account_id !== accountId;
    const carrier = tollFree
      ? TOLL_FREE_CARRIER
      : internal
        ? INTERNAL_CARRIER
        : place?.incumbent
          ? ref.carrier(place.incumbent)
          : undefined;
    const portType: PortType = tollFree
      ? 'MANUALTOLLFREE'
      : internal
        ? 'INTERNAL'
        : tier === 0
          ? 'AUTOMATED'
          : 'MANUALOFFNET';
    let problem: PortProblem | undefined;
    if (!tollFree && !place) problem = 'unknownNpaNxx';
    else if (row?.status === TnStatus.inService && !internal) problem = 'inService';
    else if (pending.has(tn)) problem = 'pendingPortIn';
    else if (row?.status === TnStatus.external) problem = 'external';
    else if (row && row.status !== TnStatus.inService && row.status !== TnStatus.portedOut) problem = 'ours';
    else if (!tollFree && !internal && tier === undefined) problem = 'unsupportedRateCenter';
    else if (!carrier) problem = 'unsupportedCarrier';
    return {
      tn,
      tollFree,
      place,
      rateCenterId,
      tier,
      carrier,
      portType,
      problem,
      losingAccountId: internal ? (row.account_id ?? undefined) : undefined,
    };
  });
}

/** Where each number goes in the inventory when it is activated: its place from the reference data. */
export async function placesOf(deps: AppDeps, db: Executor, tns: readonly number[]): Promise<PortedNumber[]> {
  const places = await npaNxxPlaces(db, [...new Set(tns.map(npaNxxOf))]);
  const exchanges = [...new Set([...places.values()].flatMap((p) => (p.exchange ? [p.exchange] : [])))];
  const covered = await rateCenterIdsByExchange(db, exchanges);
  return tns.map((tn): PortedNumber => {
    const place = places.get(npaNxxOf(tn));
    const rateCenterId = place?.exchange ? (covered.get(place.exchange) ?? null) : null;
    const rc = deps.coverage.rateCenter(rateCenterId);
    const city = place?.city && place.state ? deps.coverage.cityByName(place.state, place.city) : undefined;
    const tier = rc?.tier ?? 0;
    return {
      tn,
      rateCenterId,
      cityId: city?.id ?? null,
      state: place?.state ?? null,
      lata: place?.lata ?? null,
      tier,
      vendorId: vendorForTier(tier),
    };
  });
}
