import { z } from 'zod';
import { Roles } from '../../shared/roles.js';
import { defineOrderKind, StoredFile, type Order } from '../orders-common/index.js';
import {
  REPORT_INSTANCE_NOTIFIES,
  reportInstanceMachine,
  type ReportInstanceStatus,
} from './reports.machine.js';
import { reportErrorShape } from './reports.xml.js';

/**
 * Report instances, as an order kind (contract rows 83–87): a report of the catalogue run with its
 * parameters into a file of one format, produced by a durable job (outside any transaction, its parts
 * stored in the database so that every server instance serves it), and deleted at its expiry.
 */
export const OUTPUT_FORMATS = ['pdf', 'html', 'xls', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const ReportInstanceDetails = z.object({
  reportId: z.number(),
  reportName: z.string(),
  outputFormat: z.enum(OUTPUT_FORMATS),
  /** As accepted: each parameter's values in the catalogue's order of parameters. */
  parameters: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  /** `yyyy-MM-dd`: the instance expires at the end of that day (UTC, business clock). */
  expiresAt: z.string(),
  file: StoredFile.optional(),
});
export type ReportInstanceDetails = z.infer<typeof ReportInstanceDetails>;

export const REPORT_INSTANCES = defineOrderKind({
  name: 'report_instance',
  label: 'Report instance',
  collection: 'reports/instances',
  role: Roles.reporting,
  errorShape: reportErrorShape,
  machine: reportInstanceMachine,
  details: ReportInstanceDetails,
  subscriptionType: undefined,
  notifies: REPORT_INSTANCE_NOTIFIES,
  notifiesCompletedNumbers: false,
});

export type ReportInstance = Order<ReportInstanceStatus, ReportInstanceDetails>;
