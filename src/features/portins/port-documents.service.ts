import type { AppDeps } from '../../context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { ApiError } from '../../platform/http/api-error.js';
import { ProtocolErrors } from '../../platform/http/protocol-errors.js';
import { oneOf, text } from '../../shared/fields.js';
import { requireOrder } from '../orders-common/index.js';
import { submit } from './portins.jobs.js';
import { PortInErrors } from './portins.errors.js';
import { PORT_INS } from './portins.kind.js';
import { lockForChange } from './portins.service.js';
import {
  deleteDocument,
  documentsOf,
  findDocument,
  findDocumentInfo,
  insertDocument,
  updateDocument,
  type DocumentInfo,
  type DocumentRow,
} from './portins.store.js';

/**
 * A port-in's documents (LOAs, invoices, customer service records): raw uploads of the types below,
 * whose bytes must be what their type says, up to 10 MB each, kept in the database so every
 * instance serves them. The first upload submits a PENDING_DOCUMENTS order to the losing carrier.
 */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_TYPES = ['LOA', 'INVOICE', 'CSR', 'OTHER'] as const;

interface FileKind {
  readonly mediaType: string;
  readonly extension: string;
  readonly matches: (b: Buffer) => boolean;
}

const starts = (b: Buffer, ...bytes: number[]) => bytes.every((x, i) => b[i] === x);
/** The accepted types, by their magic bytes (text/plain: UTF-8 without NUL bytes). */
export const FILE_KINDS: readonly FileKind[] = [
  {
    mediaType: 'application/pdf',
    extension: 'pdf',
    matches: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  },
  {
    mediaType: 'image/tiff',
    extension: 'tif',
    matches: (b) => starts(b, 0x49, 0x49, 0x2a, 0x00) || starts(b, 0x4d, 0x4d, 0x00, 0x2a),
  },
  { mediaType: 'image/jpeg', extension: 'jpg', matches: (b) => starts(b, 0xff, 0xd8, 0xff) },
  {
    mediaType: 'image/png',
    extension: 'png',
    matches: (b) => starts(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  },
  {
    mediaType: 'image/gif',
    extension: 'gif',
    matches: (b) => b.subarray(0, 6).toString('latin1').startsWith('GIF8'),
  },
  {
    mediaType: 'text/plain',
    extension: 'txt',
    matches: (b) => !b.includes(0) && Buffer.from(b.toString('utf8'), 'utf8').equals(b),
  },
];
export const UPLOAD_MEDIA_TYPES = [...FILE_KINDS.map((k) => k.mediaType), 'application/octet-stream'];

/** The kind of an upload: its declared type, whose bytes must match; an octet stream is sniffed. */
function kindOf(mediaType: string, content: Buffer): FileKind {
  const declared = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (content.length === 0) throw ApiError.of(ProtocolErrors.badRequest, 'The document is empty');
  if (declared === 'application/octet-stream' || declared === '') {
    const sniffed = FILE_KINDS.find((k) => k.matches(content));
    if (!sniffed) throw ApiError.of(ProtocolErrors.documentUnrecognised);
    return sniffed;
  }
  const kind = FILE_KINDS.find((k) => k.mediaType === declared);
  if (!kind) throw ApiError.of(ProtocolErrors.uploadTypeNotAccepted, declared, UPLOAD_MEDIA_TYPES.join(', '));
  if (!kind.matches(content)) throw ApiError.of(ProtocolErrors.documentNotOfType, declared);
  return kind;
}

function documentType(value: string | undefined): (typeof DOCUMENT_TYPES)[number] {
  const t = text(value);
  if (t === undefined) return 'LOA';
  return (
    oneOf(t, DOCUMENT_TYPES) ??
    (() => {
      throw ApiError.of(PortInErrors.documentTypeInvalid);
    })()
  );
}

export interface Upload {
  readonly mediaType: string;
  readonly content: Buffer;
  /** `documentType` query parameter (the later specs'); default LOA. */
  readonly documentType?: string | undefined;
}

/** POST …/loas: stores the document; the first one submits the order. Returns the file name. */
export async function uploadDocument(
  deps: AppDeps,
  accountId: string,
  orderId: string,
  upload: Upload,
  userId: string,
): Promise<string> {
  const kind = kindOf(upload.mediaType, upload.content);
  const type = documentType(upload.documentType);
  return inTransaction(deps.database.db, async (tx) => {
    const order = await lockForChange(deps, tx, accountId, orderId);
    const now = deps.clock.now();
    // Ids are the order id and the upload time; two uploads in one millisecond take the next one.
    let ms = now.getTime();
    while (await findDocumentInfo(tx.db, order.id, `${order.id}-${ms}.${kind.extension}`)) ms += 1;
    const id = `${order.id}-${ms}.${kind.extension}`;
    const at = now.toISOString();
    const row: DocumentRow = {
      id,
      order_id: order.id,
      media_type: kind.mediaType,
      size: upload.content.length,
      content: upload.content,
      document_name: null,
      document_type: type,
      created_at: at,
      updated_at: at,
    };
    await insertDocument(tx.db, row);
    if (order.status === 'PENDING_DOCUMENTS') {
      await submit(deps, tx, order, `${type} received; order submitted to the losing carrier`, userId);
    }
    return id;
  });
}

/** PUT …/loas/{file}: new bytes for a document (its type may change; its name stays). */
export async function replaceDocument(
  deps: AppDeps,
  accountId: string,
  orderId: string,
  fileId: string,
  upload: Upload,
): Promise<string> {
  const kind = kindOf(upload.mediaType, upload.content);
  await inTransaction(deps.database.db, async (tx) => {
    const order = await lockForChange(deps, tx, accountId, orderId);
    const done = await updateDocument(tx.db, order.id, fileId, {
      media_type: kind.mediaType,
      size: upload.content.length,
      content: upload.content,
      updated_at: deps.clock.now().toISOString(),
    });
    if (!done) throw ApiError.of(ProtocolErrors.notFound);
  });
  return fileId;
}

export async function listDocuments(
  deps: AppDeps,
  accountId: string,
  orderId: string,
): Promise<DocumentInfo[]> {
  const order = await requireOrder(deps, PORT_INS, accountId, orderId);
  return documentsOf(deps.database.db, order.id);
}

export async function readDocument(
  deps: AppDeps,
  accountId: string,
  orderId: string,
  fileId: string,
): Promise<DocumentRow> {
  const order = await requireOrder(deps, PORT_INS, accountId, orderId);
  return (await findDocument(deps.database.db, order.id, fileId)) ?? fail();
}

export async function documentInfo(
  deps: AppDeps,
  accountId: string,
  orderId: string,
  fileId: string,
): Promise<DocumentInfo> {
  const order = await requireOrder(deps, PORT_INS, accountId, orderId);
  return (await findDocumentInfo(deps.database.db, order.id, fileId)) ?? fail();
}

function fail(): never {
  throw ApiError.of(ProtocolErrors.notFound);
}

export interface DocumentMetadata {
  readonly documentName?: string | undefined;
  readonly documentType?: string | undefined;
}

/** PUT …/metadata: its name (≤ 50) and type; DELETE …/metadata: back to an unnamed LOA. */
export async function setDocumentMetadata(
  deps: AppDeps,
  accountId: string,
  orderId: string,
  fileId: string,
  meta: DocumentMetadata | undefined,
): Promise<void> {
  const name = text(meta?.documentName);
  if (name !== undefined && name.length > 50) throw ApiError.of(PortInErrors.documentNameTooLong);
  const type = meta ? documentType(meta.documentType) : 'LOA';
  await inTransaction(deps.database.db, async (tx) => {
    const order = await lockForChange(deps, tx, accountId, orderId);
    const done = await updateDocument(tx.db, order.id, fileId, {
      document_name: name ?? null,
      document_type: type,
      updated_at: deps.clock.now().toISOString(),
    });
    if (!done) fail();
  });
}

export async function removeDocument(
  deps: AppDeps,
  accountId: string,
  orderId: string,
  fileId: string,
): Promise<void> {
  await inTransaction(deps.database.db, async (tx) => {
    const order = await lockForChange(deps, tx, accountId, orderId);
    if (!(await deleteDocument(tx.db, order.id, fileId))) fail();
  });
}
