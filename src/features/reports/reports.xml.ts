import { responseStatusShape, type ErrorShape } from '../../platform/http/error-shapes.js';
import { x, type RootIn, type RootOut } from '../../platform/xml/schema.js';
import type { ReportDefinition } from './catalogue.js';
import type { ReportInstance } from './reports.kind.js';
import type { ReportInstanceInput } from './reports.service.js';

/**
 * Report payloads (contract rows 81–87): the catalogue, one report with its parameters, the
 * instance request, one instance and the lists of instances; errors in `ResponseStatus` under each
 * resource's root.
 */
export const ReportsXml = x.root('ReportsResponse', {
  Reports: x.list('Report', x.object({ Name: x.text(), Id: x.text(), Description: x.text() })),
});

export function reportsToXml(reports: readonly ReportDefinition[]): RootOut<typeof ReportsXml> {
  return { Reports: reports.map((r) => ({ Name: r.name, Id: r.id, Description: r.description })) };
}

export const ReportXml = x.root('ReportResponse', {
  Report: x.object({
    Id: x.text(),
    Name: x.text(),
    Parameters: x.list(
      'Parameter',
      x.object({
        Name: x.text(),
        Type: x.text(),
        Required: x.text(),
        Description: x.text(),
        MultiSelectAllowed: x.text(),
        HelpInformation: x.text(),
        ValueFilter: x.text(),
        Values: x.list('Value', x.object({ InternalName: x.text(), DisplayName: x.text() }), 'omit'),
      }),
    ),
  }),
});

export function reportToXml(r: ReportDefinition): RootOut<typeof ReportXml> {
  return {
    Report: {
      Id: r.id,
      Name: r.name,
      Parameters: r.parameters.map((p) => ({
        Name: p.name,
        Type: p.type,
        Required: p.required,
        Description: p.description,
        MultiSelectAllowed: p.multiSelect,
        HelpInformation: p.help,
        ValueFilter: p.values?.map((v) => v.internalName).join(';'),
        Values: p.values?.map((v) => ({ InternalName: v.internalName, DisplayName: v.displayName })),
      })),
    },
  };
}

export const InstanceRequestXml = x.root('Instance', {
  OutputFormat: x.text(),
  Parameters: x.list('Parameter', x.object({ Name: x.text(), Value: x.repeated(x.text()) })),
  ExpiresAt: x.text(),
});

export function instanceInputOf(w: RootIn<typeof InstanceRequestXml>): ReportInstanceInput {
  return {
    outputFormat: w.OutputFormat,
    parameters: (w.Parameters ?? []).map((p) => ({
      name: p?.Name ?? '',
      values: (p?.Value ?? []).map((v) => v ?? ''),
    })),
    expiresAt: w.ExpiresAt,
  };
}

const InstanceFields = x.object({
  Id: x.text(),
  ReportId: x.text(),
  ReportName: x.text(),
  OutputFormat: x.text(),
  RequestedByUserName: x.text(),
  RequestedAt: x.text(),
  Parameters: x.list('Parameter', x.object({ Name: x.text(), Value: x.repeated(x.text()) })),
  Status: x.text(),
  ExpiresAt: x.text(),
});

/** `RequestedAt` as Bandwidth writes it: `yyyy-MM-dd HH:mm:ss` (UTC). */
const requestedAt = (iso: string) => iso.slice(0, 19).replace('T', ' ');

function instanceFields(i: ReportInstance) {
  const d = i.details;
  return {
    Id: i.id,
    ReportId: d.reportId,
    ReportName: d.reportName,
    OutputFormat: d.outputFormat,
    RequestedByUserName: i.createdBy,
    RequestedAt: requestedAt(i.createdAt),
    Parameters: d.parameters.map((p) => ({ Name: p.name, Value: p.values })),
    Status: i.status,
    ExpiresAt: d.expiresAt,
  };
}

export const InstanceXml = x.root('ReportInstanceResponse', { Instance: InstanceFields });
export const instanceToXml = (i: ReportInstance): RootOut<typeof InstanceXml> => ({
  Instance: instanceFields(i),
});

export const InstancesXml = x.root('ReportInstancesResponse', {
  Instances: x.list('Instance', InstanceFields),
});
export const instancesToXml = (list: readonly ReportInstance[]): RootOut<typeof InstancesXml> => ({
  Instances: list.map(instanceFields),
});

/** The error bodies: each resource's root with `ResponseStatus{ErrorCode, Description}`. */
export const reportErrorShape: ErrorShape = responseStatusShape('ReportResponse');
export const instanceErrorShape: ErrorShape = responseStatusShape('ReportInstanceResponse');
export const instanceFileErrorShape: ErrorShape = responseStatusShape('ReportInstanceFileResponse');
export const instancesErrorShape: ErrorShape = responseStatusShape('ReportInstancesResponse');
export const reportsErrorShape: ErrorShape = responseStatusShape('ReportsResponse');
