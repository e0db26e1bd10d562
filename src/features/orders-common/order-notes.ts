import { CommonErrors } from '../../shared/errors.js';
import type { AppDeps } from '../../context.js';
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { ApiError } from '../../platform/http/api-error.js';
import { text } from '../../shared/fields.js';
import { lockOrder, type Order, type OrderKind } from './order-kind.js';
import { recordEvent } from './order-lifecycle.js';
import { OrderCommonErrors } from './orders-common.errors.js';
import { insertNote, orderNotes } from './orders-common.store.js';

/**
 * Notes of an order (every kind has them, the same way): appended, never edited. A note's id is the
 * last segment of the `Location` its POST returns and its `<Id>` in the list, as the clients match
 * them. Adding one is an event for notifications.
 */
export interface NoteInput {
  readonly userId?: string | undefined;
  readonly description?: string | undefined;
}

export interface Note {
  readonly id: number;
  readonly userId: string;
  readonly description: string;
  readonly at: string;
}

const MAX_DESCRIPTION = 500;
/** A user name, as long as the catalogue allows one to be (12500). */
const MAX_USER_ID = 100;

export async function addNote<S extends string, D>(
  deps: AppDeps,
  kind: OrderKind<S, D>,
  order: Order<S, D>,
  input: NoteInput,
): Promise<number> {
  const userId = text(input.userId);
  if (userId === undefined) throw ApiError.of(OrderCommonErrors.noteUserRequired);
  if (userId.length > MAX_USER_ID) throw ApiError.of(OrderCommonErrors.noteUserTooLong, userId);
  const description = text(input.description);
  if (description === undefined) throw ApiError.of(OrderCommonErrors.noteDescriptionRequired);
  if (description.length > MAX_DESCRIPTION) {
    throw ApiError.of(CommonErrors.tooLong, 'Description', description, MAX_DESCRIPTION);
  }
  return inTransaction(deps.database.db, async (tx) => {
    // Locked like a transition locks it, so the note's event (and its notifications) fall in order
    // with the order's status changes, and carry the status as it is now.
    const current = (await lockOrder(tx.db, deps.database.dialect, kind, order.id)) ?? order;
    return recordNote(tx.db, deps.clock, kind, current, userId, description);
  });
}

/** A note written in the caller's transaction (a system note beside a status change), with its event. */
export async function recordNote<S extends string, D>(
  db: Executor,
  clock: Clock,
  kind: OrderKind<S, D>,
  order: Pick<Order<S, D>, 'id' | 'accountId' | 'status'>,
  userId: string,
  description: string,
): Promise<number> {
  const id = await insertNote(db, order.id, userId, description, clock.now().toISOString());
  await recordEvent(db, clock, {
    orderId: order.id,
    accountId: order.accountId,
    kind,
    status: order.status,
    message: description,
    event: 'note',
  });
  return id;
}

/** The order's notes, oldest first. */
export async function notesOf(deps: AppDeps, orderId: string): Promise<Note[]> {
  const rows = await orderNotes(deps.database.db, orderId);
  return rows.map((n) => ({ id: n.id, userId: n.user_id, description: n.description, at: n.created_at }));
}
