import type { ErrorShape } from '../../platform/http/error-shapes.js';
import { encodeXml } from '../../platform/xml/encode.js';
import { x, type RootIn, type RootOut } from '../../platform/xml/schema.js';
import type { DocumentMetadata } from './port-documents.service.js';
import type { DocumentInfo } from './portins.store.js';

/**
 * The LOA file payloads (rows 28–35), lower-camel as Bandwidth spells them: `fileListResponse`
 * (names, or `fileData` with metadata), `fileUploadResponse`, and `FileMetaData`. A non-zero
 * `resultCode` is how the clients recognise a failure.
 */
export const FileMetaDataXml = x.root('FileMetaData', { DocumentName: x.text(), DocumentType: x.text() });

export const DocumentListXml = x.root('fileListResponse', {
  fileCount: x.text(),
  fileNames: x.repeated(x.text()),
  fileData: x.repeated(
    x.object({
      FileName: x.text(),
      FileMetaData: x.object({ DocumentName: x.text(), DocumentType: x.text() }),
    }),
  ),
  resultCode: x.text(),
  resultMessage: x.text(),
});

export const UploadResultXml = x.root('fileUploadResponse', {
  filename: x.text(),
  resultCode: x.text(),
  resultMessage: x.text(),
});

export function documentListToXml(
  docs: readonly DocumentInfo[],
  metadata: boolean,
): RootOut<typeof DocumentListXml> {
  return {
    fileCount: docs.length,
    fileNames: metadata ? undefined : docs.map((d) => d.id),
    fileData: metadata ? docs.map((d) => ({ FileName: d.id, FileMetaData: metadataToXml(d) })) : undefined,
    resultCode: 0,
    resultMessage: docs.length > 0 ? 'LOA file list successfully returned' : 'No LOA files found for order',
  };
}

export function metadataToXml(d: DocumentInfo): RootOut<typeof FileMetaDataXml> {
  return { DocumentName: d.document_name ?? undefined, DocumentType: d.document_type };
}

export function metadataInputOf(b: RootIn<typeof FileMetaDataXml>): DocumentMetadata {
  return { documentName: b.DocumentName, documentType: b.DocumentType };
}

/** Failures of the LOA routes: `fileUploadResponse` with the code as `resultCode`. */
export const uploadErrorShape: ErrorShape = (err) =>
  encodeXml(UploadResultXml, { resultCode: err.code, resultMessage: err.description });

/** Reading a file or its metadata: an unknown one is a 404 with no body (rows 30, 33); others as above. */
export const documentReadErrorShape: ErrorShape = (err) =>
  err.status === 404 ? null : uploadErrorShape(err);
