import { responseStatusShape, type ErrorShape } from '../../platform/http/error-shapes.js';
import { x, type RootIn, type RootOut } from '../../platform/xml/schema.js';
import type { BillingReport } from './billingreports.kind.js';
import type { BillingReportInput } from './billingreports.service.js';

/** Billing report payloads (contract rows 91–93); errors in `ResponseStatus` under each root. */
export const BillingReportRequestXml = x.root('BillingReport', {
  Type: x.text(),
  DateRange: x.object({ StartDate: x.text(), EndDate: x.text() }),
});

export function billingReportInputOf(w: RootIn<typeof BillingReportRequestXml>): BillingReportInput {
  return { type: w.Type, startDate: w.DateRange?.StartDate, endDate: w.DateRange?.EndDate };
}

export const CreationXml = x.root('BillingReportCreationResponse', {
  ReportStatus: x.text(),
  Description: x.text(),
});
export const creationToXml = (): RootOut<typeof CreationXml> => ({
  ReportStatus: 'RECEIVED',
  Description: 'The report archive is currently being constructed.',
});

export const RetrievalXml = x.root('BillingReportRetrievalResponse', {
  ReportStatus: x.text(),
  Description: x.text(),
});

const DESCRIPTIONS = {
  PROCESSING: 'The requested report archive is still being constructed, please check back later.',
  COMPLETED: 'The report archive is constructed.',
  FAILED: 'The report archive could not be constructed.',
} as const;

export const retrievalToXml = (r: BillingReport): RootOut<typeof RetrievalXml> => ({
  ReportStatus: r.status,
  Description: DESCRIPTIONS[r.status],
});

export const creationErrorShape: ErrorShape = responseStatusShape('BillingReportCreationResponse');
export const retrievalErrorShape: ErrorShape = responseStatusShape('BillingReportRetrievalResponse');
export const archiveErrorShape: ErrorShape = responseStatusShape('BillingReportArchiveRetrievalResponse');
