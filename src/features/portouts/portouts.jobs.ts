import type { AppDeps } from '../../context.js';
import { lockNamed, type Tx } from '../../platform/db/transaction.js';
import { Locks } from '../../shared/locks.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import { portOutPinMatches, portOutValidationOf } from '../accounts/index.js';
import { numbersByTn, TnStatus } from '../inventory/index.js';
import { CallAnswer, requestCall } from '../notifications/index.js';
import { findOrderOnAnyAccount, lockOpenOrder, lockOrder, recordNote } from '../orders-common/index.js';
import { PortOutErrors } from './portouts.errors.js';
import { PORT_OUTS, type PortOutOrder } from './portouts.kind.js';
import {
  ANSWER_JOB,
  approve,
  complete,
  COMPLETE_JOB,
  refuse,
  VALIDATE_JOB,
  type PortOutMoved,
} from './portouts.moves.js';
import { numbersOfPortOut } from './portouts.store.js';
import { internalFailure, validationRequestXml, verdictOf } from './validation-call.js';

/**
 * The durable work of a port-out: its validation by the owner (an endpoint called through the
 * notifications' dispatcher, whose answer comes back as a job; or the account's port-out PIN), and
 * its completion on the FOC date. Each job carries the port-out's `round`: work meant for a round a
 * SUPP has replaced does nothing. Whoever watches port-outs (an LSR order) hears of every move.
 */

export interface PortOutJobPayload {
  readonly orderId: string;
  readonly round: number;
  /** The validation answer's job: how the call ended (CallAnswer, checked when read). */
  readonly answer?: unknown;
}

function parsePayload(payload: unknown): PortOutJobPayload {
  const p = payload as Partial<PortOutJobPayload>;
  if (typeof p.orderId !== 'string' || typeof p.round !== 'number')
    throw new Error('bad port-out job payload');
  return { orderId: p.orderId, round: p.round, answer: p.answer };
}

type Work = (deps: AppDeps, tx: Tx, order: PortOutOrder, answer: unknown) => Promise<void>;

/**
 * A port-out job: its work on the port-out of the payload's round, and whoever watches port-outs told
 * when it moved. `giveUp`, when its attempts are used up: a validation this system could not complete
 * refuses the port with the internal error (17008), for a SUPP to try again; it never approves by our
 * fault (only the owner's endpoint failing approves, contract §12).
 */
function jobOf(
  name: string,
  work: Work,
  deps: AppDeps,
  moved: PortOutMoved,
  giveUp?: Work,
): JobDefinition<PortOutJobPayload> {
  const onOrder = (w: Work) => async (tx: Tx, payload: PortOutJobPayload) => {
    // The LSR order's lock first, as its carrier's changes take it: the two never wait on each other.
    const lsrOrderId = (await findOrderOnAnyAccount(tx.db, PORT_OUTS, payload.orderId))?.details.lsrOrderId;
    if (lsrOrderId) await lockNamed(tx, deps.database.dialect, Locks.lsrOrder(lsrOrderId));
    const order = await lockOpenOrder(tx.db, deps.database.dialect, PORT_OUTS, payload.orderId);
    if (!order || order.details.round !== payload.round) return;
    await w(deps, tx, order, payload.answer);
    const after = await lockOrder(tx.db, deps.database.dialect, PORT_OUTS, order.id);
    if (after?.status !== order.status) await moved(deps, tx, order.id);
  };
  return {
    name,
    maxAttempts: 10,
    parse: parsePayload,
    run: (ctx, payload) => onOrder(work)(ctx.tx, payload),
    ...(giveUp ? { giveUp: (ctx, payload) => onOrder(giveUp)(ctx.tx, payload) } : {}),
  };
}

const SYSTEM = 'System';

/** Asks the owner: its endpoint (the answer comes back as ANSWER_JOB), else its PIN, else no one. */
const validate: Work = async (deps, tx, order) => {
  if (order.status !== 'NEW' && order.status !== 'SUPP') return;
  const tns = await numbersOfPortOut(tx.db, order.id);
  const rows = new Map((await numbersByTn(tx.db, tns)).map((r) => [r.tn, r]));
  const inactive = tns.filter((tn) => {
    const row = rows.get(tn);
    return row?.status !== TnStatus.inService || row.account_id !== order.accountId;
  });
  if (inactive.length > 0) {
    const e = PortOutErrors.notActive;
    await refuse(deps, tx, order, [{ code: e.code, description: e.template, tns: inactive }], SYSTEM);
    return;
  }
  const v = order.details.validation;
  const owner = await portOutValidationOf(deps, tx.db, order.accountId);
  if (owner.url) {
    const porting = deps.config.porting;
    await requestCall(deps, tx.db, {
      accountId: order.accountId,
      orderId: order.id,
      purpose: 'portout-validation',
      sequence: `${order.id}:${order.details.round}`,
      url: owner.url,
      username: owner.username,
      password: owner.password,
      body: validationRequestXml(order.name ?? '', v, tns),
      timeoutMs: porting.validationTimeoutMs,
      attempts: porting.validationAttempts,
      retryEveryMs: porting.validationRetryMs,
      answerTo: { job: ANSWER_JOB, payload: { orderId: order.id, round: order.details.round } },
    });
    await recordNote(
      tx.db,
      deps.clock,
      PORT_OUTS,
      order,
      SYSTEM,
      `Validation requested from ${new URL(owner.url).host}`,
    );
    return;
  }
  if (owner.hasPin) {
    const def = !v.pin
      ? PortOutErrors.pinMissing
      : (await portOutPinMatches(tx.db, order.accountId, v.pin))
        ? undefined
        : PortOutErrors.pinInvalid;
    if (def) {
      await refuse(deps, tx, order, [{ code: def.code, description: def.template }], SYSTEM);
      return;
    }
    await approve(deps, tx, order, 'Port-out PIN matches: approved', SYSTEM);
    return;
  }
  await approve(deps, tx, order, 'No port-out validation configured for the account: approved', SYSTEM);
};

/** The endpoint's answer (or its absence) decides, as contract §12 says. */
const answered: Work = async (deps, tx, order, answer) => {
  if (order.status !== 'NEW' && order.status !== 'SUPP') return;
  const verdict = verdictOf(CallAnswer.parse(answer));
  if (verdict.approved) await approve(deps, tx, order, verdict.note, SYSTEM);
  else await refuse(deps, tx, order, verdict.errors, SYSTEM, verdict.note);
};

const completion: Work = async (deps, tx, order) => {
  if (order.status === 'FOC') await complete(deps, tx, order, SYSTEM);
};

/** The validation could not be completed here: refused with the internal error. */
const failedHere: Work = async (deps, tx, order) => {
  if (order.status !== 'NEW' && order.status !== 'SUPP') return;
  const verdict = internalFailure('its job failed every attempt');
  if (!verdict.approved) await refuse(deps, tx, order, verdict.errors, SYSTEM, verdict.note);
};

export function portOutJobs(deps: AppDeps, moved: PortOutMoved): JobDefinition<PortOutJobPayload>[] {
  return [
    jobOf(VALIDATE_JOB, validate, deps, moved, failedHere),
    jobOf(ANSWER_JOB, answered, deps, moved, failedHere),
    jobOf(COMPLETE_JOB, completion, deps, moved),
  ];
}
