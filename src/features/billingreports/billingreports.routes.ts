import type { AppDeps } from '../../context.js';
import { created, okXml, type RouteDef } from '../../platform/http/routes.js';
import { encodeXml } from '../../platform/xml/encode.js';
import { fileDownload } from '../orders-common/index.js';
import { BILLING_REPORTS } from './billingreports.kind.js';
import { billingReportFile, createBillingReport, getBillingReport } from './billingreports.service.js';
import {
  archiveErrorShape,
  billingReportInputOf,
  BillingReportRequestXml,
  creationErrorShape,
  creationToXml,
  CreationXml,
  retrievalErrorShape,
  retrievalToXml,
  RetrievalXml,
} from './billingreports.xml.js';

const access = { account: true, role: BILLING_REPORTS.role } as const;
const base = '/accounts/:accountId/billingreports';

/** Billing reports (rows 91–93): request one, follow it, download its archive. */
export function billingReportRoutes(deps: AppDeps): RouteDef[] {
  return [
    {
      method: 'POST',
      path: base,
      errorShape: creationErrorShape,
      access,
      handle: async ({ param: p, body, url, principal }) => {
        const accountId = p('accountId');
        const input = billingReportInputOf(body(BillingReportRequestXml));
        const report = await createBillingReport(deps, accountId, input, principal.username);
        return created(
          url(`/accounts/${accountId}/billingreports/${report.id}`),
          encodeXml(CreationXml, creationToXml()),
        );
      },
    },
    {
      method: 'GET',
      path: `${base}/:reportId`,
      errorShape: retrievalErrorShape,
      access,
      handle: async ({ param: p, url }) => {
        const accountId = p('accountId');
        const report = await getBillingReport(deps, accountId, p('reportId'));
        const answer = okXml(RetrievalXml, retrievalToXml(report));
        if (report.status !== 'COMPLETED') return answer;
        return {
          ...answer,
          headers: { Location: url(`/accounts/${accountId}/billingreports/${report.id}/file`) },
        };
      },
    },
    {
      method: 'GET',
      path: `${base}/:reportId/file`,
      errorShape: archiveErrorShape,
      access,
      handle: async ({ param: p }) => {
        const report = await getBillingReport(deps, p('accountId'), p('reportId'));
        return fileDownload(deps, report.id, billingReportFile(report));
      },
    },
  ];
}
