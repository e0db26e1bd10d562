import type { OrderKind } from '../orders-common/index.js';
import { chargesSummary } from './charge-reports.js';
import {
  disconnectedNumbers,
  inServiceNumbers,
  inventoryByRateCenter,
  numberFeatures,
  numberHistory,
  sipPeerHosts,
} from './number-reports.js';
import { orderActivity, ports } from './order-reports.js';
import type { ReportDefinition } from './report-definition.js';

export type {
  Cell,
  Column,
  ParameterType,
  ReportDefinition,
  ReportParameter,
  ReportRun,
} from './report-definition.js';

/** The catalogue: the reports, by id (number-reports.ts, order-reports.ts and charge-reports.ts define them). */
export function reportCatalogue(kinds: () => readonly OrderKind[]): readonly ReportDefinition[] {
  return [
    inServiceNumbers,
    orderActivity(kinds),
    sipPeerHosts,
    inventoryByRateCenter,
    ports(kinds),
    disconnectedNumbers,
    numberFeatures,
    numberHistory,
    chargesSummary,
  ];
}
