import type { AppDeps } from '../../context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { ApiError } from '../../platform/http/api-error.js';
import { responseStatusShape } from '../../platform/http/error-shapes.js';
import { x, type RootIn, type RootOut } from '../../platform/xml/schema.js';
import { text } from '../../shared/fields.js';
import { recordEvent } from './order-machine.js';
import { insertNote, orderNotes, type OrderRow } from './order-records.store.js';
import { OrderCommonErrors } from './orders-common.errors.js';

/**
 * Notes of an order (every order kind has them, the same way): appended, never edited. A note's id
 * is the last segment of the `Location` its POST returns and its `<Id>` in the list, as the
 * clients match them.
 */
export const NoteRequestXml = x.root('Note', { UserId: x.text(), Description: x.text() });

export const NotesXml = x.root('Notes', {
  Note: x.repeated(
    x.object({ Id: x.text(), UserId: x.text(), Description: x.text(), LastDateModifier: x.text() }),
  ),
});

/** 400 of a note POST: `NoteResponse/ResponseStatus`. */
export const noteErrorShape = responseStatusShape('NoteResponse');

const MAX_DESCRIPTION = 500;
/** A user name, as long as the catalogue allows one to be (12500). */
const MAX_USER_ID = 100;

export async function addNote(
  deps: AppDeps,
  order: Pick<OrderRow, 'id' | 'account_id' | 'kind' | 'status'>,
  body: RootIn<typeof NoteRequestXml>,
): Promise<number> {
  const userId = text(body.UserId);
  if (userId === undefined) throw ApiError.of(OrderCommonErrors.noteUserRequired);
  if (userId.length > MAX_USER_ID)
    throw ApiError.of(OrderCommonErrors.noteUserTooLong, `${userId.slice(0, 20)}…`);
  const description = text(body.Description);
  if (description === undefined) throw ApiError.of(OrderCommonErrors.noteDescriptionRequired);
  if (description.length > MAX_DESCRIPTION) {
    throw ApiError.of(
      OrderCommonErrors.noteDescriptionTooLong,
      'Description',
      `${description.slice(0, 20)}…`,
      MAX_DESCRIPTION,
    );
  }
  return inTransaction(deps.database.db, async (tx) => {
    const id = await insertNote(tx.db, order.id, userId, description, deps.clock.now().toISOString());
    await recordEvent(tx.db, deps.clock, {
      orderId: order.id,
      accountId: order.account_id,
      kind: order.kind,
      status: order.status,
      message: description,
      event: 'note',
    });
    return id;
  });
}

/** The order's notes, oldest first; empty means the route answers 204. */
export async function notesOf(deps: AppDeps, orderId: string): Promise<RootOut<typeof NotesXml>> {
  const rows = await orderNotes(deps.database.db, orderId);
  return {
    Note: rows.map((n) => ({
      Id: n.id,
      UserId: n.user_id,
      Description: n.description,
      LastDateModifier: n.created_at,
    })),
  };
}
