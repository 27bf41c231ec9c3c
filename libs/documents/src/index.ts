export { DOCUMENT_STORAGE, type DocumentStorage } from './document-storage';
export { DocumentStorageModule } from './document-storage.module';
export { LocalDocumentStorage } from './local-document-storage';
export { DOCUMENT_ERROR_CODES, DocumentError, type DocumentErrorCode } from './document-errors';
export { uploadLimitsFrom, type UploadLimits } from './upload-limits';
export { readLimited, tooLarge } from './read-limited';
export { storeUpload, storageKeyOf, type UploadInput } from './store-upload';
export {
  findDocument,
  InvalidDocumentCursorError,
  listDocuments,
  type DocumentPage,
  type StoredDocument,
} from './document-queries';
export { decodeDocumentCursor, encodeDocumentCursor, type DocumentCursor } from './document-cursor';
export { deleteUnattachedDocument } from './delete-document';
export { purgeOrphanUploads, type OrphanPurgeOptions } from './orphan-uploads';
