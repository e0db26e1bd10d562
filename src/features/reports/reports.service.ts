import type { AppDeps } from '../../context.js';
import { ApiError } from '../../platform/http/api-error.js';
import { oneOf, text } from '../../shared/fields.js';
import { listAccountHosts } from '../sip-peers/index.js';
import { findSiteOf } from '../sites/index.js';
import { findOrder, ordersOfKind, receiveFileOrder, type StoredFile } from '../orders-common/index.js';
import type { ReportDefinition, ReportParameter } from './catalogue.js';
import { ReportErrors } from './reports.errors.js';
import { expireJob, produceJob } from './reports.jobs.js';
import { OUTPUT_FORMATS, REPORT_INSTANCES, type ReportInstance } from './reports.kind.js';

/**
 * Reports: the catalogue as the API shows it, instances accepted (every parameter checked against
 * its type, on the account), read and listed, and their files served once produced.
 */
export interface ReportInstanceInput {
  readonly outputFormat?: string | undefined;
  readonly parameters: readonly { readonly name: string; readonly values: readonly string[] }[];
  /** `yyyy-MM-dd`; default a week from today. */
  readonly expiresAt?: string | undefined;
}

const DAY_MS = 86_400_000;
const MAX_EXPIRY_DAYS = 30;
const DEFAULT_EXPIRY_DAYS = 7;
const MAX_VALUE_LENGTH = 255;
const LIST_LIMIT = 1000;

export function findReport(catalogue: readonly ReportDefinition[], id: string): ReportDefinition {
  const report = catalogue.find((r) => String(r.id) === id);
  if (!report) throw ApiError.of(ReportErrors.reportNotFound, id);
  return report;
}

const isDay = (v: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** One parameter's values checked against its type (the first rule broken throws). */
async function checkValues(
  deps: AppDeps,
  accountId: string,
  p: ReportParameter,
  values: readonly string[],
): Promise<void> {
  if (values.some((v) => v === '')) throw ApiError.of(ReportErrors.emptyValue, p.name);
  if (values.length > 1 && !p.multiSelect) throw ApiError.of(ReportErrors.multipleValues, p.name);
  if (new Set(values).size !== values.length) throw ApiError.of(ReportErrors.duplicateValues, p.name);
  for (const v of values) {
    if (v.length > MAX_VALUE_LENGTH)
      throw ApiError.of(ReportErrors.parameterValueTooLong, p.name, MAX_VALUE_LENGTH);
    switch (p.type) {
      case 'Integer':
        if (!/^-?\d{1,15}$/.test(v)) throw ApiError.of(ReportErrors.integerInvalid, p.name, v);
        break;
      case 'Date':
        if (!isDay(v)) throw ApiError.of(ReportErrors.dateInvalid, p.name, v);
        break;
      case 'Boolean':
        if (!/^(true|false)$/i.test(v)) throw ApiError.of(ReportErrors.booleanInvalid, p.name);
        break;
      case 'Enum':
        if (!p.values?.some((e) => e.internalName === v))
          throw ApiError.of(
            ReportErrors.enumInvalid,
            p.name,
            (p.values ?? []).map((e) => e.internalName).join(', '),
          );
        break;
      case 'Account ID':
        // Only the account of the request: a user's grants were checked for it.
        if (v !== accountId) throw ApiError.of(ReportErrors.accountInvalid, p.name, v);
        break;
      case 'Site ID':
        if (!/^\d{1,9}$/.test(v) || !(await findSiteOf(deps.database.db, accountId, Number(v))))
          throw ApiError.of(ReportErrors.siteInvalid, accountId, p.name, v);
        break;
      case 'SipPeer ID': {
        const peers = (await listAccountHosts(deps, accountId, {})).flatMap((s) =>
          s.peers.map((x) => x.peerId),
        );
        if (!/^\d{1,9}$/.test(v) || !peers.includes(Number(v)))
          throw ApiError.of(ReportErrors.sipPeerInvalid, accountId, p.name, v);
        break;
      }
      case 'String':
        break;
    }
  }
}

/** The parameters as accepted, in the report's order: unknown names, missing required ones and bad values refused. */
async function checkParameters(
  deps: AppDeps,
  report: ReportDefinition,
  accountId: string,
  sent: ReportInstanceInput['parameters'],
): Promise<{ name: string; values: string[] }[]> {
  const byName = new Map<string, string[]>();
  const unknown: string[] = [];
  for (const s of sent) {
    const p = report.parameters.find((x) => x.name.toLowerCase() === s.name.trim().toLowerCase());
    if (!p) unknown.push(s.name);
    else byName.set(p.name, [...(byName.get(p.name) ?? []), ...s.values.map((v) => v.trim())]);
  }
  if (unknown.length > 0) throw ApiError.of(ReportErrors.parameterNotSupported, unknown.join(', '));
  for (const p of report.parameters)
    if (p.type === 'Account ID' && !byName.has(p.name)) byName.set(p.name, [accountId]);
  const missing = report.parameters.filter((p) => p.required && !byName.has(p.name)).map((p) => p.name);
  if (missing.length > 0) throw ApiError.of(ReportErrors.requiredMissing, missing.join(', '));
  const accepted: { name: string; values: string[] }[] = [];
  for (const p of report.parameters) {
    const values = byName.get(p.name);
    if (values === undefined) continue;
    await checkValues(deps, accountId, p, values);
    accepted.push({ name: p.name, values });
  }
  for (const [from, to] of report.ranges ?? []) {
    const a = byName.get(from)?.[0];
    const b = byName.get(to)?.[0];
    if (a !== undefined && b !== undefined && a > b)
      throw ApiError.of(ReportErrors.parameterInvalid, `${from} ${a} is after ${to} ${b}`);
  }
  return accepted;
}

/** ExpiresAt: a day from today to 30 days ahead (default a week). */
function expiryOf(deps: AppDeps, value: string | undefined): string {
  const today = Math.floor(deps.clock.nowMs() / DAY_MS) * DAY_MS;
  const v = text(value);
  if (v === undefined) return new Date(today + DEFAULT_EXPIRY_DAYS * DAY_MS).toISOString().slice(0, 10);
  if (!isDay(v)) throw ApiError.of(ReportErrors.expiresInvalid, v);
  const day = Date.parse(`${v}T00:00:00Z`);
  if (day < today || day > today + MAX_EXPIRY_DAYS * DAY_MS)
    throw ApiError.of(ReportErrors.expiresTooLate, MAX_EXPIRY_DAYS);
  return v;
}

/** The business-clock instant an instance expires: the end of its ExpiresAt day. */
export const expiryInstant = (expiresAt: string): number => Date.parse(`${expiresAt}T00:00:00Z`) + DAY_MS;

/** POST …/reports/{id}/instances: Processing, its file produced by a job, its expiry scheduled. */
export async function createReportInstance(
  deps: AppDeps,
  catalogue: readonly ReportDefinition[],
  accountId: string,
  reportId: string,
  input: ReportInstanceInput,
  userId: string,
): Promise<ReportInstance> {
  const report = findReport(catalogue, reportId);
  const outputFormat = oneOf(text(input.outputFormat) ?? '', OUTPUT_FORMATS);
  if (!outputFormat) throw ApiError.of(ReportErrors.outputFormatInvalid, OUTPUT_FORMATS.join(', '));
  const parameters = await checkParameters(deps, report, accountId, input.parameters);
  const expiresAt = expiryOf(deps, input.expiresAt);
  return receiveFileOrder(
    deps,
    REPORT_INSTANCES,
    produceJob(deps, catalogue),
    {
      accountId,
      details: { reportId: report.id, reportName: report.name, outputFormat, parameters, expiresAt },
      userId,
    },
    (tx, id) => deps.jobs.enqueue(tx, expireJob(deps), { orderId: id }, { runAt: expiryInstant(expiresAt) }),
  );
}

/** The account's instances (of one report, or all), newest first. */
export async function listReportInstances(
  deps: AppDeps,
  accountId: string,
  report?: ReportDefinition,
): Promise<ReportInstance[]> {
  const all = await ordersOfKind(deps.database.db, REPORT_INSTANCES, undefined, LIST_LIMIT, accountId);
  return report ? all.filter((i) => i.details.reportId === report.id) : all;
}

export async function getReportInstance(
  deps: AppDeps,
  catalogue: readonly ReportDefinition[],
  accountId: string,
  reportId: string,
  instanceId: string,
): Promise<ReportInstance> {
  const report = findReport(catalogue, reportId);
  const instance = await findOrder(deps.database.db, REPORT_INSTANCES, accountId, instanceId);
  if (!instance || instance.details.reportId !== report.id)
    throw ApiError.of(ReportErrors.instanceNotFound, reportId, instanceId);
  return instance;
}

/** The file of a Ready instance; 202 while it is produced, 404 once expired or failed. */
export function reportFile(instance: ReportInstance): StoredFile {
  if (instance.status === 'Processing') throw ApiError.of(ReportErrors.inProgress);
  if (instance.status === 'Expired') throw ApiError.of(ReportErrors.expired);
  const file = instance.details.file;
  if (instance.status === 'Failed' || !file) throw ApiError.of(ReportErrors.outputFailed);
  return file;
}
