import type { AppDeps } from '../../context.js';
import { ApiError } from '../../platform/http/api-error.js';
import { CommonErrors } from '../../shared/errors.js';
import { isUuid } from '../../shared/fields.js';
import { BillingErrors, parseBillingDates } from '../billing/index.js';
import { findOrder, receiveFileOrder, type StoredFile } from '../orders-common/index.js';
import { BdrErrors } from './bdrs.errors.js';
import { produceBdrJob } from './bdrs.jobs.js';
import { BDRS, type Bdr } from './bdrs.kind.js';

/** BDR archives: requested (dates checked), followed, and served once built. */
export interface BdrInput {
  readonly startDate?: string | undefined;
  readonly endDate?: string | undefined;
}

/** POST /accounts/{id}/bdrs: PROCESSING, its archive built by a job. */
export async function createBdr(
  deps: AppDeps,
  accountId: string,
  input: BdrInput,
  userId: string,
): Promise<Bdr> {
  const dates = parseBillingDates(input.startDate, input.endDate);
  return receiveFileOrder(deps, BDRS, produceBdrJob(deps), { accountId, details: dates, userId });
}

/** GET …/bdrs/{id}: 400 (1008) for an id that is no UUID, 404 (15001) for one not on the account. */
export async function getBdr(deps: AppDeps, accountId: string, id: string): Promise<Bdr> {
  if (!isUuid(id)) throw ApiError.of(CommonErrors.invalidUuid, id);
  const bdr = await findOrder(deps.database.db, BDRS, accountId, id);
  if (!bdr) throw ApiError.of(BdrErrors.notFound);
  return bdr;
}

/** The archive once READY; 202 (15602) while it is built; 404 when it could not be. */
export function bdrFile(bdr: Bdr): StoredFile {
  if (bdr.status === 'PROCESSING') throw ApiError.of(BillingErrors.archiveInProgress);
  const file = bdr.details.file;
  if (bdr.status === 'FAILED' || !file) throw ApiError.of(BdrErrors.notFound);
  return file;
}
