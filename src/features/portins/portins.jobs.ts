import type { AppDeps } from '../../context.js';
import type { Tx } from '../../platform/db/transaction.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import { admitPortedNumbers, type OrderRef } from '../inventory/index.js';
import {
  insertOrderNumbers,
  lockOpenOrder,
  recordNote,
  transition,
  type OrderNumber,
} from '../orders-common/index.js';
import { followInternalPortIn } from '../portouts/index.js';
import { defaultPeerIdOf, holdSipPeer } from '../sip-peers/index.js';
import { addBusinessHours, easternDay, easternInstant, focInstantOf } from '../porting-calendar/index.js';
import { portingReference } from './carriers.js';
import { placesOf } from './portability.js';
import { PortInErrors } from './portins.errors.js';
import { PORT_INS, type PortInDetails, type PortInError, type PortInOrder } from './portins.kind.js';
import type { PortInStatus } from './portins.machine.js';
import { markActivated, numbersOfPortIn, releaseNumbers } from './portins.store.js';
import { carrierRejection } from './simulated-carrier.js';
import { nextAvailableFocDay } from './portins.validation.js';

/**
 * How a port-in moves after it is accepted: the moves along its machine (each in the caller's
 * transaction, shared by the jobs, the porting desk, document uploads and the API), and the durable
 * jobs of the simulated carrier and of activation. A job carries the order's `round` (how many
 * times it was submitted): an answer meant for an earlier submission finds the round moved on and
 * does nothing.
 */
export const PORT_IN_ORDER_TYPE = 'PORT_NUMBER_ORDER';
/** Triggered ports not activated by the customer are activated at 21:00 Eastern on the FOC date. */
export const TRIGGERED_FALLBACK_MINUTES = 21 * 60;

export interface PortInJobPayload {
  readonly orderId: string;
  readonly round: number;
  /** Activation jobs: the instant they were scheduled for (a newer schedule supersedes them). */
  readonly at?: string | undefined;
}

function parsePayload(payload: unknown): PortInJobPayload {
  const p = payload as Partial<PortInJobPayload>;
  if (typeof p.orderId !== 'string' || typeof p.round !== 'number')
    throw new Error('bad port-in job payload');
  return { orderId: p.orderId, round: p.round, at: typeof p.at === 'string' ? p.at : undefined };
}

type Move = (deps: AppDeps, tx: Tx, order: PortInOrder, payload: PortInJobPayload) => Promise<void>;

function jobOf(name: string, move: Move): (deps: AppDeps) => JobDefinition<PortInJobPayload> {
  return (deps) => ({
    name,
    maxAttempts: 10,
    parse: parsePayload,
    run: async (ctx, payload) => {
      const order = await lockOpenOrder(ctx.tx.db, deps.database.dialect, PORT_INS, payload.orderId);
      if (order && order.details.round === payload.round) await move(deps, ctx.tx, order, payload);
    },
  });
}

const simulated = (deps: AppDeps) => deps.config.porting.mode === 'simulated';
const after = async (deps: AppDeps, tx: Tx) =>
  addBusinessHours(
    (await portingReference(deps, tx.db)).calendar,
    deps.clock.nowMs(),
    deps.config.porting.carrierDelayMs / 3_600_000,
  );

/** The simulated carrier answers a submission: a rejection for a magic value, else the FOC date. */
export const carrierAnswerJob = jobOf('portins.carrier-answer', async (deps, tx, order) => {
  if (order.status !== 'SUBMITTED') return;
  const tns = (await numbersOfPortIn(tx.db, order.id)).map((n) => n.tn);
  const rejection = carrierRejection(order.details, tns, order.customerOrderId);
  if (rejection) {
    await reject(deps, tx, order, rejection, 'System');
    return;
  }
  const ref = await portingReference(deps, tx.db);
  const carrier = ref.carrierBySpid(order.details.losingCarrier.spid);
  const earliest = focInstantOf(
    nextAvailableFocDay(ref.calendar, deps.clock.nowMs(), carrier?.minimumPortingInterval ?? 1),
  );
  const requested = order.details.requestedFocDate;
  // The requested date, unless time has caught up with it: then the earliest the carrier allows.
  const foc = Date.parse(requested) > deps.clock.nowMs() ? requested : earliest;
  await confirmFoc(deps, tx, order, foc, 'System');
});

/** A SUPP reaches the carrier: the order is submitted again. */
export const resubmitJob = jobOf('portins.resubmit', async (deps, tx, order) => {
  if (order.status === 'REQUESTED_SUPP')
    await submit(deps, tx, order, 'Supp submitted to the losing carrier', 'System');
});

/** The carrier acknowledges a cancellation. */
export const cancelAckJob = jobOf('portins.cancel-ack', async (deps, tx, order) => {
  if (order.status === 'REQUESTED_CANCEL')
    await cancelNow(deps, tx, order, 'Cancellation confirmed by the losing carrier', 'System');
});

/** The FOC time (or a triggered port's scheduled activation) has come: the numbers go in service. */
export const activationJob = jobOf('portins.activate', async (deps, tx, order, payload) => {
  if (order.status !== 'FOC') return;
  const scheduled = activationInstant(order.details);
  // A newer schedule (a PUT of activationStatus) replaced this one; its own job will run.
  if (payload.at !== undefined && scheduled !== undefined && payload.at !== scheduled) return;
  await activate(deps, tx, order, 'System');
});

export function portInJobs(deps: AppDeps): JobDefinition<PortInJobPayload>[] {
  return [carrierAnswerJob(deps), resubmitJob(deps), cancelAckJob(deps), activationJob(deps)];
}

/** When the numbers of an order at FOC are activated: its schedule, the FOC time, or the triggered fallback. */
export function activationInstant(d: PortInDetails): string | undefined {
  if (!d.actualFocDate) return undefined;
  if (!d.triggered) return d.actualFocDate;
  if (d.autoActivationDate) return new Date(Date.parse(d.autoActivationDate)).toISOString();
  return new Date(
    easternInstant(easternDay(Date.parse(d.actualFocDate)), TRIGGERED_FALLBACK_MINUTES),
  ).toISOString();
}

// ---- the moves ---------------------------------------------------------------------------------

const changed = (order: PortInOrder, d: Partial<PortInDetails>): PortInDetails => ({
  ...order.details,
  ...d,
});

/** To the losing carrier: a new round; the simulated carrier answers after PORT_CARRIER_DELAY. */
export async function submit(
  deps: AppDeps,
  tx: Tx,
  order: PortInOrder,
  note: string,
  author: string,
): Promise<void> {
  const round = order.details.round + 1;
  await transition(
    tx.db,
    deps.clock,
    PORT_INS,
    order,
    'SUBMITTED',
    { note, author },
    changed(order, { round, errors: undefined }),
  );
  if (simulated(deps)) {
    await deps.jobs.enqueue(
      tx,
      carrierAnswerJob(deps),
      { orderId: order.id, round },
      { runAt: await after(deps, tx) },
    );
  }
}

/** The carrier confirms the FOC date; activation is scheduled for it. */
export async function confirmFoc(
  deps: AppDeps,
  tx: Tx,
  order: PortInOrder,
  foc: string,
  author: string,
): Promise<void> {
  const details = changed(order, { actualFocDate: foc, errors: undefined });
  await transition(
    tx.db,
    deps.clock,
    PORT_INS,
    order,
    'FOC',
    { note: `FOC date confirmed: ${foc}`, author },
    details,
  );
  await scheduleActivation(deps, tx, { ...order, details });
  if (order.details.losingAccountId) {
    const tns = (await numbersOfPortIn(tx.db, order.id)).map((n) => n.tn);
    await followInternalPortIn(deps, tx, order.id, tns, {
      status: 'FOC',
      focDay: easternDay(Date.parse(foc)),
    });
  }
}

export async function scheduleActivation(deps: AppDeps, tx: Tx, order: PortInOrder): Promise<void> {
  const at = activationInstant(order.details);
  if (at === undefined) return;
  await deps.jobs.enqueue(
    tx,
    activationJob(deps),
    { orderId: order.id, round: order.details.round, at },
    { runAt: Date.parse(at) },
  );
}

/** The carrier rejects the order: EXCEPTION, the error shown in `Errors`, and a note saying why. */
export async function reject(
  deps: AppDeps,
  tx: Tx,
  order: PortInOrder,
  error: PortInError,
  author: string,
): Promise<void> {
  const note = `Rejected by the losing carrier: ${error.code} ${error.description}`;
  await transition(
    tx.db,
    deps.clock,
    PORT_INS,
    order,
    'EXCEPTION',
    { note, author },
    changed(order, { errors: [error], actualFocDate: undefined }),
  );
  await recordNote(tx.db, deps.clock, PORT_INS, { ...order, status: 'EXCEPTION' }, author, note);
}

export async function cancelNow(
  deps: AppDeps,
  tx: Tx,
  order: PortInOrder,
  note: string,
  author: string,
): Promise<void> {
  await transition(tx.db, deps.clock, PORT_INS, order, 'CANCELLED', { note, author });
  if (order.details.losingAccountId) {
    const tns = (await numbersOfPortIn(tx.db, order.id)).map((n) => n.tn);
    await followInternalPortIn(deps, tx, order.id, tns, { status: 'CANCELLED' });
  }
  await releaseNumbers(tx.db, order.id);
}

/** A cancel once the carrier has the order: it must acknowledge it. */
export async function requestCancel(
  deps: AppDeps,
  tx: Tx,
  order: PortInOrder,
  author: string,
): Promise<void> {
  await transition(tx.db, deps.clock, PORT_INS, order, 'REQUESTED_CANCEL', {
    note: 'Cancellation requested',
    author,
  });
  if (simulated(deps)) {
    await deps.jobs.enqueue(
      tx,
      cancelAckJob(deps),
      { orderId: order.id, round: order.details.round },
      { runAt: await after(deps, tx) },
    );
  }
}

/**
 * Activation: the numbers (all those not yet activated) go in service on the order's account, site
 * and SIP peer, and the order is COMPLETE, all in the caller's transaction. Numbers the inventory
 * refuses (taken meanwhile) are recorded as failed on the order.
 */
export async function activate(deps: AppDeps, tx: Tx, order: PortInOrder, author: string): Promise<void> {
  const numbers = await numbersOfPortIn(tx.db, order.id);
  const tns = numbers.filter((n) => n.activatedAt === undefined).map((n) => n.tn);
  const now = deps.clock.now().toISOString();
  const siteId = order.siteId;
  const peerId = order.sipPeerId;
  if (siteId === undefined || peerId === undefined)
    throw new Error(`port-in ${order.id} has no site or peer`);
  // The order's peer may have been deleted meanwhile: the site's default peer takes the numbers, and
  // with none the order cannot be activated (7311) until a SUPP names a peer.
  const peer = (await holdSipPeer(tx.db, deps.database.dialect, peerId))
    ? peerId
    : await defaultPeerIdOf(tx.db, siteId);
  if (peer === undefined || !(await holdSipPeer(tx.db, deps.database.dialect, peer))) {
    const e = PortInErrors.peerInvalid;
    await reject(deps, tx, order, { code: e.code, description: e.template }, author);
    return;
  }
  const d = order.details;
  const ref: OrderRef = {
    id: order.id,
    type: PORT_IN_ORDER_TYPE,
    createdAt: order.createdAt,
    status: 'COMPLETE',
  };
  const result = await admitPortedNumbers(tx.db, deps.clock, await placesOf(deps, tx.db, tns), {
    accountId: order.accountId,
    siteId,
    sipPeerId: peer,
    order: ref,
    userId: author,
    portedFrom: d.losingCarrier.spid,
    protected: d.tnAttributes.includes('Protected') ? true : undefined,
    losingAccountId: d.losingAccountId,
  });
  await markActivated(tx.db, order.id, result.changed, now);
  const refused = PortInErrors.tnInService;
  await insertOrderNumbers(
    tx.db,
    order.id,
    [
      ...result.changed.map((tn): OrderNumber => ({ tn, outcome: 'completed' })),
      ...result.refused.map((tn): OrderNumber => ({
        tn,
        outcome: 'failed',
        errorCode: refused.code,
        errorDescription: refused.template,
      })),
    ],
    now,
  );
  const to: PortInStatus = 'COMPLETE';
  await transition(tx.db, deps.clock, PORT_INS, order, to, {
    note: `Port-in complete: ${result.changed.length} of ${numbers.length} numbers activated`,
    author,
  });
  if (d.losingAccountId) {
    await followInternalPortIn(
      deps,
      tx,
      order.id,
      numbers.map((n) => n.tn),
      {
        status: 'COMPLETE',
        moved: result.changed,
      },
    );
  }
  await releaseNumbers(tx.db, order.id);
}
