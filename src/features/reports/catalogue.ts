import type { AppDeps } from '../../context.js';
import { formatTn } from '../../shared/numbering.js';
import { TN_STATUS_WIRE } from '../../shared/tn-status.js';
import { numbersInServiceAt } from '../inventory/index.js';
import { isState, listOrderPage, type OrderKind } from '../orders-common/index.js';
import { listAccountHosts } from '../sip-peers/index.js';

/**
 * The report catalogue (contract rows 81–82): each report's typed parameters and columns, and its
 * rows, read a page at a time through the features that own the data (never held whole).
 */
export type ParameterType =
  'Account ID' | 'Site ID' | 'SipPeer ID' | 'String' | 'Integer' | 'Boolean' | 'Enum' | 'Date';

export interface ReportParameter {
  readonly name: string;
  readonly type: ParameterType;
  readonly required: boolean;
  readonly description: string;
  readonly multiSelect: boolean;
  readonly help: string;
  /** An Enum's values: the internal name is sent, the display name shown. */
  readonly values?: readonly { readonly internalName: string; readonly displayName: string }[];
}

export type Cell = string | number | Date | null;

export interface Column {
  readonly header: string;
  readonly type: 'text' | 'number' | 'date';
  /** In characters, for the workbook and the PDF's proportions. */
  readonly width: number;
}

/** A run of a report: the account and each parameter's accepted values. */
export interface ReportRun {
  readonly accountId: string;
  readonly values: ReadonlyMap<string, readonly string[]>;
}

export interface ReportDefinition {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly ReportParameter[];
  readonly columns: readonly Column[];
  /** The rows, in batches (a page of the underlying list each). */
  rows(deps: AppDeps, run: ReportRun): AsyncIterable<readonly (readonly Cell[])[]>;
}

const PAGE = 5000;

const accountParameter: ReportParameter = {
  name: 'AccountId',
  type: 'Account ID',
  required: true,
  description: 'The account the report is about',
  multiSelect: false,
  help: 'Filled in with the account of the request when left out.',
};
const siteParameter: ReportParameter = {
  name: 'SiteId',
  type: 'Site ID',
  required: false,
  description: 'Only this site (sub-account)',
  multiSelect: false,
  help: 'The id of one of the account’s sites; leave out for all of them.',
};

const one = (run: ReportRun, name: string): string | undefined => run.values.get(name)?.[0];
const numberOf = (run: ReportRun, name: string): number | undefined => {
  const v = one(run, name);
  return v === undefined ? undefined : Number(v);
};

const inServiceNumbers: ReportDefinition = {
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
        TN_STATUS_WIRE[n.status as keyof typeof TN_STATUS_WIRE] ?? String(n.status),
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

/** The order-activity report reads every kind registered (given by features/index.ts). */
function orderActivity(kinds: () => readonly OrderKind[]): ReportDefinition {
  return {
    id: 100002,
    name: 'Order activity',
    description: 'Orders of every kind placed on the account, by type, status and date.',
    parameters: [
      accountParameter,
      {
        name: 'OrderType',
        type: 'Enum',
        required: false,
        description: 'Only these kinds of order',
        multiSelect: true,
        help: 'One or more order types; leave out for all of them.',
        get values() {
          return kinds().map((k) => ({ internalName: k.name, displayName: k.label }));
        },
      },
      {
        name: 'Status',
        type: 'String',
        required: false,
        description: 'Only orders in this status',
        multiSelect: false,
        help: 'A status of the order types chosen, such as COMPLETE or FOC.',
      },
      {
        name: 'FromDate',
        type: 'Date',
        required: false,
        description: 'Orders created on or after this day',
        multiSelect: false,
        help: 'YYYY-MM-DD',
      },
      {
        name: 'ToDate',
        type: 'Date',
        required: false,
        description: 'Orders created on or before this day',
        multiSelect: false,
        help: 'YYYY-MM-DD',
      },
    ],
    columns: [
      { header: 'Order ID', type: 'text', width: 38 },
      { header: 'Order type', type: 'text', width: 18 },
      { header: 'Status', type: 'text', width: 18 },
      { header: 'Customer order ID', type: 'text', width: 20 },
      { header: 'Numbers', type: 'number', width: 9 },
      { header: 'Created by', type: 'text', width: 14 },
      { header: 'Created', type: 'date', width: 22 },
      { header: 'Last modified', type: 'date', width: 22 },
    ],
    async *rows(deps, run) {
      const wanted = run.values.get('OrderType');
      const status = one(run, 'Status')?.toUpperCase();
      const from = one(run, 'FromDate');
      const to = one(run, 'ToDate');
      const dates = {
        from: from === undefined ? '0000-01-01T00:00:00.000Z' : `${from}T00:00:00.000Z`,
        before:
          to === undefined ? '9999-12-31T00:00:00.000Z' : new Date(Date.parse(to) + 86_400_000).toISOString(),
      };
      for (const kind of kinds()) {
        if (wanted && !wanted.includes(kind.name)) continue;
        if (status !== undefined && !isState(kind.machine, status)) continue;
        let page: string | undefined;
        for (;;) {
          const result = await listOrderPage(deps, kind, {
            accountId: run.accountId,
            status,
            dates,
            page,
            size: PAGE,
          });
          yield result.entries.map((o) => [
            o.id,
            kind.label,
            o.status,
            o.customerOrderId ?? null,
            o.quantity,
            o.createdBy ?? null,
            new Date(o.createdAt),
            new Date(o.updatedAt),
          ]);
          if (result.nextId === undefined) break;
          page = result.nextId;
        }
      }
    },
  };
}

const sipPeerHosts: ReportDefinition = {
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

/** The catalogue: the reports, by id. */
export function reportCatalogue(kinds: () => readonly OrderKind[]): readonly ReportDefinition[] {
  return [inServiceNumbers, orderActivity(kinds), sipPeerHosts];
}
