import type { AppDeps } from '../../context.js';
import { created, okXml, type RouteDef } from '../../platform/http/routes.js';
import { fileDownload } from '../orders-common/index.js';
import type { ReportDefinition } from './catalogue.js';
import { REPORT_INSTANCES } from './reports.kind.js';
import {
  createReportInstance,
  findReport,
  getReportInstance,
  listReportInstances,
  reportFile,
} from './reports.service.js';
import {
  instanceErrorShape,
  instanceFileErrorShape,
  instanceInputOf,
  InstanceRequestXml,
  instancesErrorShape,
  instancesToXml,
  InstancesXml,
  instanceToXml,
  InstanceXml,
  reportErrorShape,
  reportsErrorShape,
  reportsToXml,
  ReportsXml,
  reportToXml,
  ReportXml,
} from './reports.xml.js';

const access = { account: true, role: REPORT_INSTANCES.role } as const;
const base = '/accounts/:accountId/reports';

/** Reports (rows 81–87): the catalogue, one report, its instances, one instance and its file. */
export function reportRoutes(deps: AppDeps, catalogue: readonly ReportDefinition[]): RouteDef[] {
  return [
    {
      method: 'GET',
      path: base,
      errorShape: reportsErrorShape,
      access,
      handle: () => Promise.resolve(okXml(ReportsXml, reportsToXml(catalogue))),
    },
    {
      method: 'GET',
      path: `${base}/instances`,
      errorShape: instancesErrorShape,
      access,
      handle: async ({ param: p }) =>
        okXml(InstancesXml, instancesToXml(await listReportInstances(deps, p('accountId')))),
    },
    {
      method: 'GET',
      path: `${base}/:reportId`,
      errorShape: reportErrorShape,
      access,
      handle: ({ param: p }) =>
        Promise.resolve(okXml(ReportXml, reportToXml(findReport(catalogue, p('reportId'))))),
    },
    {
      method: 'GET',
      path: `${base}/:reportId/instances`,
      errorShape: reportErrorShape,
      access,
      handle: async ({ param: p }) => {
        const report = findReport(catalogue, p('reportId'));
        return okXml(InstancesXml, instancesToXml(await listReportInstances(deps, p('accountId'), report)));
      },
    },
    {
      method: 'POST',
      path: `${base}/:reportId/instances`,
      errorShape: instanceErrorShape,
      access,
      handle: async ({ param: p, body, url, principal }) => {
        const accountId = p('accountId');
        const input = instanceInputOf(body(InstanceRequestXml));
        const instance = await createReportInstance(
          deps,
          catalogue,
          accountId,
          p('reportId'),
          input,
          principal.username,
        );
        return created(
          url(`/accounts/${accountId}/reports/${instance.details.reportId}/instances/${instance.id}`),
        );
      },
    },
    {
      method: 'GET',
      path: `${base}/:reportId/instances/:instanceId`,
      errorShape: instanceErrorShape,
      access,
      handle: async ({ param: p }) =>
        okXml(
          InstanceXml,
          instanceToXml(
            await getReportInstance(deps, catalogue, p('accountId'), p('reportId'), p('instanceId')),
          ),
        ),
    },
    {
      method: 'GET',
      path: `${base}/:reportId/instances/:instanceId/file`,
      errorShape: instanceFileErrorShape,
      access,
      handle: async ({ param: p }) => {
        const instance = await getReportInstance(
          deps,
          catalogue,
          p('accountId'),
          p('reportId'),
          p('instanceId'),
        );
        return fileDownload(deps, instance.id, reportFile(instance));
      },
    },
  ];
}
