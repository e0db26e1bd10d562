import type { AppDeps } from '../../context.js';
import { ApiError } from '../../platform/http/api-error.js';
import { x, type RootIn, type RootOut } from '../../platform/xml/schema.js';
import { encodeXml } from '../../platform/xml/encode.js';
import type { ErrorShape } from '../../platform/http/error-shapes.js';
import { text } from '../../shared/fields.js';
import { formatTn, parseTn } from '../../shared/numbering.js';
import { classifyNumbers, type NumberPortability, type PortType } from './portability.js';
import { PortInErrors, PortInRejected } from './portins.errors.js';
import { MAX_PORT_IN_TNS } from './portins.validation.js';

/**
 * The LNP checker (row 17): for each number, the rate centre of its NPA-NXX, whether we cover it
 * (on-net, or through a partner: PartnerSupportedRateCenters with fullCheck=offnetportability), its
 * losing carrier (with fullCheck other than false) and the port type. Numbers that cannot be ported
 * here at all (invalid, in service on the account, on an open port-in) make it a 400.
 */
export const FULL_CHECK_MODES = ['false', 'true', 'onnetportability', 'offnetportability'] as const;
export type FullCheck = (typeof FULL_CHECK_MODES)[number];

export function parseFullCheck(value: string | undefined): FullCheck {
  const t = (text(value) ?? 'false').toLowerCase();
  const mode = FULL_CHECK_MODES.find((m) => m === t);
  if (!mode) throw ApiError.of(PortInErrors.checkModeInvalid);
  return mode;
}

export interface RateCenterGroup {
  readonly rateCenter: string;
  readonly city: string;
  readonly state: string;
  readonly lata: string;
  readonly tier: number | undefined;
  readonly tns: number[];
}

export interface CarrierGroup {
  readonly spid: string;
  readonly name: string;
  readonly isWireless: boolean;
  readonly accountNumberRequired: boolean;
  readonly minimumPortingInterval: number;
  readonly tns: number[];
}

export interface PortabilityReport {
  readonly portType: PortType;
  readonly supported: RateCenterGroup[];
  readonly unsupported: RateCenterGroup[];
  /** Only with fullCheck=offnetportability. */
  readonly partner: RateCenterGroup[] | undefined;
  /** Only with a full check. */
  readonly carriers: CarrierGroup[] | undefined;
}

function groupBy<K, T>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    out.set(k, [...(out.get(k) ?? []), item]);
  }
  return out;
}

function rateCenterGroups(numbers: readonly NumberPortability[]): RateCenterGroup[] {
  return [...groupBy(numbers, (n) => `${n.place?.state}|${n.place?.rateCenter}`).values()].map((list) => {
    const place = list[0]?.place;
    return {
      rateCenter: place?.rateCenter ?? '',
      city: (place?.city ?? '').toUpperCase(),
      state: place?.state ?? '',
      lata: place?.lata ?? '',
      tier: list[0]?.tier,
      tns: list.map((n) => n.tn),
    };
  });
}

export async function checkPortability(
  deps: AppDeps,
  accountId: string,
  values: readonly string[] | undefined,
  mode: FullCheck,
): Promise<PortabilityReport> {
  const list = (values ?? []).map((v) => text(v) ?? '');
  if (list.length === 0) throw ApiError.of(PortInErrors.checkTnRequired);
  if (list.length > MAX_PORT_IN_TNS) throw ApiError.of(PortInErrors.checkTooMany, MAX_PORT_IN_TNS);
  const invalid = list.filter((v) => parseTn(v) === undefined);
  if (invalid.length > 0) {
    throw new PortInRejected(
      invalid.map((v) => ({
        code: 7201,
        description: ApiError.of(PortInErrors.checkTnInvalid, v).description,
      })),
    );
  }
  const tns = list.map((v) => parseTn(v) as number);
  if (new Set(tns).size !== tns.length) throw ApiError.of(PortInErrors.checkDuplicates);
  const classified = await classifyNumbers(deps, accountId, tns);
  const errors = classified.flatMap((c) => {
    const def =
      c.problem === 'unknownNpaNxx'
        ? PortInErrors.checkTnInvalid
        : c.problem === 'inService'
          ? PortInErrors.tnInService
          : c.problem === 'pendingPortIn'
            ? PortInErrors.tnPending
            : undefined;
    if (!def) return [];
    const e = ApiError.of(def, formatTn(c.tn));
    const description = e.description.includes(formatTn(c.tn))
      ? e.description
      : `${e.description}: ${formatTn(c.tn)}`;
    return [{ code: e.code, description }];
  });
  if (errors.length > 0) throw new PortInRejected(errors);

  const local = classified.filter((c) => !c.tollFree);
  const offnet = mode === 'offnetportability';
  const isSupported = (c: NumberPortability) =>
    c.portType === 'INTERNAL' || c.tier === 0 || (c.tier === 1 && !offnet);
  const types = new Set(classified.map((c) => c.portType));
  const portType: PortType = types.has('MANUALTOLLFREE')
    ? 'MANUALTOLLFREE'
    : types.size === 1 && types.has('INTERNAL')
      ? 'INTERNAL'
      : types.has('MANUALOFFNET')
        ? 'MANUALOFFNET'
        : 'AUTOMATED';
  const withCarrier = classified.filter((c) => c.carrier);
  return {
    portType,
    supported: rateCenterGroups(local.filter(isSupported)),
    unsupported: rateCenterGroups(local.filter((c) => !isSupported(c) && !(offnet && c.tier === 1))),
    partner: offnet
      ? rateCenterGroups(local.filter((c) => c.tier === 1 && c.portType !== 'INTERNAL'))
      : undefined,
    carriers:
      mode === 'false'
        ? undefined
        : [...groupBy(withCarrier, (c) => c.carrier?.spid).values()].map((group) => {
            const c = group[0]?.carrier;
            return {
              spid: c?.spid ?? '',
              name: c?.name ?? '',
              isWireless: c?.isWireless ?? false,
              accountNumberRequired: c?.accountNumberRequired ?? false,
              minimumPortingInterval: c?.minimumPortingInterval ?? 1,
              tns: group.map((n) => n.tn),
            };
          }),
  };
}

// ---- XML ---------------------------------------------------------------------------------------

export const PortabilityRequestXml = x.root('NumberPortabilityRequest', { TnList: x.list('Tn', x.text()) });

export const portabilityTnsOf = (body: RootIn<typeof PortabilityRequestXml>) => body.TnList;

const RateCenterGroupXml = x.object({
  RateCenter: x.text(),
  City: x.text(),
  State: x.text(),
  LATA: x.text(),
  Tiers: x.list('Tier', x.text(), 'omit'),
  TnList: x.list('Tn', x.text()),
});
const GroupsXml = x.list('RateCenterGroup', RateCenterGroupXml);

export const PortabilityResponseXml = x.root('NumberPortabilityResponse', {
  Errors: x.repeated(x.object({ Code: x.text(), Description: x.text() })),
  PortType: x.text(),
  SupportedRateCenters: GroupsXml,
  UnsupportedRateCenters: GroupsXml,
  PartnerSupportedRateCenters: x.list('RateCenterGroup', RateCenterGroupXml, 'omit'),
  SupportedLosingCarriers: x.list(
    'LosingCarrierTnList',
    x.object({
      LosingCarrierSPID: x.text(),
      LosingCarrierName: x.text(),
      LosingCarrierIsWireless: x.text(),
      LosingCarrierAccountNumberRequired: x.text(),
      LosingCarrierMinimumPortingInterval: x.text(),
      TnList: x.list('Tn', x.text()),
    }),
    'omit',
  ),
  UnsupportedLosingCarriers: x.list(
    'LosingCarrierTnList',
    x.object({ TnList: x.list('Tn', x.text()) }),
    'omit',
  ),
});

const groupToXml = (g: RateCenterGroup) => ({
  RateCenter: g.rateCenter,
  City: g.city,
  State: g.state,
  LATA: g.lata,
  Tiers: g.tier === undefined ? undefined : [g.tier],
  TnList: g.tns.map(formatTn),
});

export function portabilityToXml(r: PortabilityReport): RootOut<typeof PortabilityResponseXml> {
  return {
    PortType: r.portType,
    SupportedRateCenters: r.supported.map(groupToXml),
    UnsupportedRateCenters: r.unsupported.map(groupToXml),
    PartnerSupportedRateCenters: r.partner?.map(groupToXml),
    SupportedLosingCarriers: r.carriers?.map((c) => ({
      LosingCarrierSPID: c.spid,
      LosingCarrierName: c.name,
      LosingCarrierIsWireless: c.isWireless,
      LosingCarrierAccountNumberRequired: c.accountNumberRequired,
      LosingCarrierMinimumPortingInterval: c.minimumPortingInterval,
      TnList: c.tns.map(formatTn),
    })),
    UnsupportedLosingCarriers: r.carriers ? [] : undefined,
  };
}

/** 400: repeated unwrapped `Errors` directly under the root (contract §4). */
export const portabilityErrorShape: ErrorShape = (err) =>
  encodeXml(PortabilityResponseXml, {
    Errors: (err instanceof PortInRejected
      ? err.errors
      : [{ code: err.code, description: err.description }]
    ).map((e) => ({
      Code: e.code,
      Description: e.description,
    })),
  });
