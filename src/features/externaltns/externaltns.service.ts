import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { ApiError } from '../../platform/http/api-error.js';
import { oneOf, parseId, text } from '../../shared/fields.js';
import { parseCustomerOrderId, parseOrderTns, receiveOrder, requireOrder } from '../orders-common/index.js';
import { OrderErrors } from '../orders/index.js';
import { defaultPeerIdOf, findSipPeerOnSite } from '../sip-peers/index.js';
import { findSiteOf } from '../sites/index.js';
import { ExternalTnErrors } from './externaltns.errors.js';
import { processJob } from './externaltns.jobs.js';
import { ACTIONS, EXTERNAL_TNS, type ExternalTnOrder } from './externaltns.kind.js';

/** External-number orders: accepting one (its action, site, SIP peer and numbers checked), and reading it. */
export interface ExternalTnInput {
  readonly customerOrderId?: string | undefined;
  readonly siteId?: string | undefined;
  readonly sipPeerId?: string | undefined;
  readonly action?: string | undefined;
  readonly telephoneNumbers?: readonly string[] | undefined;
}

export async function createExternalTnOrder(
  deps: AppDeps,
  accountId: string,
  input: ExternalTnInput,
  userId: string,
): Promise<ExternalTnOrder> {
  const action = oneOf(text(input.action) ?? '', ACTIONS);
  if (!action) throw ApiError.of(ExternalTnErrors.actionInvalid);
  const customerOrderId = parseCustomerOrderId(input.customerOrderId);
  const tns = parseOrderTns(input.telephoneNumbers);
  const db = deps.database.db;
  const siteId = parseId(input.siteId, () => ApiError.of(OrderErrors.orderSiteInvalid));
  const site = await findSiteOf(db, accountId, siteId);
  if (!site) throw ApiError.of(OrderErrors.orderSiteInvalid);
  const peerText = text(input.sipPeerId);
  const peerId =
    peerText === undefined
      ? await defaultPeerIdOf(db, site.id)
      : parseId(peerText, () => ApiError.of(OrderErrors.orderPeerInvalid));
  if (peerId === undefined || !(await findSipPeerOnSite(db, accountId, site.id, peerId)))
    throw ApiError.of(OrderErrors.orderPeerInvalid);
  const id = randomUUID();
  await inTransaction(db, async (tx) => {
    await receiveOrder(tx.db, deps.clock, EXTERNAL_TNS, {
      id,
      accountId,
      // Its name is its action, so that the list filters on it (`action=IMPORT`).
      name: action,
      customerOrderId,
      siteId: site.id,
      sipPeerId: peerId,
      quantity: tns.length,
      details: { action, tns },
      createdBy: userId,
      createdAt: deps.clock.now().toISOString(),
    });
    await deps.jobs.enqueue(tx, processJob(deps), { orderId: id });
  });
  return getExternalTnOrder(deps, accountId, id);
}

export function getExternalTnOrder(deps: AppDeps, accountId: string, id: string): Promise<ExternalTnOrder> {
  return requireOrder(deps, EXTERNAL_TNS, accountId, id);
}
