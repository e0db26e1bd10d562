import { formatTn } from '../../shared/numbering.js';
import {
  accountHistoryPage,
  countByRateCenter,
  listDisconnectedNumbers,
  numbersByTn,
  numbersInServiceAt,
  TnStatus,
} from '../inventory/index.js';
import { numberSettingsPage, type TnSettings } from '../sip-peer-tns/index.js';
import { listAccountHosts } from '../sip-peers/index.js';
import {
  accountParameter,
  dateParameter,
  daysOf,
  numberOf,
  one,
  PAGE,
  siteParameter,
  statusName,
  type Cell,
  type ReportDefinition,
} from './report-definition.js';

/** The reports on the account's numbers and where they are: each reads a page at a time. */
export const inServiceNumbers: ReportDefinition = {
  id: 100001,
  name: 'In-service numbers',
  description: 'Every number in service on the account, with its site, SIP peer, rate center and state.',
  parameters: [
    accountParameter,
    siteParameter,
    {
      name: 'SipPeerId',
      type: 'SipPeer ID',
      required: false,
      description: 'Only this SIP peer (location)',
      multiSelect: false,
      help: 'The id of one of the account’s SIP peers; leave out for all of them.',
    },
  ],
  columns: [
    { header: 'Telephone number', type: 'text', width: 16 },
    { header: 'Status', type: 'text', width: 12 },
    { header: 'Site ID', type: 'number', width: 9 },
    { header: 'SIP peer ID', type: 'number', width: 12 },
    { header: 'Rate center', type: 'text', width: 14 },
    { header: 'State', type: 'text', width: 7 },
    { header: 'City', type: 'text', width: 20 },
    { header: 'LATA', type: 'text', width: 7 },
    { header: 'In service since', type: 'date', width: 22 },
  ],
  async *rows(deps, run) {
    const place = {
      accountId: run.accountId,
      siteId: numberOf(run, 'SiteId'),
      sipPeerId: numberOf(run, 'SipPeerId'),
    };
    let from: number | undefined;
    for (;;) {
      const page = await numbersInServiceAt(deps, place, from, PAGE);
      if (page.length === 0) return;
      yield page.map((n) => [
        formatTn(n.tn),
        statusName(n.status),
        n.site_id,
        n.sip_peer_id,
        deps.coverage.rateCenter(n.rate_center_id)?.abbreviation ?? null,
        n.state,
        deps.coverage.city(n.city_id)?.name ?? null,
        n.lata,
        n.status_changed_at ? new Date(n.status_changed_at) : null,
      ]);
      if (page.length < PAGE) return;
      from = (page.at(-1)?.tn ?? 0) + 1;
    }
  },
};

export const sipPeerHosts: ReportDefinition = {
  id: 100003,
  name: 'SIP peers and hosts',
  description: 'Every SIP peer of the account with its voice, messaging and termination hosts.',
  parameters: [accountParameter, siteParameter],
  columns: [
    { header: 'Site ID', type: 'number', width: 9 },
    { header: 'SIP peer ID', type: 'number', width: 12 },
    { header: 'Host type', type: 'text', width: 14 },
    { header: 'Host', type: 'text', width: 30 },
  ],
  async *rows(deps, run) {
    const siteId = numberOf(run, 'SiteId');
    const rows: Cell[][] = [];
    for (const site of await listAccountHosts(deps, run.accountId, {})) {
      if (siteId !== undefined && site.siteId !== siteId) continue;
      for (const peer of site.peers) {
        const hosts: [string, { readonly hostName: string }[]][] = [
          ['ORIGINATION', [...peer.voiceHosts]],
          ['SMS', [...peer.smsHosts]],
          ['TERMINATION', [...peer.terminationHosts]],
        ];
        for (const [type, list] of hosts)
          for (const h of list) rows.push([site.siteId, peer.peerId, type, h.hostName]);
      }
    }
    yield rows;
  },
};

export const inventoryByRateCenter: ReportDefinition = {
  id: 100004,
  name: 'Number inventory by rate center',
  description:
    'Per rate center: the numbers available to order, those aging before they are again, and the account’s in service.',
  parameters: [
    accountParameter,
    {
      name: 'State',
      type: 'String',
      required: false,
      description: 'Only rate centers of this state',
      multiSelect: false,
      help: 'A two-letter state code, such as NC.',
    },
  ],
  columns: [
    { header: 'State', type: 'text', width: 7 },
    { header: 'Rate center', type: 'text', width: 16 },
    { header: 'LATA', type: 'text', width: 7 },
    { header: 'Available', type: 'number', width: 11 },
    { header: 'In service', type: 'number', width: 11 },
    { header: 'Aging', type: 'number', width: 9 },
  ],
  async *rows(deps, run) {
    const state = one(run, 'State')?.toUpperCase();
    const totals = new Map<number, { available: number; inService: number; aging: number }>();
    for (const c of await countByRateCenter(deps.database.db, run.accountId, [
      TnStatus.available,
      TnStatus.aging,
    ])) {
      if (c.rateCenterId === null) continue;
      const t = totals.get(c.rateCenterId) ?? { available: 0, inService: 0, aging: 0 };
      if (c.status === TnStatus.available) t.available += c.count;
      else if (c.mine && (c.status === TnStatus.inService || c.status === TnStatus.external))
        t.inService += c.count;
      else if (c.status === TnStatus.aging) t.aging += c.count;
      totals.set(c.rateCenterId, t);
    }
    const rows: Cell[][] = [];
    for (const [id, t] of totals) {
      const rc = deps.coverage.rateCenter(id);
      if (!rc || (state !== undefined && rc.state !== state)) continue;
      rows.push([rc.state, rc.abbreviation, rc.lata, t.available, t.inService, t.aging]);
    }
    rows.sort((a, b) => `${String(a[0])}${String(a[1])}`.localeCompare(`${String(b[0])}${String(b[1])}`));
    yield rows;
  },
};

export const disconnectedNumbers: ReportDefinition = {
  id: 100006,
  name: 'Disconnected and aging numbers',
  description:
    'Numbers disconnected from the account, with where each is now (aging, available again, ported out).',
  parameters: [
    accountParameter,
    dateParameter('FromDate', 'Disconnected on or after this day'),
    dateParameter('ToDate', 'Disconnected on or before this day'),
  ],
  columns: [
    { header: 'Telephone number', type: 'text', width: 16 },
    { header: 'Status now', type: 'text', width: 14 },
    { header: 'Since', type: 'date', width: 22 },
  ],
  ranges: [['FromDate', 'ToDate']],
  async *rows(deps, run) {
    let page: string | undefined;
    for (;;) {
      const result = await listDisconnectedNumbers(deps, run.accountId, {
        page,
        size: String(PAGE),
        startDate: one(run, 'FromDate') ?? (one(run, 'ToDate') ? '1970-01-01' : undefined),
        endDate: one(run, 'ToDate') ?? (one(run, 'FromDate') ? '9999-12-31' : undefined),
      });
      const now = new Map(
        (await numbersByTn(deps.database.db, result.tns.map(Number))).map((n) => [n.tn, n]),
      );
      yield result.tns.map((t) => {
        const n = now.get(Number(t));
        return [
          t,
          n ? statusName(n.status) : null,
          n?.status_changed_at ? new Date(n.status_changed_at) : null,
        ];
      });
      if (result.nextKey === undefined) return;
      page = result.nextKey;
    }
  },
};

const FEATURES = [
  { internalName: 'E911', displayName: 'E911 address' },
  { internalName: 'LIDB', displayName: 'Caller name (LIDB)' },
  { internalName: 'DLDA', displayName: 'Directory listing (DL/DA)' },
];

/** A number's features as report rows: one per feature it has. */
function featureRows(tn: number, s: TnSettings, wanted: readonly string[]): Cell[][] {
  const rows: Cell[][] = [];
  const address = (
    a: { houseNumber: string; streetName: string; city: string; stateCode: string; zip: string } | undefined,
  ) => (a ? `${a.houseNumber} ${a.streetName}, ${a.city}, ${a.stateCode} ${a.zip}` : null);
  if (s.e911 && wanted.includes('E911'))
    rows.push([formatTn(tn), 'E911', s.e911.callerName ?? null, address(s.e911.address), s.e911.outcome]);
  if (s.callerName && wanted.includes('LIDB'))
    rows.push([
      formatTn(tn),
      'LIDB',
      s.callerName.subscriberInformation,
      null,
      `${s.callerName.useType} ${s.callerName.visibility}`,
    ]);
  if (s.listing && wanted.includes('DLDA')) {
    const n = s.listing.listingName;
    const name = n ? [n.firstName, n.lastName].filter(Boolean).join(' ') : null;
    rows.push([
      formatTn(tn),
      'DLDA',
      name || null,
      address(s.listing.address),
      `${s.listing.listingType} ${s.listing.subscriberType}`,
    ]);
  }
  return rows;
}

export const numberFeatures: ReportDefinition = {
  id: 100007,
  name: 'E911 addresses, caller names and listings',
  description: 'The account’s numbers with an emergency address, a caller name or a directory listing.',
  parameters: [
    accountParameter,
    {
      name: 'Feature',
      type: 'Enum',
      required: false,
      description: 'Only these features',
      multiSelect: true,
      help: 'Leave out for all three.',
      values: FEATURES,
    },
  ],
  columns: [
    { header: 'Telephone number', type: 'text', width: 16 },
    { header: 'Feature', type: 'text', width: 9 },
    { header: 'Name', type: 'text', width: 24 },
    { header: 'Address', type: 'text', width: 40 },
    { header: 'Detail', type: 'text', width: 24 },
  ],
  async *rows(deps, run) {
    const wanted = run.values.get('Feature') ?? FEATURES.map((f) => f.internalName);
    let from = 0;
    for (;;) {
      const page = await numberSettingsPage(deps.database.db, run.accountId, from, PAGE);
      yield page.flatMap((p) => featureRows(p.tn, p.settings, wanted));
      if (page.length < PAGE) return;
      from = (page.at(-1)?.tn ?? 0) + 1;
    }
  },
};

export const numberHistory: ReportDefinition = {
  id: 100008,
  name: 'Number history',
  description:
    'An audit of every state change of the account’s numbers: when, to what, by which order and user.',
  parameters: [
    accountParameter,
    dateParameter('FromDate', 'Changes on or after this day'),
    dateParameter('ToDate', 'Changes on or before this day'),
    {
      name: 'TelephoneNumber',
      type: 'String',
      required: false,
      description: 'Only this number',
      multiSelect: false,
      help: 'Ten digits.',
    },
  ],
  columns: [
    { header: 'Time', type: 'date', width: 22 },
    { header: 'Telephone number', type: 'text', width: 16 },
    { header: 'Status', type: 'text', width: 12 },
    { header: 'Order type', type: 'text', width: 18 },
    { header: 'Order ID', type: 'text', width: 38 },
    { header: 'Order status', type: 'text', width: 14 },
    { header: 'User', type: 'text', width: 14 },
  ],
  ranges: [['FromDate', 'ToDate']],
  async *rows(deps, run) {
    const range = daysOf(run, 'FromDate', 'ToDate');
    const only = one(run, 'TelephoneNumber')?.replace(/\D/g, '');
    let after = 0;
    for (;;) {
      const page = await accountHistoryPage(deps.database.db, run.accountId, range, after, PAGE);
      yield page
        .filter((h) => only === undefined || formatTn(h.tn) === only)
        .map((h) => [
          new Date(h.at),
          formatTn(h.tn),
          statusName(h.status),
          h.order_type,
          h.order_id,
          h.order_status,
          h.user_id,
        ]);
      if (page.length < PAGE) return;
      after = page.at(-1)?.id ?? after;
    }
  },
};
