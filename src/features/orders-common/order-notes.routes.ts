import type { AppDeps } from '../../context.js';
import { created, noContent, okXml, type RouteDef } from '../../platform/http/routes.js';
import type { OrderKind } from '../../platform/db/tables.js';
import { Roles } from '../../roles.js';
import { addNote, NoteRequestXml, noteErrorShape, notesOf, NotesXml } from './order-notes.js';

/**
 * `POST/GET /accounts/{id}/{collection}/{orderId}/notes` for an order kind: the same two routes
 * for every kind, given how to find one of its orders (404 in the kind's own words otherwise).
 */
export function orderNoteRoutes(
  deps: AppDeps,
  collection: string,
  kind: OrderKind,
  find: (accountId: string, orderId: string) => Promise<{ readonly id: string; readonly status: string }>,
): RouteDef[] {
  const path = `/accounts/:accountId/${collection}/:orderId/notes`;
  const access = { account: true, role: Roles.ordering } as const;
  return [
    {
      method: 'POST',
      path,
      errorShape: noteErrorShape,
      access,
      handle: async ({ param, body, url }) => {
        const accountId = param('accountId');
        const order = await find(accountId, param('orderId'));
        const id = await addNote(
          deps,
          { id: order.id, account_id: accountId, kind, status: order.status },
          body(NoteRequestXml),
        );
        return created(url(`/accounts/${accountId}/${collection}/${order.id}/notes/${id}`));
      },
    },
    {
      method: 'GET',
      path,
      errorShape: noteErrorShape,
      access,
      handle: async ({ param }) => {
        const order = await find(param('accountId'), param('orderId'));
        const notes = await notesOf(deps, order.id);
        return notes.Note?.length ? okXml(NotesXml, notes) : noContent();
      },
    },
  ];
}
